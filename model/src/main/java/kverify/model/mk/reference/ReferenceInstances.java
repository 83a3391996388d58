package kverify.model.mk.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.CpuState;
import kverify.model.mk.ImageInfo;
import kverify.model.mk.InstanceInfo;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkOp;
import kverify.model.mk.PhysRange;

/**
 * RFC v2's instances as the contract states them (docs/versions-multikernel.md V1-V12): a device
 * tree upload creates one instance or fails whole with the reason; its memory is carved from the
 * multikernel pool (the machine's first mk-reserved range) and returned when it is removed or
 * its image is freed; its CPUs belong to it alone and go offline for the host.
 */
final class ReferenceInstances {
    private final ReferenceMk k;
    private ReferencePool mainPool = new ReferencePool();
    final TreeMap<String, Inst> byName = new TreeMap<>();

    /** One instance: its pool and, while one is loaded, its image. */
    static final class Inst {
        final String name;
        final int id;
        final TreeSet<Integer> cpus;
        final ReferencePool pool;
        ImageInfo image;
        List<PhysRange> allocations = List.of();

        Inst(String name, int id, TreeSet<Integer> cpus, ReferencePool pool) {
            this.name = name;
            this.id = id;
            this.cpus = cpus;
            this.pool = pool;
        }
    }

    ReferenceInstances(ReferenceMk k) {
        this.k = k;
        if (!k.m.mkReserved().isEmpty()) {
            mainPool.addChunk(k.m.mkReserved().get(0));
        }
    }

    Inst byId(int id) {
        return byName.values().stream().filter(i -> i.id == id).findFirst().orElse(null);
    }

    Call upload(MkOp.DtUpload op) {
        TreeSet<Integer> cpus = new TreeSet<>(op.cpus());
        Errno e = byName.containsKey(op.name()) || byId(op.id()) != null ? Errno.EEXIST
                : op.id() <= 0 || op.id() > (MkConst.KEXEC_MK_ID_MASK >> MkConst.KEXEC_MK_ID_SHIFT) ? Errno.EINVAL
                : (op.memoryBytes() & ~MkConst.PAGE_MASK) != 0 || cpus.stream().anyMatch(c -> c >= k.m.nrCpuIds()) ? Errno.EINVAL
                : cpus.stream().anyMatch(c -> owner(c) != null || k.cpus.get(c).owner() == CpuState.Owner.GUEST) ? Errno.EBUSY
                : hostCpusLeft(cpus) == 0 ? Errno.EBUSY : null;
        if (e != null) {
            return Call.err(e);
        }
        ReferencePool pool = new ReferencePool();
        if (op.memoryBytes() > 0 && !carve(pool, op.memoryBytes())) {
            return Call.err(Errno.ENOMEM);
        }
        cpus.forEach(c -> k.cpus.set(c, CpuState.none()));
        byName.put(op.name(), new Inst(op.name(), op.id(), cpus, pool));
        return Call.ok();
    }

    private Inst owner(int cpu) {
        return byName.values().stream().filter(i -> i.cpus.contains(cpu)).findFirst().orElse(null);
    }

    private long hostCpusLeft(TreeSet<Integer> giving) {
        long left = 0;
        for (int c = 0; c < k.cpus.size(); c++) {
            left += k.cpus.get(c).owner() == CpuState.Owner.HOST && !giving.contains(c) ? 1 : 0;
        }
        return left;
    }

    /** multikernel_create_instance_pool(): the whole size, else 1 MiB, 256 KiB, then one-page chunks, first fit. */
    private boolean carve(ReferencePool pool, long size) {
        List<PhysRange> got = new ArrayList<>();
        long remaining = size;
        while (remaining > 0) {
            long chunk = remaining;
            long base = mainPool.alloc(chunk);
            for (long smaller : new long[] {1 << 20, 256 << 10, MkConst.PAGE_SIZE}) {
                if (base < 0 && chunk > smaller) {
                    chunk = smaller;
                    base = mainPool.alloc(chunk);
                }
            }
            if (base < 0) {
                got.forEach(mainPool::free);
                return false;
            }
            got.add(new PhysRange(base, base + chunk));
            pool.addChunk(new PhysRange(base, base + chunk));
            remaining -= chunk;
        }
        return true;
    }

    Call remove(MkOp.InstanceRemove op) {
        Inst i = byName.get(op.name());
        if (i == null) {
            return Call.err(Errno.ENOENT);
        }
        if (i.image != null) {
            return Call.err(Errno.EBUSY);
        }
        i.pool.chunksInAddOrder().forEach(mainPool::free);
        byName.remove(op.name());
        return Call.ok();
    }

    /** Places ranges of these sizes in order in the instance pool (first fit); null, with nothing taken, if one does not fit. */
    List<PhysRange> place(Inst i, List<Long> sizes) {
        List<PhysRange> got = new ArrayList<>();
        for (long size : sizes) {
            long at = i.pool.alloc(size);
            if (at < 0) {
                got.forEach(i.pool::free);
                return null;
            }
            got.add(new PhysRange(at, at + size));
        }
        return got;
    }

    /** The image is gone: its pool memory returns and the instance is ready again. */
    void imageFreed(ImageInfo image) {
        for (Inst i : byName.values()) {
            if (i.image != null && i.image.id() == image.id()) {
                i.allocations.forEach(i.pool::free);
                i.allocations = List.of();
                i.image = null;
            }
        }
    }

    List<InstanceInfo> state() {
        List<InstanceInfo> out = new ArrayList<>();
        for (Inst i : byName.values()) {
            InstanceInfo.Status s = i.image == null ? InstanceInfo.Status.READY
                    : k.isRunning(i.image) ? InstanceInfo.Status.ACTIVE : InstanceInfo.Status.LOADING;
            out.add(new InstanceInfo(i.name, i.id, List.copyOf(i.cpus), i.pool.chunksInAddOrder(), i.image == null ? 0 : i.image.id(), s));
        }
        return out;
    }

    ReferenceInstances copy(ReferenceMk into) {
        ReferenceInstances c = new ReferenceInstances(into);
        c.mainPool = mainPool.copy();
        for (Inst i : byName.values()) {
            Inst j = new Inst(i.name, i.id, new TreeSet<>(i.cpus), i.pool.copy());
            j.image = i.image;
            j.allocations = i.allocations;
            c.byName.put(j.name, j);
        }
        return c;
    }
}
