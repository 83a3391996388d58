package kverify.properties.luo.corrupt;

/**
 * What one corruption changed: its kind, where (a physical address, or -1 for the FDT node or the v7 subtree entry),
 * which field, and the value before and after, as printed in traces and finding files.
 */
public record Change(CorruptionKind kind, long address, String field, String oldValue, String newValue) {
    @Override
    public String toString() {
        String where = address < 0 ? (field.startsWith("subtree") ? "kho" : "fdt") : Corruption.hex(address);
        return kind.label() + ": " + field + " at " + where + ": " + oldValue + " -> " + newValue;
    }
}
