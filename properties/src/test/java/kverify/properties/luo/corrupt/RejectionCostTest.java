package kverify.properties.luo.corrupt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoVariant;
import kverify.impl.luo.image.ImageBridge;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.image.HandoverImage;
import kverify.model.luo.image.ImageVerdict;
import kverify.model.luo.image.Rejection;
import kverify.model.luo.reference.HandoverReference;
import org.junit.jupiter.api.Test;

/**
 * The cost of rejecting a cyclic session chain at the real geometry (LUO_MAX_BLOCKS = 10000),
 * counted in block headers read, which is deterministic: as posted always walks 10000 blocks,
 * corrected stops within the chain's length plus one. And the real block limit itself: a chain of
 * exactly 10000 blocks is accepted by everyone, one more is ENOSPC for everyone.
 */
class RejectionCostTest {

    /** A valid real-geometry image with n session blocks (819 sessions each, the last holding one). */
    static HandoverImage realChain(int n) {
        LuoImpl impl = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.REAL);
        new kverify.model.luo.LuoOp.CreateSessions("s", (n - 1) * LuoGeometry.REAL.sessionsPerBlock() + 1).applyTo(impl);
        impl.reboot(kverify.model.luo.RebootFault.NONE);
        return ImageBridge.capture(impl);
    }

    /** Setup's block headers read on an image whose block n-1 points back to block j. */
    static long[] visits(HandoverImage valid, int j) {
        ImageMap m = new ImageMap(valid);
        List<Long> blocks = m.sessions.blocks();
        HandoverImage cyclic = valid.withU64(blocks.get(blocks.size() - 1), blocks.get(j));
        long[] out = new long[2];
        for (LuoVariant v : List.of(LuoVariant.AS_POSTED, LuoVariant.CORRECTED)) {
            Observation o = ImageRun.run(cyclic, v);
            assertThat(o.setup()).isEqualTo(Outcome.err(v == LuoVariant.AS_POSTED ? Errno.ENOSPC : Errno.EINVAL));
            out[v == LuoVariant.AS_POSTED ? 0 : 1] = o.setupWork().blocksVisited();
        }
        assertThat(HandoverReference.decide(cyclic).rejection()).contains(Rejection.CHAIN_CYCLE);
        return out;
    }

    @Test
    void asPostedWalksTenThousandBlocksCorrectedAtMostTheChainPlusOne() {
        for (int n = 1; n <= 3; n++) {
            HandoverImage valid = realChain(n);
            for (int j = 0; j < n; j++) {
                long[] v = visits(valid, j);
                assertThat(v[0]).as("as posted, chain of %d back to block %d", n, j).isEqualTo(10000);
                assertThat(v[1]).as("corrected, chain of %d back to block %d", n, j).isLessThanOrEqualTo(n + 1).isEqualTo(n);
            }
        }
    }

    @Test
    void theRealBlockLimitIsTenThousandForEveryone() {
        HandoverImage one = realChain(1);
        ImageMap m = new ImageMap(one);
        int order = HandoverImage.orderOf(LuoGeometry.REAL.sessionBlockBytes());
        for (int total : List.of(10000, 10001)) {
            HandoverImage img = new Corruption.AppendBlocks(total == 10000 ? CorruptionKind.CHAIN_AT_LIMIT
                    : CorruptionKind.CHAIN_OVER_LIMIT, m.sessions.blocks().get(0), total - 1, order).apply(Corrupted.of(one)).image();
            ImageVerdict verdict = HandoverReference.decide(img);
            assertThat(verdict.setup()).isEqualTo(total == 10000 ? Outcome.ok() : Outcome.err(Errno.ENOSPC));
            for (LuoVariant v : LuoVariant.of(kverify.impl.luo.LuoVersion.V1)) {
                Observation o = ImageRun.run(img, v);
                // Setup rejects one block over the limit; as posted it keeps the 10000 tracking entries it added (C1).
                boolean keeps = total == 10001 && v != LuoVariant.CORRECTED;
                assertThat(ContractCheck.problems(img, verdict, o)).as(v + " at " + total + " blocks")
                        .extracting(ContractCheck.Problem::aspect)
                        .isEqualTo(keeps ? List.of("rejected handover keeps its session blocks") : List.of());
                assertThat(o.blocksTracked()).isEqualTo(keeps ? 10000 : 0);
                assertThat(o.setupWork().blocksVisited()).isEqualTo(10000);
            }
        }
    }
}
