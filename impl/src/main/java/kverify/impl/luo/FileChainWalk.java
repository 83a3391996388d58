package kverify.impl.luo;

import java.util.Optional;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.LuoGeometry;

/**
 * The first loop of luo_file_deserialize (5d766e26): follow {@code next} from the file set's head
 * until 0, adding a tracking entry per block (luo_file_add_block: ENOSPC once nblocks reached
 * LUO_MAX_BLOCKS) and reading no count. The variant's checks look at each pointer first.
 */
final class FileChainWalk {
    private final BlockList blocks;
    private final LuoGeometry geometry;
    private final HandoverWalk walk;

    FileChainWalk(BlockList blocks, LuoGeometry geometry, HandoverWalk walk) {
        this.blocks = blocks;
        this.geometry = geometry;
        this.walk = walk;
    }

    Outcome<Unit> addChain(long head) {
        for (long pa = head; pa != 0; pa = blocks.readNext(pa)) {
            Optional<Errno> bad = walk.block(pa, geometry.fileBlockBytes());
            if (bad.isPresent()) {
                return Outcome.err(bad.get());
            }
            Outcome<Unit> added = blocks.add(pa);
            if (!added.isOk()) {
                return added;
            }
            walk.visit(false, pa);
        }
        return Outcome.ok();
    }
}
