package kverify.properties.mk;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kverify.engine.Divergence;
import kverify.impl.mk.MkVariant;
import kverify.model.mk.MkKernel;
import kverify.model.mk.MkOp;

/**
 * Replays a multikernel trace on the model and on every variant, printing each step's outcome
 * side by side, where each variant first diverges and each consequence after that (the variant
 * followed alone; each broken invariant once). The model column is the contract on the interface of the trace's
 * variant; each variant is compared with the model on its own version's interface (V19). Returns 0; a malformed trace prints
 * {@code FILE:LINE: message} and returns 2.
 */
public final class MkTraceReplay {
    private MkTraceReplay() {
    }

    /** {@code MkTraceReplay FILE}: replays one trace; the exit status is run()'s return value. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.out.println("usage: MkTraceReplay TRACE-FILE");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), System.out));
    }

    public static int run(Path trace, PrintStream out) {
        MkTrace t;
        try {
            t = MkTraceParser.parse(Files.readAllLines(trace, StandardCharsets.UTF_8));
        } catch (MalformedTrace e) {
            out.println(e.located(trace.toString()));
            return 2;
        } catch (IOException | java.io.UncheckedIOException e) {
            out.println(trace + ":1: cannot read: " + e.getMessage());
            return 2;
        }
        out.println("replay " + trace + " (recorded on " + t.variant() + ")");
        t.comments().forEach(c -> out.println("# " + c));
        replay(t, out);
        return 0;
    }

    /** One line per step for the model and each variant, then one summary line per variant. */
    private static void replay(MkTrace t, PrintStream out) {
        MkKernel model = MkSubjects.model(t.machine(), t.variant().version());
        Map<MkVariant, MkDuel> duels = new LinkedHashMap<>();
        Map<MkVariant, String> diverged = new LinkedHashMap<>();
        for (MkVariant v : MkVariant.values()) {
            duels.put(v, MkSubjects.duel(v, t.machine()));
        }
        List<MkOp> ops = t.ops();
        for (int i = 0; i < ops.size(); i++) {
            MkOp op = ops.get(i);
            out.println("#" + (i + 1) + " " + MkTracePrinter.op(op));
            StringBuilder row = new StringBuilder("    model: ").append(model.apply(op));
            for (Map.Entry<MkVariant, MkDuel> e : duels.entrySet()) {
                Optional<Divergence> d = e.getValue().step(op);
                row.append(" | ").append(e.getKey()).append(": ").append(e.getValue().lastImpl());
                if (d.isPresent() && !diverged.containsKey(e.getKey())) {
                    diverged.put(e.getKey(), "step " + (i + 1) + ": " + d.get().key());
                    row.append(" <- diverges: ").append(d.get().key());
                    e.getValue().followConsequences();
                } else if (d.isPresent()) {
                    // Each invariant is reported once (MkDuel), so every consequence is listed: a
                    // known one (another defect) may come before the one a finding records.
                    diverged.put(e.getKey(), diverged.get(e.getKey()) + "; then step " + (i + 1) + ": " + d.get().key());
                    row.append(" <- ").append(d.get().key());
                }
            }
            out.println(row);
        }
        for (MkVariant v : MkVariant.values()) {
            out.println(v + ": " + diverged.getOrDefault(v, "agrees with the model at every step"));
        }
    }
}
