package kverify.impl.mk;

import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.ImageType;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.Segment;

/**
 * SYSCALL kexec_load -> kexec_load_check -> do_kexec_load -> kimage_alloc_init ->
 * sanity_check_segment_list -> kimage_load_segment (kernel/kexec.c, kernel/kexec_core.c with
 * RFC 1/7), in the kernel's order with its error codes (spec 6.1, 6.2). The variant decides which
 * flags are legal, where a multikernel image may go, how it is copied and where it is kept.
 */
final class KexecLoadPath {
    private final KState k;
    private final MkVariant v;
    private final Machine m;

    KexecLoadPath(KState k, MkVariant v) {
        this.k = k;
        this.v = v;
        this.m = k.m;
    }

    Call load(long entry, List<Segment> segs, long flags) {
        boolean onCrash = (flags & MkConst.KEXEC_ON_CRASH) != 0;
        if (!permitted(onCrash)) {
            return Call.err(Errno.EPERM);
        }
        long arch = flags & MkConst.KEXEC_ARCH_MASK;
        if (!v.flags.legal(flags, m.config()) || segs.size() > MkConst.KEXEC_SEGMENT_MAX
                || (arch != MkConst.KEXEC_ARCH_X86_64 && arch != MkConst.KEXEC_ARCH_DEFAULT)) {
            return Call.err(Errno.EINVAL);
        }
        int task = k.nextTask++;
        if (!k.locks.kexecTrylock(task)) {
            return Call.err(Errno.EBUSY);
        }
        try {
            Errno e = doKexecLoad(entry, segs, flags);
            return e == null ? Call.ok() : Call.err(e);
        } finally {
            k.locks.kexecUnlock(task);
        }
    }

    /** kexec_load_permitted(): the limit of the call's type is spent even if a later check fails. */
    private boolean permitted(boolean onCrash) {
        if (!m.caller().capSysBoot() || m.caller().kexecLoadDisabled()) {
            return false;
        }
        int limit = onCrash ? k.limitPanic : k.limitReboot;
        if (limit == 0) {
            return false;
        }
        if (limit != -1) {
            if (onCrash) {
                k.limitPanic--;
            } else {
                k.limitReboot--;
            }
        }
        return true;
    }

    private Errno doKexecLoad(long entry, List<Segment> segs, long flags) {
        boolean crashSlot = (flags & MkConst.KEXEC_ON_CRASH) != 0 && m.config().crashDump();
        boolean mk = (flags & MkConst.KEXEC_MULTIKERNEL) != 0;
        if (segs.isEmpty()) {
            k.images.unload(flags, crashSlot);
            return null;
        }
        if (crashSlot) {
            k.images.crashImage = null;
            if (Long.compareUnsigned(entry, m.crashkStart()) < 0 || Long.compareUnsigned(entry, m.crashkEndInclusive()) > 0) {
                return Errno.EADDRNOTAVAIL;
            }
        }
        // The type bitfield: MULTIKERNEL overrides CRASH when both flags are given.
        ImageType type = mk ? ImageType.MULTIKERNEL : crashSlot ? ImageType.CRASH : ImageType.DEFAULT;
        Errno e = SegmentSanity.check(m, segs, type == ImageType.CRASH);
        if (e == null && mk) {
            e = v.placement.check(m, segs, entry, k.images);
        }
        if (e == null) {
            e = mk ? v.writer.write(k.memory, segs) : faultOf(segs);
        }
        if (e != null) {
            return e;
        }
        k.loads++;
        k.images.install(new Kimage(k.loads, type, entry, segs, (flags & MkConst.KEXEC_PRESERVE_CONTEXT) != 0), crashSlot);
        return null;
    }

    /** Default and crash images: the copy into kernel pages fails on the first unreadable byte (D16). */
    private static Errno faultOf(List<Segment> segs) {
        return segs.stream().anyMatch(s -> s.buffer().faultsWithin(0, s.bufsz())) ? Errno.EFAULT : null;
    }
}
