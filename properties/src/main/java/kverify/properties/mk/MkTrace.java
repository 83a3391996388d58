package kverify.properties.mk;

import java.util.List;
import kverify.impl.mk.MkVariant;
import kverify.model.mk.Machine;
import kverify.model.mk.MkOp;

/**
 * A multikernel trace: the variant it was found on, the machine, and the operations in order.
 * {@code comments} are the file's {@code #} lines (explanation, seed, property), kept for reports.
 */
public record MkTrace(MkVariant variant, Machine machine, List<MkOp> ops, List<String> comments) {
    public MkTrace {
        ops = List.copyOf(ops);
        comments = List.copyOf(comments);
    }

    /** The value of a {@code # name: value} comment, or null. */
    public String comment(String name) {
        String prefix = name + ":";
        for (String c : comments) {
            if (c.startsWith(prefix)) {
                return c.substring(prefix.length()).trim();
            }
        }
        return null;
    }
}
