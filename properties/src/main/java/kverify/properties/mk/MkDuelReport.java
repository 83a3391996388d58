package kverify.properties.mk;

import kverify.model.mk.MemoryImage;
import kverify.model.mk.MkOp;
import kverify.model.mk.MkState;
import kverify.model.mk.StepResult;

/** The text of a divergence: the step, both results, both states, and a hex dump where memory differs. */
final class MkDuelReport {
    private MkDuelReport() {
    }

    static String render(int step, MkOp op, String why, MkState modelBefore, StepResult model, MkState modelAfter,
            StepResult impl, MkState implAfter) {
        StringBuilder sb = new StringBuilder();
        sb.append("step ").append(step).append(": ").append(MkTracePrinter.op(op)).append('\n');
        sb.append("  ").append(why).append('\n');
        sb.append("  model result: ").append(model == null ? "(not compared)" : model).append('\n');
        sb.append("  impl result:  ").append(impl).append('\n');
        String aspect = modelAfter.firstDifference(implAfter);
        sb.append("  state: ").append(aspect == null ? "equal" : aspect + " differs").append('\n');
        sb.append("  model state: ").append(modelAfter.describe()).append('\n');
        sb.append("  impl state:  ").append(implAfter.describe()).append('\n');
        appendMemory(sb, "model", modelAfter.memory(), "impl", implAfter.memory());
        appendMemory(sb, "before", modelBefore.memory(), "impl", implAfter.memory());
        return sb.toString();
    }

    /** Hex dumps around the first byte where two memories differ (nothing if they are equal). */
    private static void appendMemory(StringBuilder sb, String aName, MemoryImage a, String bName, MemoryImage b) {
        long at = a.firstDifference(b);
        if (at < 0) {
            return;
        }
        sb.append(String.format("  memory: %s and %s first differ at PA 0x%x%n", aName, bName, at));
        sb.append("  ").append(aName).append(":\n").append(indent(a.hexDump(at, 2)));
        sb.append("  ").append(bName).append(":\n").append(indent(b.hexDump(at, 2)));
    }

    private static String indent(String lines) {
        return lines.lines().map(l -> "    " + l + "\n").reduce("", String::concat);
    }
}
