package kverify.model.luo;

import java.util.List;

/**
 * One session in the next kernel after deserialization: whether user space retrieved it, and
 * its files (a finished session has none left).
 */
public record IncomingSession(String name, boolean retrieved, List<IncomingFile> files) {
    public IncomingSession {
        files = List.copyOf(files);
    }

    /** A file of an incoming session and whether user space retrieved it. */
    public record IncomingFile(FileImage file, boolean retrieved) {
        @Override
        public String toString() {
            return file + (retrieved ? " retrieved" : "");
        }
    }

    @Override
    public String toString() {
        return "'" + SessionNames.escape(name) + "'" + (retrieved ? " retrieved" : "") + (files.isEmpty() ? "" : " " + files);
    }
}
