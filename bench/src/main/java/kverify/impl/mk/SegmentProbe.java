package kverify.impl.mk;

import java.util.List;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;
import kverify.model.mk.Segment;
import kverify.model.mk.UserBuffer;

/**
 * The package-private stages of the multikernel segment copy, for the benchmark's breakdown
 * (bench module, same package name, so package-private access works on the class path).
 */
public final class SegmentProbe {
    private SegmentProbe() {
    }

    /** SegmentWriter of the variant applied to one memory of this machine, as kimage_load_segment calls it. */
    public static Errno write(MkVariant variant, PhysicalMemory memory, kverify.model.mk.Machine m, List<Segment> segs) {
        return variant.writer.write(new DirectMap(memory, m, kverify.model.mk.RangeSet.EMPTY), segs);
    }

    /** The user-buffer read the writers do before writing (the simulated copy_from_user source). */
    public static byte[] userBytes(UserBuffer buffer, long length) {
        return SegmentWriter.userBytes(buffer, length);
    }
}
