package kverify.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * {@code kverify replay FILE}: dispatches on the file's first line to the subsystem's replayer,
 * which prints the model and every variant side by side; then judges the file's expectation
 * ({@link Expectation}). Exit 0: every judged variant behaves as the file expects; 1: one does
 * not; 2: bad input (one {@code FILE:LINE: message}).
 */
final class Replay {
    private Replay() {
    }

    @FunctionalInterface
    interface Replayer {
        int run(Path file, PrintStream out);
    }

    static int run(List<String> args, PrintStream out) {
        if (args.size() != 1) {
            throw new UsageError("replay takes exactly one FILE");
        }
        Path file = Paths.get(args.get(0));
        String header = header(file);
        ReplayerRegistry.Entry entry = ReplayerRegistry.entries().stream().filter(e -> header.startsWith(e.headerPrefix()))
                .findFirst().orElseThrow(() -> new UsageError(file + ":" + headerLine(readLines(file)) + ": unknown file type: first line '"
                        + header + "' is none of " + ReplayerRegistry.entries().stream().map(ReplayerRegistry.Entry::headerPrefix).toList()));
        int printed = entry.replayer().run(file, out);
        if (printed != 0) {
            return printed;
        }
        List<String> verdicts = Expectation.of(readLines(file)).judge(entry.verdicts().firstKeys(file));
        verdicts.forEach(l -> out.println("expected: " + l));
        boolean ok = verdicts.stream().allMatch(l -> l.startsWith("ok"));
        out.println(ok ? "replay: every judged variant behaves as the file expects (exit 0)"
                : "replay: NOT as the file expects (exit 1)");
        return ok ? 0 : 1;
    }

    /** The first non-blank line of the file, trimmed. */
    static String header(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageError(file + ": no such file");
        }
        List<String> lines = readLines(file);
        int i = headerLine(lines);
        if (i > lines.size()) {
            throw new UsageError(file + ":1: empty file");
        }
        return lines.get(i - 1).trim();
    }

    /** The 1-based number of the first non-blank line (size + 1 if there is none). */
    private static int headerLine(List<String> lines) {
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i + 1;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UsageError(file + ": cannot read: " + e.getMessage());
        }
    }
}
