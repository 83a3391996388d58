package kverify.impl.luo;

import kverify.model.luo.FileImage;
import kverify.model.luo.HandlerKind;

/** struct luo_file: one preserved file in kernel memory, as its handler sees it. */
final class LuoFile {
    final long token;
    final HandlerKind kind;
    final long data;
    boolean retrieved;

    LuoFile(long token, HandlerKind kind, long data) {
        this.token = token;
        this.kind = kind;
        this.data = data;
    }

    FileImage image() {
        return new FileImage(token, kind, data);
    }
}
