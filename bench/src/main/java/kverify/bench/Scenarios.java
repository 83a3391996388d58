package kverify.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kverify.impl.luo.LuoVariant;

/**
 * Runs the scenario benchmarks of issue 7 in one JVM and prints one results table (markdown):
 * <pre>
 * java -Xmx3g -cp bench/target/kverify-bench.jar kverify.bench.Scenarios [PART...] [--out=FILE]
 * PART: roundtrip, cycle, segment, scaling, throughput, replay (default: all, in this order)
 * </pre>
 * The round trip runs first, in a JVM nothing else has run in: after the throughput part its GC
 * share read 19-35% (2026-12-03, at 55a634d and at 4fe1ffb alike) against 5-6% alone, although
 * every part starts on a collected heap (the parallel collector sizes its generations by what
 * ran before). Every
 * scenario checks its own results (outcomes, counts, equal bytes) and stops with a message if one
 * is wrong; no figure is asserted against a wall-clock limit.
 */
public final class Scenarios {
    private static final List<String> ALL = List.of("roundtrip", "cycle", "segment", "scaling", "throughput", "replay");

    private Scenarios() {
    }

    public static void main(String[] args) throws IOException {
        List<String> parts = new ArrayList<>();
        Path out = null;
        for (String a : args) {
            if (a.startsWith("--out=")) {
                out = Path.of(a.substring("--out=".length()));
            } else if (ALL.contains(a)) {
                parts.add(a);
            } else {
                System.err.println("unknown argument '" + a + "'; parts: " + ALL + ", option --out=FILE");
                System.exit(2);
            }
        }
        if (parts.isEmpty()) {
            parts.addAll(ALL);
        }
        Table t = new Table();
        for (String part : ALL) {
            if (parts.contains(part)) {
                System.out.println("== " + part + " (load average " + Table.loadAverage() + ")");
                runPart(part, t);
            }
        }
        String report = "## Machine\n\n" + Table.machine() + "\n## Results\n\n" + t.markdown();
        System.out.println();
        System.out.println(report);
        if (out != null) {
            Files.writeString(out, report);
        }
    }

    private static void runPart(String part, Table t) {
        // Each part starts on a collected heap: the previous part's garbage (the cycle part's
        // real-geometry chains, the throughput part's cases) would otherwise be collected inside
        // this part's timed trials. At 73e115c the segment part, run after the cycle part, read
        // 0.40-0.60 of arraycopy where the segment part alone read 0.55-0.79.
        System.gc();
        switch (part) {
            case "cycle" -> CycleRejection.run(t);
            case "segment" -> SegmentLoad.run(t);
            case "scaling" -> Scaling.run(t);
            case "throughput" -> PropertyThroughput.run(t);
            case "roundtrip" -> RoundTrip.run(t, LuoVariant.AS_POSTED);
            case "replay" -> ReplayScaling.run(t);
            default -> throw new IllegalArgumentException(part);
        }
    }
}
