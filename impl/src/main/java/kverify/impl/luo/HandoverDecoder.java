package kverify.impl.luo;

import java.util.ArrayList;
import java.util.List;
import kverify.impl.luo.layout.FileHeaderSer;
import kverify.impl.luo.layout.FileSer;
import kverify.impl.luo.layout.FileSetSer;
import kverify.impl.luo.layout.LayoutException;
import kverify.impl.luo.layout.SessionHeaderSer;
import kverify.impl.luo.layout.SessionSer;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.luo.FileImage;
import kverify.model.luo.Handover;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.SessionImage;

/**
 * Reads the handover out of simulated physical memory: the session chain from the FDT head and
 * each session's file chain, in order. It is an independent reader, stricter than the kernel
 * paths it checks: every walk is bounded by LUO_MAX_BLOCKS, every count is checked against its
 * block's capacity, and a file set's count must equal the entries in its chain. Any problem is a
 * located {@link Handover.Undecodable}; it never returns a silent partial result.
 */
public final class HandoverDecoder {
    private HandoverDecoder() {
    }

    public static Handover decode(PhysicalMemory m, long headPa, LuoGeometry g) {
        try {
            return new Handover.Present(sessions(m, headPa, g));
        } catch (LayoutException e) {
            return new Handover.Undecodable(e.getMessage());
        }
    }

    /** The session block addresses of the chain, in order; throws if it is longer than the limit. */
    public static List<Long> sessionChain(PhysicalMemory m, long headPa, LuoGeometry g) {
        return chain(headPa, g.maxBlocks(), SessionHeaderSer.STRUCT, pa -> SessionHeaderSer.next(m, pa));
    }

    public static List<Long> fileChain(PhysicalMemory m, long headPa, LuoGeometry g) {
        return chain(headPa, g.maxBlocks(), FileHeaderSer.STRUCT, pa -> FileHeaderSer.next(m, pa));
    }

    private static List<Long> chain(long headPa, int maxBlocks, String struct, java.util.function.LongUnaryOperator next) {
        List<Long> out = new ArrayList<>();
        for (long pa = headPa; pa != 0; pa = next.applyAsLong(pa)) {
            if (out.size() == maxBlocks) {
                throw new LayoutException(out.get(out.size() - 1), struct, "next", String.format("0x%x", pa),
                        "0 after at most " + maxBlocks + " blocks");
            }
            out.add(pa);
        }
        return out;
    }

    private static List<SessionImage> sessions(PhysicalMemory m, long headPa, LuoGeometry g) {
        List<SessionImage> out = new ArrayList<>();
        for (long block : sessionChain(m, headPa, g)) {
            long count = SessionHeaderSer.count(m, block);
            checkCount(block + SessionHeaderSer.COUNT_OFFSET, SessionHeaderSer.STRUCT, count, g.sessionsPerBlock());
            for (long i = 0; i < count; i++) {
                long entry = SessionHeaderSer.entryPa(block, i);
                out.add(new SessionImage(SessionSer.readName(m, entry), files(m, SessionSer.fileSetPa(entry), g)));
            }
        }
        return out;
    }

    private static List<FileImage> files(PhysicalMemory m, long fileSetPa, LuoGeometry g) {
        FileSetSer.Value set = FileSetSer.read(m, fileSetPa);
        List<FileImage> out = new ArrayList<>();
        for (long block : fileChain(m, set.files(), g)) {
            long count = FileHeaderSer.count(m, block);
            checkCount(block + FileHeaderSer.COUNT_OFFSET, FileHeaderSer.STRUCT, count, g.filesPerBlock());
            for (long i = 0; i < count; i++) {
                out.add(file(m, FileHeaderSer.entryPa(block, i)));
            }
        }
        if (out.size() != set.count()) {
            throw new LayoutException(fileSetPa + FileSetSer.COUNT_OFFSET, FileSetSer.STRUCT, "count",
                    Long.toUnsignedString(set.count()), out.size() + " (the entries in its file chain)");
        }
        return out;
    }

    private static FileImage file(PhysicalMemory m, long entryPa) {
        FileSer.Value v = FileSer.read(m, entryPa);
        HandlerKind kind = v.compatible() == null ? null : HandlerKind.ofCompatible(v.compatible()).orElse(null);
        if (kind == null) {
            throw new LayoutException(entryPa + FileSer.COMPATIBLE_OFFSET, FileSer.STRUCT, "compatible",
                    v.compatible() == null ? "unterminated" : "'" + v.compatible() + "'", "a registered handler");
        }
        return new FileImage(v.token(), kind, v.data());
    }

    private static void checkCount(long pa, String struct, long count, int capacity) {
        if (Long.compareUnsigned(count, capacity) > 0) {
            throw new LayoutException(pa, struct, "count", Long.toUnsignedString(count), "<= " + capacity);
        }
    }
}
