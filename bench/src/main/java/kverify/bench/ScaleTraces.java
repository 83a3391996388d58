package kverify.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Writes the large LUO traces of issue 12, part 3, written by a program and saying so (they are
 * not findings): the session limit (8,190,001 creates, the last refused with ENOSPC, then the
 * round trip), the file limit (one session, 1,270,001 preserves in one bulk line, the last
 * refused), and n preserve-file lines for the replay-scaling part. Run as
 * {@code java -cp bench/target/kverify-bench.jar kverify.bench.ScaleTraces DIR}; then
 * {@code ./kverify replay DIR/sessions-8190001.trace}.
 */
public final class ScaleTraces {
    private static final String HEADER = "kverify-trace luo v1\nvariant: CORRECTED\ngeometry: real\n";

    private ScaleTraces() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ScaleTraces DIR");
            System.exit(2);
        }
        Path dir = Paths.get(args[0]);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(dir.resolve("sessions-8190001.trace"), "# written by kverify.bench.ScaleTraces: the session limit and a full round trip\n"
                + "create-sessions s 8190001\nreboot\nsetup\nopen-device\nretrieve-session s0\nretrieve-session s8189999\n");
        write(dir.resolve("files-1270001.trace"), "# written by kverify.bench.ScaleTraces: the file limit of one session and its round trip\n"
                + "create-session big\npreserve-files big 1270001 token=0x0 kind=a data=0x0\nreboot\nsetup\nopen-device\n"
                + "retrieve-session big\nretrieve-file big token=0x1360ef\nfinish big\n");
        System.out.println("wrote " + dir.resolve("sessions-8190001.trace") + " and " + dir.resolve("files-1270001.trace"));
    }

    /** One session, n preserve-file lines (tokens 0 .. n-1), then the round trip and one retrieve. */
    static Path preserveLines(Path file, int n) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write("# written by kverify.bench.ScaleTraces: " + n + " preserve-file lines\ncreate-session big\n");
            for (int t = 0; t < n; t++) {
                w.write("preserve-file big token=0x" + Integer.toHexString(t) + " kind=a data=0x" + Integer.toHexString(t) + "\n");
            }
            w.write("reboot\nsetup\nopen-device\nretrieve-session big\nretrieve-file big token=0x" + Integer.toHexString(n - 1) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void write(Path file, String body) {
        try {
            Files.writeString(file, HEADER + body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
