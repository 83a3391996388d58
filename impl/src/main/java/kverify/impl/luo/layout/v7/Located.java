package kverify.impl.luo.layout.v7;

import kverify.impl.luo.layout.LayoutException;
import kverify.impl.memory.PhysicalMemory;
import kverify.impl.memory.PhysicalMemoryFault;

/**
 * Reads for the v7 layouts: little-endian through {@link PhysicalMemory}, with a read outside
 * RAM turned into a {@link LayoutException} naming the struct and field, never a bare fault.
 */
final class Located {
    private Located() {
    }

    static long u64(PhysicalMemory m, long pa, String struct, String field) {
        try {
            return m.readU64(pa);
        } catch (PhysicalMemoryFault e) {
            throw outsideRam(pa, struct, field);
        }
    }

    static byte[] bytes(PhysicalMemory m, long pa, int length, String struct, String field) {
        try {
            return m.read(pa, length);
        } catch (PhysicalMemoryFault e) {
            throw outsideRam(pa, struct, field);
        }
    }

    private static LayoutException outsideRam(long pa, String struct, String field) {
        return new LayoutException(pa, struct, field, "outside simulated RAM", "an address inside RAM");
    }
}
