package kverify.properties.luo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kverify.engine.Divergence;
import kverify.engine.Property;
import kverify.engine.Source;
import kverify.impl.luo.LuoVariant;
import kverify.model.luo.LuoCall;
import kverify.model.luo.LuoConcurrent;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.LuoState;
import kverify.model.luo.Phase;

/**
 * The concurrent-calls property (issue 15, decision 39): steps of {@link LuoConcurrentGen}, each
 * concurrent one run interleaved by the implementation at the kernel's lock points and compared
 * with every serial order the model allows ({@link LuoDuel}), the others as {@link LuoInterface}
 * compares them.
 */
public final class LuoConcurrency {
    public static final String NAME_PREFIX = "luo.concurrent.";
    public static final String REBOOT_RACED_CREATE = "a reboot raced a create";
    public static final String REBOOT_RACED_PRESERVE = "a reboot raced a preserve";
    public static final String REBOOT_RACED_CLOSE = "a reboot raced a close";
    public static final String REBOOT_RACED_CREATE_OR_PRESERVE = "a reboot raced a create or a preserve";
    public static final String SESSION_CALLS_RACED = "two session calls of the first kernel interleaved";
    public static final String INCOMING_RACED = "two calls of the next kernel interleaved";
    public static final String NEXT_KERNEL_STEP = "a concurrent step in the next kernel";
    public static final String FAILED_REBOOT_RACED = "a failing reboot raced another call";
    /** The schedule let another task run just before this lock point's step (session names dropped). */
    public static final String INTERLEAVED_BEFORE = "interleave: another task ran just before ";

    private LuoConcurrency() {
    }

    public static String name(LuoVariant v, LuoGeometry g) {
        return NAME_PREFIX + v.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + g.label();
    }

    public static Property property(LuoVariant v, LuoGeometry g) {
        // Requirements at no more than half the rates a default run measured (docs/luo.md, "Concurrent calls").
        // Every variant and geometry its own case stream: the as-posted and review-suggestion
        // properties, and v7's geometries, otherwise draw the same cases (LUO-17 power, docs/campaign.md).
        return Property.named(name(v, g)).body(src -> runCase(src, v, g)).streamByName()
                .requireCoverage(REBOOT_RACED_CREATE_OR_PRESERVE, 0.05).requireCoverage(REBOOT_RACED_CLOSE, 0.05)
                .requireCoverage(SESSION_CALLS_RACED, 0.05).requireCoverage(INCOMING_RACED, 0.05).build();
    }

    public static void runCase(Source src, LuoVariant v, LuoGeometry g) {
        LuoDuel duel = new LuoDuel(v, g);
        CallContext context = new CallContext(() -> duel.model().process());
        LuoConcurrentGen gen = new LuoConcurrentGen(g);
        for (int step = 0; step < 60; step++) {
            LuoState before = duel.modelState();
            Optional<LuoOp> op = src.draw(gen.step(before, context, 25));
            if (op.isEmpty()) {
                return;
            }
            src.note(LuoTraceFormat.line(op.get()));
            LuoDuel.StepResult r = duel.step(op.get());
            if (op.get() instanceof LuoConcurrent c && r.crash() == null) {
                classify(src, c, before.phase(), duel.lastSteps(), r);
            }
            context.after(op.get(), r.model());
            if (!r.agrees()) {
                throw new Divergence(r.key(), duel.report(r));
            }
        }
    }

    /** Which tasks' step intervals overlapped, and which lock points another task ran just before. */
    static void classify(Source src, LuoConcurrent c, Phase phase, List<String> steps, LuoDuel.StepResult r) {
        int n = c.calls().size();
        if (phase == Phase.INCOMING) {
            src.classify(NEXT_KERNEL_STEP);
        }
        int[] first = new int[n];
        int[] last = new int[n];
        java.util.Arrays.fill(first, -1);
        List<String> taken = new ArrayList<>();
        for (String s : steps) {
            if (!s.endsWith(":waits")) {
                taken.add(s);
            }
        }
        for (int i = 0; i < taken.size(); i++) {
            int t = Integer.parseInt(taken.get(i).substring(0, taken.get(i).indexOf(':'))) - 1;
            if (first[t] < 0) {
                first[t] = i;
            }
            last[t] = i;
            if (i > 0 && !taken.get(i - 1).startsWith((t + 1) + ":")) {
                src.classify(INTERLEAVED_BEFORE + taken.get(i).substring(taken.get(i).indexOf(':') + 1).replaceAll(" '.*'$", ""));
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (first[a] < 0 || first[b] < 0 || !(first[a] < last[b] && first[b] < last[a])) {
                    continue;
                }
                LuoOp x = c.calls().get(a);
                LuoOp y = c.calls().get(b);
                if (x instanceof LuoOp.Reboot || y instanceof LuoOp.Reboot) {
                    LuoOp other = x instanceof LuoOp.Reboot ? y : x;
                    LuoOp.Reboot reboot = (LuoOp.Reboot) (x instanceof LuoOp.Reboot ? x : y);
                    raced(src, other);
                    if (!(reboot.fault() instanceof kverify.model.luo.RebootFault.None)) {
                        src.classify(FAILED_REBOOT_RACED);
                    }
                } else {
                    src.classify(phase == Phase.OUTGOING ? SESSION_CALLS_RACED : INCOMING_RACED);
                }
            }
        }
    }

    private static void raced(Source src, LuoOp other) {
        if (other instanceof LuoCall.SessionCall sc && sc.create()) {
            src.classify(REBOOT_RACED_CREATE);
            src.classify(REBOOT_RACED_CREATE_OR_PRESERVE);
        } else if (other instanceof LuoCall.PreserveFd) {
            src.classify(REBOOT_RACED_PRESERVE);
            src.classify(REBOOT_RACED_CREATE_OR_PRESERVE);
        } else if (other instanceof LuoCall.Close) {
            src.classify(REBOOT_RACED_CLOSE);
        }
    }
}
