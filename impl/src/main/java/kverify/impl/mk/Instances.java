package kverify.impl.mk;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import kverify.model.mk.InstanceInfo;
import kverify.model.mk.Machine;
import kverify.model.mk.PhysRange;

/**
 * RFC v2's instance registry (kernel/multikernel/core.c, kernfs.c, mem.c of "[RFC Patch v2
 * 08/16] multikernel: Introduce device-tree based kernfs interface" and 06/16): the global
 * multikernel pool (the machine's first mk-reserved range, as mkkernel_pool=size@addr), the
 * instance list by name and the id allocator (mk_instance_idr).
 */
final class Instances {
    /** struct mk_instance, as far as the interface shows it. */
    static final class Instance {
        final String name;
        final int id;
        final TreeSet<Integer> cpus;
        /** The instance pool, or null when the device tree named no memory. */
        final GenPool pool;
        InstanceInfo.Status status = InstanceInfo.Status.READY;
        /** instance->kimage: the image loaded for it, which a failed load can leave dangling. */
        Kimage kimage;
        boolean kimageFreed;
        /** Pool allocations of the loaded image (segments, control and swap page). */
        List<PhysRange> allocations = List.of();

        Instance(String name, int id, TreeSet<Integer> cpus, GenPool pool) {
            this.name = name;
            this.id = id;
            this.cpus = cpus;
            this.pool = pool;
        }

        Instance copy() {
            Instance c = new Instance(name, id, new TreeSet<>(cpus), pool == null ? null : pool.copy());
            c.status = status;
            c.kimage = kimage;
            c.kimageFreed = kimageFreed;
            c.allocations = allocations;
            return c;
        }
    }

    GenPool mainPool = new GenPool();
    final TreeMap<String, Instance> byName = new TreeMap<>();
    final TreeMap<Integer, Instance> byId = new TreeMap<>();

    Instances(Machine m) {
        if (!m.mkReserved().isEmpty()) {
            mainPool.add(m.mkReserved().get(0));
        }
    }

    /**
     * kimage_free() of an instance's image: 09/16 clears the cross-reference and sets the instance
     * READY; only the contract also returns the image's pool allocations.
     */
    void imageFreed(Kimage image, boolean releasePool) {
        for (Instance i : byName.values()) {
            if (i.kimage == image) {
                if (releasePool) {
                    i.allocations.forEach(r -> i.pool.free(r.start(), r.size()));
                }
                i.allocations = List.of();
                i.kimage = null;
                i.status = InstanceInfo.Status.READY;
            }
        }
    }

    /** Instances as the state shows them, by name. */
    List<InstanceInfo> snapshot(java.util.function.Predicate<Kimage> running) {
        List<InstanceInfo> out = new ArrayList<>();
        for (Instance i : byName.values()) {
            int imageId = i.kimage == null || i.kimageFreed ? 0 : i.kimage.id;
            out.add(new InstanceInfo(i.name, i.id, List.copyOf(i.cpus), i.pool == null ? List.of() : i.pool.chunkRanges(), imageId, i.status));
        }
        return out;
    }

    /** multikernel_create_instance_pool(): the whole size, else 1 MiB, 256 KiB, then one-page chunks, first fit; null when it cannot. */
    GenPool carve(long size) {
        GenPool pool = new GenPool();
        long remaining = size;
        while (remaining > 0) {
            long chunk = remaining;
            long base = mainPool.alloc(chunk);
            for (long smaller : new long[] {1 << 20, 256 << 10, kverify.model.mk.MkConst.PAGE_SIZE}) {
                if (base == 0 && chunk > smaller) {
                    chunk = smaller;
                    base = mainPool.alloc(chunk);
                }
            }
            if (base == 0) {
                pool.chunkRanges().forEach(r -> mainPool.free(r.start(), r.size()));
                return null;
            }
            pool.add(new PhysRange(base, base + chunk));
            remaining -= chunk;
        }
        return pool;
    }

    Instances copy(Machine m) {
        Instances c = new Instances(m);
        c.mainPool = mainPool.copy();
        for (Instance i : byName.values()) {
            Instance j = i.copy();
            c.byName.put(j.name, j);
        }
        byId.forEach((id, i) -> c.byId.put(id, c.byName.get(i.name)));
        return c;
    }
}
