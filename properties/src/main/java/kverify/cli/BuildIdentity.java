package kverify.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Which sources a campaign ran, so that the merge refuses shards of different code: the git
 * commit of the checkout, and when tracked files differ from it, a hash of that difference
 * ({@code COMMIT+dirty:HASH}); {@code unknown} outside a git checkout (then the merge cannot
 * tell, and says so). Untracked files are not part of it.
 */
final class BuildIdentity {
    static final String UNKNOWN = "unknown";

    private BuildIdentity() {
    }

    static String of(Path dir) {
        String head = git(dir, "rev-parse", "HEAD").strip();
        if (head.isEmpty()) {
            return UNKNOWN;
        }
        String diff = git(dir, "diff", "--no-ext-diff", "HEAD");
        return diff.isEmpty() ? head : head + "+dirty:" + sha256(diff).substring(0, 16);
    }

    /** The command's standard output, or "" if git is missing or fails. */
    private static String git(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return "";
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }
}
