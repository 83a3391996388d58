package kverify.impl.luo.v7;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kverify.impl.luo.layout.FileSer;
import kverify.impl.luo.layout.FileSetSer;
import kverify.impl.luo.layout.LayoutException;
import kverify.impl.luo.layout.SessionSer;
import kverify.impl.luo.layout.v7.KhoBlockHeaderSer;
import kverify.impl.luo.layout.v7.LuoSer;
import kverify.impl.luo.layout.v7.LuoSubtree;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.luo.FileImage;
import kverify.model.luo.Handover;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.SessionImage;

/**
 * The state view of a v7 handover: reads simulated memory from the LUO subtree, changes
 * nothing, and reports what the next kernel would be given. Every chain walk is bounded by the
 * block limit and stops at the first block seen twice; every count must be 1..capacity, as
 * kho_block_set_restore requires; a file set's count must match its chain. Any other answer is
 * {@link Handover.Undecodable} naming PA, struct, field, actual and expected.
 */
public final class V7HandoverDecoder {
    private V7HandoverDecoder() {
    }

    public static Handover decode(PhysicalMemory m, Optional<LuoSubtree> entry, LuoGeometry g) {
        if (entry.isEmpty() || !entry.get().name().equals(LuoSubtree.NAME)) {
            return Handover.ABSENT;
        }
        try {
            return new Handover.Present(sessions(m, entry.get(), g));
        } catch (LayoutException e) {
            return new Handover.Undecodable(e.getMessage());
        }
    }

    private static List<SessionImage> sessions(PhysicalMemory m, LuoSubtree entry, LuoGeometry g) {
        Optional<String> shortBlob = LuoSubtree.checkLength(entry.length());
        if (shortBlob.isPresent()) {
            throw new LayoutException(entry.pa(), "LUO", "length", shortBlob.get(), "a whole luo_ser");
        }
        LuoSer.Value root = LuoSer.read(m, entry.pa());
        Optional<String> compat = LuoSer.checkCompatible(root);
        if (compat.isPresent()) {
            throw new LayoutException(entry.pa() + LuoSer.COMPATIBLE_OFFSET, LuoSer.STRUCT, "compatible", compat.get(),
                    "\"" + LuoSer.COMPATIBLE + "\"");
        }
        List<SessionImage> out = new ArrayList<>();
        for (long e : entries(m, root.sessionsPa(), g.sessionBlockBytes(), SessionSer.SIZE, g.maxBlocks())) {
            out.add(new SessionImage(SessionSer.readName(m, e), files(m, SessionSer.fileSetPa(e), g)));
        }
        return out;
    }

    private static List<FileImage> files(PhysicalMemory m, long fileSetPa, LuoGeometry g) {
        FileSetSer.Value set = FileSetSer.read(m, fileSetPa);
        List<FileImage> out = new ArrayList<>();
        for (long e : entries(m, set.files(), g.fileBlockBytes(), FileSer.SIZE, g.maxBlocks())) {
            FileSer.Value v = FileSer.read(m, e);
            HandlerKind kind = v.compatible() == null ? null : HandlerKind.ofCompatible(v.compatible()).orElse(null);
            if (kind == null) {
                throw new LayoutException(e, FileSer.STRUCT, "compatible", String.valueOf(v.compatible()), "a registered handler");
            }
            out.add(new FileImage(v.token(), kind, v.data()));
        }
        if (set.count() != out.size()) {
            throw new LayoutException(fileSetPa + FileSetSer.COUNT_OFFSET, FileSetSer.STRUCT, "count",
                    Long.toUnsignedString(set.count()), out.size() + " (the entries in its chain)");
        }
        return out;
    }

    /** The entry PAs of the chain from head, in order; 0 is an empty chain. */
    private static List<Long> entries(PhysicalMemory m, long head, int blockBytes, int entrySize, int maxBlocks) {
        int perBlock = KhoBlockHeaderSer.countPerBlock(blockBytes, entrySize);
        List<Long> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (long pa = head; pa != 0; pa = KhoBlockHeaderSer.next(m, pa)) {
            if (!seen.add(pa) || seen.size() > maxBlocks) {
                throw new LayoutException(pa, KhoBlockHeaderSer.STRUCT, "next", "block " + seen.size() + " at 0x" + Long.toHexString(pa),
                        "a chain of at most " + maxBlocks + " distinct blocks");
            }
            long count = KhoBlockHeaderSer.count(m, pa);
            Optional<String> bad = KhoBlockHeaderSer.checkCount(count, perBlock);
            if (bad.isPresent()) {
                throw new LayoutException(pa + KhoBlockHeaderSer.COUNT_OFFSET, KhoBlockHeaderSer.STRUCT, "count",
                        Long.toUnsignedString(count), "1.." + perBlock);
            }
            for (long i = 0; i < count; i++) {
                out.add(KhoBlockHeaderSer.entryPa(pa, i, entrySize));
            }
        }
        return out;
    }
}
