package kverify.cli;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The size of a counterexample as a reader counts it, the same way for a shrunk rendering and
 * for a checked-in finding file, so the two can be compared: for a corrupted image, the number
 * of corruptions applied; for an operation trace, the number of operation lines (header fields
 * such as {@code variant: ...} or {@code cpu: ...} describe the machine and are not steps).
 */
final class Traces {
    private static final Pattern CORRUPTION = Pattern.compile("^(#\\s*)?corruption \\d+: .*");
    private static final Pattern HEADER_FIELD = Pattern.compile("^[a-z][a-z_-]*: .*");

    private Traces() {
    }

    static int length(FoundFailure f) {
        return length(f.rendering());
    }

    static int length(List<String> lines) {
        long corruptions = lines.stream().map(String::trim).filter(l -> CORRUPTION.matcher(l).matches()).count();
        if (corruptions > 0) {
            return (int) corruptions;
        }
        return (int) lines.stream().map(String::trim).filter(Traces::isStep).count();
    }

    static boolean isStep(String line) {
        return !line.isEmpty() && !line.startsWith("#") && !line.startsWith("kverify-")
                && !HEADER_FIELD.matcher(line).matches();
    }
}
