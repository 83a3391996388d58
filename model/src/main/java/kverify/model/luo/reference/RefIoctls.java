package kverify.model.luo.reference;

import java.util.Arrays;
import java.util.Optional;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.FileCalls.HandlerCall;
import kverify.model.luo.FileImage;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.IoctlResult;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.SessionNames;
import kverify.model.luo.Uapi;
import kverify.model.luo.UserArg;
import kverify.model.luo.reference.RefKernel.Member;
import kverify.model.luo.reference.RefKernel.RFile;
import kverify.model.luo.reference.RefKernel.RSession;

/**
 * The ioctls of /dev/liveupdate and of a session fd as the contract states them (docs/luo.md,
 * decisions 21 to 27): a command the fd does not implement is ENOTTY; then the argument's u32 size
 * is read (EFAULT); a session ioctl on a session of the other direction is EINVAL (preserve only
 * on a session this kernel created, retrieve and finish only on a retrieved one); a size below the
 * struct's is EINVAL; bytes past the struct must be readable (EFAULT) and zero (E2BIG); then the
 * operation; then the struct is copied back (EFAULT if the memory is read-only).
 */
final class RefIoctls {
    private final RefKernel k;
    private final LuoGeometry g;
    /** An error the contract accepts as well as the outcome of the latest call (decision 38), or none. */
    private Optional<Errno> alternative = Optional.empty();

    RefIoctls(RefKernel k, LuoGeometry g) {
        this.k = k;
        this.g = g;
    }

    /** The other answer the contract accepts for the latest call, with the same state, once. */
    Optional<Errno> takeAlternative() {
        Optional<Errno> a = alternative;
        alternative = Optional.empty();
        return a;
    }

    Outcome<IoctlResult> ioctl(int fd, long cmd, UserArg arg) {
        alternative = Optional.empty();
        RefKernel.Target t = k.fds.get(fd);
        if (t == null) {
            return Outcome.err(Errno.EBADF);
        }
        if (t instanceof RefKernel.Device) {
            if (cmd != Uapi.CREATE_SESSION && cmd != Uapi.RETRIEVE_SESSION) {
                return Outcome.err(Errno.ENOTTY);
            }
            Optional<Errno> bad = argument(arg, Uapi.SESSION_ARG_SIZE, true);
            if (bad.isPresent()) {
                return Outcome.err(bad.get());
            }
            byte[] name = Arrays.copyOfRange(arg.bytes(), 8, 8 + Uapi.NAME_LENGTH);
            return cmd == Uapi.CREATE_SESSION ? create(name, arg) : retrieve(name, arg);
        }
        if (!(t instanceof RefKernel.SessionFd s)) {
            return Outcome.err(Errno.ENOTTY);
        }
        int size = cmd == Uapi.PRESERVE_FD || cmd == Uapi.RETRIEVE_FD ? Uapi.FD_ARG_SIZE : Uapi.FINISH_ARG_SIZE;
        if (cmd != Uapi.PRESERVE_FD && cmd != Uapi.RETRIEVE_FD && cmd != Uapi.FINISH) {
            return Outcome.err(Errno.ENOTTY);
        }
        boolean rightDirection = (cmd == Uapi.PRESERVE_FD) != s.session().retrieved;
        Optional<Errno> bad = argument(arg, size, rightDirection);
        if (bad.isPresent()) {
            return Outcome.err(bad.get());
        }
        if (cmd == Uapi.PRESERVE_FD) {
            return preserve(s.session(), (int) arg.le(4, 4), arg.le(8, 8), arg);
        }
        return cmd == Uapi.RETRIEVE_FD ? retrieveFd(s.session(), arg.le(8, 8), arg) : finish(s.session(), arg);
    }

    /** The checks before any operation, in the contract's order (see the class comment). */
    private static Optional<Errno> argument(UserArg arg, int ksize, boolean rightDirection) {
        if (!arg.readable(0, 4)) {
            return Optional.of(Errno.EFAULT);
        }
        if (!rightDirection) {
            return Optional.of(Errno.EINVAL);
        }
        long usize = arg.le(0, 4);
        if (usize < ksize) {
            return Optional.of(Errno.EINVAL);
        }
        if (!arg.readable(0, usize)) {
            return Optional.of(Errno.EFAULT);
        }
        for (long i = ksize; i < usize; i++) {
            if (arg.byteAt(i) != 0) {
                return Optional.of(Errno.E2BIG);
            }
        }
        return Optional.empty();
    }

