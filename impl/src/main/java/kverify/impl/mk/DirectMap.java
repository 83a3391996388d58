package kverify.impl.mk;

import kverify.impl.memory.PhysicalMemory;
import kverify.model.mk.Hex;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.PhysRange;
import kverify.model.mk.RangeSet;

/**
 * Physical memory as kernel code writes it. memremap(MEMREMAP_WB) (kernel/iomem.c @0470fb7f)
 * returns the direct-map address of a RAM page; for any other page it falls back to
 * ioremap_cache(), which maps it unless the address is at or above 2^x86_phys_bits
 * (arch/x86/mm/ioremap.c @97dc2a15, __ioremap_caller: phys_addr_valid). A mapped page outside RAM
 * holds no memory, so what is written there is lost (D24). A write into a RAM page whose direct
 * mapping is read-only faults without a fixup: an oops.
 */
final class DirectMap {
    private final PhysicalMemory memory;
    private final Machine m;
    private final RangeSet readOnly;

    DirectMap(PhysicalMemory memory, Machine m, RangeSet readOnly) {
        this.memory = memory;
        this.m = m;
        this.readOnly = readOnly;
    }

    /** Offset from {@code mem} of the first page memremap() cannot map, or Long.MAX_VALUE. */
    long firstUnmappable(long mem, long length) {
        long limit = 1L << m.physBits();
        return mem + length <= limit ? Long.MAX_VALUE : Math.max(0, limit - mem);
    }

    /** Writes {@code user} at {@code mem} and zeros up to {@code mem + end}, RAM only; oopses at a read-only page. */
    void writeThenZero(long mem, byte[] user, long end) {
        writeThenZero(mem, (from, dst, offset, length) -> System.arraycopy(user, Math.toIntExact(from), dst, offset, length), user.length, end);
    }

    /** The same with the user bytes made in place by {@code user} (its first {@code userLength} bytes). */
    void writeThenZero(long mem, PhysicalMemory.ByteSource user, long userLength, long end) {
        long stop = firstReadOnly(mem, end);
        long writable = Math.min(end, stop);
        for (PhysRange r : m.ram()) {
            long from = Math.max(mem, r.start());
            long to = Math.min(mem + writable, r.end());
            if (from >= to) {
                continue;
            }
            long userTo = Math.min(to, mem + userLength);
            if (from < userTo) {
                long skip = from - mem;
                memory.write(from, userTo - from, (at, dst, offset, length) -> user.fill(skip + at, dst, offset, length));
            }
            if (Math.max(from, userTo) < to) {
                memory.fill(Math.max(from, userTo), to - Math.max(from, userTo), (byte) 0);
            }
        }
        if (stop < end) {
            throw new KernelOops("write to read-only direct-map page " + Hex.hex(mem + stop));
        }
    }

    /** Oopses if kernel code writing [mem, mem+length) would reach a read-only page (contents not modelled, D16). */
    void touch(long mem, long length) {
        long stop = firstReadOnly(mem, length);
        if (stop < length) {
            throw new KernelOops("write to read-only direct-map page " + Hex.hex(mem + stop));
        }
    }

    /** Offset from {@code mem} of the first read-only byte within {@code length}, page aligned, or Long.MAX_VALUE. */
    private long firstReadOnly(long mem, long length) {
        for (PhysRange r : readOnly.ranges()) {
            if (r.end() > mem && r.start() < mem + length) {
                return Math.max(r.start(), mem & MkConst.PAGE_MASK) - mem;
            }
        }
        return Long.MAX_VALUE;
    }
}
