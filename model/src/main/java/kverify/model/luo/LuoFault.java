package kverify.model.luo;

import java.util.Objects;
import java.util.Optional;
import kverify.model.Errno;
import kverify.model.Outcome;

/**
 * The operations of the fault space (issue 15, docs/luo.md decisions 34 to 36), as data: an
 * allocation that fails, and a reboot that returns after a successful serialize. Valid in any
 * running kernel.
 */
public sealed interface LuoFault extends LuoOp permits LuoFault.FailAlloc, LuoFault.ReturningReboot {

    @Override
    default boolean validIn(Phase phase) {
        return phase == Phase.OUTGOING || phase == Phase.INCOMING;
    }

    /**
     * Fault injection armed by the user space of the running kernel: the {@code nth} allocation of
     * this kind from now on fails with ENOMEM, once (an earlier armed fault is replaced). It dies
     * with the kernel: a successful reboot drops it.
     */
    record FailAlloc(AllocKind kind, int nth) implements LuoFault {
        public static final int MAX_NTH = 1_000_000;

        public FailAlloc {
            Objects.requireNonNull(kind, "kind");
            if (nth < 1 || nth > MAX_NTH) {
                throw new IllegalArgumentException("nth must be in [1, " + MAX_NTH + "], got " + nth);
            }
        }

        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return s.failAllocation(kind, nth);
        }
    }

    /**
     * reboot(KEXEC) of a preserve-context image (kexec_load with KEXEC_PRESERVE_CONTEXT): the
     * freeze fault as for {@link LuoOp.Reboot}; after a successful serialize the call returns in
     * the same kernel, with 0 (the kexec jump came back) or with {@code then}, the error of a later
     * step of kernel_kexec (freeze_processes: EBUSY; a device suspend's error).
     */
    record ReturningReboot(RebootFault fault, Optional<Errno> then) implements LuoFault {
        public ReturningReboot {
            Objects.requireNonNull(fault, "fault");
            Objects.requireNonNull(then, "then");
        }

        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return s.rebootReturning(fault, then);
        }
    }
}