    /** A name is the C string in the 64-byte field: 1 to 63 bytes before a NUL, else EINVAL (v7's check). */
    private Outcome<IoctlResult> create(byte[] field, UserArg arg) {
        Optional<String> name = SessionNames.cString(field).filter(n -> !n.isEmpty());
        if (name.isEmpty()) {
            return Outcome.err(Errno.EINVAL);
        }
        if (k.outgoing.containsKey(name.get())) {
            // Decision 38 (U9): a duplicate that is also beyond capacity may be refused for either reason.
            if (k.outgoing.size() >= g.maxSessions()) {
                alternative = Optional.of(Errno.ENOSPC);
            }
            return Outcome.err(Errno.EEXIST);
        }
        if (k.outgoing.size() >= g.maxSessions()) {
            return Outcome.err(Errno.ENOSPC);
        }
        if (!arg.writable()) {
            return Outcome.err(Errno.EFAULT);
        }
        RSession s = new RSession(name.get(), false);
        k.outgoing.put(s.name, s);
        return Outcome.ok(IoctlResult.fd(k.install(new RefKernel.SessionFd(s))));
    }

    /** Retrieve compares the C string (a field without NUL names no session); a failed reply leaves it retrievable. */
    private Outcome<IoctlResult> retrieve(byte[] field, UserArg arg) {
        RSession s = SessionNames.cString(field).map(k.incoming::get).orElse(null);
        if (s == null) {
            return Outcome.err(Errno.ENOENT);
        }
        if (s.retrieved) {
            return Outcome.err(Errno.EINVAL);
        }
        if (!arg.writable()) {
            return Outcome.err(Errno.EFAULT);
        }
        s.retrieved = true;
        return Outcome.ok(IoctlResult.fd(k.install(new RefKernel.SessionFd(s))));
    }

    /**
     * PRESERVE_FD: EEXIST for a token in use, ENOSPC past the file limit, EBADF for an fd not
     * open, ENOENT if no loaded handler accepts the file, EBUSY if LUO already holds it, then the
     * handler's preserve (its error returned). A failed reply still leaves the file preserved (the
     * posted code says so on purpose, "successfully preserved, but response to user failed").
     */
    private Outcome<IoctlResult> preserve(RSession s, int fd, long token, UserArg arg) {
        if (s.hasToken(token)) {
            return Outcome.err(Errno.EEXIST);
        }
        if (s.files.size() >= g.maxFilesPerSession()) {
            return Outcome.err(Errno.ENOSPC);
        }
        RefKernel.Target t = k.fds.get(fd);
        if (t == null) {
            return Outcome.err(Errno.EBADF);
        }
        Optional<HandlerKind> kind = t instanceof RefKernel.FileFd f ? f.file().spec.handler().filter(k.loaded::contains)
                : Optional.empty();
        if (kind.isEmpty()) {
            return Outcome.err(Errno.ENOENT);
        }
        RFile file = ((RefKernel.FileFd) t).file();
        if (k.held.contains(file)) {
            return Outcome.err(Errno.EBUSY);
        }
        file.call(HandlerCall.PRESERVE);
        if (file.spec.preserveFails().isPresent()) {
            return Outcome.err(file.spec.preserveFails().get());
        }
        s.addFile(new Member(token, kind.get(), file.spec.data(), file));
        k.held.add(file);
        k.pin(kind.get(), 1);
        return arg.writable() ? Outcome.ok(IoctlResult.NONE) : Outcome.err(Errno.EFAULT);
    }

    /** RETRIEVE_FD: the first file with the token; its handler runs once; a failed reply installs no fd. */
    private Outcome<IoctlResult> retrieveFd(RSession s, long token, UserArg arg) {
        Member m = s.files.stream().filter(x -> x.token() == token).findFirst().orElse(null);
        if (m == null) {
            return Outcome.err(Errno.ENOENT);
        }
        if (s.retrievedTokens.add(token)) {
            m.file().call(HandlerCall.RETRIEVE);
            k.held.add(m.file());
        }
        if (!arg.writable()) {
            return Outcome.err(Errno.EFAULT);
        }
        FileImage image = m.image();
        return Outcome.ok(IoctlResult.file(k.install(new RefKernel.FileFd(m.file())), image));
    }

    /** FINISH: every file finished and gone (the reserved field is not looked at, as in v1 and v7). */
    private Outcome<IoctlResult> finish(RSession s, UserArg arg) {
        k.finish(s);
        return arg.writable() ? Outcome.ok(IoctlResult.NONE) : Outcome.err(Errno.EFAULT);
    }
}
