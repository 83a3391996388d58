package kverify.impl.mk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import kverify.impl.memory.PhysicalMemory;
import kverify.impl.memory.RamRange;
import kverify.model.Errno;
import kverify.model.mk.Cpu;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.PhysRange;
import kverify.model.mk.RangeSet;
import kverify.model.mk.Segment;
import kverify.model.mk.UserBuffer;
import org.junit.jupiter.api.Test;

/**
 * The bulk AS_POSTED writer against a line-by-line transcription of the RFC's
 * kimage_load_multikernel_segment() page loop with memremap()'s three outcomes (direct map for
 * RAM, an ioremap of a hole below 2^phys_bits whose writes reach no memory, NULL at or above it)
 * and read-only direct-map pages, over every combination of a small grid of placements, sizes,
 * fault offsets and read-only pages. (A unit test with enumerated inputs, not a generated property.)
 */
class SegmentWriterTest {
    private static final long P = MkConst.PAGE_SIZE;
    /** phys_bits 32: pages from 4 GiB on cannot be mapped. */
    private static final long TOP = 1L << 32;
    /** RAM at [0, 16 pages) and [TOP - 8P, TOP - 3P); a hole of three pages below TOP. */
    private static final Machine MACHINE = new Machine(1, 1, MkConst.XAPIC_MAX_APIC_ID, List.of(new Cpu(0, true, true, true, 0)),
            List.of(new PhysRange(0, 16 * P), new PhysRange(TOP - 8 * P, TOP - 3 * P)), List.of(new PhysRange(TOP - 8 * P, TOP - 3 * P)),
            List.of(new PhysRange(0, P)), new PhysRange(0, 0), new Machine.Config(true, true), new Machine.Caller(true, true, false, -1, -1), 32);

    /** What the loop ended with: an errno, null for success, or OOPS. */
    private static final Errno OOPS = Errno.EIO;

    /** The RFC loop: memremap per page, zero the tail, copy_from_user (zero-pads on fault); a write into a read-only page oopses. */
    private static Errno rfcLoop(PhysicalMemory memory, RangeSet readOnly, Segment s) {
        long maddr = s.mem();
        long mbytes = s.memsz();
        long ubytes = s.bufsz();
        long buf = 0;
        while (mbytes != 0) {
            long page = maddr & MkConst.PAGE_MASK;
            boolean ram = MACHINE.isRam(page, P);
            if (!ram && page >= 1L << MACHINE.physBits()) {
                return Errno.ENOMEM;
            }
            if (ram && readOnly.overlaps(new PhysRange(page, page + P))) {
                return OOPS;
            }
            long mchunk = Math.min(mbytes, P - (maddr & ~MkConst.PAGE_MASK));
            long uchunk = Math.min(ubytes, mchunk);
            if (mchunk > uchunk && ram) {
                memory.fill(maddr + uchunk, mchunk - uchunk, (byte) 0);
            }
            long notCopied = 0;
            for (long i = 0; i < uchunk; i++) {
                boolean readable = s.buffer().readableFrom(buf + i) > 0;
                if (ram) {
                    memory.writeU8(maddr + i, readable ? s.buffer().byteAt(buf + i) : 0);
                }
                notCopied += readable ? 0 : 1;
            }
            ubytes -= uchunk;
            buf += uchunk;
            if (notCopied != 0) {
                return Errno.EFAULT;
            }
            maddr += mchunk;
            mbytes -= mchunk;
        }
        return null;
    }

    private static Errno bulk(PhysicalMemory memory, RangeSet readOnly, Segment s) {
        try {
            return SegmentWriter.AS_POSTED.write(new DirectMap(memory, MACHINE, readOnly), List.of(s));
        } catch (KernelOops e) {
            return OOPS;
        }
    }

