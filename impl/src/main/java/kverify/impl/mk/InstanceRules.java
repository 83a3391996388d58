package kverify.impl.mk;

import java.util.TreeSet;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.Halt;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkOp;

/**
 * Writing a device tree to /sys/fs/multikernel/device_tree and removing an instance directory.
 * RFC v1 has neither file (ENOENT).
 */
interface InstanceRules {

    Call upload(KState k, MkOp.DtUpload op);

    Call remove(KState k, MkOp.InstanceRemove op);

    /** The contract for RFC v2's interface (docs/versions-multikernel.md V5-V7). */
    InstanceRules CORRECTED = new CorrectedInstances();

    /** RFC v1: no multikernel filesystem. */
    InstanceRules NONE = new InstanceRules() {
        @Override
        public Call upload(KState k, MkOp.DtUpload op) {
            return Call.err(Errno.ENOENT);
        }

        @Override
        public Call remove(KState k, MkOp.InstanceRemove op) {
            return Call.err(Errno.ENOENT);
        }
    };

    /**
     * RFC v2 08/16 as posted: root_device_tree_write() returns the byte count whatever happens to
     * the instance (an existing name is left alone; parse, pool and id failures only log);
     * mk_instance_reserve_resources() takes the CPUs offline with remove_cpu() and keeps them
     * assigned when that fails; a duplicate id makes idr_alloc() fail after the pool was carved
     * and the CPUs were taken offline, and the cleanup frees neither; rmdir refuses an instance
     * that is loading or active, and the last put destroys its pool, which BUG()s while an
     * allocation is outstanding.
     */
    InstanceRules POSTED = new InstanceRules() {
        @Override
        public Call upload(KState k, MkOp.DtUpload op) {
            Instances in = k.instances;
            if (in.byName.containsKey(op.name())) {
                return Call.ok(); // "already exists, updating DTB": nothing is updated
            }
            if ((op.memoryBytes() & ~MkConst.PAGE_MASK) != 0 || op.cpus().stream().anyMatch(c -> c >= k.m.nrCpuIds())) {
                return Call.ok(); // mk_dt_parse() failed: logged
            }
            GenPool pool = op.memoryBytes() == 0 ? null : in.carve(op.memoryBytes());
            if (op.memoryBytes() != 0 && pool == null) {
                return Call.ok(); // mk_instance_reserve_memory() failed: logged
            }
            TreeSet<Integer> cpus = new TreeSet<>(op.cpus());
            for (int cpu : cpus) {
                if (k.cpus.online(cpu) && k.cpus.onlineCount() > 1) {
                    k.cpus.takeDown(cpu); // remove_cpu(); the last online CPU stays (EBUSY, logged)
                }
            }
            if (op.id() < 0 || in.byId.containsKey(op.id())) {
                return Call.ok(); // idr_alloc() failed: pool and offlined CPUs are leaked
            }
            Instances.Instance i = new Instances.Instance(op.name(), op.id(), cpus, pool);
            in.byName.put(i.name, i);
            in.byId.put(i.id, i);
            return Call.ok();
        }

        @Override
        public Call remove(KState k, MkOp.InstanceRemove op) {
            Instances.Instance i = k.instances.byName.get(op.name());
            if (i == null) {
                return Call.err(Errno.ENOENT);
            }
            if (i.status == kverify.model.mk.InstanceInfo.Status.ACTIVE || i.status == kverify.model.mk.InstanceInfo.Status.LOADING) {
                return Call.err(Errno.EBUSY);
            }
            k.instances.byName.remove(i.name);
            k.instances.byId.remove(i.id);
            if (i.pool != null) {
                i.pool.chunkRanges().forEach(r -> k.instances.mainPool.free(r.start(), r.size()));
                if (i.pool.hasAllocations()) {
                    k.halt = Halt.oops(0, "gen_pool_destroy: BUG_ON, instance " + i.name + " pool still has allocations");
                    return Call.HALTED;
                }
            }
            return Call.ok();
        }
    };
}
