package kverify.impl.luo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import kverify.impl.kho.Kho;
import kverify.impl.luo.layout.FileSer;
import kverify.impl.luo.layout.FileSetSer;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.FileCalls.HandlerCall;
import kverify.model.luo.HandlerKind;
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
    static final FileSet NONE = new FileSet(null, null, null);

    private final Kho kho;
    private final LuoGeometry geometry;
    private final Handlers handlers;
    private ArrayList<LuoFile> files;
    /** The tokens in {@link #files}: luo_token_is_used without the linear scan (1.27 million files at the limit). */
    private HashSet<Long> tokens;
    private BlockList blocks;
    private long count;
    /** The first block of the chain deserialize could not track (its tracking struct failed to allocate), or 0. */
    private long untrackedFrom;

    FileSet(Kho kho, LuoGeometry geometry, Handlers handlers) {
        this.kho = kho;
        this.geometry = geometry;
        this.handlers = handlers;
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
     * (its error returned); EBADF for an fd that is not open; ENOENT if no registered handler's
     * can_preserve accepts the file (its module pinned otherwise); EBUSY if luo_preserved_files
     * holds it; then the handler's preserve, whose error unwinds the pin and the xarray entry.
     * A block added on the way stays after any later failure, unless the variant frees it.
     */
    Outcome<Unit> preserve(long token, Object file, ErrorUndo undo) {
        ensureCollections();
        if (tokens.contains(token)) {
            return Outcome.err(Errno.EEXIST);
        }
        boolean grew = false;
        if (count == (long) blocks.nblocks() * geometry.filesPerBlock()) {
            Outcome<Unit> grown = blocks.create();
            if (!grown.isOk()) {
                return grown;
            }
            grew = true;
        }
        Optional<Errno> failed = attach(token, file);
        if (failed.isPresent()) {
            if (grew && undo.freeBlockOfFailedPreserve()) {
                blocks.destroyLast();
            }
            return Outcome.err(failed.get());
        }
        count++;
        return Outcome.ok();
    }

    /** From fget to list_add_tail; on a failure everything it took is given back. */
    private Optional<Errno> attach(long token, Object file) {
        if (file == null) {
            return Optional.of(Errno.EBADF);
        }
        Optional<HandlerKind> kind = handlers.canPreserve(file);
        if (kind.isEmpty()) {
            return Optional.of(Errno.ENOENT);
        }
        UserFile f = (UserFile) file;
        handlers.get(kind.get());
        Optional<Errno> busy = handlers.xaInsert(f);
        if (busy.isPresent()) {
            handlers.put(kind.get());
            return busy;
        }
        // kzalloc_obj(*luo_file) between xa_insert and the handler's preserve (decision 35).
        if (kho.faults().kzallocFails()) {
            handlers.xaErase(f);
            handlers.put(kind.get());
            return Optional.of(Errno.ENOMEM);
        }
        f.log.add(HandlerCall.PRESERVE);
        if (f.preserveFails.isPresent()) {
            handlers.xaErase(f);
            handlers.put(kind.get());
            return f.preserveFails;
        }
        add(new LuoFile(token, kind.get(), f.data, f, f.log));
        return Optional.empty();
    }

    private void add(LuoFile f) {
        files.add(f);
        tokens.add(f.token);
    }

    /**
     * luo_file_unpreserve_files (an outgoing close): from the last file to the first, the handler
     * unpreserves, the module is put and the file leaves luo_preserved_files; then every block
     * is unpreserved and freed.
     */
    void unpreserveAll() {
        if (files != null) {
            releaseAll(HandlerCall.UNPRESERVE, true);
        }
    }

    /**
     * The loop unpreserve and finish share: from the last file to the first, the handler's call,
     * the module put, a file LUO holds out of luo_preserved_files, count down by one; then the
     * blocks unpreserved (outgoing) or restored (incoming) and freed.
     */
    private void releaseAll(HandlerCall call, boolean unpreserve) {
        for (int i = files.size() - 1; i >= 0; i--) {
            LuoFile f = files.remove(i);
            f.log.add(call);
            handlers.put(f.kind);
            if (f.file != null) {
                handlers.xaErase(f.file);
            }
            count--;
        }
        tokens.clear();
        blocks.destroy(unpreserve);
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
        for (int index = 0; index < files.size(); index++) {
            if (j == perBlock) {
                blocks.writeCount(b, j);
                b++;
                j = 0;
            }
            LuoFile f = files.get(index);
            f.log.add(HandlerCall.FREEZE);
            if (fault.firesAt(sessionIndex, index)) {
                unfreezeFiles(index);
                return Outcome.err(((RebootFault.FreezeFails) fault).errno());
            }
            FileSer.write(kho.memory(), blocks.entryPa(b, j), f.kind.compatible(), f.data, f.token);
            j++;
        }
        blocks.writeCount(b, j);
        FileSetSer.write(kho.memory(), fileSetSerPa, blocks.pa(0), count);
        return Outcome.ok();
    }

    /** __luo_file_unfreeze: the handlers unfreeze the files before {@code failed}; every block is zeroed. */
    private void unfreezeFiles(int failed) {
        for (int i = 0; i < failed; i++) {
            files.get(i).log.add(HandlerCall.UNFREEZE);
        }
        blocks.zeroCountsAndEntries();
    }

    /** luo_file_unfreeze: count 0, nothing; else every file unfrozen and every block zeroed, then file_set_ser. */
    void unfreeze(long fileSetSerPa) {
        if (count == 0) {
            return;
        }
        unfreezeFiles(files.size());
        FileSetSer.zero(kho.memory(), fileSetSerPa);
    }

    /**
     * luo_file_deserialize of a set with files (files PA 0, no files, is {@link #checkNoChain}; the
     * posted code only WARNs if its stored count is not 0): count is taken from file_set_ser, then the whole chain is walked,
     * adding a tracking entry per block (ENOSPC past LUO_MAX_BLOCKS), before any block's count is
     * looked at; then per block EINVAL for a count above BLOCK_MAX, and per entry ENOENT unless a
     * registered handler has the compatible (its module pinned), each entry appended in order (a
     * repeated token is kept). Files found before an error stay. The variant's
     * {@link HandoverChecks} run before each block is followed, on a repeated token and on the
     * set's count; the walk records the block headers read. {@code ref} names the entries' logs.
     */
    Outcome<Unit> deserialize(FileSetSer.Value set, HandoverWalk walk, java.util.function.Supplier<String> ref) {
        // A set with files 0 never gets here (checkNoChain): only a session with files gets the collections (see the class comment).
        ensureCollections();
        count = set.count();
        Outcome<Unit> chain = walk.restore(blocks, geometry.fileBlockBytes(), geometry.filesPerBlock(), false, set.files());
        if (chain.equals(Outcome.err(Errno.ENOMEM))) {
            untrackedFrom = blocks.nblocks() == 0 ? set.files() : blocks.readNext(blocks.pa(blocks.nblocks() - 1));
            walk.untracked(untrackedFrom);
        }
        for (int b = 0; chain.isOk() && b < blocks.nblocks(); b++) {
            chain = deserializeBlock(b, walk, ref.get());
        }
        if (!chain.isOk()) {
            return chain;
        }
        Optional<Errno> bad = walk.fileSetCount(set.count(), files.size(), set.files());
        return bad.isPresent() ? Outcome.err(bad.get()) : Outcome.ok();
    }

    /**
     * {@link #deserialize} of a file_set_ser without a chain (files 0): nothing is read or
     * built, the variant may refuse a count stored without files. Needs no FileSet, so a
     * session without files gets none.
     */
    static Outcome<Unit> checkNoChain(FileSetSer.Value set, HandoverWalk walk) {
        Optional<Errno> bad = walk.fileSetCount(set.count(), 0, 0);
        return bad.isPresent() ? Outcome.err(bad.get()) : Outcome.ok();
    }

    /** The second loop, for block b: its count against BLOCK_MAX, then its entries in order. */
    private Outcome<Unit> deserializeBlock(int b, HandoverWalk walk, String ref) {
        long n = blocks.readCount(b);
        // u64 in the kernel: a count of 2^63 or more is above the capacity, not negative.
        if (Long.compareUnsigned(n, geometry.filesPerBlock()) > 0) {
            return Outcome.err(Errno.EINVAL);
        }
        for (long i = 0; i < n; i++) {
            FileSer.Value v = FileSer.read(kho.memory(), blocks.entryPa(b, i));
            Optional<HandlerKind> kind = v.compatible() == null ? Optional.empty() : handlers.byCompatible(v.compatible());
            if (kind.isEmpty()) {
                return Outcome.err(Errno.ENOENT);
            }
            Optional<Errno> duplicate = tokens.contains(v.token()) ? walk.duplicateToken() : Optional.empty();
            if (duplicate.isPresent()) {
                return Outcome.err(duplicate.get());
            }
            // luo_file_deserialize_one: kzalloc_obj(*luo_file) fails after the module get, which it puts back.
            if (kho.faults().kzallocFails()) {
                return Outcome.err(Errno.ENOMEM);
            }
            handlers.get(kind.get());
            add(new LuoFile(v.token(), kind.get(), v.data(), null, handlers.newLog(ref + "#" + files.size())));
        }
        return Outcome.ok();
    }

    /**
     * luo_retrieve_file: ENOENT if the list is empty or no file has the token; the first match in
     * list order. A second retrieve gives the same file; the first calls the handler's retrieve,
     * which makes the file, and puts it in luo_preserved_files (a WARN if it is there already).
     */
    Outcome<UserFile> retrieve(long token) {
        LuoFile f = files == null ? null : files.stream().filter(x -> x.token == token).findFirst().orElse(null);
        if (f == null) {
            return Outcome.err(Errno.ENOENT);
        }
        if (f.retrieved()) {
            return Outcome.ok(f.file);
        }
        f.log.add(HandlerCall.RETRIEVE);
        f.file = handlers.retrievedFile(f);
        if (handlers.xaInsert(f.file).isPresent()) {
            handlers.warn("luo_retrieve_file: xa_insert of a retrieved file failed (token 0x" + Long.toHexString(token) + ")");
        }
        f.retrieveStatus = 1;
        return Outcome.ok(f.file);
    }

    /**
     * luo_file_finish: count 0 returns at once, files and blocks untouched (a count of 0 stored
     * with a file pointer leaves both behind); every can_finish is true; from the last file to the
     * first the handler finishes, the module is put, a retrieved file leaves luo_preserved_files,
     * and count drops by one; then every block is restored and freed. It cannot fail (so it
     * returns nothing): luo_file_finish's error paths are those of can_finish.
     */
    void finish() {
        if (count != 0) {
            releaseAll(HandlerCall.FINISH, false);
        }
    }

    /** luo_file_set_destroy at session free: WARN_ON(count), WARN_ON(files left). */
    void destroyed(String session) {
        if (count != 0 || (files != null && !files.isEmpty())) {
            handlers.warn("luo_file_set_destroy of '" + session + "': count=" + count + " files=" + (files == null ? 0 : files.size()));
        }
    }

    /**
     * Releases an incoming file set that will never be used (a rejected handover): the pins its
     * entries took are put and its blocks restored. The list is left alone: the caller drops the
     * whole session list right after.
     */
    void discard() {
        if (blocks != null) {
            files.forEach(f -> handlers.put(f.kind));
            blocks.destroy(false);
        }
    }

    /** Where the chain continues past the blocks deserialize could track (an allocation failed there), or 0. */
    long untrackedFrom() {
        return untrackedFrom;
    }

    /**
     * v7's luo_file_deserialize after a failure: the files read so far released (their pins put)
     * and the blocks restored; the set is left empty.
     */
    void releaseAfterFailure() {
        discard();
        if (files != null) {
            files.clear();
            tokens.clear();
        }
        count = 0;
    }

    /** The files in list order (read only), for the state snapshots. */
    List<LuoFile> files() {
        return files == null ? List.of() : Collections.unmodifiableList(files);
    }

    private void ensureCollections() {
        if (files == null) {
            files = new ArrayList<>();
            tokens = new HashSet<>();
            blocks = new BlockList(kho, BlockKind.FILE, geometry.fileBlockBytes(), geometry.maxBlocks());
        }
    }
}
