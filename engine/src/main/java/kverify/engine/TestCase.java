package kverify.engine;

import java.util.List;
import java.util.Set;

/**
 * One executed case: its normalized choices (what the generators really used), its spans, the
 * rendered lines, its coverage labels, and how it ended.
 */
public record TestCase(ChoiceSequence choices, List<int[]> spans, List<String> rendering, Set<String> labels,
        Status status, Throwable failure, String failureKey) {

    public enum Status { PASSED, FAILED, DISCARDED, OVERRUN }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
