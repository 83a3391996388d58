package kverify.model.mk.reference;

import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.Cpu;
import kverify.model.mk.CpuState;
import kverify.model.mk.ImageInfo;
import kverify.model.mk.ImageType;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkEvent;
import kverify.model.mk.MkOp;
import kverify.model.mk.MkVersion;
import kverify.model.mk.PhysRange;

/**
 * RFC v2's kexec_file_load and reboot(LINUX_REBOOT_CMD_MULTIKERNEL) as the contract states them
 * (docs/versions-multikernel.md): a file load for instance N places the image in that
 * instance's pool or fails whole; the base flags keep their base meanings; a start names an
 * instance and runs its image on the instance's first CPU, atomically.
 */
final class ReferenceV2 {
    /** The base kexec_file_load flags and RFC v2's instance id field. */
    private static final long LEGAL = 0x3F | MkConst.KEXEC_MK_ID_MASK;

    private final ReferenceMk k;

    ReferenceV2(ReferenceMk k) {
        this.k = k;
    }

    /** The instance id a file load asks for: the MULTIKERNEL bit with a non-zero id; 0 is KEXEC_FILE_NO_CMA's base meaning (V4). */
    int instanceId(long flags) {
        if (k.version != MkVersion.RFC_V2 || (flags & MkConst.KEXEC_MULTIKERNEL) == 0) {
            return 0;
        }
        return (int) ((flags & MkConst.KEXEC_MK_ID_MASK) >> MkConst.KEXEC_MK_ID_SHIFT);
    }

    Call fileLoad(MkOp.KexecFileLoad op) {
        long flags = op.flags();
        boolean onCrash = (flags & MkConst.KEXEC_FILE_ON_CRASH) != 0;
        if (!new ReferenceLoad(k).permittedFor(onCrash)) {
            return Call.err(Errno.EPERM);
        }
        int id = instanceId(flags);
        boolean unload = (flags & MkConst.KEXEC_FILE_UNLOAD) != 0;
        long legal = k.version == MkVersion.RFC_V2 && (flags & MkConst.KEXEC_MULTIKERNEL) != 0 ? LEGAL : 0x3F;
        if ((flags & ~legal) != 0 || id != 0 && (onCrash || unload)) {
            return Call.err(Errno.EINVAL);
        }
        if (id == 0) {
            return plain(onCrash, unload);
        }
        ReferenceInstances.Inst inst = k.instances.byId(id);
        if (inst == null) {
            return Call.err(Errno.ENOENT);
        }
        if (inst.image != null) {
            return Call.err(Errno.EBUSY);
        }
        List<PhysRange> segments = k.instances.place(inst, op.segmentSizes());
        if (segments == null) {
            return Call.err(Errno.ENOMEM);
        }
        if (overHalfOfRam(op.segmentSizes())) {
            segments.forEach(inst.pool::free);
            return Call.err(Errno.EINVAL);
        }
        List<PhysRange> controlAndSwap = k.instances.place(inst, List.of(MkConst.PAGE_SIZE, MkConst.PAGE_SIZE));
        if (controlAndSwap == null) {
            segments.forEach(inst.pool::free);
            return Call.err(Errno.ENOMEM);
        }
        List<PhysRange> got = new java.util.ArrayList<>(segments);
        got.addAll(controlAndSwap);
        for (PhysRange s : segments) {
            k.writeImagePages(s, op.pattern());
        }
        long entry = segments.isEmpty() ? 0 : segments.get(0).start();
        ImageInfo image = k.newImage(ImageType.MULTIKERNEL, entry, segments, false, id);
        k.mkImages.add(image);
        inst.image = image;
        inst.allocations = List.copyOf(got);
        return Call.ok();
    }

    /** sanity_check_segment_list(): one segment, or all of them, above half of totalram_pages. */
    private boolean overHalfOfRam(List<Long> sizes) {
        long half = k.m.totalRamPages() / 2;
        long total = 0;
        for (long size : sizes) {
            total += MkConst.pageCount(size);
            if (MkConst.pageCount(size) > half || total > half) {
                return true;
            }
        }
        return false;
    }

    /** A file load for this kernel (or a crash kernel): its pages are not modelled (D16); unload frees the slot. */
    private Call plain(boolean onCrash, boolean unload) {
        if (onCrash) {
            return Call.err(Errno.EINVAL); // not generated; the contract leaves crash file loads out (V9)
        }
        k.kexecImage = unload ? null : k.newImage(ImageType.DEFAULT, 0, List.of(), false, 0);
        return Call.ok();
    }

    /** reboot(MULTIKERNEL) with the instance id in struct multikernel_boot_args (09/16). */
    Call start(int id, List<MkEvent> events) {
        ReferenceInstances.Inst inst = k.instances.byId(id);
        if (inst == null || inst.image == null || inst.cpus.isEmpty()) {
            return Call.err(Errno.EINVAL);
        }
        int cpu = inst.cpus.first();
        if (k.cpus.get(cpu).owner() != CpuState.Owner.NONE || k.isRunning(inst.image)) {
            return Call.err(Errno.EBUSY);
        }
        Cpu c = k.m.cpus().get(cpu);
        if (!c.present() || c.apicId() == MkConst.BAD_APICID || c.apicId() > k.m.maxApicId() || !c.inPresentMap()) {
            return Call.err(Errno.EINVAL);
        }
        if (c.wakeupStatus() != 0) {
            return Call.err(Errno.EIO);
        }
        k.cpus.set(cpu, CpuState.guest(inst.image));
        events.add(new MkEvent.Kick(cpu, inst.image.id()));
        return Call.ok();
    }
}
