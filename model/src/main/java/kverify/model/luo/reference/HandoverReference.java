package kverify.model.luo.reference;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import kverify.model.luo.FileImage;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.SessionImage;
import kverify.model.luo.image.HandoverImage;
import kverify.model.luo.image.ImageFdt;
import kverify.model.luo.image.ImageSubtree;
import kverify.model.luo.image.ImageVersion;
import kverify.model.luo.image.ImageVerdict;
import kverify.model.luo.image.Rejection;

/**
 * The contract for a handover the next kernel finds, decided by the plainest decoder: read the
 * FDT node, walk the session chain, then read every entry and every file chain. A block pointer
 * must be the head of a preserved folio of the block's order that no earlier pointer reached,
 * and a chain has at most LUO_MAX_BLOCKS blocks; counts fit their block, names are 1..63 bytes
 * with a NUL and unique, files name a registered handler with tokens unique per session, and a
 * file set's count is the number of entries in its chain. Anything else rejects the whole
 * handover (see {@link Rejection} for when). A file set with a pointer but a count of 0 is
 * rejected too: no outgoing kernel writes one, and its blocks would never be finished. Offsets are the packed v3 structs of luo.h.
 *
 * <p>A v7 handover (docs/versions-luo.md sections 2 and 7.4) differs only where v7 has its own
 * rule: the root is the "LUO" subtree, a 32-byte {@code luo_ser} (no subtree: nothing handed over;
 * shorter than 32 bytes or a compatible other than "luo-v5": EINVAL at setup; {@code sessions_pa}
 * 0: no sessions), and every block's count is checked when its chain is restored, 0 included
 * (U8): session blocks at setup (EINVAL), file blocks at the open (EIO). The block headers and
 * entries are the same bytes.
 */
public final class HandoverReference {
    private final HandoverImage img;
    private final LuoGeometry g;
    private final TreeSet<Long> owned = new TreeSet<>();
    private final List<Long> chain = new ArrayList<>();

    /** v7's luo_ser (include/linux/kho/abi/luo.h after "[PATCH v7 10/13]"): compatible[8], liveupdate_num, sessions_pa, flbs_pa. */
    static final int LUO_SER_BYTES = 32;
    static final int LUO_SER_SESSIONS_PA = 16;
    static final String LUO_COMPATIBLE = "luo-v5";

    private final boolean v7;

    private HandoverReference(HandoverImage img) {
        this.img = img;
        this.g = img.geometry();
        this.v7 = img.version() == ImageVersion.V7;
    }

    public static ImageVerdict decide(HandoverImage img) {
        HandoverReference r = new HandoverReference(img);
        try {
            r.walk(r.v7 ? r.v7Head() : r.head(), HandoverImage.orderOf(r.g.sessionBlockBytes()), r.chain, Rejection.CHAIN_POINTER,
                    Rejection.CHAIN_CYCLE, Rejection.CHAIN_TOO_LONG, r.g.sessionsPerBlock(), Rejection.BLOCK_COUNT);
        } catch (Rejected e) {
            return ImageVerdict.rejectedAtSetup(e.reason, r.chain);
        }
        try {
            List<SessionImage> sessions = r.sessions();
            // v7's luo_ser is the next kernel's too: luo_early_startup restores and frees it once the chain is taken.
            r.img.subtree().filter(t -> r.v7 && t.name().equals(ImageSubtree.LUO) && r.img.isFolio(t.pa(), 0)).ifPresent(t -> r.owned.add(t.pa()));
            return ImageVerdict.accepted(sessions, r.chain, r.owned);
        } catch (Rejected e) {
            return ImageVerdict.rejectedAtOpen(e.reason, r.chain);
        }
    }

    private long head() {
        ImageFdt node = img.fdt().filter(n -> n.name().equals(ImageFdt.NODE_NAME) || n.name().startsWith(ImageFdt.NODE_NAME + "@"))
                .orElseThrow(() -> new Rejected(Rejection.FDT_NODE_MISSING));
        if (!node.matchesSessionNode()) {
            throw new Rejected(Rejection.FDT_COMPATIBLE);
        }
        byte[] head = node.property(ImageFdt.HEAD_PROPERTY).orElseThrow(() -> new Rejected(Rejection.FDT_HEAD_PROPERTY));
        if (head.length != ImageFdt.HEAD_PROPERTY_SIZE) {
            throw new Rejected(Rejection.FDT_HEAD_PROPERTY);
        }
        long pa = 0;
        for (int i = 7; i >= 0; i--) {
            pa = (pa << 8) | (head[i] & 0xFFL);
        }
        return pa;
    }

