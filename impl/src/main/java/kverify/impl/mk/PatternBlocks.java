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
 * r = how many low(B(i)) lie below 2^56 - low(x) (a binary search per block) the carry of byte i
 * is rank(i) >= r. {@code WORDS} holds, for every r, the block's bytes top(B(i)) + carry as
 * little-endian words; a block is those words plus top(x) in every byte, added bytewise without
 * carries between bytes. SegmentWriterTest compares the bytes with {@link UserBuffer#byteAt}.
 */
final class PatternBlocks {
    static final int BLOCK = 256;
    private static final int WORDS_PER_BLOCK = BLOCK / 8;
    private static final long LOW_56 = (1L << 56) - 1;
    private static final long LOW_7_OF_EACH_BYTE = 0x7F7F7F7F7F7F7F7FL;
    private static final long TOP_BIT_OF_EACH_BYTE = 0x8080808080808080L;
    /** The low 56 bits of i * K1 for i in [0, BLOCK), ascending (distinct: K1 is odd). */
    private static final long[] SORTED_LOW = new long[BLOCK];
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
    }

    private PatternBlocks() {
    }

    /**
     * Whole blocks of the pattern into out[offset..], the first byte's x being {@code x}; returns
     * how many bytes it wrote (a multiple of BLOCK, at most length), the caller makes the rest.
     */
    static int fill(long x, byte[] out, int offset, int length) {
        int blocks = length / BLOCK;
        for (int k = 0; k < blocks; k++) {
            int r = Arrays.binarySearch(SORTED_LOW, (1L << 56) - (x & LOW_56));
            int words = (r < 0 ? -r - 1 : r) * WORDS_PER_BLOCK;
            long top = (x >>> 56) * 0x0101010101010101L;
            long topLow = top & LOW_7_OF_EACH_BYTE;
            long topHigh = top & TOP_BIT_OF_EACH_BYTE;
            int at = offset + k * BLOCK;
            for (int g = 0; g < WORDS_PER_BLOCK; g++) {
                long w = WORDS[words + g];
                LE_LONG.set(out, at + 8 * g, ((w & LOW_7_OF_EACH_BYTE) + topLow) ^ (w & TOP_BIT_OF_EACH_BYTE) ^ topHigh);
            }
            x += BLOCK * UserBuffer.K1;
        }
        return blocks * BLOCK;
    }
}
