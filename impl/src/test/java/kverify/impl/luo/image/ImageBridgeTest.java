package kverify.impl.luo.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoVariant;
import kverify.impl.luo.layout.SessionHeaderSer;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.Phase;
import kverify.model.luo.RebootFault;
import kverify.model.luo.image.HandoverImage;
import org.junit.jupiter.api.Test;

/**
 * Capture from a live kernel and boot on an image: the loaded memory reads like the live one and
 * the loaded next kernel restores the same sessions; the corrected walk stops a cycle at its first
 * repeat while the posted one runs to LUO_MAX_BLOCKS. Hand-written scenarios.
 */
class ImageBridgeTest {
    private static LuoImpl rebooted(LuoVariant v) {
        LuoImpl impl = LuoImpl.boot(v, LuoGeometry.SMALL);
        for (int i = 0; i < 7; i++) {
            impl.createSession("s" + i);
        }
        impl.preserveFile("s4", 9, HandlerKind.TEST_B, 0x77);
        assertThat(impl.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        return impl;
    }

    @Test
    void aCapturedImageLoadsBackToTheSameMemoryAndSessions() {
        LuoImpl live = rebooted(LuoVariant.AS_POSTED);
        HandoverImage img = ImageBridge.capture(live);
        HandoverImage back = ImageText.parse(ImageText.format(img, List.of()).lines().toList());
        assertThat(back).isEqualTo(img);
        LuoImpl loaded = ImageBridge.boot(back, LuoVariant.AS_POSTED);
        assertThat(loaded.phase()).isEqualTo(Phase.BOOTING);
        assertThat(loaded.memory().contentEquals(live.memory())).isTrue();
        assertThat(loaded.kho().incoming()).isEqualTo(live.kho().incoming());
        assertThat(loaded.setup()).isEqualTo(live.setup());
        assertThat(loaded.openDevice()).isEqualTo(live.openDevice());
        assertThat(loaded.state().incoming()).isEqualTo(live.state().incoming()).hasSize(7);
        assertThat(loaded.blocksVisited()).as("3 session blocks at setup, again at deserialize, 1 file block").isEqualTo(7);
    }

    @Test
    void aCycleCostsLuoMaxBlocksAsPostedAndItsLengthCorrected() {
        for (LuoVariant v : List.of(LuoVariant.AS_POSTED, LuoVariant.CORRECTED)) {
            LuoImpl live = rebooted(v);
            HandoverImage img = ImageBridge.capture(live);
            long head = img.preserved().firstKey();
            long second = SessionHeaderSer.next(live.memory(), head);
            LuoImpl k = ImageBridge.boot(img.withU64(second, head), v);
            Outcome<?> setup = k.setup();
            if (v == LuoVariant.AS_POSTED) {
                assertThat(setup).isEqualTo(Outcome.err(Errno.ENOSPC));
                assertThat(k.blocksVisited()).isEqualTo(4);
                assertThat(k.incomingBlocksTracked()).as("tracking entries kept on the error path").isEqualTo(4);
            } else {
                assertThat(setup).isEqualTo(Outcome.err(Errno.EINVAL));
                assertThat(k.blocksVisited()).isEqualTo(2);
            }
            assertThat(k.phase()).isEqualTo(Phase.PANICKED);
        }
    }

    @Test
    void aPointerBeyondRamIsAnOopsAsPostedAndRejectedUnreadCorrected() {
        HandoverImage img = ImageBridge.capture(rebooted(LuoVariant.CORRECTED));
        HandoverImage bad = img.withU64(img.preserved().firstKey(), img.ramBytes() - 4);
        LuoImpl posted = ImageBridge.boot(bad, LuoVariant.AS_POSTED);
        assertThat(posted.setup()).isEqualTo(Outcome.err(Errno.EFAULT));
        assertThat(posted.readFault()).contains(SessionHeaderSer.STRUCT);
        LuoImpl corrected = ImageBridge.boot(bad, LuoVariant.CORRECTED);
        assertThat(corrected.setup()).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(corrected.readFault()).isEmpty();
    }

    /** v7: the "LUO" subtree is captured and booted back; an image of the other version boots a kernel without a handover. */
    @Test
    void aV7ImageLoadsBackAndAnImageOfTheOtherVersionHandsNothingOver() {
        LuoImpl live = LuoImpl.boot(LuoVariant.V7_CORRECTED, kverify.model.luo.LuoV7Geometry.SMALL);
        for (int i = 0; i < 5; i++) {
            live.createSession("s" + i);
        }
        live.preserveFile("s1", 3, HandlerKind.TEST_A, 0x55);
        assertThat(live.reboot(RebootFault.NONE)).isEqualTo(Outcome.ok());
        HandoverImage img = ImageBridge.capture(live);
        assertThat(img.subtree()).isPresent();
        assertThat(ImageText.parse(ImageText.format(img, List.of()).lines().toList())).isEqualTo(img);
        LuoImpl loaded = ImageBridge.bootChecked(img, LuoVariant.V7_CORRECTED, kverify.model.luo.LuoV7Geometry.SMALL);
        assertThat(loaded.memory().contentEquals(live.memory())).isTrue();
        assertThat(loaded.handoverEntry()).isEqualTo(live.handoverEntry());
        assertThat(loaded.setup()).isEqualTo(Outcome.ok());
        assertThat(live.setup()).isEqualTo(Outcome.ok());
        assertThat(loaded.openDevice()).isEqualTo(live.openDevice());
        assertThat(loaded.state().incoming()).isEqualTo(live.state().incoming()).hasSize(5);
        LuoImpl other = ImageBridge.bootChecked(img, LuoVariant.CORRECTED, LuoGeometry.SMALL);
        assertThat(other.handoverEntry()).isEmpty();
        assertThat(other.memory().contentEquals(ImageBridge.boot(img, LuoVariant.V7_CORRECTED, kverify.model.luo.LuoV7Geometry.SMALL).memory())).isTrue();
    }
}
