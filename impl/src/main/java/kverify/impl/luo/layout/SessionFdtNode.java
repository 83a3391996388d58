package kverify.impl.luo.layout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import kverify.model.Errno;
import kverify.model.Outcome;

/**
 * The LUO session node of the KHO FDT ({@code include/linux/kho/abi/luo.h} as patch 2/5 leaves it,
 * kernelorg-mirror/linux_kernel_git_tatashin_linux 5d766e265bfc594d2e54ac5c1f43710f61889bdb):
 * <pre>
 * luo-session {
 *         compatible = "luo-session-v4";      // LUO_FDT_SESSION_COMPATIBLE, NUL included
 *         luo-session-header = &lt;u64&gt;;        // PA of the first luo_session_header_ser
 * };
 * </pre>
 * The header address is written with {@code fdt_property(fdt, ..., &u64, 8)} and read with
 * {@code get_unaligned((u64 *)ptr)}: host byte order, little-endian on x86_64, not the
 * big-endian FDT cell convention.
 */
public final class SessionFdtNode {
    public static final String NODE_NAME = "luo-session";
    public static final String COMPATIBLE = "luo-session-v4";
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
     * luo_session_setup_incoming's checks (luo_session.c at 7d538a77a85f3fe2b162510fe923e65496394e28):
     * fdt_subnode_offset finds no node, fdt_node_check_compatible does not match, or the header
     * property is missing or not 8 bytes, each EINVAL; else the head PA.
     */
    public static Outcome<Long> headPa(Optional<FdtNode> node) {
        if (node.isEmpty() || !nodeNameMatches(node.get().name())) {
            return Outcome.err(Errno.EINVAL);
        }
        Optional<byte[]> compat = node.get().property(COMPATIBLE_PROPERTY);
        if (compat.isEmpty() || !stringListContains(compat.get(), COMPATIBLE)) {
            return Outcome.err(Errno.EINVAL);
        }
        Optional<byte[]> head = node.get().property(HEADER_PROPERTY);
        if (head.isEmpty() || head.get().length != HEADER_PROPERTY_SIZE) {
            return Outcome.err(Errno.EINVAL);
        }
        return Outcome.ok(ByteBuffer.wrap(head.get()).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong());
    }

    /**
     * fdt_nodename_eq_ (libfdt, torvalds/linux a4654e9bde4ecedb4921e6c8fe2088114bdff1b3
     * scripts/dtc/libfdt/fdt_ro.c) as fdt_subnode_offset uses it: the name itself, or the name
     * followed by a unit address ("luo-session@1"), since the name looked up has no '@'.
     */
    static boolean nodeNameMatches(String name) {
        return name.equals(NODE_NAME) || name.startsWith(NODE_NAME + "@");
    }

    /**
     * fdt_stringlist_contains, which fdt_node_check_compatible calls on the property: true if any
     * NUL-separated string of the list is s. It compares strlen(s) + 1 bytes while at least
     * strlen(s) remain, so the last string may lack its NUL: in a flattened tree the byte after a
     * property value is padding or the next tag's first byte, both 0.
     */
    static boolean stringListContains(byte[] list, String s) {
        byte[] want = cString(s);
        int at = 0;
        while (list.length - at >= want.length - 1) {
            boolean same = true;
            for (int i = 0; i < want.length && same; i++) {
                same = (at + i < list.length ? list[at + i] : 0) == want[i];
            }
            if (same) {
                return true;
            }
            int nul = at;
            while (nul < list.length && list[nul] != 0) {
                nul++;
            }
            if (nul == list.length) {
                return false;
            }
            at = nul + 1;
        }
        return false;
    }

    static byte[] cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOf(b, b.length + 1);
    }
}
