package kverify.model.luo;

import java.util.Objects;

/** One preserved file as the contract sees it: its token, its handler, and the handler's data word. */
public record FileImage(long token, HandlerKind kind, long data) {
    public FileImage {
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String toString() {
        return String.format("file(token=0x%x, kind=%s, data=0x%x)", token, kind.traceName(), data);
    }
}
