package kverify.model.luo;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a successful ioctl gives user space: the file descriptor it installed (a session from
 * CREATE_SESSION or RETRIEVE_SESSION, a file from RETRIEVE_FD) and, for RETRIEVE_FD, the file
 * as its handler restored it. The rest of the reply is the argument struct copied back, which
 * holds nothing user space did not pass.
 */
public record IoctlResult(OptionalInt fd, Optional<FileImage> file) {
    public static final IoctlResult NONE = new IoctlResult(OptionalInt.empty(), Optional.empty());

    public static IoctlResult fd(int fd) {
        return new IoctlResult(OptionalInt.of(fd), Optional.empty());
    }

    public static IoctlResult file(int fd, FileImage file) {
        return new IoctlResult(OptionalInt.of(fd), Optional.of(file));
    }

    @Override
    public String toString() {
        if (fd.isEmpty()) {
            return "done";
        }
        return "fd=" + fd.getAsInt() + file.map(f -> ", " + f).orElse("");
    }
}
