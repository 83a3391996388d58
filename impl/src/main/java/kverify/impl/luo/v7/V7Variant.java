package kverify.impl.luo.v7;

/**
 * The named versions of the v7 code, each the same code with two small strategies. Not yet a
 * {@code LuoVariant}: docs/versions-luo.md section 7 says how the lead joins the two enums.
 */
public enum V7Variant {
    /** The v7 series as applied to the liveupdate tree's next branch on 2026-06-03. */
    AS_APPLIED(InsertOrder.GROW_THEN_DUPLICATE, RestoreTrust.AS_APPLIED),
    /** What the contract requires of v7: the duplicate test first, pointers checked on restore. */
    CORRECTED(InsertOrder.DUPLICATE_THEN_GROW, RestoreTrust.CORRECTED);

    private final InsertOrder insertOrder;
    private final RestoreTrust restoreTrust;

    V7Variant(InsertOrder insertOrder, RestoreTrust restoreTrust) {
        this.insertOrder = insertOrder;
        this.restoreTrust = restoreTrust;
    }

    public InsertOrder insertOrder() {
        return insertOrder;
    }

    public RestoreTrust restoreTrust() {
        return restoreTrust;
    }
}
