package kverify.impl.luo.layout.v7;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import kverify.impl.memory.PhysicalMemory;

/**
 * The root of all LUO state in v7 ({@code include/linux/kho/abi/luo.h}): created without the
 * compatible field by "[PATCH v4 03/13] liveupdate: centralize state management into struct
 * luo_ser" (2026-05-30), given {@code compatible} in front by "[PATCH v7 04/13] liveupdate:
 * register luo_ser as KHO subtree" (2026-06-03), which also registers it as the raw KHO subtree
 * "LUO"; the string is {@code "luo-v5"} after "[PATCH v7 10/13]".
 * <pre>
 * #define LUO_ABI_COMPATIBLE   "luo-v5"
 * #define LUO_ABI_COMPAT_LEN   ALIGN(sizeof(LUO_ABI_COMPATIBLE), 8)     // 8
 *
 * struct luo_ser {
 *         char compatible[LUO_ABI_COMPAT_LEN];  // NUL padded
 *         u64 liveupdate_num;                   // successful live updates so far, this one included
 *         u64 sessions_pa;                      // head of the session block set, 0: no sessions
 *         u64 flbs_pa;                          // FLB header (outside the suite)
 * } __packed;
 *
 *  0               8               16              24              32
 *  +---------------+---------------+---------------+---------------+
 *  | compatible[8] |liveupdate_num |  sessions_pa  |    flbs_pa    |
 *  +---------------+---------------+---------------+---------------+
 * </pre>
 * The next kernel compares the field with {@code strncmp(..., LUO_ABI_COMPAT_LEN)}: equal C
 * strings within the 8 bytes, so bytes after the NUL do not matter.
 */
public final class LuoSer {
    public static final String STRUCT = "luo_ser";
    public static final String COMPATIBLE = "luo-v5";
    public static final int COMPATIBLE_OFFSET = 0;
    public static final int COMPATIBLE_LENGTH = compatLength(COMPATIBLE);
    public static final int LIVEUPDATE_NUM_OFFSET = COMPATIBLE_OFFSET + COMPATIBLE_LENGTH;
    public static final int SESSIONS_PA_OFFSET = LIVEUPDATE_NUM_OFFSET + Long.BYTES;
    public static final int FLBS_PA_OFFSET = SESSIONS_PA_OFFSET + Long.BYTES;
    public static final int SIZE = FLBS_PA_OFFSET + Long.BYTES;

    private LuoSer() {
    }

    /** compatible is the C string in the field (all 8 bytes when it holds no NUL). */
    public record Value(String compatible, long liveupdateNum, long sessionsPa, long flbsPa) {
    }

    /** LUO_ABI_COMPAT_LEN for a string: its size with the NUL, rounded up to 8. */
    static int compatLength(String compatible) {
        int withNul = compatible.getBytes(StandardCharsets.US_ASCII).length + 1;
        return (withNul + 7) & ~7;
    }

    public static byte[] encode(String compatible, long liveupdateNum, long sessionsPa, long flbsPa) {
        byte[] c = compatible.getBytes(StandardCharsets.ISO_8859_1);
        if (c.length > COMPATIBLE_LENGTH) {
            throw new IllegalArgumentException("compatible='" + compatible + "' longer than " + COMPATIBLE_LENGTH + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(COMPATIBLE_OFFSET, c);
        b.putLong(LIVEUPDATE_NUM_OFFSET, liveupdateNum).putLong(SESSIONS_PA_OFFSET, sessionsPa).putLong(FLBS_PA_OFFSET, flbsPa);
        return b.array();
    }

    /** luo_state_setup: the whole struct in one write (compatible by strscpy into a zeroed allocation). */
    public static void write(PhysicalMemory m, long pa, long liveupdateNum, long sessionsPa, long flbsPa) {
        m.write(pa, encode(COMPATIBLE, liveupdateNum, sessionsPa, flbsPa), 0, SIZE);
    }

    /** {@code *sh->sessions_pa = ...} in luo_session_serialize. */
    public static void writeSessionsPa(PhysicalMemory m, long pa, long sessionsPa) {
        m.writeU64(pa + SESSIONS_PA_OFFSET, sessionsPa);
    }

    public static Value read(PhysicalMemory m, long pa) {
        byte[] raw = Located.bytes(m, pa, SIZE, STRUCT, "compatible..flbs_pa");
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        return new Value(cString(raw, COMPATIBLE_OFFSET, COMPATIBLE_LENGTH), b.getLong(LIVEUPDATE_NUM_OFFSET),
                b.getLong(SESSIONS_PA_OFFSET), b.getLong(FLBS_PA_OFFSET));
    }

    /** luo_early_startup's compatible test; empty when it passes, else the name=value message. */
    public static Optional<String> checkCompatible(Value v) {
        if (v.compatible().equals(COMPATIBLE)) {
            return Optional.empty();
        }
        return Optional.of("compatible=\"" + v.compatible() + "\", expected \"" + COMPATIBLE + "\"");
    }

    private static String cString(byte[] raw, int offset, int length) {
        int n = 0;
        while (n < length && raw[offset + n] != 0) {
            n++;
        }
        return new String(raw, offset, n, StandardCharsets.ISO_8859_1);
    }
}
