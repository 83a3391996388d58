package kverify.impl.luo;

/**
 * The order in which a session's close and an incoming session's retrieve take the session-list
 * rwsem and the session's mutex (docs/luo.md, "Concurrent calls", the tables of v1's and v7's lock
 * points). The posted v1 order leaves a window between the two locks in both calls; v7's base code
 * closes it in retrieve only; the corrected order takes the list first and the session's mutex
 * inside it in both, the order luo_session_serialize itself uses (list, then each session).
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
    MUTEX_THEN_LIST(false, RetrieveList.DROPPED_BEFORE_MUTEX),
    /**
     * v7 as applied (torvalds/linux 637315cb kernel/liveupdate/luo_session.c, code of the series'
     * base that no v7 patch changes): the release keeps v1's order (scoped_guard(mutex) around
     * luo_file_unpreserve_files, then luo_session_remove's guard(rwsem_write)), but
     * luo_session_retrieve holds guard(rwsem_read)(&sh->rwsem) to its return, across its
     * guard(mutex), so a release's luo_session_remove waits for it.
     */
    V7_AS_APPLIED(false, RetrieveList.HELD_TO_RETURN),
    /** The correction: the list rwsem held across the session's mutex in both calls. */
    LIST_AROUND_MUTEX(true, RetrieveList.DROPPED_AFTER_MUTEX_TAKEN);

    /** When retrieve lets go of the incoming list's rwsem (read side). */
    enum RetrieveList {
        /** After the lookup, before the session's mutex is taken (the window of LUO-15). */
        DROPPED_BEFORE_MUTEX,
        /** As soon as the session's mutex is held. */
        DROPPED_AFTER_MUTEX_TAKEN,
        /** At the call's return, after the session's mutex (the guards' reverse order). */
        HELD_TO_RETURN
    }

    private final boolean closeTakesListFirst;
    private final RetrieveList retrieveList;

    SessionLocking(boolean closeTakesListFirst, RetrieveList retrieveList) {
        this.closeTakesListFirst = closeTakesListFirst;
        this.retrieveList = retrieveList;
    }

    /** Whether close holds the list rwsem while it takes the session's mutex. */
    boolean closeTakesListFirst() {
        return closeTakesListFirst;
    }

    RetrieveList retrieveList() {
        return retrieveList;
    }
}
