package kverify.properties.luo.corrupt;

import java.util.List;
import kverify.engine.Gen;
import kverify.properties.luo.corrupt.ImageMap.Chain;

/** Corruptions of block headers: counts, next pointers, and chains grown to the block limit. */
final class ChainCorruptions {
    /** Coverage label of v7's chain-at-limit-bad-next aimed at a file set (the form that can reach the limit's ENOSPC). */
    static final String BAD_NEXT_INTO_FILE_SET = "chain-at-limit-bad-next into a file set";

    private ChainCorruptions() {
    }

    /** A chain of the target kind with at least min blocks (the base image was built to have one). */
    static Gen<Chain> chain(ImageMap m, Target t, int min) {
        List<Chain> fit = m.chainsWithAtLeast(min).stream().filter(c -> c.isSessionChain() == (t == Target.SESSIONS)).toList();
        if (fit.isEmpty()) {
            fit = m.chainsWithAtLeast(min);
        }
        return Gen.elements(fit.isEmpty() ? List.of(m.sessions) : fit);
    }

    private static Gen<Corruption> count(CorruptionKind k, ImageMap m, Target t, java.util.function.ToLongFunction<Chain> value) {
        return chain(m, t, 1).flatMap(c -> Gen.elements(c.blocks())
                .map(b -> new Corruption.WriteU64(k, b + 8, c.struct() + ".count", value.applyAsLong(c))));
    }

    static Gen<Corruption> countCapacityPlusOne(CorruptionKind k, ImageMap m, Target t) {
        return count(k, m, t, c -> c.capacity() + 1L);
    }

    static Gen<Corruption> countLarge(CorruptionKind k, ImageMap m, Target t) {
        return chain(m, t, 1).flatMap(c -> Gen.zip(Gen.elements(c.blocks()), Gen.longs(c.capacity() + 2L, 1L << 62, 1L << 31, 1L << 32),
                (b, v) -> new Corruption.WriteU64(k, b + 8, c.struct() + ".count", v)));
    }

    static Gen<Corruption> count2pow63(CorruptionKind k, ImageMap m, Target t) {
        return count(k, m, t, c -> Long.MIN_VALUE);
    }

    static Gen<Corruption> countMax(CorruptionKind k, ImageMap m, Target t) {
        return count(k, m, t, c -> -1L);
    }

    /** A block before the last one says it holds nothing. */
    static Gen<Corruption> countZeroMidChain(CorruptionKind k, ImageMap m, Target t) {
        return chain(m, t, 2).flatMap(c -> Gen.elements(c.blocks().subList(0, c.blocks().size() - 1))
                .map(b -> new Corruption.WriteU64(k, b + 8, c.struct() + ".count", 0)));
    }

    /** v7: the last block (of any chain, a one-block chain included) says it holds nothing; v7 refuses count 0 anywhere (U8). */
    static Gen<Corruption> countZeroLast(CorruptionKind k, ImageMap m, Target t) {
        return chain(m, t, 1).map(c -> new Corruption.WriteU64(k, c.blocks().get(c.blocks().size() - 1) + 8, c.struct() + ".count", 0));
    }

    private static Corruption next(CorruptionKind k, Chain c, long block, long value, String note) {
        return new Corruption.WriteU64(k, block, c.struct() + ".next" + note, value);
    }

    static Gen<Corruption> nextSelf(CorruptionKind k, ImageMap m, Target t) {
        return chain(m, t, 1).flatMap(c -> Gen.elements(c.blocks()).map(b -> next(k, c, b, b, " (cycle of 1 block)")));
    }

    /** Block i points back to block j < i: a cycle of i-j+1 blocks, every length up to the chain's. */
    static Gen<Corruption> nextEarlier(CorruptionKind k, ImageMap m, Target t) {
        return chain(m, t, 2).flatMap(c -> Gen.ints(1, c.blocks().size() - 1).flatMap(i -> Gen.ints(0, i - 1)
                .map(j -> next(k, c, c.blocks().get(i), c.blocks().get(j), " (cycle of " + (i - j + 1) + " blocks)"))));
    }

    /** Block i skips to block j > i+1; the blocks between are preserved but unreachable. */
    static Gen<Corruption> nextLater(CorruptionKind k, ImageMap m, Target t) {
        return chain(m, t, 3).flatMap(c -> Gen.ints(0, c.blocks().size() - 3).flatMap(i -> Gen.ints(i + 2, c.blocks().size() - 1)
                .map(j -> next(k, c, c.blocks().get(i), c.blocks().get(j), " (skips " + (j - i - 1) + " blocks)"))));
    }

    private static Gen<Corruption> nextTo(CorruptionKind k, ImageMap m, Target t, Gen<Long> target) {
        return chain(m, t, 1).flatMap(c -> Gen.zip(Gen.elements(c.blocks()), target, (b, v) -> next(k, c, b, v, "")));
    }

    static Gen<Corruption> nextUnaligned(CorruptionKind k, ImageMap m, Target t) {
        Gen<Long> off = Gen.frequency(Gen.weighted(3, Gen.longs(1, 7)), Gen.weighted(1, Gen.longs(9, 4095)));
        return nextTo(k, m, t, Gen.zip(Gen.elements(m.blocks()), off, Long::sum));
    }

