package kverify.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The results table the scenario runner prints: one row per figure, in markdown so it can be
 * pasted into docs/benchmarks.md as it is, preceded by the machine and JVM it was measured on.
 */
final class Table {
    /** One figure: which part of issue 7, what was measured, the figure, and what it is compared with. */
    record Row(String part, String measurement, String figure, String comparison) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String part, String measurement, String figure, String comparison) {
        rows.add(new Row(part, measurement, figure, comparison));
        System.out.printf(Locale.ROOT, "  [%s] %s: %s   %s%n", part, measurement, figure, comparison);
        System.out.flush();
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| part | measurement | figure | comparison / target |\n");
        sb.append("|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.part()).append(" | ").append(r.measurement()).append(" | ").append(r.figure())
                    .append(" | ").append(r.comparison()).append(" |\n");
        }
        return sb.toString();
    }

    static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "- CPU: %s, %d cores visible to the JVM%n- OS: %s %s (%s)%n- JDK: %s %s (%s)%n"
                + "- max heap: %s; JVM arguments: %s%n- load average (1, 5, 15 min) when the table was printed: %s%n",
                cpuModel(), rt.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vendor"), bytes(rt.maxMemory()),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), loadAverage());
    }

    /** The machine is shared: the load average says how much of the two cores this run could have. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: the other lines still identify the machine.
        }
        return "unknown CPU";
    }

    static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", n / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1L << 20));
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }

    static String millis(double ms) {
        return String.format(Locale.ROOT, "%.2f ms", ms);
    }

    static String rate(double bytesPerSecond) {
        return String.format(Locale.ROOT, "%.2f GB/s", bytesPerSecond / 1e9);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
