package kverify.impl.luo;

import java.util.Locale;

/**
 * The named variants of the LUO code, each a version and a kind (docs/versions-luo.md section
 * 7.1). Every variant is the same code with twelve small strategies; a difference between variants
 * is one of these, never an {@code if} on the variant elsewhere. The v1 names stay unprefixed,
 * so every trace written before v7 joined still parses.
 */
public enum LuoVariant {
    /** v1 patches 1/5 and 2/5 exactly as posted, including where they break the promise. */
    AS_POSTED(LuoVersion.V1, VariantKind.AS_POSTED, BlockGrowth.WHEN_FULL, TrailingCounts.LEFT_AS_THEY_ARE,
            DeserializeFailure.KEEP_PARTIAL_STATE, HandoverChecks.TRUSTING, InterfaceChecks.AS_POSTED, ErrorUndo.AS_POSTED,
            BlockSetPolicy.V1, ChainRestore.WALK, SerializeLock.NONE, SessionLocking.MUTEX_THEN_LIST),
    /** v1 as the contract requires: stale block counts cleared, whole-handover rejection, the contract's checks and undo. */
    CORRECTED(LuoVersion.V1, VariantKind.CORRECTED, BlockGrowth.WHEN_FULL, TrailingCounts.CLEARED,
            DeserializeFailure.REJECT_WHOLE_HANDOVER, HandoverChecks.STRICT, InterfaceChecks.CONTRACT, ErrorUndo.UNDOES,
            BlockSetPolicy.V1, ChainRestore.WALK, SerializeLock.RELEASED_WHEN_REBOOT_RETURNS, SessionLocking.LIST_AROUND_MUTEX),
    /** v1 as posted with Zhu Yanjun's block-allocation condition. */
    REVIEW_SUGGESTION(LuoVersion.V1, VariantKind.REVIEW_SUGGESTION, BlockGrowth.WHEN_COUNT_IS_A_MULTIPLE,
            TrailingCounts.LEFT_AS_THEY_ARE, DeserializeFailure.KEEP_PARTIAL_STATE, HandoverChecks.TRUSTING,
            InterfaceChecks.AS_POSTED, ErrorUndo.AS_POSTED, BlockSetPolicy.V1, ChainRestore.WALK, SerializeLock.NONE,
            SessionLocking.MUTEX_THEN_LIST),
    /** v7 as applied to the liveupdate tree's next branch on 2026-06-03 (torvalds/linux 637315cb). */
    V7_AS_APPLIED(LuoVersion.V7, VariantKind.AS_APPLIED, BlockGrowth.WHEN_FULL, TrailingCounts.LEFT_AS_THEY_ARE,
            DeserializeFailure.KEEP_SESSIONS_RESTORE_BLOCKS, HandoverChecks.V7_AS_APPLIED, InterfaceChecks.V7_AS_APPLIED,
            ErrorUndo.V7_AS_APPLIED, BlockSetPolicy.V7_AS_APPLIED, ChainRestore.KHO_BLOCK_SET, SerializeLock.HELD_AFTER_SUCCESS,
            SessionLocking.V7_AS_APPLIED),
    /**
     * v7 as the contract requires: the duplicate test before the grow, pointers checked on restore,
     * whole-handover rejection, and (as CORRECTED) an entry of a session without files handed over
     * as {files 0, count 0}, whatever a serialize that returned left there (LUO-11); the serialize
     * rwsem released when a reboot returns. Its lock order is v7's own (docs/luo.md "Lock points of
     * v7"): with the serialize rwsem released, v7's order needs no correction.
     */
    V7_CORRECTED(LuoVersion.V7, VariantKind.CORRECTED, BlockGrowth.WHEN_FULL, TrailingCounts.CLEARED,
            DeserializeFailure.REJECT_WHOLE_HANDOVER, HandoverChecks.STRICT, InterfaceChecks.CONTRACT, ErrorUndo.UNDOES,
            BlockSetPolicy.V7_DUPLICATE_FIRST, ChainRestore.KHO_BLOCK_SET_CHECKED,
            SerializeLock.RELEASED_WHEN_REBOOT_RETURNS, SessionLocking.V7_AS_APPLIED);

    private final LuoVersion version;
    private final VariantKind kind;
    private final BlockGrowth growth;
    private final TrailingCounts trailingCounts;
    private final DeserializeFailure deserializeFailure;
    private final HandoverChecks handoverChecks;
    private final InterfaceChecks interfaceChecks;
    private final ErrorUndo errorUndo;
    private final BlockSetPolicy blockSets;
    private final ChainRestore chainRestore;
    private final SerializeLock serializeLock;
    private final SessionLocking sessionLocking;

    LuoVariant(LuoVersion version, VariantKind kind, BlockGrowth growth, TrailingCounts trailingCounts,
            DeserializeFailure deserializeFailure, HandoverChecks handoverChecks, InterfaceChecks interfaceChecks, ErrorUndo errorUndo,
            BlockSetPolicy blockSets, ChainRestore chainRestore, SerializeLock serializeLock, SessionLocking sessionLocking) {
        this.version = version;
        this.kind = kind;
        this.growth = growth;
        this.trailingCounts = trailingCounts;
        this.deserializeFailure = deserializeFailure;
        this.handoverChecks = handoverChecks;
        this.interfaceChecks = interfaceChecks;
        this.errorUndo = errorUndo;
        this.blockSets = blockSets;
        this.chainRestore = chainRestore;
        this.serializeLock = serializeLock;
        this.sessionLocking = sessionLocking;
    }

    public LuoVersion version() {
        return version;
    }

    public VariantKind kind() {
        return kind;
    }

    /** The property-name form: "as-posted", "corrected", "review-suggestion", "v7-as-applied", "v7-corrected". */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The variants of one version, in declaration order. */
    public static java.util.List<LuoVariant> of(LuoVersion version) {
        return java.util.Arrays.stream(values()).filter(v -> v.version == version).toList();
    }

    /** The variants whose version runs at g (a trace at a v1 geometry replays on v1's variants only). */
    public static java.util.List<LuoVariant> at(kverify.model.luo.LuoGeometry g) {
        return java.util.Arrays.stream(values()).filter(v -> v.version.fits(g)).toList();
    }

    /** The v1 or v7 variant of a kind, if that version has one. */
    public static java.util.Optional<LuoVariant> of(LuoVersion version, VariantKind kind) {
        for (LuoVariant v : values()) {
            if (v.version == version && v.kind == kind) {
                return java.util.Optional.of(v);
            }
        }
        return java.util.Optional.empty();
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

    public BlockSetPolicy blockSets() {
        return blockSets;
    }

    public ChainRestore chainRestore() {
        return chainRestore;
    }

    public SerializeLock serializeLock() {
        return serializeLock;
    }

    public SessionLocking sessionLocking() {
        return sessionLocking;
    }
}
