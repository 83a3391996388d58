package kverify.impl.luo.layout;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One node of the KHO device tree as LUO writes it with fdt_begin_node/fdt_property: a name and
 * raw property values. The suite does not flatten it into a DTB blob; the property bytes are
 * exactly what fdt_property would store.
 */
public final class FdtNode {
    private final String name;
    private final TreeMap<String, byte[]> properties = new TreeMap<>();

    public FdtNode(String name, Map<String, byte[]> properties) {
        this.name = name;
        properties.forEach((k, v) -> this.properties.put(k, v.clone()));
    }

    public String name() {
        return name;
    }

    public Optional<byte[]> property(String key) {
        byte[] v = properties.get(key);
        return v == null ? Optional.empty() : Optional.of(v.clone());
    }

    public SortedMap<String, byte[]> properties() {
        return Collections.unmodifiableSortedMap(properties);
    }

    /** A copy with one property replaced (or removed when value is null); for corruption tests. */
    public FdtNode with(String key, byte[] value) {
        TreeMap<String, byte[]> copy = new TreeMap<>(properties);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new FdtNode(name, copy);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FdtNode other) || !name.equals(other.name) || !properties.keySet().equals(other.properties.keySet())) {
            return false;
        }
        return properties.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.properties.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
