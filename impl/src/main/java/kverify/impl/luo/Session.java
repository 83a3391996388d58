package kverify.impl.luo;

import java.util.List;
import kverify.impl.kho.Kho;
import kverify.model.luo.IncomingSession;
import kverify.model.luo.IncomingSession.IncomingFile;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.SessionImage;

/**
 * struct luo_session: a handle on one entry of a {@link SessionTable} (the table and the id), made
 * when an fd or a list walk needs one, so the sessions themselves cost no Java object each. Two
 * handles are the same session when they name the same entry of the same table.
 */
final class Session {
    final SessionTable table;
    final int id;

    Session(SessionTable table, int id) {
        this.table = table;
        this.id = id;
    }

    String name() {
        return table.name(id);
    }

    /** {@link FileSet#NONE} until the session has files: at the session limit most have none. */
    FileSet files() {
        return table.files(id);
    }

    void setFiles(FileSet f) {
        table.setFiles(id, f);
    }

    /** Set when user space retrieved it: only incoming sessions are, and release tells the lists apart by it. */
    boolean retrieved() {
        return table.retrieved(id);
    }

    void setRetrieved(boolean r) {
        table.setRetrieved(id, r);
    }

    /** The session's own file set, created on first use. */
    FileSet ownFiles(Kho kho, LuoGeometry geometry, Handlers handlers) {
        if (files() == FileSet.NONE) {
            setFiles(new FileSet(kho, geometry, handlers));
        }
        return files();
    }

    /** The outgoing session as the state shows it. */
    SessionImage image() {
        return new SessionImage(name(), files().files().stream().map(LuoFile::image).toList());
    }

    /** The incoming session as the state shows it: each file and whether it was retrieved. */
    IncomingSession incomingImage() {
        List<LuoFile> files = files().files();
        // Most sessions of a large handover hold no file: no stream for them.
        return new IncomingSession(name(), retrieved(), files.isEmpty() ? List.of()
                : files.stream().map(f -> new IncomingFile(f.image(), f.retrieved())).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Session s && s.table == table && s.id == id;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(table) * 31 + id;
    }
}
