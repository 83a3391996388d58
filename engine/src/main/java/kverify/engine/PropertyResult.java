package kverify.engine;

import java.util.List;
import java.util.Map;

/**
 * Everything a property run produced: how many cases ran, which distinct failures were found
 * (each shrunk), label counts and coverage verdicts, and how many cases were discarded.
 */
public record PropertyResult(String property, long seed, int tries, int validCases, int discarded,
        List<Failure> failures, Map<String, Integer> labelCounts, List<Coverage.Verdict> coverage,
        String tooManyDiscards) {

    public boolean passed() {
        return failures.isEmpty() && coverageFailures().isEmpty() && tooManyDiscards == null;
    }

    public List<Coverage.Verdict> coverageFailures() {
        return coverage.stream().filter(Coverage.Verdict::failed).toList();
    }
}
