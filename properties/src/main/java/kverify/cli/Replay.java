package kverify.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** {@code kverify replay FILE}: dispatches on the file's first line to the subsystem's replayer. */
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
        if (!Files.isRegularFile(file)) {
            throw new UsageError(file + ": no such file");
        }
        List<String> lines = readLines(file);
        int headerLine = 0;
        while (headerLine < lines.size() && lines.get(headerLine).isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.size()) {
            throw new UsageError(file + ":1: empty file");
        }
        String header = lines.get(headerLine).trim();
        for (ReplayerRegistry.Entry e : ReplayerRegistry.entries()) {
            if (header.startsWith(e.headerPrefix())) {
                return e.replayer().run(file, out);
            }
        }
        throw new UsageError(file + ":" + (headerLine + 1) + ": unknown file type: first line '" + header + "' is none of "
                + ReplayerRegistry.entries().stream().map(ReplayerRegistry.Entry::headerPrefix).toList());
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UsageError(file + ": cannot read: " + e.getMessage());
        }
    }
}
