package kverify.impl.luo;

import java.util.ArrayList;
import java.util.HashSet;
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
 * of patch 2/5, transcribed from kernelorg-mirror/linux_kernel_git_tatashin_linux at
 * 5d766e265bfc594d2e54ac5c1f43710f61889bdb (luo_file.c, luo_internal.h). The files are a list in
 * preservation (or deserialization) order, as {@code files_list} is; {@code count} is the
 * kernel's own counter, which deserialize takes from {@code file_set_ser->count} and not from the
 * entries it finds. The collections are created on first use: a session without files costs a
 * few words, which the 8.19-million-session limit test needs.
 */
final class FileSet {
    /** The file set of every session without files; only read, never preserved into or deserialized. */
    static final FileSet NONE = new FileSet(null, null);

    private final Kho kho;
    private final LuoGeometry geometry;
    private ArrayList<LuoFile> files;
    /** The tokens in {@link #files}: luo_token_is_used without the linear scan (1.27 million files at the limit). */
    private HashSet<Long> tokens;
    private BlockList blocks;
    private long count;

    FileSet(Kho kho, LuoGeometry geometry) {
        this.kho = kho;
        this.geometry = geometry;
    }

    /** file_set->count: the files preserved, or after deserialize the count the handover stored. */
    long count() {
        return count;
    }

    List<Long> blockPas() {
        return blocks == null ? List.of() : blocks.pas();
    }

    /**
     * luo_preserve_file: EEXIST for a token in use; a new block when count == nblocks * BLOCK_MAX
     * (its errors returned, the block kept whatever happens next); then the file is added.
     */
    Outcome<Unit> preserve(long token, HandlerKind kind, long data) {
        ensureCollections();
        if (tokens.contains(token)) {
            return Outcome.err(Errno.EEXIST);
        }
        if (count == (long) blocks.nblocks() * geometry.filesPerBlock()) {
            Outcome<Unit> grown = blocks.create();
            if (!grown.isOk()) {
                return grown;
            }
        }
        // The test handlers' preserve cannot fail.
        add(new LuoFile(token, kind, data));
        count++;
        return Outcome.ok();
    }

    private void add(LuoFile f) {
        files.add(f);
        tokens.add(f.token);
    }

    /**
     * luo_file_unpreserve_files on an outgoing close: the handlers unpreserve (nothing to undo
     * for test handlers), then every block is unpreserved and freed. The file list is not
     * cleared: the session has already left the list and is dropped whole.
     */
    void unpreserveAll() {
        if (blocks != null) {
            blocks.destroy(true);
        }
    }

    /**
     * luo_file_freeze: count 0, nothing written. Otherwise freeze each file in order and write its
     * luo_file_ser, writing a block's count when the walk moves past it and for the last block,
     * then the session's luo_file_set_ser. On a handler failure __luo_file_unfreeze unfreezes the
     * earlier files and zeroes every block's count and entries (next links kept); file_set_ser is
     * not written.
     */
    Outcome<Unit> freeze(long fileSetSerPa, RebootFault fault, int sessionIndex) {
        if (count == 0) {
            return Outcome.ok();
        }
        int perBlock = geometry.filesPerBlock();
        int b = 0;
        int j = 0;
        int index = 0;
        for (LuoFile f : files) {
            if (j == perBlock) {
                blocks.writeCount(b, j);
                b++;
                j = 0;
            }
            if (fault.firesAt(sessionIndex, index)) {
                blocks.zeroCountsAndEntries();
                return Outcome.err(((RebootFault.FreezeFails) fault).errno());
            }
            FileSer.write(kho.memory(), blocks.entryPa(b, j), f.kind.compatible(), f.data, f.token);
            j++;
            index++;
        }
        blocks.writeCount(b, j);
        FileSetSer.write(kho.memory(), fileSetSerPa, blocks.pa(0), count);
        return Outcome.ok();
    }

    /**
     * luo_file_unfreeze: count 0, nothing; else __luo_file_unfreeze(file_set, NULL) unfreezes every
     * file and zeroes every block's count and entries, and then file_set_ser is zeroed.
     */
    void unfreeze(long fileSetSerPa) {
        if (count == 0) {
            return;
        }
        blocks.zeroCountsAndEntries();
        FileSetSer.zero(kho.memory(), fileSetSerPa);
    }

