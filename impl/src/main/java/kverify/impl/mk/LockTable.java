package kverify.impl.mk;

import java.util.ArrayList;
import java.util.List;
import kverify.model.mk.Lock;

/**
 * The three locks of the start path, owned by task ids (0 = free). A task that returns while
 * still owning a lock leaves it held for ever, and later tasks block on it.
 */
final class LockTable {
    private int transitionMutex;
    private int kexecLock;
    private final List<Integer> hotplugReaders = new ArrayList<>();
    private int hotplugWriter;

    boolean mutexFree() {
        return transitionMutex == 0;
    }

    void mutexLock(int task) {
        check(mutexFree(), "system_transition_mutex is held by task " + transitionMutex);
        transitionMutex = task;
    }

    void mutexUnlock(int task) {
        check(transitionMutex == task, "task " + task + " unlocks a system_transition_mutex it does not hold");
        transitionMutex = 0;
    }

    /** kexec_trylock(): never blocks. */
    boolean kexecTrylock(int task) {
        if (kexecLock != 0) {
            return false;
        }
        kexecLock = task;
        return true;
    }

    void kexecUnlock(int task) {
        check(kexecLock == task, "task " + task + " unlocks a kexec_lock it does not hold");
        kexecLock = 0;
    }

    boolean canReadLockCpus() {
        return hotplugWriter == 0;
    }

    void cpusReadLock(int task) {
        check(canReadLockCpus(), "cpu hotplug lock is write-held by task " + hotplugWriter);
        hotplugReaders.add(task);
    }

    void cpusReadUnlock(int task) {
        check(hotplugReaders.remove(Integer.valueOf(task)), "task " + task + " read-unlocks cpus without holding them");
    }

    boolean canWriteLockCpus() {
        return hotplugWriter == 0 && hotplugReaders.isEmpty();
    }

    void cpusWriteLock(int task) {
        check(canWriteLockCpus(), "cpu hotplug lock is busy");
        hotplugWriter = task;
    }

    void cpusWriteUnlock(int task) {
        check(hotplugWriter == task, "task " + task + " write-unlocks cpus without holding them");
        hotplugWriter = 0;
    }

    List<Lock> held() {
        List<Lock> out = new ArrayList<>();
        if (transitionMutex != 0) {
            out.add(Lock.SYSTEM_TRANSITION_MUTEX);
        }
        if (kexecLock != 0) {
            out.add(Lock.KEXEC_LOCK);
        }
        if (hotplugWriter != 0 || !hotplugReaders.isEmpty()) {
            out.add(Lock.CPU_HOTPLUG_LOCK);
        }
        return out;
    }

    LockTable copy() {
        LockTable c = new LockTable();
        c.transitionMutex = transitionMutex;
        c.kexecLock = kexecLock;
        c.hotplugReaders.addAll(hotplugReaders);
        c.hotplugWriter = hotplugWriter;
        return c;
    }

    /** A lock misuse is a bug in this simulation, not in the kernel under test. */
    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
