package kverify.impl.mk;

import java.util.ArrayList;
import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.Halt;
import kverify.model.mk.ImageType;
import kverify.model.mk.InstanceInfo;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkOp;
import kverify.model.mk.PhysRange;
import kverify.model.mk.Segment;
import kverify.model.mk.UserBuffer;

/**
 * SYSCALL kexec_file_load -> kimage_file_alloc_init -> kexec_add_buffer/kexec_locate_mem_hole ->
 * sanity_check_segment_list -> control and swap pages -> kimage_load_segment -> exchange
 * (kernel/kexec_file.c of the RFC's base with RFC v2 07/16 and 15/16). The image loader's
 * segments are the op's sizes in order, page aligned; plain images' destinations are not
 * modelled (D16). ON_CRASH file loads are out of scope (V9).
 */
final class KexecFileLoadPath {
    private final KState k;
    private final MkVariant v;
    private final Machine m;

    KexecFileLoadPath(KState k, MkVariant v) {
        this.k = k;
        this.v = v;
        this.m = k.m;
    }

    Call load(MkOp.KexecFileLoad op) {
        FileLoadRules r = v.fileLoad;
        long flags = op.flags();
        boolean onCrash = (flags & MkConst.KEXEC_FILE_ON_CRASH) != 0;
        if (!new KexecLoadPath(k, v).permittedFor(onCrash)) {
            return Call.err(Errno.EPERM);
        }
        int id = r.instanceId(flags);
        boolean unload = (flags & MkConst.KEXEC_FILE_UNLOAD) != 0;
        if ((flags & ~r.legalFor(flags)) != 0 || onCrash || id != 0 && unload && !r.asKexecImage()) {
            return Call.err(Errno.EINVAL);
        }
        int task = k.nextTask++;
        if (!k.locks.kexecTrylock(task)) {
            return Call.err(Errno.EBUSY);
        }
        try {
            Errno e = unload || id == 0 ? plain(unload) : instanceLoad(op, id, flags);
            return e == null ? Call.ok() : Call.err(e);
        } catch (KernelOops oops) {
            k.halt = Halt.oops(0, "kexec_file_load: " + oops.getMessage());
            return Call.HALTED;
        } finally {
            k.locks.kexecUnlock(task);
        }
    }

    /** A plain file load or an unload: kexec_image is exchanged; the image's pages are not modelled. */
    private Errno plain(boolean unload) {
        Kimage image = null;
        if (!unload) {
            k.loads++;
            image = new Kimage(k.loads, ImageType.DEFAULT, 0, List.of(), false);
        }
        k.images.install(image, 0, m.config().crashDump());
        return null;
    }

    private Errno instanceLoad(MkOp.KexecFileLoad op, int id, long flags) {
        Instances.Instance inst = id < 0 ? null : k.instances.byId.get(id);
        if (id < 0) {
            return Errno.EINVAL; // "Invalid multikernel ID"
        }
        if (inst == null) {
            return Errno.ENOENT;
        }
        if (inst.kimage != null) {
            return Errno.EBUSY;
        }
        k.loads++;
        int imageId = k.loads;
        List<PhysRange> pool = new ArrayList<>();
        List<Segment> segs = new ArrayList<>();
        Errno e = place(inst, op, pool, segs);
        if (e == null) {
            e = SegmentSanity.check(m, segs, false);
        }
        long control = 0;
        for (int page = 0; e == null && page < 2; page++) {
            long at = inst.pool == null ? 0 : inst.pool.alloc(MkConst.PAGE_SIZE); // control page, then swap page
            pool.add(new PhysRange(at, at + MkConst.PAGE_SIZE));
            control = page == 0 ? at : control;
            e = at == 0 ? Errno.ENOMEM : null;
        }
        if (e != null) {
            k.loads--;
            failed(inst, pool);
            return e;
        }
        v.writer.write(k.directMap(), segs);
        Kimage image = new Kimage(imageId, ImageType.MULTIKERNEL, segs.isEmpty() ? 0 : segs.get(0).mem(), segs, false, control, id);
        inst.kimage = image;
        inst.allocations = pool.stream().filter(p -> p.start() != 0).toList();
        inst.status = InstanceInfo.Status.LOADING;
        k.images.install(image, v.fileLoad.asKexecImage() ? 0 : MkConst.KEXEC_MULTIKERNEL, m.config().crashDump());
        return null;
    }

    /** kexec_locate_mem_hole() for each segment: the instance pool, then (as posted) the top-down System RAM walk. */
    private Errno place(Instances.Instance inst, MkOp.KexecFileLoad op, List<PhysRange> pool, List<Segment> segs) {
        for (long size : op.segmentSizes()) {
            long at = inst.pool == null ? 0 : inst.pool.alloc(size);
            if (at != 0) {
                pool.add(new PhysRange(at, at + size));
            } else if (v.fileLoad.systemRamFallback()) {
                at = topDownHole(size, segs);
                if (at < 0) {
                    return Errno.EADDRNOTAVAIL;
                }
            } else {
                return Errno.ENOMEM;
            }
            segs.add(new Segment(at, size, size, new UserBuffer(op.pattern(), UserBuffer.NO_FAULT)));
        }
        return null;
    }

    /** locate_mem_hole_top_down() over System RAM, highest range first, skipping this image's segments. */
    private long topDownHole(long size, List<Segment> segs) {
        for (int i = m.ram().size() - 1; i >= 0; i--) {
            PhysRange r = m.ram().get(i);
            for (long start = r.end() - size; start >= r.start(); start -= MkConst.PAGE_SIZE) {
                PhysRange want = new PhysRange(start, start + size);
                if (segs.stream().noneMatch(s -> s.range().overlaps(want))) {
                    return start;
                }
            }
        }
        return -1;
    }

    /** As posted the instance keeps pointing at the kfree()d image and stays LOADING; corrected, nothing is left. */
    private void failed(Instances.Instance inst, List<PhysRange> pool) {
        if (v.fileLoad.failureDangles()) {
            inst.kimage = new Kimage(0, ImageType.MULTIKERNEL, 0, List.of(), false, Kimage.NULL_PAGE, inst.id);
            inst.kimageFreed = true;
            inst.status = InstanceInfo.Status.LOADING;
        } else {
            pool.stream().filter(p -> p.start() != 0).forEach(p -> inst.pool.free(p.start(), p.size()));
        }
    }
}
