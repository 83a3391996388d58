package kverify.model.mk;

/** Things a call did to the hardware that the outcome alone does not show. */
public sealed interface MkEvent {

    /** An INIT/SIPI (or wake-up hook) sent CPU {@code cpu} to the entry point of image {@code imageId}. */
    record Kick(int cpu, int imageId) implements MkEvent {
        @Override
        public String toString() {
            return "kick cpu " + cpu + " into image #" + imageId;
        }
    }

    /** A read of bit {@code bit} (unsigned) of a cpumask bitmap that has only NR_CPUS bits. */
    record OutOfBoundsRead(String bitmap, long bit) implements MkEvent {
        @Override
        public String toString() {
            return "out-of-bounds read of " + bitmap + " bit " + Long.toUnsignedString(bit);
        }
    }
}
