package kverify.impl.luo;

import kverify.impl.kho.Kho;
import kverify.model.luo.IncomingSession;
import kverify.model.luo.IncomingSession.IncomingFile;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.SessionImage;

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

    /** The outgoing session as the state shows it. */
    SessionImage image() {
        return new SessionImage(name, files.files().stream().map(LuoFile::image).toList());
    }

    /** The incoming session as the state shows it: each file and whether it was retrieved. */
    IncomingSession incomingImage() {
        return new IncomingSession(name, retrieved, files.files().stream().map(f -> new IncomingFile(f.image(), f.retrieved())).toList());
    }
}
