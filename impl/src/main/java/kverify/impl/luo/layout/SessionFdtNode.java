package kverify.impl.luo.layout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import kverify.model.Errno;
import kverify.model.Outcome;

/**
 * The LUO session node of the KHO FDT ({@code include/linux/kho/abi/luo.h}, patch 1/5):
 * <pre>
 * luo-session {
 *         compatible = "luo-session-v3";      // LUO_FDT_SESSION_COMPATIBLE, NUL included
 *         luo-session-header = &lt;u64&gt;;        // PA of the first luo_session_header_ser
 * };
 * </pre>
 * The header address is written with {@code fdt_property(fdt, ..., &u64, 8)} and read with
 * {@code get_unaligned((u64 *)ptr)}: host byte order, little-endian on x86_64, not the
 * big-endian FDT cell convention.
 */
public final class SessionFdtNode {
    public static final String NODE_NAME = "luo-session";
    public static final String COMPATIBLE = "luo-session-v3";
    public static final String COMPATIBLE_PROPERTY = "compatible";
    public static final String HEADER_PROPERTY = "luo-session-header";
    public static final int HEADER_PROPERTY_SIZE = Long.BYTES;

    private SessionFdtNode() {
    }

    /** The node luo_session_setup_outgoing writes. */
    public static FdtNode build(long headPa) {
        byte[] head = ByteBuffer.allocate(HEADER_PROPERTY_SIZE).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(headPa).array();
        return new FdtNode(NODE_NAME, Map.of(COMPATIBLE_PROPERTY, cString(COMPATIBLE), HEADER_PROPERTY, head));
    }

    /**
     * luo_session_setup_incoming's checks: the node missing, the compatible not equal, or the
     * header property missing or not 8 bytes, each EINVAL; else the head PA.
     */
    public static Outcome<Long> headPa(Optional<FdtNode> node) {
        if (node.isEmpty() || !node.get().name().equals(NODE_NAME)) {
            return Outcome.err(Errno.EINVAL);
        }
        Optional<byte[]> compat = node.get().property(COMPATIBLE_PROPERTY);
        if (compat.isEmpty() || !Arrays.equals(compat.get(), cString(COMPATIBLE))) {
            return Outcome.err(Errno.EINVAL);
        }
        Optional<byte[]> head = node.get().property(HEADER_PROPERTY);
        if (head.isEmpty() || head.get().length != HEADER_PROPERTY_SIZE) {
            return Outcome.err(Errno.EINVAL);
        }
        return Outcome.ok(ByteBuffer.wrap(head.get()).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong());
    }

    static byte[] cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOf(b, b.length + 1);
    }
}
