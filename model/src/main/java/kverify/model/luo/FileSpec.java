package kverify.model.luo;

import java.util.Objects;
import java.util.Optional;
import kverify.model.Errno;

/**
 * A file user space makes (memfd_create, or open of a character device): the handler that can
 * preserve it, if any (none: like /dev/null, no handler's can_preserve accepts it), its content
 * as one data word (the handler stores it as luo_file_ser.data), and, as fault data, the errno the
 * handler's preserve() returns for it.
 */
public record FileSpec(Optional<HandlerKind> handler, long data, Optional<Errno> preserveFails) {
    public FileSpec {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(preserveFails, "preserveFails");
    }

    public static FileSpec of(HandlerKind kind, long data) {
        return new FileSpec(Optional.of(kind), data, Optional.empty());
    }
}