    @Test
    void bulkWriteLeavesExactlyWhatThePageLoopLeaves() {
        long[] sizes = {0, P - 1, P, P + 1, 3 * P};
        int cases = 0;
        List<RangeSet> readOnlyChoices = List.of(RangeSet.EMPTY, RangeSet.EMPTY.plus(new PhysRange(TOP - 5 * P, TOP - 4 * P)),
                RangeSet.EMPTY.plus(new PhysRange(TOP - 8 * P, TOP - 3 * P)));
        for (long mem : new long[] {TOP - 7 * P, TOP - 5 * P, TOP - 4 * P, TOP - 2 * P}) {
            for (long memPages = 1; memPages <= 4; memPages++) {
                for (long bufsz : sizes) {
                    if (bufsz > memPages * P) {
                        continue;
                    }
                    for (long fault : faultsFor(bufsz)) {
                        for (RangeSet ro : readOnlyChoices) {
                            Segment s = new Segment(mem, memPages * P, bufsz, new UserBuffer(7, fault));
                            PhysicalMemory expected = memory();
                            PhysicalMemory actual = memory();
                            Errno want = rfcLoop(expected, ro, s);
                            Errno got = bulk(actual, ro, s);
                            String what = "mem=" + Long.toHexString(mem) + " pages=" + memPages + " bufsz=" + bufsz + " fault=" + fault + " ro=" + ro;
                            assertThat(got).as(what).isEqualTo(want);
                            assertThat(actual.firstDifference(expected)).as(what).isEqualTo(-1L);
                            cases++;
                        }
                    }
                }
            }
        }
        assertThat(cases).isGreaterThan(500);
    }