    /** v7's root: no "LUO" subtree is no handover (head 0); a short blob or another compatible rejects; else sessions_pa. */
    private long v7Head() {
        java.util.Optional<ImageSubtree> t = img.subtree().filter(s -> s.name().equals(ImageSubtree.LUO));
        if (t.isEmpty()) {
            return 0;
        }
        if (Long.compareUnsigned(t.get().length(), LUO_SER_BYTES) < 0) {
            throw new Rejected(Rejection.LUO_SUBTREE_LENGTH);
        }
        byte[] compatible = img.bytes(t.get().pa(), 8);
        int n = 0;
        while (n < 8 && compatible[n] != 0) {
            n++;
        }
        if (!new String(compatible, 0, n, StandardCharsets.ISO_8859_1).equals(LUO_COMPATIBLE)) {
            throw new Rejected(Rejection.LUO_COMPATIBLE);
        }
        return img.u64(t.get().pa() + LUO_SER_SESSIONS_PA);
    }

    /**
     * Follows next (offset 0 of both block headers) from head until 0, into out. In v7 each
     * block's count is checked as the chain is restored, before the block is added against the
     * limit (kho_block_set_restore), so a bad count there rejects with {@code badCount}.
     */
    private void walk(long head, int order, List<Long> out, Rejection pointer, Rejection reused, Rejection tooLong, int capacity,
            Rejection badCount) {
        for (long pa = head; pa != 0; pa = img.u64(pa)) {
            if (!img.isFolio(pa, order)) {
                throw new Rejected(pointer);
            }
            if (!owned.add(pa)) {
                throw new Rejected(reused);
            }
            if (v7) {
                countOf(pa, capacity, badCount);
            }
            if (out.size() == g.maxBlocks()) {
                throw new Rejected(tooLong);
            }
            out.add(pa);
        }
    }

    private List<SessionImage> sessions() {
        List<SessionImage> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>();
        for (long block : chain) {
            long count = countOf(block, g.sessionsPerBlock(), v7 ? Rejection.BLOCK_COUNT : Rejection.COUNT_ABOVE_CAPACITY);
            for (long i = 0; i < count; i++) {
                long entry = block + 16 + 80 * i;
                String name = cString(img.bytes(entry, 64), Rejection.NAME_UNTERMINATED);
                if (name.isEmpty()) {
                    throw new Rejected(Rejection.NAME_EMPTY);
                }
                if (!names.add(name)) {
                    throw new Rejected(Rejection.NAME_DUPLICATE);
                }
                out.add(new SessionImage(name, files(entry + 64)));
            }
        }
        return out;
    }

    /** luo_file_set_ser {files @0, count @8} at pa; each file block {next, count} then 64-byte entries. */
    private List<FileImage> files(long setPa) {
        List<Long> blocks = new ArrayList<>();
        long head = img.u64(setPa);
        walk(head, HandoverImage.orderOf(g.fileBlockBytes()), blocks, Rejection.FILE_POINTER,
                Rejection.FILE_BLOCK_REUSED, Rejection.FILE_CHAIN_TOO_LONG, g.filesPerBlock(), Rejection.FILE_BLOCK_COUNT);
        List<FileImage> out = new ArrayList<>();
        TreeSet<Long> tokens = new TreeSet<>();
        for (long block : blocks) {
            long count = countOf(block, g.filesPerBlock(), v7 ? Rejection.FILE_BLOCK_COUNT : Rejection.FILE_COUNT_ABOVE_CAPACITY);
            for (long i = 0; i < count; i++) {
                long entry = block + 16 + 64 * i;
                String compatible = cString(img.bytes(entry, 48), Rejection.FILE_HANDLER);
                HandlerKind kind = HandlerKind.ofCompatible(compatible).orElseThrow(() -> new Rejected(Rejection.FILE_HANDLER));
                long token = img.u64(entry + 56);
                if (!tokens.add(token)) {
                    throw new Rejected(Rejection.FILE_TOKEN_DUPLICATE);
                }
                out.add(new FileImage(token, kind, img.u64(entry + 48)));
            }
        }
        long stored = img.u64(setPa + 8);
        if (out.size() != stored || (stored == 0 && head != 0)) {
            throw new Rejected(Rejection.FILE_SET_COUNT);
        }
        return out;
    }

    /** A count above the capacity (as u64) is a corruption; in v7 a count of 0 too (U8). */
    private long countOf(long block, int capacity, Rejection above) {
        long count = img.u64(block + 8);
        if (Long.compareUnsigned(count, capacity) > 0 || (v7 && count == 0)) {
            throw new Rejected(above);
        }
        return count;
    }

    /** The C string in a fixed field; a field without a NUL is rejected. */
    private static String cString(byte[] field, Rejection unterminated) {
        for (int n = 0; n < field.length; n++) {
            if (field[n] == 0) {
                return new String(field, 0, n, StandardCharsets.ISO_8859_1);
            }
        }
        throw new Rejected(unterminated);
    }

    /** Control flow of a rejection: the first fault found ends the decode. */
    private static final class Rejected extends RuntimeException {
        private final Rejection reason;

        Rejected(Rejection reason) {
            super(reason.description(), null, false, false);
            this.reason = reason;
        }
    }
}
