package kverify.impl.luo;

import kverify.impl.kho.Kho;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.FileSpec;
import kverify.model.luo.IoctlResult;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.UserArg;

/**
 * One running kernel: its KHO, its handler modules, the fd table of the process driving LUO, the
 * device, the sessions it received (set up at early boot) and the ones it will hand over (set up
 * at late init, luo_session_setup_outgoing). The system calls land here.
 */
final class Kernel {
    final Kho kho;
    final LuoGeometry geometry;
    final LuoVariant variant;
    final Handlers handlers = new Handlers();
    final FdTable fds = new FdTable();
    final LuoDevice device = new LuoDevice();
    final IncomingSessions incoming;
    OutgoingSessions outgoing;
    /** luo_session_serialize_rwsem write-held by a serialize whose reboot returned ({@link SerializeLock}): session calls block. */
    boolean serializeLockHeld;
    private int filesMade;

    Kernel(Kho kho, LuoGeometry geometry, LuoVariant variant) {
        this.kho = kho;
        this.geometry = geometry;
        this.variant = variant;
        this.incoming = new IncomingSessions(kho, geometry, variant, handlers);
    }

    /** luo_late_startup: the outgoing session block and FDT node; a failure here would disable live update. */
    void lateInit() {
        Outcome<OutgoingSessions> setup = OutgoingSessions.setup(kho, geometry, variant, incoming.liveupdateNumber());
        if (!setup.isOk()) {
            throw new IllegalStateException("luo_session_setup_outgoing failed at boot: " + setup);
        }
        outgoing = setup.value();
    }

    Outcome<Integer> newFile(FileSpec spec) {
        UserFile f = handlers.newFile("file#" + ++filesMade, spec.handler(), spec.data(), spec.preserveFails());
        return Outcome.ok(fds.install(f));
    }

    /** A session call: under the serialize rwsem's read side where the variant has that lock. */
    <T> T sessionCall(java.util.function.Supplier<T> call) {
        return sessionCall((k, c, unused) -> c.get(), call, null);
    }

    /** A session call as a function of its arguments: a static method reference captures nothing, so a call allocates no closure. */
    interface SessionOp<A, B, T> {
        T run(Kernel k, A a, B b);
    }

    /** {@link #sessionCall(java.util.function.Supplier)} of op(this, a, b). */
    <A, B, T> T sessionCall(SessionOp<A, B, T> op, A a, B b) {
        if (!variant.serializeLock().exists()) {
            return op.run(this, a, b);
        }
        LockPoints.Lock read = LockPoints.Lock.serializeRwsem(false);
        LockPoints.lock(read);
        try {
            return op.run(this, a, b);
        } finally {
            LockPoints.unlock(read);
        }
    }

    /**
     * luo_session_serialize under the serialize rwsem's write side, where the variant has that
     * lock: a failure releases it; a success keeps it, since the kexec follows at once (U5).
     */
    Outcome<Unit> serializeExclusive(kverify.model.luo.RebootFault fault) {
        if (!variant.serializeLock().exists()) {
            return outgoing.serialize(fault);
        }
        LockPoints.Lock write = LockPoints.Lock.serializeRwsem(true);
        LockPoints.lock(write);
        Outcome<Unit> serialized = outgoing.serialize(fault);
        if (!serialized.isOk()) {
            LockPoints.unlock(write);
        }
        return serialized;
    }

    /** close(2): EBADF for an fd not open; the last reference's release runs (its result is not returned). */
    Outcome<Unit> close(int fd) {
        if (fds.get(fd) instanceof Session && serializeLockHeld) {
            return Outcome.hung(); // luo_session_release takes the serialize rwsem for read first
        }
        Object f = fds.remove(fd);
        if (f == null) {
            return Outcome.err(Errno.EBADF);
        }
        if (f instanceof LuoDevice d) {
            d.release();
        } else if (f instanceof Session s) {
            sessionCall(() -> {
                SessionIoctls.release(this, s);
                return null;
            });
        }
        return Outcome.ok();
    }

    /** ioctl(2): EBADF for an fd not open; a file without unlocked_ioctl (a memfd) is ENOTTY. */
    Outcome<IoctlResult> ioctl(int fd, long cmd, UserArg arg) {
        Object f = fds.get(fd);
        if (f == null) {
            return Outcome.err(Errno.EBADF);
        }
        if (f instanceof LuoDevice d) {
            return d.ioctl(this, cmd, arg);
        }
        if (f instanceof Session s) {
            return SessionIoctls.ioctl(this, s, cmd, arg);
        }
        return Outcome.err(Errno.ENOTTY);
    }
}
