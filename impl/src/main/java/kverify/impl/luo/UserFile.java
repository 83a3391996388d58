package kverify.impl.luo;

import java.util.Optional;
import kverify.model.Errno;
import kverify.model.luo.HandlerKind;

/**
 * A struct file user space holds: a memfd-like file one test handler accepts (or none, like
 * /dev/null), its content as one data word, the errno its handler's preserve returns (fault
 * data), its identity for {@code luo_preserved_files} (the handlers have no get_id, so the
 * kernel keys by the file pointer: here a number unique per kernel) and its call log.
 */
final class UserFile {
    final long id;
    final Optional<HandlerKind> handler;
    final long data;
    final Optional<Errno> preserveFails;
    final CallLog log;

    UserFile(long id, Optional<HandlerKind> handler, long data, Optional<Errno> preserveFails, CallLog log) {
        this.id = id;
        this.handler = handler;
        this.data = data;
        this.preserveFails = preserveFails;
        this.log = log;
    }
}
