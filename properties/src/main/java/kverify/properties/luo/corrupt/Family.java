package kverify.properties.luo.corrupt;

/** Groups of corruption kinds; each family is one property per variant in the catalog. */
public enum Family {
    FDT("fdt"), COUNT("count"), NEXT("next"), LIMIT("limit"), NAME("name"), FILESET("fileset"), BITS("bits");

    private final String label;

    Family(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
