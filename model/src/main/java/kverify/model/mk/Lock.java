package kverify.model.mk;

/** The locks the calls take; a call that returns must have released every one it took. */
public enum Lock {
    /** kernel/reboot.c, held by reboot() around the command switch and by suspend. */
    SYSTEM_TRANSITION_MUTEX,
    /** kexec_trylock()/kexec_unlock(): the atomic kexec_lock of kexec_core.c. */
    KEXEC_LOCK,
    /** cpus_read_lock()/cpus_write_lock(): the CPU hotplug percpu rwsem. */
    CPU_HOTPLUG_LOCK
}
