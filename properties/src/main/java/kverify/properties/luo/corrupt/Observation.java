package kverify.properties.luo.corrupt;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.IncomingSession;

/**
 * What one variant's next kernel did with one image, all read back from outside: outcomes, the
 * sessions it holds, the work each step did (block headers read, bytes read, pages read that no
 * preserved folio covers), what it still tracks, which handed-over folios it has not restored
 * (after the open, and after finishing every session it restored), every KHO warning, and the
 * struct whose read fell outside RAM (the step that did it returned EFAULT).
 * {@code open} and {@code deserialize} are empty when setup failed (the boot panicked);
 * {@code exception} names an exception that escaped, with the step it escaped from.
 */
public record Observation(Outcome<Unit> setup, Optional<Outcome<Unit>> open, Optional<Outcome<Unit>> deserialize,
        List<IncomingSession> sessions, Work setupWork, Work openWork, int blocksTracked,
        SortedMap<Long, Integer> unrestoredAfterOpen, SortedMap<Long, Integer> unrestoredAfterFinish,
        List<String> violations, Optional<String> readFault, Optional<String> exception) {

    /**
     * The work of one step: session and file block headers read, bytes read, and the pages read
     * outside every preserved folio, split by the walk that read them (a page inside the range of
     * a session block the step visited counts as read through session blocks, else file blocks).
     */
    public record Work(long sessionVisits, long fileVisits, long bytesRead, List<Long> unpreservedThroughSessions,
            List<Long> unpreservedThroughFiles) {
        public Work {
            unpreservedThroughSessions = List.copyOf(unpreservedThroughSessions);
            unpreservedThroughFiles = List.copyOf(unpreservedThroughFiles);
        }

        static final Work NONE = new Work(0, 0, 0, List.of(), List.of());

        public long blocksVisited() {
            return sessionVisits + fileVisits;
        }

        public int unpreservedPages() {
            return unpreservedThroughSessions.size() + unpreservedThroughFiles.size();
        }
    }

    public Observation {
        sessions = List.copyOf(sessions);
        violations = List.copyOf(violations);
    }
}
