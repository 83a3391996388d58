package kverify.model.luo;

import kverify.model.Outcome;
import kverify.model.Outcome.Unit;

/**
 * The contract of LUO sessions and files over one live update, as user space drives it. Both the
 * reference model and the byte-level implementation implement it; properties see only this.
 *
 * <p>Operations that name a session act through that session's file descriptor: if user space
 * holds none (never created, already closed, not retrieved), the result is EBADF. An operation
 * that is not valid in the current {@link Phase} (see {@link LuoOp#validIn}) is a harness error
 * and throws {@link IllegalStateException}; it never happens in a generated trace.
 */
public interface LuoSystem {

    Phase phase();

    /** The abstract state, for comparison after every step. */
    LuoState state();

    // Outgoing kernel.

    /** LIVEUPDATE_IOCTL_CREATE_SESSION. EEXIST for a duplicate name, ENOSPC beyond the session limit. */
    Outcome<Unit> createSession(String name);

    /** Releasing the session fd. Outgoing: unpreserves its files. Incoming: finishes it first. */
    Outcome<Unit> closeSession(String name);

    /** LIVEUPDATE_SESSION_PRESERVE_FD. EEXIST for a token already in the session, ENOSPC beyond the file limit. */
    Outcome<Unit> preserveFile(String session, long token, HandlerKind kind, long data);

    /** reboot(KEXEC) with live update: serialize every session, then kexec; the fault's errno on failure. */
    Outcome<Unit> reboot(RebootFault fault);

    // Next kernel.

    /** Early boot: find the session node in the handover and walk the block chain. */
    Outcome<Unit> setup();

    /** First open of /dev/liveupdate deserializes; EIO if that fails, EBUSY if already open. */
    Outcome<Unit> openDevice();

    /** LIVEUPDATE_IOCTL_RETRIEVE_SESSION. ENOENT if unknown, EINVAL if already retrieved. */
    Outcome<Unit> retrieveSession(String name);

    /** LIVEUPDATE_SESSION_RETRIEVE_FD. ENOENT if the token is unknown; repeating it returns the same file. */
    Outcome<FileImage> retrieveFile(String session, long token);

    /** LIVEUPDATE_SESSION_FINISH: the handlers finish every file and the session's files are gone. */
    Outcome<Unit> finish(String session);
}
