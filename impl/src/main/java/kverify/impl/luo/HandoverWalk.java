package kverify.impl.luo;

import java.util.Optional;
import java.util.TreeSet;
import kverify.impl.kho.Kho;
import kverify.model.Errno;

/**
 * One next kernel's walk over the handover, shared by setup and deserialize: the variant's
 * checks, the blocks reached so far, and the work done (block headers read), which the
 * corruption properties bound by the image size.
 */
final class HandoverWalk {
    private final HandoverChecks checks;
    private final Kho kho;
    private final TreeSet<Long> reached = new TreeSet<>();
    private long visited;

    HandoverWalk(HandoverChecks checks, Kho kho) {
        this.checks = checks;
        this.kho = kho;
    }

    Optional<Errno> block(long pa, int blockBytes) {
        return checks.block(kho, pa, Kho.orderOf(blockBytes), reached);
    }

    /** A block header is read. */
    void visit() {
        visited++;
    }

    long visited() {
        return visited;
    }

    Optional<Errno> name(long entryPa) {
        return checks.name(kho.memory(), entryPa);
    }

    Optional<Errno> duplicateToken() {
        return checks.duplicateToken();
    }

    Optional<Errno> fileSetCount(long stored, long found) {
        return checks.fileSetCount(stored, found);
    }
}
