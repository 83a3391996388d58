package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.FileImage;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The limits of patch 1/5 (and 2/5) at the real geometry: 819 x 10000 sessions, 127 x 10000
 * files in one session, and full tables surviving reboot and deserialize. Needs the O(1)
 * duplicate lookups; the kernel's linear scan would be about 3.4e13 compares here.
 */
@Tag("slow")
class LuoRealLimitsTest {
    private static final LuoGeometry REAL = LuoGeometry.REAL;

    @Test
    void the8190001stSessionIsENOSPCAndAFullTableRoundTrips() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.AS_POSTED, REAL);
        long max = REAL.maxSessions();
        assertThat(max).isEqualTo(8_190_000L);
        for (long i = 0; i < max; i++) {
            Outcome<?> o = impl.createSession("s" + i);
            if (!o.isOk()) {
                throw new AssertionError("session " + i + " refused: " + o);
            }
        }
        assertThat(impl.createSession("s0")).isEqualTo(Outcome.err(Errno.EEXIST));
        assertThat(impl.createSession("one-too-many")).isEqualTo(Outcome.err(Errno.ENOSPC));
        assertThat(impl.outgoingSessions().blocks().nblocks()).isEqualTo(10_000);
        assertThat(impl.kho().preservedPages()).as("10000 blocks of 16 pages, the refused block freed").isEqualTo(160_000);
        assertThat(impl.kho().violations()).isEmpty();

        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertThat(impl.incomingSessions().blocks().nblocks()).isEqualTo(10_000);
        assertThat(impl.openDevice()).isEqualTo(Outcome.ok());
        long i = 0;
        for (Iterator<Session> it = impl.incomingSessions().sessions().iterator(); it.hasNext(); i++) {
            Session s = it.next();
            if (!s.name().equals("s" + i) || s.files().count() != 0) {
                throw new AssertionError("incoming session " + i + " is '" + s.name() + "' with " + s.files().count() + " files");
            }
        }
        assertThat(i).isEqualTo(max);
        assertThat(impl.retrieveSession("s8189999")).isEqualTo(Outcome.ok());
        assertThat(impl.kho().incoming()).as("every session block restored and freed").isEmpty();
        assertThat(impl.kho().violations()).isEmpty();
    }

    @Test
    void the1270001stFileOfOneSessionIsENOSPCAndAllFilesRoundTrip() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.AS_POSTED, REAL);
        impl.createSession("big");
        long max = REAL.maxFilesPerSession();
        assertThat(max).isEqualTo(1_270_000L);
        for (long t = 0; t < max; t++) {
            Outcome<?> o = impl.preserveFile("big", t, t % 2 == 0 ? HandlerKind.TEST_A : HandlerKind.TEST_B, ~t);
            if (!o.isOk()) {
                throw new AssertionError("file " + t + " refused: " + o);
            }
        }
        assertThat(impl.preserveFile("big", 0, HandlerKind.TEST_A, 0)).isEqualTo(Outcome.err(Errno.EEXIST));
        assertThat(impl.preserveFile("big", max, HandlerKind.TEST_A, 0)).isEqualTo(Outcome.err(Errno.ENOSPC));
        assertThat(impl.kho().preservedPages()).as("one session block and 10000 two-page file blocks").isEqualTo(16 + 20_000);
        assertThat(LuoInvariants.check(impl)).isEmpty();

        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertThat(impl.openDevice()).isEqualTo(Outcome.ok());
        assertThat(impl.retrieveSession("big")).isEqualTo(Outcome.ok());
        Session big = impl.incomingSessions().sessions().iterator().next();
        assertThat(big.files().count()).isEqualTo(max);
        long t = 0;
        for (FileImage f : big.image().files()) {
            if (f.token() != t || f.data() != ~t || f.kind() != (t % 2 == 0 ? HandlerKind.TEST_A : HandlerKind.TEST_B)) {
                throw new AssertionError("incoming file " + t + " is " + f);
            }
            t++;
        }
        assertThat(impl.retrieveFile("big", max - 1)).isEqualTo(Outcome.ok(new FileImage(max - 1, HandlerKind.TEST_B, ~(max - 1))));
        assertThat(impl.kho().incoming()).as("the file blocks wait for finish").hasSize(10_000);
        assertThat(impl.finish("big")).isEqualTo(Outcome.ok());
        assertThat(impl.kho().incoming()).isEmpty();
        assertThat(impl.kho().violations()).isEmpty();
    }
}
