package kverify.impl.luo.layout.v7;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import kverify.impl.memory.PhysicalMemory;

/**
 * Header of every block of a KHO block set, the generic linked-block ABI of LUO v7
 * ({@code include/linux/kho/abi/block.h}, torvalds/linux 637315cb; created by "[PATCH v7 07/13]
 * kho: add support for linked-block serialization", 2026-06-03). Session blocks and file blocks
 * both start with it; it replaces v1's {@code luo_session_header_ser} and 2/5's
 * {@code luo_file_header_ser} byte for byte.
 * <pre>
 * struct kho_block_header_ser {
 *         u64 next;     // PA of the next block's header, 0 ends the chain
 *         u64 count;    // entries that follow in this block
 * } __packed;
 *
 *  0               8               16
 *  +---------------+---------------+
 *  |     next      |     count     |  followed by count entries of entry_size bytes
 *  +---------------+---------------+
 * </pre>
 * A block is {@code KHO_BLOCK_SIZE} bytes; its capacity is
 * {@code (KHO_BLOCK_SIZE - sizeof(header)) / entry_size} ({@code KHO_BLOCK_SET_INIT} in
 * {@code include/linux/kho_block.h}).
 */
public final class KhoBlockHeaderSer {
    public static final String STRUCT = "kho_block_header_ser";
    public static final int NEXT_OFFSET = 0;
    public static final int COUNT_OFFSET = NEXT_OFFSET + Long.BYTES;
    public static final int SIZE = COUNT_OFFSET + Long.BYTES;

    private KhoBlockHeaderSer() {
    }

    /** count_per_block of KHO_BLOCK_SET_INIT: whole entries after the header, rounded down. */
    public static int countPerBlock(int blockBytes, int entrySize) {
        if (entrySize <= 0 || blockBytes < SIZE + entrySize) {
            throw new IllegalArgumentException("blockBytes=" + blockBytes + " holds no entry of entrySize=" + entrySize);
        }
        return (blockBytes - SIZE) / entrySize;
    }

    public static byte[] encode(long next, long count) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(NEXT_OFFSET, next).putLong(COUNT_OFFSET, count);
        return b.array();
    }

    public static long next(PhysicalMemory m, long headerPa) {
        return Located.u64(m, headerPa + NEXT_OFFSET, STRUCT, "next");
    }

    public static long count(PhysicalMemory m, long headerPa) {
        return Located.u64(m, headerPa + COUNT_OFFSET, STRUCT, "count");
    }

    public static void writeNext(PhysicalMemory m, long headerPa, long next) {
        m.writeU64(headerPa + NEXT_OFFSET, next);
    }

    public static void writeCount(PhysicalMemory m, long headerPa, long count) {
        m.writeU64(headerPa + COUNT_OFFSET, count);
    }

    /** kho_block_entry: PA of entry i of the block whose header is at headerPa. */
    public static long entryPa(long headerPa, long i, int entrySize) {
        return headerPa + SIZE + i * entrySize;
    }

    /**
     * kho_block_set_restore's test of each block it adds: a count of 0 or above the capacity
     * (compared as u64) is EINVAL. Empty when the count is acceptable, else the name=value message.
     */
    public static Optional<String> checkCount(long count, long perBlock) {
        if (count == 0 || Long.compareUnsigned(count, perBlock) > 0) {
            return Optional.of("count=" + Long.toUnsignedString(count) + ", expected 1.." + perBlock);
        }
        return Optional.empty();
    }
}
