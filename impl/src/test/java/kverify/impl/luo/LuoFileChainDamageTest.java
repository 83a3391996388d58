package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kverify.impl.luo.layout.FileHeaderSer;
import kverify.impl.luo.layout.FileSer;
import kverify.impl.luo.layout.FileSetSer;
import kverify.impl.luo.layout.SessionHeaderSer;
import kverify.impl.luo.layout.SessionSer;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Test;

/**
 * luo_file_deserialize on a damaged file chain, hand-written: each error path of the walk and
 * the errno it leaves in the deserialize result (open itself reports EIO for all of them).
 */
class LuoFileChainDamageTest {
    private LuoImpl impl;
    private PhysicalMemory m;
    private long fileBlock;

    /** Session "a" with files 1 and 2 in one file block, rebooted, not yet set up. */
    private void reboot(LuoVariant v) {
        impl = LuoImpl.boot(v, LuoGeometry.SMALL);
        impl.createSession("a");
        impl.preserveFile("a", 1, HandlerKind.TEST_A, 10);
        impl.preserveFile("a", 2, HandlerKind.TEST_B, 20);
        impl.reboot(RebootFault.NONE);
        m = impl.memory();
        fileBlock = FileSetSer.read(m, fileSetPa()).files();
    }

    private long fileSetPa() {
        return SessionSer.fileSetPa(SessionHeaderSer.entryPa(impl.handoverHead().orElseThrow(), 0));
    }

    private Outcome<?> deserialize() {
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertThat(impl.openDevice()).isEqualTo(Outcome.err(Errno.EIO));
        return impl.deserializeResult().orElseThrow();
    }

    @Test
    void aFileCountAboveTheBlockCapacityIsEinval() {
        reboot(LuoVariant.AS_POSTED);
        FileHeaderSer.writeCount(m, fileBlock, 4);
        assertThat(deserialize()).isEqualTo(Outcome.err(Errno.EINVAL));
    }

    @Test
    void aCompatibleNoHandlerClaimsIsEnoent() {
        reboot(LuoVariant.AS_POSTED);
        FileSer.write(m, FileHeaderSer.entryPa(fileBlock, 1), "kverify-test-z-v1", 20, 2);
        assertThat(deserialize()).isEqualTo(Outcome.err(Errno.ENOENT));
        assertThat(impl.state().incoming()).extracting(s -> s.files().size()).as("the file before the error stays").containsExactly(1);
    }

    @Test
    void aFileBlockLinkedToItselfIsEnospcAsPostedAndEinvalWhenStrict() {
        reboot(LuoVariant.AS_POSTED);
        FileHeaderSer.writeNext(m, fileBlock, fileBlock);
        assertThat(deserialize()).as("stopped by LUO_MAX_BLOCKS").isEqualTo(Outcome.err(Errno.ENOSPC));
        reboot(LuoVariant.CORRECTED);
        FileHeaderSer.writeNext(m, fileBlock, fileBlock);
        assertThat(deserialize()).as("stopped at the first repeat").isEqualTo(Outcome.err(Errno.EINVAL));
    }

    @Test
    void aFilePointerOutsideRamIsAReadFaultAfterTheWalkItRecorded() {
        reboot(LuoVariant.AS_POSTED);
        long outside = 1L << 40;
        m.writeU64(fileSetPa(), outside);
        long head = impl.handoverHead().orElseThrow();
        assertThat(impl.walkVisits()).as("nothing read before setup").isEmpty();
        assertThat(deserialize()).isEqualTo(Outcome.err(Errno.EFAULT));
        assertThat(impl.readFault()).contains(FileHeaderSer.STRUCT);
        assertThat(impl.walkVisits()).containsExactly(new WalkVisit(true, head), new WalkVisit(true, head),
                new WalkVisit(false, outside));
        assertThat(impl.blocksVisited()).isEqualTo(3);
        assertThat(impl.variant()).isEqualTo(LuoVariant.AS_POSTED);
    }

    @Test
    void anUndamagedChainHasNoReadFault() {
        reboot(LuoVariant.AS_POSTED);
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertThat(impl.openDevice()).isEqualTo(Outcome.ok());
        assertThat(impl.readFault()).isEmpty();
        assertThat(impl.walkVisits()).extracting(WalkVisit::sessionBlock).isEqualTo(List.of(true, true, false));
    }
}
