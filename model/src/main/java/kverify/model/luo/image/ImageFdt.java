package kverify.model.luo.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The LUO session node of the KHO device tree as the next kernel finds it: a node name and raw
 * property values (exactly the bytes {@code fdt_property} stores). The ABI names are the
 * contract's ({@code include/linux/kho/abi/luo.h} with patch 2/5, kernelorg-mirror/
 * linux_kernel_git_tatashin_linux 5d766e265bfc594d2e54ac5c1f43710f61889bdb); the head address is a
 * little-endian u64 (decision 15 of docs/luo.md).
 */
public final class ImageFdt {
    public static final String NODE_NAME = "luo-session";
    public static final String COMPATIBLE_PROPERTY = "compatible";
    public static final String COMPATIBLE = "luo-session-v4";
    /** What patch 1/5 alone wrote, and what image files of format v1 call the 2/5 ABI (see ImageText). */
    public static final String COMPATIBLE_1_5 = "luo-session-v3";
    public static final String HEAD_PROPERTY = "luo-session-header";
    public static final int HEAD_PROPERTY_SIZE = 8;

    private final String name;
    private final TreeMap<String, byte[]> properties = new TreeMap<>();

    public ImageFdt(String name, Map<String, byte[]> properties) {
        this.name = name;
        properties.forEach((k, v) -> this.properties.put(k, v.clone()));
    }

    /** The node a successful boot with 2/5 writes: compatible v4 and the head address. */
    public static ImageFdt standard(long headPa) {
        return new ImageFdt(NODE_NAME, Map.of(COMPATIBLE_PROPERTY, cString(COMPATIBLE), HEAD_PROPERTY, u64(headPa)));
    }

    public String name() {
        return name;
    }

    public Optional<byte[]> property(String key) {
        byte[] v = properties.get(key);
        return v == null ? Optional.empty() : Optional.of(v.clone());
    }

    public SortedMap<String, byte[]> properties() {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        properties.forEach((k, v) -> copy.put(k, v.clone()));
        return Collections.unmodifiableSortedMap(copy);
    }

    /** A copy with one property set, or removed when value is null. */
    public ImageFdt with(String key, byte[] value) {
        TreeMap<String, byte[]> copy = new TreeMap<>(properties);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new ImageFdt(name, copy);
    }

    /** The bytes of s and its NUL, as fdt_property_string stores them. */
    public static byte[] cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return Arrays.copyOf(b, b.length + 1);
    }

    /**
     * How fdt_subnode_offset and fdt_node_check_compatible match (libfdt fdt_ro.c, decision 20 of
     * docs/luo.md): the node is "luo-session" or "luo-session@UNIT", and the compatible property,
     * a list of NUL-separated strings whose last NUL may be missing, holds {@link #COMPATIBLE}.
     */
    public boolean matchesSessionNode() {
        if (!name.equals(NODE_NAME) && !name.startsWith(NODE_NAME + "@")) {
            return false;
        }
        byte[] list = properties.get(COMPATIBLE_PROPERTY);
        if (list == null) {
            return false;
        }
        String text = new String(list, StandardCharsets.ISO_8859_1);
        for (String s : text.split("\0", -1)) {
            if (s.equals(COMPATIBLE)) {
                return true;
            }
        }
        return false;
    }

    public static byte[] u64(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ImageFdt other) || !name.equals(other.name) || !properties.keySet().equals(other.properties.keySet())) {
            return false;
        }
        return properties.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.properties.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + properties.keySet().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(" {");
        properties.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v.length).append(" bytes;"));
        return sb.append(" }").toString();
    }
}
