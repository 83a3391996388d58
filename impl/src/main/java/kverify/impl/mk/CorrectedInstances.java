package kverify.impl.mk;

import java.util.TreeSet;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkOp;

/**
 * Instance creation and removal as the contract states them: the writer learns why an instance
 * was not created, nothing is taken before every check passed, an instance's CPUs are its own,
 * and removal returns the pool.
 */
final class CorrectedInstances implements InstanceRules {
    private static final int MAX_ID = (int) (MkConst.KEXEC_MK_ID_MASK >> MkConst.KEXEC_MK_ID_SHIFT);

    @Override
    public Call upload(KState k, MkOp.DtUpload op) {
        Instances in = k.instances;
        TreeSet<Integer> cpus = new TreeSet<>(op.cpus());
        Errno e = check(k, op, cpus);
        if (e != null) {
            return Call.err(e);
        }
        GenPool pool = op.memoryBytes() == 0 ? new GenPool() : in.carve(op.memoryBytes());
        if (pool == null) {
            return Call.err(Errno.ENOMEM);
        }
        for (int cpu : cpus) {
            if (k.cpus.online(cpu)) {
                k.cpus.takeDown(cpu);
            }
        }
        Instances.Instance i = new Instances.Instance(op.name(), op.id(), cpus, pool);
        in.byName.put(i.name, i);
        in.byId.put(i.id, i);
        return Call.ok();
    }

    private static Errno check(KState k, MkOp.DtUpload op, TreeSet<Integer> cpus) {
        Instances in = k.instances;
        if (in.byName.containsKey(op.name()) || in.byId.containsKey(op.id())) {
            return Errno.EEXIST;
        }
        if (op.id() <= 0 || op.id() > MAX_ID || (op.memoryBytes() & ~MkConst.PAGE_MASK) != 0
                || cpus.stream().anyMatch(c -> c >= k.m.nrCpuIds())) {
            return Errno.EINVAL;
        }
        boolean taken = cpus.stream().anyMatch(c -> in.byName.values().stream().anyMatch(i -> i.cpus.contains(c)) || k.images.guestOn(c));
        long hostLeft = 0;
        for (int c = 0; c < k.m.nrCpuIds(); c++) {
            hostLeft += k.cpus.online(c) && !cpus.contains(c) ? 1 : 0;
        }
        return taken || hostLeft == 0 ? Errno.EBUSY : null;
    }

    @Override
    public Call remove(KState k, MkOp.InstanceRemove op) {
        Instances.Instance i = k.instances.byName.get(op.name());
        if (i == null) {
            return Call.err(Errno.ENOENT);
        }
        if (i.kimage != null) {
            return Call.err(Errno.EBUSY);
        }
        k.instances.byName.remove(i.name);
        k.instances.byId.remove(i.id);
        i.pool.chunkRanges().forEach(r -> k.instances.mainPool.free(r.start(), r.size()));
        return Call.ok();
    }
}
