package kverify.impl.mk;

import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.Halt;
import kverify.model.mk.ImageType;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.Segment;

/**
 * SYSCALL kexec_load -> kexec_load_check -> do_kexec_load -> kimage_alloc_init ->
 * sanity_check_segment_list -> kimage_load_segment (kernel/kexec.c of the RFC's base as in
 * ColinIanKing/linux-next @ec0efcfc, kernel/kexec_core.c, with RFC 1/7), in the kernel's order
 * with its error codes (spec 6.1, 6.2). The variant decides which flags are legal, where a
 * multikernel image may go, how it is copied and where it is kept.
 */
final class KexecLoadPath {
    /** kimage_alloc_crash_control_pages() found no free page in the crash region. */
    private static final long NO_HOLE = -3;
    private final KState k;
    private final MkVariant v;
    private final Machine m;

    KexecLoadPath(KState k, MkVariant v) {
        this.k = k;
        this.v = v;
        this.m = k.m;
    }

    Call load(long entry, List<Segment> segs, long flags) {
        Errno early = checks(segs.size(), flags);
        if (early != null) {
            return Call.err(early);
        }
        int task = k.nextTask++;
        if (!k.locks.kexecTrylock(task)) {
            return Call.err(Errno.EBUSY);
        }
        try {
            Errno e = doKexecLoad(entry, segs, flags);
            return e == null ? Call.ok() : Call.err(e);
        } catch (KernelOops oops) {
            k.halt = Halt.oops(0, "kexec_load: " + oops.getMessage());
            return Call.HALTED;
        } finally {
            k.locks.kexecUnlock(task);
        }
    }

    /** A segment array memdup_array_user() cannot copy: the checks of kexec_load_check and the arch, then EFAULT. */
    Call loadUnreadable(int nrSegments, long flags) {
        Errno early = checks(nrSegments, flags);
        return Call.err(early != null ? early : Errno.EFAULT);
    }

    /** kexec_load_check() and the arch test of SYSCALL kexec_load, in order. */
    private Errno checks(int nrSegments, long flags) {
        if (!permitted((flags & MkConst.KEXEC_ON_CRASH) != 0)) {
            return Errno.EPERM;
        }
        long arch = flags & MkConst.KEXEC_ARCH_MASK;
        if (!v.flags.legal(flags, nrSegments, m.config()) || nrSegments > MkConst.KEXEC_SEGMENT_MAX
                || (arch != MkConst.KEXEC_ARCH_X86_64 && arch != MkConst.KEXEC_ARCH_DEFAULT)) {
            return Errno.EINVAL;
        }
        return null;
    }

    /** kexec_load_permitted(), which kexec_file_load calls too. */
    boolean permittedFor(boolean onCrash) {
        return permitted(onCrash);
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

    /** do_kexec_load(): unprotect, unload or build and install, then protect the crash region again. */
    private Errno doKexecLoad(long entry, List<Segment> segs, long flags) {
        boolean onCrash = (flags & MkConst.KEXEC_ON_CRASH) != 0;
        boolean crashDump = m.config().crashDump();
        if (onCrash && crashDump && k.images.crashImage != null) {
            k.readOnly = CrashProtection.mark(m, k.readOnly, k.images.crashImage, false);
        }
        if (segs.isEmpty()) {
            k.images.unload(flags, crashDump);
            return null; // goto out_unlock: no protection pass
        }
        if (onCrash) {
            k.images.freeCrashImage();
        }
        Errno e = build(entry, segs, flags);
        if (onCrash && crashDump && k.images.crashImage != null) {
            k.readOnly = CrashProtection.mark(m, k.readOnly, k.images.crashImage, true);
        }
        return e;
    }

    /** kimage_alloc_init(), the segment loads and the install. */
    private Errno build(long entry, List<Segment> segs, long flags) {
        boolean crash = (flags & MkConst.KEXEC_ON_CRASH) != 0 && m.config().crashDump();
        if (crash && (Long.compareUnsigned(entry, m.crashkStart()) < 0 || Long.compareUnsigned(entry, m.crashkEndInclusive()) > 0)) {
            return Errno.EADDRNOTAVAIL;
        }
        // The type bitfield: MULTIKERNEL overrides CRASH when both flags are given.
        boolean mk = v.typing.multikernel(flags);
        ImageType type = mk ? ImageType.MULTIKERNEL : crash ? ImageType.CRASH : ImageType.DEFAULT;
        Errno e = SegmentSanity.check(m, segs, type == ImageType.CRASH);
        if (e == null && mk) {
            e = v.placement.check(m, segs, entry, k.images);
        }
        // The search runs only on segments sanity_check_segment_list() accepted (page aligned), so every hop advances.
        long control = mk ? Kimage.NULL_PAGE : type == ImageType.CRASH && e == null ? crashControlPage(segs) : Kimage.BUDDY_PAGE;
        if (e == null && control == NO_HOLE) {
            e = Errno.ENOMEM; // "Could not allocate control_code_buffer"
        }
        if (e == null) {
            e = mk ? v.writer.write(k.directMap(), segs) : loadCopied(segs, type);
        }
        if (e != null) {
            return e;
        }
        k.loads++;
        k.images.install(new Kimage(k.loads, type, entry, segs, (flags & MkConst.KEXEC_PRESERVE_CONTEXT) != 0, control), flags,
                m.config().crashDump());
        return null;
    }

    /**
     * kimage_alloc_crash_control_pages(), order 0: from crashk_res.start, the first page no
     * segment's [mem, mem+memsz-1] touches, hopping past the segment it hit; NO_HOLE if none fits.
     */
    private long crashControlPage(List<Segment> segs) {
        long size = MkConst.PAGE_SIZE;
        long holeStart = m.crashkStart();
        while (holeStart + size - 1 <= m.crashkEndInclusive()) {
            long hs = holeStart;
            Segment hit = segs.stream().filter(s -> hs + size - 1 >= s.mem() && hs <= s.mem() + s.memsz() - 1).findFirst().orElse(null);
            if (hit == null) {
                return holeStart;
            }
            holeStart = (hit.mem() + hit.memsz() - 1 + size - 1) & MkConst.PAGE_MASK; // ALIGN(mend, size)
        }
        return NO_HOLE;
    }

    /**
     * Default and crash images: the copy fails on the first unreadable byte (D16: their contents
     * are not modelled); kimage_load_crash_segment() writes the crash region page by page through
     * the direct map, so a read-only page there oopses before the fault of that page shows.
     */
    private Errno loadCopied(List<Segment> segs, ImageType type) {
        for (Segment s : segs) {
            boolean faults = s.buffer().faultsWithin(0, s.bufsz());
            if (type == ImageType.CRASH) {
                long touched = faults ? Math.min(s.memsz(), (s.buffer().faultAt() & MkConst.PAGE_MASK) + MkConst.PAGE_SIZE) : s.memsz();
                k.directMap().touch(s.mem(), touched);
            }
            if (faults) {
                return Errno.EFAULT;
            }
        }
        return null;
    }
}
