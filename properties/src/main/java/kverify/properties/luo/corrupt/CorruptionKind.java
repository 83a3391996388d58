package kverify.properties.luo.corrupt;

import java.util.Arrays;
import java.util.List;
import kverify.engine.Gen;
import kverify.model.luo.image.ImageVersion;

/**
 * Every named corruption: its label (used in coverage requirements, traces and finding files),
 * its family, what the valid image must contain for it to apply, and its generator. Chain kinds
 * aim at the session chain or a file chain (a {@link Target} drawn per case) and need at least
 * {@code chainBlocks} blocks there.
 */
public enum CorruptionKind {
    FDT_NODE_MISSING("fdt-node-missing", Family.FDT, FdtCorruptions::nodeMissing),
    FDT_COMPATIBLE_OLDER("fdt-compatible-older", Family.FDT, FdtCorruptions::compatibleOlder),
    FDT_COMPATIBLE_NEWER("fdt-compatible-newer", Family.FDT, FdtCorruptions::compatibleNewer),
    FDT_HEAD_MISSING("fdt-head-missing", Family.FDT, FdtCorruptions::headMissing),
    FDT_HEAD_WRONG_SIZE("fdt-head-wrong-size", Family.FDT, FdtCorruptions::headWrongSize),

    COUNT_CAPACITY_PLUS_ONE("count-capacity-plus-one", Family.COUNT, 1, ChainCorruptions::countCapacityPlusOne),
    COUNT_LARGE("count-large", Family.COUNT, 1, ChainCorruptions::countLarge),
    COUNT_2POW63("count-2pow63", Family.COUNT, 1, ChainCorruptions::count2pow63),
    COUNT_2POW64_MINUS_1("count-2pow64-minus-1", Family.COUNT, 1, ChainCorruptions::countMax),
    COUNT_ZERO_MID_CHAIN("count-zero-mid-chain", Family.COUNT, 2, ChainCorruptions::countZeroMidChain),

    NEXT_SELF("next-self", Family.NEXT, 1, ChainCorruptions::nextSelf),
    NEXT_EARLIER("next-earlier", Family.NEXT, 2, ChainCorruptions::nextEarlier),
    NEXT_LATER("next-later", Family.NEXT, 3, ChainCorruptions::nextLater),
    NEXT_UNALIGNED("next-unaligned", Family.NEXT, 1, ChainCorruptions::nextUnaligned),
    NEXT_BEYOND_RAM("next-beyond-ram", Family.NEXT, 1, ChainCorruptions::nextBeyondRam),
    NEXT_UNPRESERVED("next-unpreserved", Family.NEXT, 1, ChainCorruptions::nextUnpreserved),
    NEXT_MID_BLOCK("next-mid-block", Family.NEXT, 1, ChainCorruptions::nextMidBlock),

    CHAIN_AT_LIMIT("chain-at-limit", Family.LIMIT, 1, ChainCorruptions::chainAtLimit),
    CHAIN_OVER_LIMIT("chain-over-limit", Family.LIMIT, 1, ChainCorruptions::chainOverLimit),

    NAME_UNTERMINATED("name-unterminated", Family.NAME, new Needs(1, 1, 0, 0), EntryCorruptions::nameUnterminated),
    NAME_EMPTY("name-empty", Family.NAME, new Needs(1, 1, 0, 0), EntryCorruptions::nameEmpty),
    NAME_DUPLICATE_IN_BLOCK("name-duplicate-in-block", Family.NAME, new Needs(1, 2, 0, 0), EntryCorruptions::nameDuplicateInBlock),
    NAME_DUPLICATE_ACROSS_BLOCKS("name-duplicate-across-blocks", Family.NAME, new Needs(2, 1, 0, 0),
            EntryCorruptions::nameDuplicateAcrossBlocks),

    FILESET_DANGLING("fileset-dangling", Family.FILESET, new Needs(1, 1, 1, 1), EntryCorruptions::fileSetDangling),
    FILESET_COUNT_OVERSIZED("fileset-count-oversized", Family.FILESET, new Needs(1, 1, 1, 1), EntryCorruptions::fileSetCountOversized),
    FILESET_ZERO_COUNT("fileset-zero-count", Family.FILESET, new Needs(1, 1, 1, 1), EntryCorruptions::fileSetZeroCount),
    FILESET_POINTER_CLEARED("fileset-pointer-cleared", Family.FILESET, new Needs(1, 1, 1, 1), EntryCorruptions::fileSetPointerCleared),
    FILESET_SHARED("fileset-shared", Family.FILESET, new Needs(1, 2, 1, 2), EntryCorruptions::fileSetShared),
    FILE_UNKNOWN_HANDLER("file-unknown-handler", Family.FILESET, new Needs(1, 1, 1, 1), EntryCorruptions::fileUnknownHandler),

    BIT_FLIP("bit-flip", Family.BITS, ByteCorruptions::bitFlip),
    TRUNCATE("truncate", Family.BITS, ByteCorruptions::truncate),