    @Test
    void aHoleBelowPhysBitsIsMappedAndKeepsNothingWhilePastItMemremapFails() {
        DirectMap map = new DirectMap(memory(), MACHINE, RangeSet.EMPTY);
        UserBuffer b = new UserBuffer(1, UserBuffer.NO_FAULT);
        assertThat(SegmentWriter.AS_POSTED.write(map, List.of(new Segment(TOP - 3 * P, 3 * P, 3 * P, b)))).isNull();
        assertThat(SegmentWriter.AS_POSTED.write(map, List.of(new Segment(TOP - P, 2 * P, 2 * P, b)))).isEqualTo(Errno.ENOMEM);
        assertThat(map.firstUnmappable(TOP - P, 2 * P)).isEqualTo(P);
        assertThat(map.firstUnmappable(TOP - 2 * P, 2 * P)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void correctedWriterFaultsBeforeWritingAnythingAndOopsesOnReadOnlyPages() {
        PhysicalMemory memory = memory();
        DirectMap map = new DirectMap(memory, MACHINE, RangeSet.EMPTY);
        Segment ok = new Segment(TOP - 8 * P, P, P, new UserBuffer(1, UserBuffer.NO_FAULT));
        Segment bad = new Segment(TOP - 6 * P, 2 * P, 2 * P, new UserBuffer(1, P + 5));
        assertThat(SegmentWriter.CORRECTED.write(map, List.of(ok, bad))).isEqualTo(Errno.EFAULT);
        assertThat(memory.firstDifference(memory())).isEqualTo(-1L);
        assertThat(SegmentWriter.CORRECTED.write(map, List.of(ok))).isNull();
        assertThat(memory.readU8(TOP - 8 * P + 1)).isEqualTo(UserBuffer.byteAt(1, 1));
        DirectMap readOnly = new DirectMap(memory, MACHINE, RangeSet.EMPTY.plus(new PhysRange(TOP - 8 * P, TOP - 7 * P)));
        assertThatThrownBy(() -> SegmentWriter.CORRECTED.write(readOnly, List.of(ok))).isInstanceOf(KernelOops.class)
                .hasMessageContaining("0xffff8000");
    }

    private static List<Long> faultsFor(long bufsz) {
        List<Long> out = new ArrayList<>(List.of(UserBuffer.NO_FAULT));
        for (long f : new long[] {0, 1, P - 1, P, P + 1, bufsz - 1, bufsz, bufsz + 1}) {
            if (f >= 0 && !out.contains(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** The machine's RAM with a pattern in it, so both zero fill and copies show. */
    private static PhysicalMemory memory() {
        PhysicalMemory m = new PhysicalMemory(MACHINE.ram().stream().map(r -> new RamRange(r.start(), r.end())).toList());
        for (PhysRange r : MACHINE.ram()) {
            m.fill(r.start(), r.size(), (byte) 0x5A);
        }
        return m;
    }

    /** The eight-at-a-time user bytes are byteAt's, for lengths around a word and a page and patterns at the extremes. */
    @Test
    void userBytesAreTheBuffersPattern() {
        for (int pattern : new int[] {0, 1, 7, 0x7FFF, Integer.MAX_VALUE}) {
            for (int length : new int[] {0, 1, 7, 8, 9, 15, 16, 4095, 4096, 4097, 3 * 4096 + 5}) {
                UserBuffer b = new UserBuffer(pattern, UserBuffer.NO_FAULT);
                byte[] bytes = SegmentWriter.userBytes(b, length);
                assertThat(bytes).hasSize(length);
                for (int i = 0; i < length; i++) {
                    assertThat(bytes[i] & 0xFF).as("pattern %d byte %d", pattern, i).isEqualTo(b.byteAt(i));
                }
            }
        }
    }

    /** A piece of the pattern made in place (as the writers do, page by page) is the same piece of byteAt's. */
    @Test
    void patternPiecesAtAnyPositionAreTheBuffersBytes() {
        UserBuffer b = new UserBuffer(0x1234, UserBuffer.NO_FAULT);
        for (long from : new long[] {0, 1, 7, 4093, 4096, 1L << 33}) {
            byte[] dst = new byte[40];
            SegmentWriter.pattern(b).fill(from, dst, 3, 33);
            for (int i = 0; i < dst.length; i++) {
                int expected = i < 3 || i >= 36 ? 0 : b.byteAt(from + i - 3);
                assertThat(dst[i] & 0xFF).as("from %d byte %d", from, i).isEqualTo(expected);
            }
        }
    }

    /**
     * The table's 256-byte blocks and the rest around them are byteAt's bytes, at random buffer
     * positions (near 2^40 too), destination offsets and lengths (unaligned, across pages and
     * blocks); a fixed seed, so every run checks the same pieces.
     */
    @Test
    void blockFilledPiecesAreTheBuffersBytesAtRandomPositions() {
        java.util.Random random = new java.util.Random(0x5E6L);
        for (int trial = 0; trial < 2_000; trial++) {
            UserBuffer b = new UserBuffer(random.nextInt(Integer.MAX_VALUE), UserBuffer.NO_FAULT);
            long from = random.nextBoolean() ? random.nextInt(3 * 4096) : (1L << 40) + random.nextInt(1 << 20);
            int offset = random.nextInt(16);
            int length = random.nextInt(3 * 4096);
            byte[] dst = new byte[offset + length + 16];
            byte[] expected = new byte[dst.length];
            SegmentWriter.fill(b, from, dst, offset, length);
            for (int i = 0; i < length; i++) {
                expected[offset + i] = (byte) b.byteAt(from + i);
            }
            assertThat(dst).as("pattern %d from %d offset %d length %d", b.pattern(), from, offset, length)
                    .isEqualTo(expected);
        }
    }
    /**
     * The bucketed count of PatternBlocks agrees with counting directly at every value it counts,
     * one either side, every bucket edge and the ends 0 and 2^56.
     */
    @Test
    void blockCarryCountsAgreeWithCountingEveryValue() {
        long[] low = new long[PatternBlocks.BLOCK];
        for (int i = 0; i < low.length; i++) {
            low[i] = (i * UserBuffer.K1) & ((1L << 56) - 1);
        }
        List<Long> thresholds = new ArrayList<>(List.of(0L, 1L << 56));
        for (long v : low) {
            thresholds.addAll(List.of(v - 1, v, v + 1));
        }
        for (long edge = 0; edge <= 1L << 56; edge += 1L << 46) {
            thresholds.addAll(List.of(edge - 1, edge, edge + 1));
        }
        for (long t : thresholds) {
            if (t < 0 || t > 1L << 56) {
                continue;
            }
            int expected = 0;
            for (long v : low) {
                expected += v < t ? 1 : 0;
            }
            assertThat(PatternBlocks.below(t)).as("threshold %d", t).isEqualTo(expected);
        }
    }
}
