package kverify.model.mk;

import java.util.List;

/**
 * The machine state the model and every implementation must agree on after each call:
 * physical memory, who owns each possible CPU, the locks still held, the images the kernel keeps
 * a record of (loaded or running, ascending id), whether the kernel still runs, the
 * remaining kexec load limits, and the RAM whose direct-map mapping is read-only (what
 * arch_kexec_protect_crashkres() marked) and, in RFC v2, the multikernel instances by name.
 */
public record MkState(MemoryImage memory, List<CpuState> cpus, List<Lock> locksHeld, List<ImageInfo> images, Halt halt,
        int loadLimitReboot, int loadLimitPanic, RangeSet readOnly, List<InstanceInfo> instances) {
    public MkState {
        cpus = List.copyOf(cpus);
        locksHeld = List.copyOf(locksHeld);
        images = List.copyOf(images);
        instances = List.copyOf(instances);
    }

    /** The first aspect in which two states differ ("memory", "cpus", ...), or null if equal. */
    public String firstDifference(MkState o) {
        if (!halt.equals(o.halt)) {
            return "halt";
        } else if (!locksHeld.equals(o.locksHeld)) {
            return "locks";
        } else if (!cpus.equals(o.cpus)) {
            return "cpus";
        } else if (!images.equals(o.images)) {
            return "images";
        } else if (loadLimitReboot != o.loadLimitReboot || loadLimitPanic != o.loadLimitPanic) {
            return "load limits";
        } else if (!instances.equals(o.instances)) {
            return "instances";
        } else if (!readOnly.equals(o.readOnly)) {
            return "read-only memory";
        } else if (!memory.equals(o.memory)) {
            return "memory";
        }
        return null;
    }

    public String describe() {
        return "halt=" + halt + " locks=" + locksHeld + " cpus=" + cpus + " images=" + images
                + " limits=" + loadLimitReboot + "/" + loadLimitPanic + " read-only=" + readOnly + (instances.isEmpty() ? "" : " instances=" + instances) + " memory=" + memory;
    }
}