    // Last, so the recorded choices of the findings (indices into values() and of(family)) keep their kinds.
    // Two file blocks in one session's chain: that session has at least two files.
    FILE_TOKEN_DUPLICATE("file-token-duplicate", Family.FILESET, new Needs(1, 1, 2, 1), EntryCorruptions::fileTokenDuplicate),

    // v7 only (docs/corruption.md, "Corruption kinds by version"): the luo_ser root and v7's own count check.
    SUBTREE_MISSING("subtree-missing", Family.ROOT, RootCorruptions::subtreeMissing),
    SUBTREE_SHORT("subtree-short", Family.ROOT, RootCorruptions::subtreeShort),
    LUO_COMPATIBLE_OLDER("luo-compatible-older", Family.ROOT, RootCorruptions::compatibleOlder),
    LUO_COMPATIBLE_NEWER("luo-compatible-newer", Family.ROOT, RootCorruptions::compatibleNewer),
    SESSIONS_PA_ZERO("sessions-pa-zero", Family.ROOT, RootCorruptions::sessionsPaZero),
    SESSIONS_PA_DANGLING("sessions-pa-dangling", Family.ROOT, RootCorruptions::sessionsPaDangling),
    LIVEUPDATE_NUM("liveupdate-num", Family.ROOT, RootCorruptions::liveupdateNum),
    COUNT_ZERO_LAST("count-zero-last", Family.COUNT, 1, ChainCorruptions::countZeroLast),
    // The session chain at exactly the limit with a bad pointer on its last block (setup walks only that chain).
    CHAIN_AT_LIMIT_BAD_NEXT("chain-at-limit-bad-next", Family.LIMIT, ChainCorruptions::chainAtLimitBadNext);

    /**
     * v7's form of chain-at-limit-bad-next also aims the bad pointer at a session's file set, which
     * needs a session with files (docs/corruption.md, "Corruption kinds by version").
     */
    private static final Needs V7_BAD_NEXT_NEEDS = new Needs(1, 1, 1, 1);

    /** The kinds that exist only in v7's handover (its root, and a count of 0 v1 could not see). */
    private static final java.util.Set<String> V7_ONLY = java.util.Set.of("subtree-missing", "subtree-short", "luo-compatible-older",
            "luo-compatible-newer", "sessions-pa-zero", "sessions-pa-dangling", "liveupdate-num", "count-zero-last");

    /** Makes the generator of one corruption of this kind for a valid image and a target chain. */
    @FunctionalInterface
    interface Maker {
        Gen<Corruption> gen(CorruptionKind kind, ImageMap map, Target target);
    }

    private final String label;
    private final Family family;
    private final Needs needs;
    private final int chainBlocks;
    private final Maker maker;

    CorruptionKind(String label, Family family, Maker maker) {
        this(label, family, Needs.NONE, 0, maker);
    }

    CorruptionKind(String label, Family family, int chainBlocks, Maker maker) {
        this(label, family, Needs.NONE, chainBlocks, maker);
    }

    CorruptionKind(String label, Family family, Needs needs, Maker maker) {
        this(label, family, needs, 0, maker);
    }

    CorruptionKind(String label, Family family, Needs needs, int chainBlocks, Maker maker) {
        this.label = label;
        this.family = family;
        this.needs = needs;
        this.chainBlocks = chainBlocks;
        this.maker = maker;
    }

    public String label() {
        return label;
    }

    public Family family() {
        return family;
    }

    boolean isChainKind() {
        return chainBlocks > 0;
    }

    /** What the valid image needs for this kind aimed at this target. */
    Needs needs(Target target) {
        return isChainKind() ? needs.max(Needs.chain(target, chainBlocks)) : needs;
    }

    /** What a valid image of version v needs; only v7's chain-at-limit-bad-next needs more than on v1. */
    Needs needs(Target target, ImageVersion v) {
        return this == CHAIN_AT_LIMIT_BAD_NEXT && v == ImageVersion.V7 ? needs(target).max(V7_BAD_NEXT_NEEDS) : needs(target);
    }

    Gen<Corruption> generator(ImageMap map, Target target) {
        return maker.gen(this, map, target);
    }

    /**
     * Whether the kind applies to a handover of this version: the FDT kinds to v1 alone (v7 has no
     * session FDT node), the root kinds and count-zero-last to v7 alone, everything else to both
     * (the block headers and entries are the same bytes).
     */
    public boolean appliesTo(ImageVersion v) {
        if (family == Family.FDT) {
            return v == ImageVersion.V1;
        }
        return V7_ONLY.contains(label) ? v == ImageVersion.V7 : true;
    }

    /** The v1 kinds of a family, in declaration order (the recorded choices of the v1 findings index this list). */
    public static List<CorruptionKind> of(Family f) {
        return of(f, ImageVersion.V1);
    }

    public static List<CorruptionKind> of(Family f, ImageVersion v) {
        return Arrays.stream(values()).filter(k -> k.family == f && k.appliesTo(v)).toList();
    }

    /** Every kind of a version, in declaration order (the mixed property). */
    public static List<CorruptionKind> of(ImageVersion v) {
        return Arrays.stream(values()).filter(k -> k.appliesTo(v)).toList();
    }
}
