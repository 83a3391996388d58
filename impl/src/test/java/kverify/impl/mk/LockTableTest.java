package kverify.impl.mk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kverify.model.mk.Lock;
import org.junit.jupiter.api.Test;

/**
 * The lock table refuses every misuse loudly: a task program that takes a held lock or releases
 * one it does not own is a bug in the simulation, and must not pass as a kernel outcome.
 */
class LockTableTest {

    @Test
    void theTransitionMutexIsExclusiveAndOnlyItsOwnerReleasesIt() {
        LockTable t = new LockTable();
        t.mutexLock(1);
        assertThat(t.mutexFree()).isFalse();
        assertThatThrownBy(() -> t.mutexLock(2)).isInstanceOf(IllegalStateException.class)
                .hasMessage("system_transition_mutex is held by task 1");
        assertThatThrownBy(() -> t.mutexUnlock(2)).isInstanceOf(IllegalStateException.class)
                .hasMessage("task 2 unlocks a system_transition_mutex it does not hold");
        assertThat(t.held()).containsExactly(Lock.SYSTEM_TRANSITION_MUTEX);
        t.mutexUnlock(1);
        assertThat(t.held()).isEmpty();
    }

    @Test
    void kexecTrylockFailsWhileHeldAndOnlyTheOwnerReleasesIt() {
        LockTable t = new LockTable();
        assertThat(t.kexecTrylock(1)).isTrue();
        assertThat(t.kexecTrylock(2)).isFalse();
        assertThatThrownBy(() -> t.kexecUnlock(2)).isInstanceOf(IllegalStateException.class)
                .hasMessage("task 2 unlocks a kexec_lock it does not hold");
        assertThat(t.held()).containsExactly(Lock.KEXEC_LOCK);
        t.kexecUnlock(1);
        assertThat(t.kexecTrylock(2)).isTrue();
    }

    @Test
    void readersExcludeTheWriterAndTheWriterExcludesReaders() {
        LockTable t = new LockTable();
        t.cpusReadLock(1);
        t.cpusReadLock(2);
        assertThat(t.canReadLockCpus()).isTrue();
        assertThat(t.canWriteLockCpus()).isFalse();
        assertThatThrownBy(() -> t.cpusWriteLock(3)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cpu hotplug lock is busy");
        assertThatThrownBy(() -> t.cpusReadUnlock(3)).isInstanceOf(IllegalStateException.class)
                .hasMessage("task 3 read-unlocks cpus without holding them");
        t.cpusReadUnlock(1);
        t.cpusReadUnlock(2);
        assertThat(t.held()).isEmpty();
        t.cpusWriteLock(3);
        assertThat(t.canReadLockCpus()).isFalse();
        assertThat(t.canWriteLockCpus()).isFalse();
        assertThatThrownBy(() -> t.cpusReadLock(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cpu hotplug lock is write-held by task 3");
        assertThatThrownBy(() -> t.cpusWriteUnlock(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("task 1 write-unlocks cpus without holding them");
        assertThat(t.held()).containsExactly(Lock.CPU_HOTPLUG_LOCK);
        t.cpusWriteUnlock(3);
        assertThat(t.canWriteLockCpus()).isTrue();
    }

    @Test
    void aCopyHoldsTheSameLocksAndIsIndependent() {
        LockTable t = new LockTable();
        t.mutexLock(1);
        t.cpusReadLock(2);
        LockTable c = t.copy();
        assertThat(c.held()).containsExactly(Lock.SYSTEM_TRANSITION_MUTEX, Lock.CPU_HOTPLUG_LOCK);
        c.mutexUnlock(1);
        c.cpusReadUnlock(2);
        assertThat(c.held()).isEmpty();
        assertThat(t.held()).containsExactly(Lock.SYSTEM_TRANSITION_MUTEX, Lock.CPU_HOTPLUG_LOCK);
    }
}
