package kverify.impl.luo;

/**
 * The order in which a session's close and an incoming session's retrieve take the session-list
 * rwsem and the session's mutex (docs/luo.md, "Concurrent calls"). The posted order leaves a
 * window between the two locks that a concurrent reboot or close can enter; the corrected order
 * takes the list first and the session's mutex inside it, the order luo_session_serialize itself
 * uses (list, then each session), so the two are never held in opposite orders.
 */
public enum SessionLocking {
    /**
     * v1 as posted (kernelorg-mirror/linux_kernel_git_tatashin_linux 7d538a77,
     * kernel/liveupdate/luo_session.c): the release unpreserves the files under the session's
     * mutex and only then takes the list rwsem to unlink it (LUO-14: a serialize that holds the
     * list in between hands the session over without its files); retrieve finds the session
     * under the list rwsem, drops it, then takes the session's mutex (LUO-15: a close in between
     * frees the session retrieve goes on to use).
     */
    MUTEX_THEN_LIST(false),
    /** The correction: the list rwsem held across the session's mutex in both calls. */
    LIST_AROUND_MUTEX(true);

    private final boolean listAroundMutex;

    SessionLocking(boolean listAroundMutex) {
        this.listAroundMutex = listAroundMutex;
    }

    /** Whether close and retrieve hold the list rwsem while they take the session's mutex. */
    boolean listAroundMutex() {
        return listAroundMutex;
    }
}
