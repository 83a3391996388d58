package kverify.impl.luo;

/**
 * The named versions of the LUO code (patches 1/5 and 2/5 of v1). Each is the same code with six
 * small strategies; a difference between variants is one of these, never an {@code if} on the
 * variant elsewhere. A later version (v7) will be a variant that names its version.
 */
public enum LuoVariant {
    /** Patches 1/5 and 2/5 exactly as posted, including where they break the promise. */
    AS_POSTED(BlockGrowth.WHEN_FULL, TrailingCounts.LEFT_AS_THEY_ARE, DeserializeFailure.KEEP_PARTIAL_STATE,
            HandoverChecks.TRUSTING, InterfaceChecks.AS_POSTED, ErrorUndo.AS_POSTED),
    /** What the contract requires: stale block counts cleared, whole-handover rejection, the contract's checks and undo. */
    CORRECTED(BlockGrowth.WHEN_FULL, TrailingCounts.CLEARED, DeserializeFailure.REJECT_WHOLE_HANDOVER,
            HandoverChecks.STRICT, InterfaceChecks.CONTRACT, ErrorUndo.UNDOES),
    /** As posted with Zhu Yanjun's block-allocation condition. */
    REVIEW_SUGGESTION(BlockGrowth.WHEN_COUNT_IS_A_MULTIPLE, TrailingCounts.LEFT_AS_THEY_ARE,
            DeserializeFailure.KEEP_PARTIAL_STATE, HandoverChecks.TRUSTING, InterfaceChecks.AS_POSTED, ErrorUndo.AS_POSTED);

    private final BlockGrowth growth;
    private final TrailingCounts trailingCounts;
    private final DeserializeFailure deserializeFailure;
    private final HandoverChecks handoverChecks;
    private final InterfaceChecks interfaceChecks;
    private final ErrorUndo errorUndo;

    LuoVariant(BlockGrowth growth, TrailingCounts trailingCounts, DeserializeFailure deserializeFailure,
            HandoverChecks handoverChecks, InterfaceChecks interfaceChecks, ErrorUndo errorUndo) {
        this.growth = growth;
        this.trailingCounts = trailingCounts;
        this.deserializeFailure = deserializeFailure;
        this.handoverChecks = handoverChecks;
        this.interfaceChecks = interfaceChecks;
        this.errorUndo = errorUndo;
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

    public InterfaceChecks interfaceChecks() {
        return interfaceChecks;
    }

    public ErrorUndo errorUndo() {
        return errorUndo;
    }
}
