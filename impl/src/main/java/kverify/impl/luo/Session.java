package kverify.impl.luo;

import kverify.impl.kho.Kho;
import kverify.model.luo.LuoGeometry;

/** struct luo_session: a session in kernel memory (not preserved memory). */
final class Session {
    final String name;
    /** {@link FileSet#NONE} until the session has files: at the session limit most have none. */
    FileSet files;
    /** Set when user space retrieved it: only incoming sessions are, and release tells the lists apart by it. */
    boolean retrieved;

    Session(String name, FileSet files) {
        this.name = name;
        this.files = files;
    }

    /** The session's own file set, created on first use. */
    FileSet ownFiles(Kho kho, LuoGeometry geometry, Handlers handlers) {
        if (files == FileSet.NONE) {
            files = new FileSet(kho, geometry, handlers);
        }
        return files;
    }
}
