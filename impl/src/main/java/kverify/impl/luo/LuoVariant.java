package kverify.impl.luo;

/**
 * The named versions of the session code. Each is the same code with three small strategies;
 * a difference between variants is one of these, never an {@code if} on the variant elsewhere.
 */
public enum LuoVariant {
    /** Patch 1/5 exactly as posted, including where it breaks the promise. */
    AS_POSTED(BlockGrowth.WHEN_FULL, TrailingCounts.LEFT_AS_THEY_ARE, DeserializeFailure.KEEP_PARTIAL_STATE,
            HandoverChecks.TRUSTING),
    /** What the contract requires: stale block counts cleared, whole-handover rejection. */
    CORRECTED(BlockGrowth.WHEN_FULL, TrailingCounts.CLEARED, DeserializeFailure.REJECT_WHOLE_HANDOVER,
            HandoverChecks.STRICT),
    /** Patch 1/5 with Zhu Yanjun's block-allocation condition. */
    REVIEW_SUGGESTION(BlockGrowth.WHEN_COUNT_IS_A_MULTIPLE, TrailingCounts.LEFT_AS_THEY_ARE,
            DeserializeFailure.KEEP_PARTIAL_STATE, HandoverChecks.TRUSTING);

    private final BlockGrowth growth;
    private final TrailingCounts trailingCounts;
    private final DeserializeFailure deserializeFailure;
    private final HandoverChecks handoverChecks;

    LuoVariant(BlockGrowth growth, TrailingCounts trailingCounts, DeserializeFailure deserializeFailure,
            HandoverChecks handoverChecks) {
        this.growth = growth;
        this.trailingCounts = trailingCounts;
        this.deserializeFailure = deserializeFailure;
        this.handoverChecks = handoverChecks;
    }

    /** What the next kernel checks before trusting the handover (corruption properties, docs/corruption.md). */
    public HandoverChecks handoverChecks() {
        return handoverChecks;
    }

    public BlockGrowth growth() {
        return growth;
    }

    public TrailingCounts trailingCounts() {
        return trailingCounts;
    }

    public DeserializeFailure deserializeFailure() {
        return deserializeFailure;
    }
}
