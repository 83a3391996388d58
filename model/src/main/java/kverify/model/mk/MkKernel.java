package kverify.model.mk;

/**
 * The contract of a kernel with the multikernel RFC applied, as seen from user space and from
 * the hardware: calls in, outcomes, events and machine state out. The reference model and every
 * implementation variant implement it; properties see only this interface.
 */
public interface MkKernel {

    Machine machine();

    /**
     * Runs one operation to its end. A {@link MkOp.Concurrent} op runs its two calls
     * interleaved by its schedule; the reference model runs them atomically, first then second.
     * Once the kernel halted, every call is {@link Call#NOT_RUN} and nothing changes.
     */
    StepResult apply(MkOp op);

    MkState state();

    /** An independent copy with the same state (used to explore serial orders of concurrent calls). */
    MkKernel copy();

    /**
     * The atomic steps the last operation took, as "task:step" (for example "1:online-check"),
     * so properties can tell which interleaving points a schedule reached. Empty for a kernel
     * whose calls are atomic, like the reference model.
     */
    default java.util.List<String> lastSteps() {
        return java.util.List.of();
    }
}
