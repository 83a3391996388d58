package kverify.model.luo.image;

/**
 * A KHO subtree entry of a v7 handover as the next kernel's kho_retrieve_subtree returns it: the
 * entry name, the blob's physical address and its length (docs/versions-luo.md U6: how KHO stores
 * the entry in its own FDT is not modelled). LUO v7 registers its {@code struct luo_ser} as "LUO".
 */
public record ImageSubtree(String name, long pa, long length) {
    /** LUO_KHO_ENTRY_NAME. */
    public static final String LUO = "LUO";
}
