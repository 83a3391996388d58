package kverify.impl.mk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import kverify.model.mk.UserBuffer;

/**
 * The user buffer's pattern 256 bytes at a time from a table, instead of one addition and shift
 * per byte. Byte i of a block starting at x (x(i) = x + i * K1, see {@link SegmentWriter#fill})
 * is the top byte of x + B(i) with B(i) = i * K1: the top bytes added, plus the carry out of the
 * low 56 bits, which is 1 exactly when low(B(i)) >= 2^56 - low(x). The i * K1 are fixed, so with
 * r = how many low(B(i)) lie below 2^56 - low(x) the carry of byte i is rank(i) >= r.
 * {@code WORDS} holds, for every r, the block's bytes top(B(i)) + carry as little-endian words; a
 * block is those words plus top(x) in every byte, added bytewise without carries between bytes
 * (a byte loop doing the same ran three times slower: the JIT did not vectorize it). r is found
 * from a table of counts per 2^46-wide bucket of thresholds and a step past the few values inside
 * the threshold's bucket (with a binary search per block, whose branches are unpredictable, a
 * 64 MiB load took about 1.3x as long). SegmentWriterTest compares the bytes with
 * {@link UserBuffer#byteAt} and r with a direct count.
 */
final class PatternBlocks {
    static final int BLOCK = 256;
    private static final int WORDS_PER_BLOCK = BLOCK / 8;
    private static final long LOW_56 = (1L << 56) - 1;
    private static final long LOW_7_OF_EACH_BYTE = 0x7F7F7F7F7F7F7F7FL;
    private static final long TOP_BIT_OF_EACH_BYTE = 0x8080808080808080L;
    private static final int BUCKET_SHIFT = 46;
    /** The low 56 bits of i * K1 for i in [0, BLOCK), ascending (distinct: K1 is odd). */
    private static final long[] SORTED_LOW = new long[BLOCK];
    /** Per bucket b in [0, 2^56 >>> BUCKET_SHIFT], how many SORTED_LOW lie below b << BUCKET_SHIFT. */
    private static final int[] BELOW_BUCKET = new int[(int) (1L << 56 >>> BUCKET_SHIFT) + 1];
    /** Per r in [0, BLOCK], the block's bytes top(i * K1) + (rank(i) >= r), eight to a word. */
    private static final long[] WORDS = new long[(BLOCK + 1) * WORDS_PER_BLOCK];
    private static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        long[] low = new long[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            low[i] = (i * UserBuffer.K1) & LOW_56;
            SORTED_LOW[i] = low[i];
        }
        Arrays.sort(SORTED_LOW);
        for (int i = 0; i < BLOCK; i++) {
            int rank = Arrays.binarySearch(SORTED_LOW, low[i]);
            long top = (i * UserBuffer.K1) >>> 56;
            for (int r = 0; r <= BLOCK; r++) {
                long b = (top + (rank >= r ? 1 : 0)) & 0xFF;
                WORDS[r * WORDS_PER_BLOCK + i / 8] |= b << (8 * (i % 8));
            }
        }
        int below = 0;
        for (int b = 0; b < BELOW_BUCKET.length; b++) {
            while (below < BLOCK && SORTED_LOW[below] < (long) b << BUCKET_SHIFT) {
                below++;
            }
            BELOW_BUCKET[b] = below;
        }
    }

    private PatternBlocks() {
    }

    /** How many low(i * K1), i in [0, BLOCK), lie below {@code threshold} (in [0, 2^56]). */
    static int below(long threshold) {
        int r = BELOW_BUCKET[(int) (threshold >>> BUCKET_SHIFT)];
        while (r < BLOCK && SORTED_LOW[r] < threshold) {
            r++;
        }
        return r;
    }

    /**
     * Whole blocks of the pattern into out[offset..], the first byte's x being {@code x}; returns
     * how many bytes it wrote (a multiple of BLOCK, at most length), the caller makes the rest.
     * Offset 0 (a whole page, as a segment is mostly written) has a loop of its own: with the
     * offset known to be zero the JIT's code for it ran about 1.5x faster than the general loop's.
     */
    static int fill(long x, byte[] out, int offset, int length) {
        int blocks = length / BLOCK;
        if (offset == 0) {
            for (int k = 0; k < blocks; k++) {
                block(x + k * BLOCK * UserBuffer.K1, out, k * BLOCK);
            }
        } else {
            for (int k = 0; k < blocks; k++) {
                block(x + k * BLOCK * UserBuffer.K1, out, offset + k * BLOCK);
            }
        }
        return blocks * BLOCK;
    }

    /** One block whose first byte's x is {@code x} into out[at, at + BLOCK). */
    private static void block(long x, byte[] out, int at) {
        int words = below((1L << 56) - (x & LOW_56)) * WORDS_PER_BLOCK;
        long top = (x >>> 56) * 0x0101010101010101L;
        long topLow = top & LOW_7_OF_EACH_BYTE;
        long topHigh = top & TOP_BIT_OF_EACH_BYTE;
        for (int g = 0; g < WORDS_PER_BLOCK; g++) {
            long w = WORDS[words + g];
            LE_LONG.set(out, at + 8 * g, ((w & LOW_7_OF_EACH_BYTE) + topLow) ^ (w & TOP_BIT_OF_EACH_BYTE) ^ topHigh);
        }
    }
}
