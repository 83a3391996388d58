package kverify.model.mk;

import java.util.List;

/**
 * A multikernel instance (RFC v2 08/16) as the kernel keeps a record of it: its name and id from
 * the device tree, the CPUs assigned to it, the memory carved for its pool from the multikernel
 * pool, the image loaded for it (0 for none) and the state its {@code status} file shows.
 */
public record InstanceInfo(String name, int id, List<Integer> cpus, List<PhysRange> pool, int imageId, Status status) {
    /** enum mk_instance_state, as the status file prints it. */
    public enum Status { EMPTY, READY, LOADING, ACTIVE, FAILED }

    public InstanceInfo {
        cpus = List.copyOf(cpus);
        pool = List.copyOf(pool);
    }

    @Override
    public String toString() {
        return name + "#" + id + " cpus=" + cpus + " pool=" + pool + (imageId == 0 ? "" : " image#" + imageId) + " "
                + status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
