package kverify.impl.luo;

import kverify.model.luo.FileImage;
import kverify.model.luo.HandlerKind;

/**
 * struct luo_file: one preserved or deserialized file in kernel memory. {@code file} is the
 * struct file (null for an incoming entry until retrieved); {@code retrieveStatus} is 0 before a
 * retrieve, 1 after a successful one (a failed one would keep the errno, which the test handlers
 * never return); {@code log} is the handler's record of its callbacks for this file.
 */
final class LuoFile {
    final long token;
    final HandlerKind kind;
    final long data;
    final CallLog log;
    UserFile file;
    int retrieveStatus;

    LuoFile(long token, HandlerKind kind, long data, UserFile file, CallLog log) {
        this.token = token;
        this.kind = kind;
        this.data = data;
        this.file = file;
        this.log = log;
    }

    boolean retrieved() {
        return retrieveStatus > 0;
    }

    FileImage image() {
        return new FileImage(token, kind, data);
    }
}
