package kverify.model.mk;

/**
 * One struct kexec_segment as user space passes it (buf @0, bufsz @8, mem @16, memsz @24),
 * with the user buffer itself. All four numbers are unsigned longs held in Java longs.
 */
public record Segment(long mem, long memsz, long bufsz, UserBuffer buffer) {

    /** mem + memsz, wrapping like the kernel's unsigned long arithmetic. */
    public long memEnd() {
        return mem + memsz;
    }

    /** The destination range; only meaningful once the kernel's range checks passed. */
    public PhysRange range() {
        return new PhysRange(mem, memEnd());
    }
}
