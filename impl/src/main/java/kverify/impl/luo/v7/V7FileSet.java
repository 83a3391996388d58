package kverify.impl.luo.v7;

import java.util.ArrayList;
import java.util.List;
import kverify.impl.kho.Kho;
import kverify.impl.luo.layout.FileSer;
import kverify.impl.luo.layout.FileSetSer;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.FileImage;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.RebootFault;

/**
 * struct luo_file_set and the block-set paths of kernel/liveupdate/luo_file.c in LUO v7 ("[PATCH
 * v7 10/13] liveupdate: Remove limit on the number of files per session", 2026-06-03; code no v7
 * hunk touches as in the tatashin tree at ddd30199). Files are kept in preservation order, as
 * files_list is; the test handlers cannot fail preserve, so only the block-set steps of
 * luo_preserve_file can fail.
 */
final class V7FileSet {
    private final Kho kho;
    private final KhoBlockSet blocks;
    private final List<FileImage> files = new ArrayList<>();

    V7FileSet(Kho kho, LuoGeometry geometry, RestoreTrust trust) {
        this.kho = kho;
        this.blocks = new KhoBlockSet(kho, geometry.fileBlockBytes(), FileSer.SIZE, geometry.maxBlocks(), trust);
    }

    long count() {
        return files.size();
    }

    KhoBlockSet blocks() {
        return blocks;
    }

    List<FileImage> images() {
        return List.copyOf(files);
    }

    /** luo_preserve_file: a used token is EEXIST, then the set grows for one more (ENOMEM, ENOSPC). */
    Outcome<Unit> preserve(long token, HandlerKind kind, long data) {
        for (FileImage f : files) {
            if (f.token() == token) {
                return Outcome.err(Errno.EEXIST);
            }
        }
        Outcome<Unit> grown = blocks.grow(files.size() + 1L);
        if (grown.isOk()) {
            files.add(new FileImage(token, kind, data));
        }
        return grown;
    }

    /** luo_file_unpreserve_files: last file first, the set shrinking with each, then destroyed. */
    void unpreserveAll() {
        while (!files.isEmpty()) {
            files.remove(files.size() - 1);
            blocks.shrink(files.size());
        }
        blocks.destroy();
    }

    /**
     * luo_file_freeze into the session's luo_file_set_ser: no files, nothing written. Else a slot
     * per file in order (the block's count follows each reserve), the fault's freeze failure
     * unfreezing the earlier files and clearing every block; success writes {head, count}.
     */
    Outcome<Unit> freeze(long fileSetSerPa, RebootFault fault, int sessionIndex) {
        if (files.isEmpty()) {
            return Outcome.ok();
        }
        KhoBlockSet.Cursor it = blocks.cursor();
        for (int f = 0; f < files.size(); f++) {
            long slot = it.reserveEntry();
            if (slot == 0) {
                blocks.clear();
                return Outcome.err(Errno.ENOSPC);
            }
            if (fault.firesAt(sessionIndex, f)) {
                blocks.clear();
                return Outcome.err(((RebootFault.FreezeFails) fault).errno());
            }
            FileImage file = files.get(f);
            FileSer.write(kho.memory(), slot, file.kind().compatible(), file.data(), file.token());
        }
        FileSetSer.write(kho.memory(), fileSetSerPa, blocks.headPa(), files.size());
        return Outcome.ok();
    }

    /** luo_file_unfreeze: no files, nothing; else every block cleared and file_set_ser zeroed. */
    void unfreeze(long fileSetSerPa) {
        if (!files.isEmpty()) {
            blocks.clear();
            FileSetSer.zero(kho.memory(), fileSetSerPa);
        }
    }

    /**
     * luo_file_deserialize: files 0 is no files. Else restore the chain, read its entries (an
     * unknown compatible is ENOENT), and require as many as file_set_ser.count says (EINVAL). On
     * any failure after the restore the files read are dropped and the blocks restored and freed.
     */
    Outcome<Unit> deserialize(long fileSetSerPa) {
        FileSetSer.Value set = FileSetSer.read(kho.memory(), fileSetSerPa);
        if (set.files() == 0) {
            return Outcome.ok();
        }
        Outcome<Unit> restored = blocks.restore(set.files());
        if (!restored.isOk()) {
            return restored;
        }
        Errno failed = readEntries();
        if (failed == null && set.count() != files.size()) {
            failed = Errno.EINVAL;
        }
        if (failed != null) {
            files.clear();
            blocks.destroy();
            return Outcome.err(failed);
        }
        return Outcome.ok();
    }

    /** luo_file_deserialize_one for each entry; the errno of the first that fails, or null. */
    private Errno readEntries() {
        KhoBlockSet.Cursor it = blocks.cursor();
        for (long entry = it.readEntry(); entry != 0; entry = it.readEntry()) {
            FileSer.Value v = FileSer.read(kho.memory(), entry);
            HandlerKind kind = v.compatible() == null ? null : HandlerKind.ofCompatible(v.compatible()).orElse(null);
            if (kind == null) {
                return Errno.ENOENT;
            }
            files.add(new FileImage(v.token(), kind, v.data()));
        }
        return null;
    }

    /** luo_file_finish: every can_finish is true; last file first, shrinking, then destroyed. */
    void finish() {
        unpreserveAll();
    }
}
