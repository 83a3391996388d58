package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import kverify.model.luo.Handover;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.IncomingSession;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoState;
import kverify.model.luo.RebootFault;
import kverify.model.luo.SessionImage;
import org.junit.jupiter.api.Test;

/**
 * Each part {@link LuoStepView} answers is the same part of {@link LuoImpl#state()}, before a
 * reboot, after it and after setup (state() is the oracle: the view only skips building it whole).
 */
class LuoStepViewTest {
    private static void assertViewMatchesState(LuoImpl impl, String... names) {
        LuoState full = impl.state();
        assertThat(LuoStepView.outgoingCount(impl)).isEqualTo(full.outgoing().size());
        assertThat(LuoStepView.incomingCount(impl)).isEqualTo(full.incoming().size());
        Handover light = full.handover() instanceof Handover.Present ? new Handover.Present(List.of()) : Handover.ABSENT;
        assertThat(LuoStepView.lightState(impl)).isEqualTo(new LuoState(full.phase(), List.of(), light, full.deviceOpen(), List.of(),
                full.handlers(), List.of(), full.blocksTracked()));
        for (String name : names) {
            Optional<List<kverify.model.luo.FileImage>> files = full.outgoing().stream().filter(s -> s.name().equals(name))
                    .map(SessionImage::files).findFirst();
            assertThat(LuoStepView.outgoingFiles(impl, name).map(List::copyOf)).as("outgoing files of %s", name).isEqualTo(files);
            Optional<IncomingSession> in = full.incoming().stream().filter(s -> s.name().equals(name)).findFirst();
            assertThat(LuoStepView.incomingSession(impl, name)).as("incoming %s", name).isEqualTo(in);
        }
        assertThat(LuoStepView.lastFileCalls(impl)).isEqualTo(impl.handlers().lastCalls());
    }

    @Test
    void everyPartAgreesWithTheWholeStateAcrossAReboot() {
        LuoImpl impl = LuoImpl.boot(LuoVariant.CORRECTED, LuoGeometry.SMALL);
        assertViewMatchesState(impl, "a");
        impl.createSession("a");
        impl.createSession("b");
        impl.preserveFile("a", 1, HandlerKind.TEST_A, 5);
        impl.preserveFile("a", 2, HandlerKind.TEST_B, 6);
        assertThat(LuoStepView.outgoingCount(impl)).isEqualTo(2);
        assertThat(LuoStepView.outgoingFiles(impl, "a")).hasValueSatisfying(f -> assertThat(f).hasSize(2));
        assertThat(LuoStepView.lastFileCalls(impl)).isPresent();
        assertViewMatchesState(impl, "a", "b", "c");
        impl.reboot(RebootFault.NONE);
        assertThat(LuoStepView.outgoingCount(impl)).isZero();
        assertThat(LuoStepView.lightState(impl).handover()).isInstanceOf(Handover.Present.class);
        assertViewMatchesState(impl, "a", "b");
        impl.setup();
        assertViewMatchesState(impl, "a");
        impl.openDevice();
        impl.retrieveSession("a");
        // The sessions are deserialized on the device's first open.
        assertThat(LuoStepView.incomingCount(impl)).isEqualTo(2);
        assertThat(LuoStepView.lightState(impl).blocksTracked()).as("deserialize ran").isNotNegative();
        assertThat(LuoStepView.incomingSession(impl, "a")).hasValueSatisfying(s -> assertThat(s.retrieved()).isTrue());
        assertViewMatchesState(impl, "a", "b", "c");
    }
}
