package kverify.impl.luo;

/**
 * What luo_session_serialize leaves of luo_session_serialize_rwsem when it succeeds. The session
 * calls (create, retrieve, every session ioctl, a session file's release) take it for read, and
 * serialize takes it for write; a reboot that returns after a successful serialize (decision 36)
 * goes on in the same kernel, so a write lock left held blocks every later one of them, and the
 * next reboot, for ever (docs/versions-luo.md, "luo_session_serialize_rwsem").
 */
public enum SerializeLock {
    /** v1: no such lock. luo_session_serialize at 7d538a77 takes only the outgoing rwsem, with a guard that releases it. */
    NONE(false),
    /**
     * v7 as applied: up_write(&luo_session_serialize_rwsem) is on the error path only (torvalds/linux
     * 637315cb kernel/liveupdate/luo_session.c; its DOC: "On success, the write lock is held
     * indefinitely to freeze the subsystem").
     */
    HELD_AFTER_SUCCESS(true),
    /**
     * The contract: serialize holds it, so no session call changes a session it froze (v1's
     * CORRECTED takes it over from v7, docs/luo.md "Concurrent calls"); a reboot that returns
     * leaves LUO working, so serialize's caller releases the lock when the reboot comes back.
     */
    RELEASED_WHEN_REBOOT_RETURNS(false);

    private final boolean heldAfterReturn;

    SerializeLock(boolean heldAfterReturn) {
        this.heldAfterReturn = heldAfterReturn;
    }

    /**
     * Whether the variant has the lock at all: then every session call takes it for read and
     * serialize for write, lock points of a concurrent step (docs/luo.md, "Concurrent calls").
     */
    boolean exists() {
        return this != NONE;
    }

    /** Whether the lock is still write-held once a reboot that serialized has returned to user space. */
    boolean heldAfterReturn() {
        return heldAfterReturn;
    }
}
