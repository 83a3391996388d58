package kverify.impl.luo;

import java.util.Optional;
import kverify.impl.luo.layout.FdIoctlArg;
import kverify.impl.luo.layout.FinishIoctlArg;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.FileImage;
import kverify.model.luo.IoctlResult;
import kverify.model.luo.Uapi;
import kverify.model.luo.UserArg;

/**
 * A session fd (luo_session.c at 7d538a77): its ioctl table (indexed by _IOC_NR - 0x40: preserve,
 * retrieve, finish), the three ops with their replies, and its release. As posted no op looks at
 * the session's direction: a preserve on a retrieved session, or a finish or retrieve on a
 * created one, runs the file code on the other kind of file set (the variant may refuse).
 */
final class SessionIoctls {
    private static final int PRESERVE = 0;
    private static final int RETRIEVE = 1;
    private static final IoctlDispatch.Op[] OPS = {
        new IoctlDispatch.Op(Uapi.PRESERVE_FD, FdIoctlArg.SIZE, FdIoctlArg.MIN_SIZE),
        new IoctlDispatch.Op(Uapi.RETRIEVE_FD, FdIoctlArg.SIZE, FdIoctlArg.MIN_SIZE),
        new IoctlDispatch.Op(Uapi.FINISH, FinishIoctlArg.SIZE, FinishIoctlArg.MIN_SIZE),
    };

    private SessionIoctls() {
    }

    static Outcome<IoctlResult> ioctl(Kernel k, Session s, long cmd, UserArg arg) {
        IoctlDispatch.Ucmd c = IoctlDispatch.Ucmd.allocating();
        Optional<Errno> bad = IoctlDispatch.decode(cmd, arg, 0x40, OPS, k.variant.interfaceChecks(), Optional.of(s), PRESERVE, c);
        if (bad.isPresent()) {
            return Outcome.err(bad.get());
        }
        if (k.serializeLockHeld) {
            return Outcome.hung(); // luo_session_ioctl takes the serialize rwsem for read after copying the argument
        }
        return k.sessionCall(() -> c.index() == PRESERVE ? preserve(k, s, c, arg)
                : c.index() == RETRIEVE ? retrieve(k, s, c, arg) : finish(s, c, arg));
    }

    /** luo_session_preserve_fd: a reply that fails still leaves the file preserved ("response to user failed"). */
    private static Outcome<IoctlResult> preserve(Kernel k, Session s, IoctlDispatch.Ucmd c, UserArg arg) {
        LockPoints.Lock mutex = LockPoints.Lock.session(s);
        LockPoints.lock(mutex);
        Object file = k.fds.get(FdIoctlArg.fd(c.copy()));
        Outcome<Unit> r = s.ownFiles(k.kho, k.geometry, k.handlers).preserve(FdIoctlArg.token(c.copy()), file, k.variant.errorUndo());
        LockPoints.unlock(mutex);
        if (!r.isOk()) {
            return Results.propagate(r);
        }
        return reply(arg, c, FdIoctlArg.SIZE, IoctlResult.NONE);
    }

    /** luo_session_retrieve_fd: a failed reply fputs the file (LUO keeps its reference) and installs no fd. */
    private static Outcome<IoctlResult> retrieve(Kernel k, Session s, IoctlDispatch.Ucmd c, UserArg arg) {
        LockPoints.Lock mutex = LockPoints.Lock.session(s);
        LockPoints.lock(mutex); // held to the end, fd_install included (guard(mutex))
        Outcome<IoctlResult> r = retrieveLocked(k, s, c, arg);
        LockPoints.unlock(mutex);
        return r;
    }

    private static Outcome<IoctlResult> retrieveLocked(Kernel k, Session s, IoctlDispatch.Ucmd c, UserArg arg) {
        long token = FdIoctlArg.token(c.copy());
        Outcome<UserFile> f = s.files().retrieve(token);
        if (!f.isOk()) {
            return Results.propagate(f);
        }
        if (UserCopy.respond(arg, c.userSize(), FdIoctlArg.SIZE).isPresent()) {
            return Outcome.err(Errno.EFAULT);
        }
        UserFile file = f.value();
        return Outcome.ok(IoctlResult.file(k.fds.install(file), new FileImage(token, file.handler.orElseThrow(), file.data)));
    }

    /** luo_session_finish: the reply is copied after the files are finished. */
    private static Outcome<IoctlResult> finish(Session s, IoctlDispatch.Ucmd c, UserArg arg) {
        LockPoints.Lock mutex = LockPoints.Lock.session(s);
        LockPoints.lock(mutex); // luo_session_finish_one
        s.files().finish();
        LockPoints.unlock(mutex);
        return reply(arg, c, FinishIoctlArg.SIZE, IoctlResult.NONE);
    }

    private static Outcome<IoctlResult> reply(UserArg arg, IoctlDispatch.Ucmd c, int ksize, IoctlResult result) {
        return UserCopy.respond(arg, c.userSize(), ksize).isPresent() ? Outcome.err(Errno.EFAULT) : Outcome.ok(result);
    }

    /**
     * luo_session_release: a retrieved session is finished first (on a failure it stays, and
     * close still returns 0: the VFS ignores release's result); any other is an outgoing session
     * whose files are unpreserved before it is removed.
     */
    static void release(Kernel k, Session s) {
        if (s.retrieved()) {
            k.incoming.release(s);
        } else {
            k.outgoing.release(s);
        }
    }
}
