package kverify.model.mk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpsTest {

    @Test
    void flagsPrintByNameAndParseBack() {
        long flags = MkConst.KEXEC_MULTIKERNEL | MkConst.KEXEC_ON_CRASH | MkConst.KEXEC_ARCH_X86_64 | 0x40;
        assertThat(KexecFlags.format(flags)).isEqualTo("ON_CRASH|MULTIKERNEL|ARCH_X86_64|0x40");
        assertThat(KexecFlags.parse("ON_CRASH|MULTIKERNEL|ARCH_X86_64|0x40")).isEqualTo(flags);
        assertThat(KexecFlags.format(0)).isEqualTo("0");
        assertThat(KexecFlags.parse("0")).isZero();
        assertThat(KexecFlags.format(0x00420000L)).isEqualTo("0x420000");
        assertThatThrownBy(() -> KexecFlags.parse("MULTI")).hasMessageContaining("unknown kexec flag 'MULTI'");
    }

    @Test
    void aBufferFaultsFromItsFaultOffsetOn() {
        UserBuffer b = new UserBuffer(3, 0x100);
        assertThat(b.faultsWithin(0, 0x100)).isFalse();
        assertThat(b.faultsWithin(0, 0x101)).isTrue();
        assertThat(b.faultsWithin(0x200, 1)).isTrue();
        assertThat(b.faultsWithin(0x200, 0)).isFalse();
        assertThat(b.readableFrom(0x80)).isEqualTo(0x80);
        assertThat(b.readableFrom(0x180)).isZero();
        assertThat(new UserBuffer(3, UserBuffer.NO_FAULT).faultsWithin(0, Long.MAX_VALUE)).isFalse();
    }

    @Test
    void bufferPatternsAreDeterministicAndNotConstant() {
        assertThat(UserBuffer.byteAt(0, 0)).isEqualTo(UserBuffer.byteAt(0, 0));
        long distinct = java.util.stream.LongStream.range(0, 64).map(i -> UserBuffer.byteAt(1, i)).distinct().count();
        assertThat(distinct).isGreaterThan(16);
        assertThat(UserBuffer.byteAt(1, 5)).isNotEqualTo(UserBuffer.byteAt(2, 5));
    }

    @Test
    void opsRefuseShapesTheKernelCannotReceive() {
        assertThatThrownBy(() -> new MkOp.KexecLoad(0, List.of(), 0)).hasMessageContaining("unload");
        assertThatThrownBy(() -> MkOp.Reboot.command(MkConst.LINUX_REBOOT_CMD_HALT)).hasMessageContaining("not modelled");
        assertThatThrownBy(() -> new MkOp.Concurrent(new MkOp.Unload(0), new MkOp.Suspend(), List.of()))
                .hasMessageContaining("concurrently");
        assertThat(MkOp.Reboot.multikernel(2).kind()).isEqualTo("reboot(MULTIKERNEL)");
        assertThat(new MkOp.Unload(MkConst.KEXEC_MULTIKERNEL).kind()).isEqualTo("unload[MK]");
    }

    @Test
    void memoryImagesCompareByContentNotByStorage() {
        byte[] zero = new byte[4096];
        byte[] one = new byte[4096];
        one[7] = 1;
        MemoryImage a = MemoryImage.of(Map.of(0x1000L, zero, 0x2000L, one));
        MemoryImage b = MemoryImage.of(Map.of(0x2000L, one.clone()));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        MemoryImage c = MemoryImage.of(Map.of());
        assertThat(a.firstDifference(c)).isEqualTo(0x2007L);
        assertThat(a.differingPages(c)).containsExactly(0x2000L);
        assertThat(a.hexDump(0x2007, 1)).startsWith("0000000000002000: 00 00 00 00 00 00 00 01");
    }
}
