package kverify.impl.luo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import kverify.impl.kho.Kho;
import kverify.impl.luo.layout.FileSer;
import kverify.impl.luo.layout.FileSetSer;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.FileImage;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.IncomingSession.IncomingFile;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.RebootFault;

/**
 * struct luo_file_set and the paths of kernel/liveupdate/luo_file.c with the linked file blocks
 * of patch 2/5. Only 2/5's first hunk was retrieved, so this is a reconstruction in the style of
 * 1/5 (docs/luo.md, decision 3) and is shared by every variant. The collections are created on
 * first use: a session without files costs a few words, which the 8.19-million-session limit
 * test needs.
 */
final class FileSet {
    /** The file set of every session without files; only read, never preserved into or deserialized. */
    static final FileSet NONE = new FileSet(null, null);

    private final Kho kho;
    private final LuoGeometry geometry;
    private LinkedHashMap<Long, LuoFile> files;
    private BlockList blocks;

    FileSet(Kho kho, LuoGeometry geometry) {
        this.kho = kho;
        this.geometry = geometry;
    }

    long count() {
        return files == null ? 0 : files.size();
    }

    List<Long> blockPas() {
        return blocks == null ? List.of() : blocks.pas();
    }

    /** luo_preserve_file: EEXIST for a known token; a new block when the last one is full. */
    Outcome<Unit> preserve(long token, HandlerKind kind, long data) {
        ensureCollections();
        if (files.containsKey(token)) {
            return Outcome.err(Errno.EEXIST);
        }
        if (files.size() == (long) blocks.nblocks() * geometry.filesPerBlock()) {
            Outcome<Unit> grown = blocks.create();
            if (!grown.isOk()) {
                return grown;
            }
        }
        // The test handlers' preserve cannot fail.
        files.put(token, new LuoFile(token, kind, data));
        return Outcome.ok();
    }

    /**
     * Outgoing close: the handlers unpreserve (nothing to undo for test handlers), blocks freed.
     * The file map is not cleared: the session has already left the list and is dropped whole.
     */
    void unpreserveAll() {
        if (blocks != null) {
            blocks.destroy(true);
        }
    }

    /**
     * luo_file_freeze: no files, nothing written. Otherwise freeze each file in order and write its
     * luo_file_ser, writing per-block counts at block transitions and for the last block, then
     * the session's luo_file_set_ser. On a handler failure the earlier files are unfrozen and
     * every block's entries and count are zeroed (next links kept); file_set_ser is not written.
     */
    Outcome<Unit> freeze(long fileSetSerPa, RebootFault fault, int sessionIndex) {
        if (count() == 0) {
            return Outcome.ok();
        }
        int perBlock = geometry.filesPerBlock();
        int b = 0;
        int j = 0;
        int index = 0;
        for (LuoFile f : files.values()) {
            if (j == perBlock) {
                blocks.writeCount(b, j);
                b++;
                j = 0;
            }
            if (fault.firesAt(sessionIndex, index)) {
                blocks.zeroCountsAndEntries(perBlock);
                return Outcome.err(((RebootFault.FreezeFails) fault).errno());
            }
            FileSer.write(kho.memory(), blocks.entryPa(b, j), f.kind.compatible(), f.data, f.token);
            j++;
            index++;
        }
        blocks.writeCount(b, j);
        FileSetSer.write(kho.memory(), fileSetSerPa, blocks.pa(0), count());
        return Outcome.ok();
    }

    /** luo_file_unfreeze: no files, nothing; else the handlers unfreeze and file_set_ser is zeroed. */
    void unfreeze(long fileSetSerPa) {
        if (count() > 0) {
            FileSetSer.zero(kho.memory(), fileSetSerPa);
        }
    }

    /**
     * luo_file_deserialize: files PA 0 means no files. Otherwise walk the chain (at most
     * LUO_MAX_BLOCKS blocks, ENOSPC beyond), EINVAL for a block count above the block's
     * capacity, ENOENT for a compatible no handler claims. Files found before an error stay.
     * The variant's {@link HandoverChecks} run before each block is read, on a repeated token and
     * on the set's count; the walk counts the block headers read.
     */
    Outcome<Unit> deserialize(long fileSetSerPa, HandoverWalk walk) {
        FileSetSer.Value set = FileSetSer.read(kho.memory(), fileSetSerPa);
        long pa = set.files();
        if (pa != 0) {
            // Only a session with files gets the collections (see the class comment).
            ensureCollections();
        }
        while (pa != 0) {
            Optional<Errno> bad = walk.block(pa, geometry.fileBlockBytes());
            if (bad.isPresent()) {
                return Outcome.err(bad.get());
            }
            Outcome<Unit> added = blocks.add(pa);
            if (!added.isOk()) {
                return added;
            }
            walk.visit(false, pa);
            long n = blocks.readCount(blocks.nblocks() - 1);
            // u64 in the kernel: a count of 2^63 or more is above the capacity, not negative.
            if (Long.compareUnsigned(n, geometry.filesPerBlock()) > 0) {
                return Outcome.err(Errno.EINVAL);
            }
            for (long i = 0; i < n; i++) {
                FileSer.Value v = FileSer.read(kho.memory(), blocks.entryPa(blocks.nblocks() - 1, i));
                HandlerKind kind = v.compatible() == null ? null : HandlerKind.ofCompatible(v.compatible()).orElse(null);
                if (kind == null) {
                    return Outcome.err(Errno.ENOENT);
                }
                Optional<Errno> duplicate = files.containsKey(v.token()) ? walk.duplicateToken() : Optional.empty();
                if (duplicate.isPresent()) {
                    return Outcome.err(duplicate.get());
                }
                files.put(v.token(), new LuoFile(v.token(), kind, v.data()));
            }
            pa = blocks.readNext(pa);
        }
        Optional<Errno> count = walk.fileSetCount(set.count(), count(), set.files());
        return count.isPresent() ? Outcome.err(count.get()) : Outcome.ok();
    }

    /** luo_retrieve_file: ENOENT if unknown; a second retrieve returns the same file. */
    Outcome<FileImage> retrieve(long token) {
        LuoFile f = files == null ? null : files.get(token);
        if (f == null) {
            return Outcome.err(Errno.ENOENT);
        }
        f.retrieved = true;
        return Outcome.ok(f.image());
    }

    /** luo_file_finish: every can_finish is true; the handlers finish and the blocks are restored. */
    Outcome<Unit> finish() {
        if (count() == 0) {
            return Outcome.ok();
        }
        blocks.destroy(false);
        files.clear();
        return Outcome.ok();
    }

    /**
     * Releases an incoming file set that will never be used (a rejected handover): its blocks are
     * restored. The file map is left alone: the caller drops the whole session list right after.
     */
    void discard() {
        if (blocks != null) {
            blocks.destroy(false);
        }
    }

    List<FileImage> images() {
        List<FileImage> out = new ArrayList<>();
        if (files != null) {
            files.values().forEach(f -> out.add(f.image()));
        }
        return out;
    }

    List<IncomingFile> incomingImages() {
        List<IncomingFile> out = new ArrayList<>();
        if (files != null) {
            files.values().forEach(f -> out.add(new IncomingFile(f.image(), f.retrieved)));
        }
        return out;
    }

    private void ensureCollections() {
        if (files == null) {
            files = new LinkedHashMap<>();
            blocks = new BlockList(kho, BlockKind.FILE, geometry.fileBlockBytes(), geometry.maxBlocks());
        }
    }
}
