package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.ArgShape;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoCall;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.Phase;
import kverify.model.luo.RebootFault;
import org.junit.jupiter.api.Test;

/**
 * The next kernel's incoming list, hand-written: a kernel booted without any KHO handover finds
 * nothing, and closing a retrieved session finishes it and takes it off the list, so it cannot be
 * retrieved again while the other sessions stay.
 */
class IncomingReleaseTest {
    private static Outcome<?> apply(LuoImpl impl, LuoOp op) {
        return op.applyTo(impl);
    }

    private static LuoOp retrieve(String name, String bind) {
        return LuoCall.SessionCall.retrieve("d1", name.getBytes(StandardCharsets.US_ASCII), ArgShape.PLAIN, bind);
    }

    @Test
    void aKernelWithoutAHandoverFindsNothing() {
        LuoImpl impl = LuoImpl.nextKernelWithoutHandover(LuoVariant.CORRECTED, LuoGeometry.SMALL, PhysicalMemory.ofSize(LuoImpl.RAM_BYTES));
        assertThat(impl.phase()).isEqualTo(Phase.BOOTING);
        assertThat(impl.handoverEntry()).isEmpty();
        assertThat(impl.setup()).isEqualTo(Outcome.ok());
        assertThat(impl.phase()).isEqualTo(Phase.INCOMING);
        apply(impl, new LuoCall.Open("d1"));
        assertThat(apply(impl, retrieve("a", "r1"))).isEqualTo(Outcome.err(Errno.ENOENT));
        assertThat(impl.state().incoming()).isEmpty();
    }

    @Test
    void closingARetrievedSessionTakesItOffTheList() {
        for (LuoVariant v : java.util.List.of(LuoVariant.AS_POSTED, LuoVariant.CORRECTED)) {
            LuoImpl impl = LuoImpl.boot(v, LuoGeometry.SMALL);
            impl.createSession("a");
            impl.createSession("b");
            impl.preserveFile("a", 4, HandlerKind.TEST_A, 0x21);
            assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
            assertThat(impl.setup()).isEqualTo(Outcome.ok());
            apply(impl, new LuoCall.Open("d1"));
            assertThat(apply(impl, retrieve("a", "r1")).isOk()).as(v.name()).isTrue();
            assertThat(apply(impl, new LuoCall.RetrieveFd("r1", 4, ArgShape.PLAIN, "f1")).isOk()).isTrue();
            assertThat(apply(impl, new LuoCall.Close("r1"))).as(v.name()).isEqualTo(Outcome.ok());
            assertThat(apply(impl, retrieve("a", "r2"))).isEqualTo(Outcome.err(Errno.ENOENT));
            assertThat(impl.state().incoming()).extracting(s -> s.name()).containsExactly("b");
            assertThat(apply(impl, retrieve("b", "r3")).isOk()).isTrue();
            assertThat(impl.warnings()).isEmpty();
        }
    }
}
