package kverify.impl.luo;

import java.util.Optional;
import kverify.impl.luo.layout.SessionIoctlArg;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.IoctlResult;
import kverify.model.luo.Uapi;
import kverify.model.luo.UserArg;

/**
 * /dev/liveupdate (luo_core.c: luo_open, luo_release, luo_ioctl and its two ops, the same in
 * every stored version of the series' base): a single opener ({@code in_use}, EBUSY); the first
 * open deserializes and any failure of it is EIO and frees the device again; create and retrieve
 * session take an fd first and give it back on any error, and a reply that cannot be copied
 * fputs the new session file, whose release runs.
 */
final class LuoDevice {
    private static final IoctlDispatch.Op[] OPS = {
        new IoctlDispatch.Op(Uapi.CREATE_SESSION, SessionIoctlArg.SIZE, SessionIoctlArg.MIN_SIZE),
        new IoctlDispatch.Op(Uapi.RETRIEVE_SESSION, SessionIoctlArg.SIZE, SessionIoctlArg.MIN_SIZE),
    };

    /**
     * luo_ioctl's {@code union ucmd_buffer buf} and {@code struct luo_ucmd ucmd}, on the kernel
     * stack (luo_core.c at 7d538a77): one per thread, since a concurrent step runs each task on a
     * thread of its own, and reused by every call (copy_struct_from_user zero-fills past the
     * user's bytes). No path keeps them past the call: create copies the name into the session
     * table, retrieve reads it in place.
     */
    private static final ThreadLocal<IoctlDispatch.Ucmd> STACK =
            ThreadLocal.withInitial(() -> IoctlDispatch.Ucmd.onStack(new byte[SessionIoctlArg.SIZE]));

    private boolean inUse;

    boolean inUse() {
        return inUse;
    }

    Outcome<Integer> open(Kernel k) {
        if (inUse) {
            return Outcome.err(Errno.EBUSY);
        }
        inUse = true;
        if (!k.incoming.deserialize().isOk()) {
            inUse = false;
            return Outcome.err(Errno.EIO);
        }
        return Outcome.ok(k.fds.install(this));
    }

    void release() {
        inUse = false;
    }

    Outcome<IoctlResult> ioctl(Kernel k, long cmd, UserArg arg) {
        IoctlDispatch.Ucmd ucmd = STACK.get();
        Optional<Errno> bad = IoctlDispatch.decode(cmd, arg, 0, OPS, k.variant.interfaceChecks(), Optional.empty(), -1, ucmd);
        if (bad.isPresent()) {
            return Outcome.err(bad.get());
        }
        return k.sessionCall(LuoDevice::run, ucmd, arg);
    }

    /** The op the call's index names; the name field is read in place in the kernel copy, at NAME_OFFSET. */
    private static Outcome<IoctlResult> run(Kernel k, IoctlDispatch.Ucmd c, UserArg arg) {
        return c.index() == 0 ? create(k, c.copy(), arg, c.userSize()) : retrieve(k, c.copy(), arg, c.userSize());
    }

    /** luo_ioctl_create_session: on a failed reply the file is fput and its release removes the session. */
    private static Outcome<IoctlResult> create(Kernel k, byte[] struct, UserArg arg, long usize) {
        int id = k.outgoing.create(struct, SessionIoctlArg.NAME_OFFSET, k.serializeLockHeld);
        if (!IdResult.isOk(id)) {
            return IdResult.outcome(id);
        }
        if (UserCopy.respond(arg, usize, SessionIoctlArg.SIZE).isPresent()) {
            k.outgoing.release(k.outgoing.session(id));
            return Outcome.err(Errno.EFAULT);
        }
        return Outcome.ok(IoctlResult.fd(k.fds.installSession(k.outgoing.table(), id)));
    }

    /** luo_ioctl_retrieve_session: on a failed reply, the variant decides what the fput does (ErrorUndo). */
    private static Outcome<IoctlResult> retrieve(Kernel k, byte[] struct, UserArg arg, long usize) {
        if (k.serializeLockHeld) {
            return Outcome.hung(); // luo_session_retrieve takes the serialize rwsem for read first
        }
        int id = k.incoming.retrieve(struct, SessionIoctlArg.NAME_OFFSET);
        if (!IdResult.isOk(id)) {
            return IdResult.outcome(id);
        }
        if (UserCopy.respond(arg, usize, SessionIoctlArg.SIZE).isPresent()) {
            Session s = k.incoming.session(id);
            if (k.variant.errorUndo().releaseOnRetrieveReplyFault()) {
                k.incoming.release(s);
            } else {
                s.setRetrieved(false);
            }
            return Outcome.err(Errno.EFAULT);
        }
        return Outcome.ok(IoctlResult.fd(k.fds.installSession(k.incoming.table(), id)));
    }
}
