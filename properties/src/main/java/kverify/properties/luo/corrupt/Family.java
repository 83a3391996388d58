package kverify.properties.luo.corrupt;

/** Groups of corruption kinds; each family is one property per variant in the catalog (fdt on v1, root on v7). */
public enum Family {
    FDT("fdt"), COUNT("count"), NEXT("next"), LIMIT("limit"), NAME("name"), FILESET("fileset"), BITS("bits"), ROOT("root");

    private final String label;

    Family(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** v1's root is the FDT node, v7's the luo_ser subtree; every other family is block headers and entries, in both. */
    public boolean appliesTo(kverify.model.luo.image.ImageVersion v) {
        return this == FDT ? v == kverify.model.luo.image.ImageVersion.V1
                : this != ROOT || v == kverify.model.luo.image.ImageVersion.V7;
    }

    public static java.util.List<Family> of(kverify.model.luo.image.ImageVersion v) {
        return java.util.Arrays.stream(values()).filter(f -> f.appliesTo(v)).toList();
    }
}