    /**
     * luo_file_deserialize: files PA 0 means no files (the posted code only WARNs if the stored
     * count is not 0). Otherwise count is taken from
     * file_set_ser, then the whole chain is walked, adding a tracking entry per block (ENOSPC
     * past LUO_MAX_BLOCKS), before any block's count is looked at; then per block EINVAL for a
     * count above BLOCK_MAX and ENOENT for a compatible no handler claims, each entry appended in
     * order (a repeated token is kept). Files found before an error stay. The variant's
     * {@link HandoverChecks} run before each block is followed, on a repeated token and on the
     * set's count; the walk records the block headers read.
     */
    Outcome<Unit> deserialize(long fileSetSerPa, HandoverWalk walk) {
        FileSetSer.Value set = FileSetSer.read(kho.memory(), fileSetSerPa);
        if (set.files() == 0) {
            // As posted only WARN_ON(file_set_ser->count); the strict check rejects a count kept without a chain.
            Optional<Errno> bad = walk.fileSetCount(set.count(), 0, 0);
            return bad.isPresent() ? Outcome.err(bad.get()) : Outcome.ok();
        }
        // Only a session with files gets the collections (see the class comment).
        ensureCollections();
        count = set.count();
        Outcome<Unit> chain = addChain(set.files(), walk);
        if (!chain.isOk()) {
            return chain;
        }
        for (int b = 0; b < blocks.nblocks(); b++) {
            Outcome<Unit> entries = deserializeBlock(b, walk);
            if (!entries.isOk()) {
                return entries;
            }
        }
        Optional<Errno> bad = walk.fileSetCount(set.count(), files.size(), set.files());
        return bad.isPresent() ? Outcome.err(bad.get()) : Outcome.ok();
    }

    /** The first loop of luo_file_deserialize: follow next from the head, one tracking entry per block. */
    private Outcome<Unit> addChain(long head, HandoverWalk walk) {
        for (long pa = head; pa != 0; pa = blocks.readNext(pa)) {
            Optional<Errno> bad = walk.block(pa, geometry.fileBlockBytes());
            if (bad.isPresent()) {
                return Outcome.err(bad.get());
            }
            Outcome<Unit> added = blocks.add(pa);
            if (!added.isOk()) {
                return added;
            }
            walk.visit(false, pa);
        }
        return Outcome.ok();
    }

    /** The second loop, for block b: its count against BLOCK_MAX, then its entries in order. */
    private Outcome<Unit> deserializeBlock(int b, HandoverWalk walk) {
        long n = blocks.readCount(b);
        // u64 in the kernel: a count of 2^63 or more is above the capacity, not negative.
        if (Long.compareUnsigned(n, geometry.filesPerBlock()) > 0) {
            return Outcome.err(Errno.EINVAL);
        }
        for (long i = 0; i < n; i++) {
            FileSer.Value v = FileSer.read(kho.memory(), blocks.entryPa(b, i));
            HandlerKind kind = v.compatible() == null ? null : HandlerKind.ofCompatible(v.compatible()).orElse(null);
            if (kind == null) {
                return Outcome.err(Errno.ENOENT);
            }
            Optional<Errno> duplicate = tokens.contains(v.token()) ? walk.duplicateToken() : Optional.empty();
            if (duplicate.isPresent()) {
                return Outcome.err(duplicate.get());
            }
            add(new LuoFile(v.token(), kind, v.data()));
        }
        return Outcome.ok();
    }

    /** luo_retrieve_file: ENOENT if the list is empty or no file has the token; the first match in list order. */
    Outcome<FileImage> retrieve(long token) {
        if (files != null) {
            for (LuoFile f : files) {
                if (f.token == token) {
                    f.retrieved = true;
                    return Outcome.ok(f.image());
                }
            }
        }
        return Outcome.err(Errno.ENOENT);
    }

    /**
     * luo_file_finish: count 0 returns at once, files and blocks untouched (a count of 0 stored with
     * a file pointer leaves both behind); every can_finish is true; the handlers finish every file
     * on the list (count drops by one per file), then the blocks are restored and freed.
     */
    Outcome<Unit> finish() {
        if (count == 0) {
            return Outcome.ok();
        }
        count -= files.size();
        files.clear();
        tokens.clear();
        blocks.destroy(false);
        return Outcome.ok();
    }

    /**
     * Releases an incoming file set that will never be used (a rejected handover): its blocks are
     * restored. The file list is left alone: the caller drops the whole session list right after.
     */
    void discard() {
        if (blocks != null) {
            blocks.destroy(false);
        }
    }

    List<FileImage> images() {
        List<FileImage> out = new ArrayList<>();
        if (files != null) {
            files.forEach(f -> out.add(f.image()));
        }
        return out;
    }

    List<IncomingFile> incomingImages() {
        List<IncomingFile> out = new ArrayList<>();
        if (files != null) {
            files.forEach(f -> out.add(new IncomingFile(f.image(), f.retrieved)));
        }
        return out;
    }

    private void ensureCollections() {
        if (files == null) {
            files = new ArrayList<>();
            tokens = new HashSet<>();
            blocks = new BlockList(kho, BlockKind.FILE, geometry.fileBlockBytes(), geometry.maxBlocks());
        }
    }
}
