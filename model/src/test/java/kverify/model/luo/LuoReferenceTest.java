package kverify.model.luo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kverify.model.luo.reference.LuoReference;
import org.junit.jupiter.api.Test;

/** The reference model against hand-written expectations from the spec (sections 3 and 4). */
class LuoReferenceTest {
    private final LuoReference m = new LuoReference(LuoGeometry.SMALL);

    @Test
    void geometryArithmeticMatchesTheSpec() {
        assertThat(LuoGeometry.REAL.sessionsPerBlock()).isEqualTo(819);
        assertThat(LuoGeometry.REAL.filesPerBlock()).isEqualTo(127);
        assertThat(LuoGeometry.REAL.maxSessions()).isEqualTo(8_190_000L);
        assertThat(LuoGeometry.REAL.maxFilesPerSession()).isEqualTo(1_270_000L);
        assertThat(LuoGeometry.SMALL.sessionsPerBlock()).isEqualTo(3);
        assertThat(LuoGeometry.UNIT.filesPerBlock()).isEqualTo(1);
        for (LuoGeometry g : List.of(LuoGeometry.REAL, LuoGeometry.SMALL, LuoGeometry.UNIT,
                new LuoGeometry(400, 300, 7))) {
            assertThat(LuoGeometry.parse(g.label())).contains(g);
        }
        assertThat(LuoGeometry.parse("session-block=10 file-block=300 max-blocks=7")).isEmpty();
    }

    @Test
    void outOfPhaseOperationsAreHarnessErrors() {
        assertThatThrownBy(m::setup).isInstanceOf(IllegalStateException.class);
        m.reboot(RebootFault.NONE);
        assertThatThrownBy(() -> m.createSession("a")).isInstanceOf(IllegalStateException.class);
        assertThat(new LuoOp.Setup().validIn(Phase.BOOTING)).isTrue();
        assertThat(new LuoOp.CloseSession("a").validIn(Phase.BOOTING)).isFalse();
    }

    @Test
    void stateDifferencesNameTheComponentAndStayShortForLongLists() {
        LuoState a = m.state();
        m.createSession("a");
        assertThat(a.differences(m.state())).as("the v1 program opens /dev/liveupdate on its first create")
                .containsExactly("outgoing sessions: [] vs ['a']", "device open: false vs true");
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            names.add("s" + i);
        }
        List<SessionImage> x = names.stream().map(n -> new SessionImage(n, List.of())).toList();
        List<SessionImage> y = new java.util.ArrayList<>(x);
        y.add(new SessionImage("", List.of()));
        LuoState sx = new LuoState(Phase.BOOTING, List.of(), new Handover.Present(x), false, List.of());
        LuoState sy = new LuoState(Phase.BOOTING, List.of(), new Handover.Present(y), false, List.of());
        assertThat(sx.differences(sy)).containsExactly("handover: 20 vs 21 entries, first difference at index 20: (none) vs ''");
    }
}
