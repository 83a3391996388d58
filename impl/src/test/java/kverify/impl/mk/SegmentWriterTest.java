package kverify.impl.mk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kverify.impl.memory.PhysicalMemory;
import kverify.impl.memory.RamRange;
import kverify.model.Errno;
import kverify.model.mk.MkConst;
import kverify.model.mk.Segment;
import kverify.model.mk.UserBuffer;
import org.junit.jupiter.api.Test;

/**
 * The bulk AS_POSTED writer against a line-by-line transcription of the RFC's
 * kimage_load_multikernel_segment() page loop, over every combination of a small grid of sizes,
 * fault offsets and RAM ends. (A unit test with enumerated inputs, not a generated property.)
 */
class SegmentWriterTest {
    private static final long P = MkConst.PAGE_SIZE;
    private static final long MEM = 0x10000;

    /** The RFC loop: memremap per page (NULL outside RAM), zero the tail, copy_from_user (zero-pads on fault). */
    private static Errno rfcLoop(PhysicalMemory memory, Segment s) {
        long maddr = s.mem();
        long mbytes = s.memsz();
        long ubytes = s.bufsz();
        long buf = 0;
        while (mbytes != 0) {
            if (!memory.isRam(maddr & MkConst.PAGE_MASK, P)) {
                return Errno.ENOMEM;
            }
            long mchunk = Math.min(mbytes, P - (maddr & ~MkConst.PAGE_MASK));
            long uchunk = Math.min(ubytes, mchunk);
            if (mchunk > uchunk) {
                memory.fill(maddr + uchunk, mchunk - uchunk, (byte) 0);
            }
            long notCopied = 0;
            for (long i = 0; i < uchunk; i++) {
                boolean readable = s.buffer().readableFrom(buf + i) > 0;
                memory.writeU8(maddr + i, readable ? s.buffer().byteAt(buf + i) : 0);
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

    @Test
    void bulkWriteLeavesExactlyWhatThePageLoopLeaves() {
        long[] sizes = {0, P - 1, P, P + 1, 3 * P};
        int cases = 0;
        for (long memPages = 1; memPages <= 3; memPages++) {
            long memsz = memPages * P;
            for (long bufsz : sizes) {
                if (bufsz > memsz) {
                    continue;
                }
                for (long fault : faultsFor(bufsz)) {
                    for (long ramEnd : new long[] {MEM + P, MEM + 2 * P, MEM + 8 * P}) {
                        Segment s = new Segment(MEM, memsz, bufsz, new UserBuffer(7, fault));
                        PhysicalMemory expected = memory(ramEnd);
                        PhysicalMemory actual = memory(ramEnd);
                        Errno want = rfcLoop(expected, s);
                        Errno got = SegmentWriter.AS_POSTED.write(actual, List.of(s));
                        String what = "memsz=" + memsz + " bufsz=" + bufsz + " fault=" + fault + " ramEnd=" + ramEnd;
                        assertThat(got).as(what).isEqualTo(want);
                        assertThat(actual.firstDifference(expected)).as(what).isEqualTo(-1L);
                        cases++;
                    }
                }
            }
        }
        assertThat(cases).isGreaterThan(100);
    }

    @Test
    void correctedWriterFaultsBeforeWritingAnything() {
        PhysicalMemory memory = memory(MEM + 8 * P);
        Segment ok = new Segment(MEM, P, P, new UserBuffer(1, UserBuffer.NO_FAULT));
        Segment bad = new Segment(MEM + 2 * P, 2 * P, 2 * P, new UserBuffer(1, P + 5));
        assertThat(SegmentWriter.CORRECTED.write(memory, List.of(ok, bad))).isEqualTo(Errno.EFAULT);
        assertThat(memory.firstDifference(memory(MEM + 8 * P))).isEqualTo(-1L);
        assertThat(SegmentWriter.CORRECTED.write(memory, List.of(ok))).isNull();
        assertThat(memory.readU8(MEM + 1)).isEqualTo(UserBuffer.byteAt(1, 1));
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

    /** RAM from 0 to ramEnd with a pattern in it, so both zero fill and copies show. */
    private static PhysicalMemory memory(long ramEnd) {
        PhysicalMemory m = new PhysicalMemory(List.of(new RamRange(0, ramEnd)));
        m.fill(0, ramEnd, (byte) 0x5A);
        return m;
    }
}
