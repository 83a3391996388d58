package kverify.impl.mk;

/**
 * How the reboot paths of a variant end: whether a faulting argument still releases
 * system_transition_mutex, and whether a kexec reboot or a CPU online refuses to touch CPUs
 * that run another kernel.
 */
record RebootRules(boolean releaseMutexOnArgFault, boolean refuseKexecWhileGuestsRun, boolean refuseOnliningGuestCpu) {

    /** RFC 1/7 (and 6/7): {@code return -EFAULT} inside the locked switch; no record of guests. */
    static final RebootRules AS_POSTED = new RebootRules(false, false, false);

    /** The contract (D6, D14, D2). */
    static final RebootRules CORRECTED = new RebootRules(true, true, true);
}
