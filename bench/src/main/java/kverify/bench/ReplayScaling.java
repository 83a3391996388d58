package kverify.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import kverify.properties.luo.LuoTraceReplay;

/**
 * Part 6 (issue 12): replay time against trace length. A trace of one session and n
 * preserve-file lines at the real geometry (then reboot, setup, open-device, retrieve of the
 * session and its last file) is replayed on the model and every variant by {@code kverify
 * replay}'s own code, for n = 10,000, 20,000, 40,000; each doubling of n should about double the
 * time. The traces are written by {@link ScaleTraces}, the same writer as the large traces.
 */
final class ReplayScaling {
    private static final String P = "6 replay";
    private static final int[] LINES = {10_000, 20_000, 40_000};

    private ReplayScaling() {
    }

    static void run(Table t) {
        try {
            Path dir = Files.createTempDirectory("kverify-replay-scaling");
            replay(ScaleTraces.preserveLines(dir.resolve("warm-up.trace"), 2_000));
            double previous = 0;
            for (int n : LINES) {
                Path trace = ScaleTraces.preserveLines(dir.resolve("files-" + n + ".trace"), n);
                double s = Timing.measure(0, 3, () -> Timing.time(() -> replay(trace))).medianSeconds();
                t.add(P, String.format(Locale.ROOT, "replay of %,d preserve-file lines (one session, real geometry), model + every variant", n),
                        Table.seconds(s), previous == 0 ? String.format(Locale.ROOT, "%.1f us per line", s * 1e6 / n)
                                : String.format(Locale.ROOT, "%.2fx the time of half as many lines (linear: 2x); %.1f us per line",
                                        s / previous, s * 1e6 / n));
                previous = s;
                Files.delete(trace);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One replay, its output discarded; it must agree on CORRECTED at every step (exit 0). */
    private static void replay(Path trace) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        int rc = LuoTraceReplay.run(trace, new PrintStream(sink, true, StandardCharsets.UTF_8));
        String out = sink.toString(StandardCharsets.UTF_8);
        if (rc != 0 || !out.contains("CORRECTED: agrees with the model at every step")) {
            throw new IllegalStateException("replay of " + trace + " (exit " + rc + "): " + out.substring(Math.max(0, out.length() - 2000)));
        }
    }
}