    /** At, straddling and beyond the end of RAM, and the top of the address space. */
    static Gen<Corruption> nextBeyondRam(CorruptionKind k, ImageMap m, Target t) {
        long ram = m.img.ramBytes();
        return nextTo(k, m, t, Gen.oneOf(Gen.elements(ram, ram - 7, ram - 1, 1L << 63, -1L, -4096L),
                Gen.longs(ram, Long.MAX_VALUE, ram + 4096)));
    }

    static Gen<Corruption> nextUnpreserved(CorruptionKind k, ImageMap m, Target t) {
        return nextTo(k, m, t, Gen.elements(m.unpreservedPages()));
    }

    /** Into another block: its count, its first entry, or any later 8-byte-aligned field. */
    static Gen<Corruption> nextMidBlock(CorruptionKind k, ImageMap m, Target t) {
        int bytes = Math.min(m.g.sessionBlockBytes(), m.g.fileBlockBytes());
        Gen<Long> off = Gen.frequency(Gen.weighted(2, Gen.elements(8L, 16L, 96L, 80L)),
                Gen.weighted(1, Gen.longs(1, (bytes - 8) / 8).map(x -> x * 8)));
        return nextTo(k, m, t, Gen.zip(Gen.elements(m.blocks()), off, Long::sum));
    }

    static Gen<Corruption> chainAtLimit(CorruptionKind k, ImageMap m, Target t) {
        return chain(m, t, 1).map(c -> append(k, m, c, m.g.maxBlocks()));
    }

    static Gen<Corruption> chainOverLimit(CorruptionKind k, ImageMap m, Target t) {
        return chain(m, t, 1).map(c -> append(k, m, c, m.g.maxBlocks() + 1));
    }

    /** v1: zeroed blocks; v7: one valid entry per block, since v7 refuses a count of 0 before it reaches the limit. */
    private static Corruption append(CorruptionKind k, ImageMap m, Chain c, int total) {
        return append(k, m, c, total, 0);
    }

    /**
     * The session chain grown to exactly the limit, its last block pointing beyond RAM, at a page
     * that was not preserved, or unaligned into a block: setup must blame the pointer, not the
     * count (LUO-IMG-2). Setup walks only the session chain, so this aims at it whatever the target.
     */
    static Gen<Corruption> chainAtLimitBadNext(CorruptionKind k, ImageMap m, Target t) {
        Gen<Long> beyondRam = Gen.elements(m.img.ramBytes(), 1L << 63, -4096L);
        Gen<Long> unaligned = Gen.zip(Gen.elements(m.blocks()), Gen.longs(1, 7), Long::sum);
        Chain c = m.sessions;
        Gen<Long> bad = m.img.version() == kverify.model.luo.image.ImageVersion.V7
                ? Gen.frequency(Gen.weighted(1, beyondRam), Gen.weighted(1, Gen.elements(unpreservedOnceGrown(m, c))),
                        Gen.weighted(1, unaligned), Gen.weighted(3, fileSetsReadAsHeaders(m)))
                : Gen.oneOf(beyondRam, Gen.elements(m.unpreservedPages()), unaligned);
        return bad.map(v -> append(k, m, c, m.g.maxBlocks(), v));
    }

    /**
     * Pages no folio covers after the chain is grown to the limit: the image's leftovers and the page
     * above the appended blocks (the image's own first free page is where the appended blocks go,
     * so v1's list can point the last block back into its own chain).
     */
    private static List<Long> unpreservedOnceGrown(ImageMap m, Chain c) {
        List<Long> out = new java.util.ArrayList<>(m.leftoverPages());
        long appended = Math.max(0, m.g.maxBlocks() - c.blocks().size());
        out.add(m.img.freeAddressAbove(c.order()) + appended * kverify.model.luo.image.HandoverImage.folioBytes(c.order()));
        return out;
    }

    /**
     * v7 (kho_block_set_restore, torvalds/linux 637315cb kernel/liveupdate/kho_block.c) follows the
     * bad pointer in its cycle pre-pass and checks the count it finds there before the limit, so a
     * pointer reaches the limit's ENOSPC only where the bytes read as a header: a session's file
     * set {files, count} is one, {next = its file chain, count = its file count}.
     */
    private static Gen<Long> fileSetsReadAsHeaders(ImageMap m) {
        List<Long> sets = m.entriesWithFiles().stream().map(ImageMap.Entry::setPa).toList();
        Gen<Long> set = Gen.elements(sets.isEmpty() ? List.of(m.unpreservedPages().get(0)) : sets);
        return s -> {
            long pa = s.draw(set);
            if (!sets.isEmpty()) {
                s.classify(BAD_NEXT_INTO_FILE_SET);
            }
            return pa;
        };
    }

    /** The chain grown to {@code total} blocks, its last block pointing at {@code lastNext} (0: the chain ends there). */
    private static Corruption append(CorruptionKind k, ImageMap m, Chain c, int total, long lastNext) {
        long last = c.blocks().get(c.blocks().size() - 1);
        int count = Math.max(0, total - c.blocks().size());
        if (m.img.version() == kverify.model.luo.image.ImageVersion.V1) {
            return new Corruption.AppendBlocks(k, last, count, c.order(), false, true, -1, lastNext);
        }
        long setPa = c.isSessionChain() ? -1 : m.entries.stream().filter(e -> e.files().equals(c)).findFirst().orElseThrow().setPa();
        return new Corruption.AppendBlocks(k, last, count, c.order(), true, c.isSessionChain(), setPa, lastNext);
    }
}
