package kverify.model.luo;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a successful ioctl gives user space: the file descriptor it installed (a session from
 * CREATE_SESSION or RETRIEVE_SESSION, a file from RETRIEVE_FD) and, for RETRIEVE_FD, the file
 * as its handler restored it. The rest of the reply is the argument struct copied back, which
 * holds nothing user space did not pass.
 *
 * <p>A value with the components {@code fd} and {@code file}, compared with {@code equals} as a
 * record of them would be; it stores the fd as an int and a flag, and the file or null, so a reply
 * is one object (the round trip at the session limit makes 16 million of them).
 */
public final class IoctlResult {
    public static final IoctlResult NONE = new IoctlResult(OptionalInt.empty(), Optional.empty());

    private final boolean hasFd;
    private final int fd;
    private final FileImage file;

    public IoctlResult(OptionalInt fd, Optional<FileImage> file) {
        this(fd.isPresent(), fd.orElse(0), file.orElse(null));
    }

    private IoctlResult(boolean hasFd, int fd, FileImage file) {
        this.hasFd = hasFd;
        this.fd = fd;
        this.file = file;
    }

    public static IoctlResult fd(int fd) {
        return new IoctlResult(true, fd, null);
    }

    public static IoctlResult file(int fd, FileImage file) {
        return new IoctlResult(true, fd, Objects.requireNonNull(file, "file"));
    }

    public OptionalInt fd() {
        return hasFd ? OptionalInt.of(fd) : OptionalInt.empty();
    }

    public Optional<FileImage> file() {
        return Optional.ofNullable(file);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IoctlResult r && r.hasFd == hasFd && r.fd == fd && Objects.equals(r.file, file);
    }

    /** The hash a record of (fd, file) has: 31 times the OptionalInt's hash plus the Optional's. */
    @Override
    public int hashCode() {
        return 31 * (hasFd ? Integer.hashCode(fd) : 0) + Objects.hashCode(file);
    }

    @Override
    public String toString() {
        if (!hasFd) {
            return "done";
        }
        return "fd=" + fd + (file == null ? "" : ", " + file);
    }
}
