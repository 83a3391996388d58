package kverify.model.luo;

import kverify.model.Outcome;
import kverify.model.Outcome.Unit;

/**
 * The contract of LUO as user space drives it, over one live update or several (decision 37): the system calls of
 * docs/luo.md ("every call in every phase"). Both the reference model and the byte-level
 * implementation implement it; properties see only this.
 *
 * <p>File descriptors are the kernel's numbers (each system allocates the lowest free number from
 * 3, as a fresh process's fd table does); the system's {@link Process} maps the names a trace
 * gives them. A call that is not valid in the current {@link Phase} (see {@link LuoOp#validIn}) is
 * a harness error and throws {@link IllegalStateException}; it never happens in a generated trace.
 *
 * <p>The name-based methods at the end are the operation language of trace format v1 (one user
 * program holding /dev/liveupdate and one fd per session, named by the session); they are
 * written once, in {@link LegacyUser}, on top of the calls.
 */
public interface LuoSystem {

    Phase phase();

    /** The abstract state, for comparison after every step. */
    LuoState state();

    /** The user space of the kernel running now: what the trace's handles are bound to. */
    Process process();

    /** open("/dev/liveupdate"): exclusive (EBUSY while held); the first open deserializes (EIO on failure). */
    Outcome<Integer> open();

    /** close(fd): EBADF if not open; releasing a session fd unpreserves (outgoing) or finishes (incoming) it. */
    Outcome<Unit> close(int fd);

    /** A file user space makes (memfd_create, or opening a device no handler accepts). */
    Outcome<Integer> newFile(FileSpec spec);

    /** ioctl(fd, cmd, arg) with the argument as the user memory it points at. */
    Outcome<IoctlResult> ioctl(int fd, long cmd, UserArg arg);

    /** Loading the module of a test handler (it registers the handler): EEXIST if loaded. */
    Outcome<Unit> loadModule(HandlerKind kind);

    /** delete_module of a test handler: ENOENT if not loaded, EAGAIN while a file pins it. */
    Outcome<Unit> unloadModule(HandlerKind kind);

    /** reboot(KEXEC) with live update, in any running kernel: serialize its outgoing sessions, then kexec; the fault's errno on failure. */
    Outcome<Unit> reboot(RebootFault fault);

    /** Early boot of the next kernel: find the session node in the handover and walk the block chain. */
    Outcome<Unit> setup();

    /** Fault data (decision 35): the nth allocation of this kind from now fails with ENOMEM, once. */
    Outcome<Unit> failAllocation(AllocKind kind, int nth);

    /** reboot(KEXEC) of a preserve-context image: serialize, then return in this kernel (decision 36). */
    Outcome<Unit> rebootReturning(RebootFault fault, java.util.Optional<kverify.model.Errno> then);

    /**
     * Several tasks' calls at once (decision 39). Here: one serial order, the tasks in their
     * order, as the contract allows (the implementation interleaves them at its lock points).
     */
    default Outcome<LuoConcurrent.Ends> concurrent(LuoConcurrent op) {
        return Outcome.ok(LuoSerialOrders.run(this, op, LuoSerialOrders.identity(op.calls().size())));
    }

    // The operation language of trace format v1, on top of the calls above.

    /** LIVEUPDATE_IOCTL_CREATE_SESSION through the program's /dev/liveupdate. */
    default Outcome<Unit> createSession(String name) {
        return LegacyUser.createSession(this, name);
    }

    /** Releasing the session fd. Outgoing: unpreserves its files. Incoming: finishes it first. */
    default Outcome<Unit> closeSession(String name) {
        return LegacyUser.closeSession(this, name);
    }

    /** LIVEUPDATE_SESSION_PRESERVE_FD of a new file of that kind, which the program then closes. */
    default Outcome<Unit> preserveFile(String session, long token, HandlerKind kind, long data) {
        return LegacyUser.preserveFile(this, session, token, kind, data);
    }

    /** First open of /dev/liveupdate in the next kernel. */
    default Outcome<Unit> openDevice() {
        return LegacyUser.openDevice(this);
    }

    /** LIVEUPDATE_IOCTL_RETRIEVE_SESSION; EBADF before the device is open. */
    default Outcome<Unit> retrieveSession(String name) {
        return LegacyUser.retrieveSession(this, name);
    }

    /** LIVEUPDATE_SESSION_RETRIEVE_FD; the program closes the fd it gets. */
    default Outcome<FileImage> retrieveFile(String session, long token) {
        return LegacyUser.retrieveFile(this, session, token);
    }

    /** LIVEUPDATE_SESSION_FINISH. */
    default Outcome<Unit> finish(String session) {
        return LegacyUser.finish(this, session);
    }
}
