package kverify.impl.luo;

import java.util.Optional;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;

/**
 * The walk both incoming paths make over a chain of blocks: luo_session_setup_incoming over the
 * session chain (7d538a77) and the first loop of luo_file_deserialize over a file chain
 * (5d766e26). Follow {@code next} from the head until 0, adding a tracking entry per block
 * (ENOSPC once nblocks reached LUO_MAX_BLOCKS) and reading no count; the variant's checks look at
 * each pointer first and the walk records each block header read.
 */
final class ChainWalk {
    private ChainWalk() {
    }

    static Outcome<Unit> add(BlockList blocks, int blockBytes, boolean sessionBlocks, HandoverWalk walk, long head) {
        for (long pa = head; pa != 0; pa = blocks.readNext(pa)) {
            Optional<Errno> bad = walk.block(pa, blockBytes);
            if (bad.isPresent()) {
                return Outcome.err(bad.get());
            }
            Outcome<Unit> added = blocks.add(pa);
            if (!added.isOk()) {
                return added;
            }
            walk.visit(sessionBlocks, pa);
        }
        return Outcome.ok();
    }
}
