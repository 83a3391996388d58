package kverify.impl.luo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import kverify.impl.kho.Kho;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;

/**
 * One next kernel's walk over the handover, shared by setup and deserialize: the variant's
 * checks, the blocks reached so far, and the work done (every block header read, in order, and
 * the struct of a read outside RAM), which the corruption properties bound by the image size.
 */
final class HandoverWalk {
    private final HandoverChecks checks;
    private final ChainRestore restore;
    private final Kho kho;
    private final TreeSet<Long> reached = new TreeSet<>();
    private final List<WalkVisit> visits = new ArrayList<>();
    private String readFault;

    HandoverWalk(HandoverChecks checks, ChainRestore restore, Kho kho) {
        this.checks = checks;
        this.restore = restore;
        this.kho = kho;
    }

    /** The version's way of taking over the chain from head into blocks (perBlock: its block's capacity). */
    Outcome<Unit> restore(BlockList blocks, int blockBytes, int perBlock, boolean sessionBlocks, long head) {
        return restore.restore(blocks, blockBytes, perBlock, sessionBlocks, this, head);
    }

    Optional<Errno> block(long pa, int blockBytes) {
        return checks.block(kho, pa, Kho.orderOf(blockBytes), reached);
    }

    /** The block at pa was checked but could not be tracked (its tracking allocation failed): not reached after all. */
    void untracked(long pa) {
        reached.remove(pa);
    }

    /** The header of a session or file block at pa is read. */
    void visit(boolean sessionBlock, long pa) {
        visits.add(new WalkVisit(sessionBlock, pa));
    }

    List<WalkVisit> visits() {
        return List.copyOf(visits);
    }

    /** A read outside RAM ended the walk: the struct being read (the kernel would oops there). */
    void readFault(String struct) {
        readFault = struct;
    }

    Optional<String> readFault() {
        return Optional.ofNullable(readFault);
    }

    Optional<Errno> name(long entryPa) {
        return checks.name(kho.memory(), entryPa);
    }

    Optional<Errno> duplicateToken() {
        return checks.duplicateToken();
    }

    Optional<Errno> fileSetCount(long stored, long found, long head) {
        return checks.fileSetCount(stored, found, head);
    }
}
