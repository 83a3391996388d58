package kverify.model.mk.reference;

import java.util.List;
import kverify.model.Errno;
import kverify.model.mk.Call;
import kverify.model.mk.ImageInfo;
import kverify.model.mk.ImageType;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.PhysRange;
import kverify.model.mk.RangeSet;
import kverify.model.mk.Segment;

/**
 * kexec_load as the contract states it: permission, flags, segment placement, then the copy.
 * Every check happens before any byte is written, so a failed load leaves memory as it was.
 * Multikernel segments are written page by page with zero fill, as RFC 1/7 writes them.
 */
final class ReferenceLoad {
    /** Flags that have no meaning for a multikernel image, so combining them with MULTIKERNEL is a conflict. */
    private static final long MK_CONFLICTS = MkConst.KEXEC_ON_CRASH | MkConst.KEXEC_PRESERVE_CONTEXT
            | MkConst.KEXEC_UPDATE_ELFCOREHDR | MkConst.KEXEC_CRASH_HOTPLUG_SUPPORT;

    private final ReferenceMk k;
    private final Machine m;

    ReferenceLoad(ReferenceMk k) {
        this.k = k;
        this.m = k.m;
    }

    Call load(long entry, List<Segment> segs, long flags) {
        boolean onCrash = (flags & MkConst.KEXEC_ON_CRASH) != 0;
        boolean mk = (flags & MkConst.KEXEC_MULTIKERNEL) != 0;
        if (!permitted(onCrash)) {
            return Call.err(Errno.EPERM);
        }
        if (!flagsLegal(flags, segs.size())) {
            return Call.err(Errno.EINVAL);
        }
        boolean crashSlot = onCrash && m.config().crashDump();
        if (crashSlot) {
            k.readOnly = RangeSet.EMPTY; // arch_kexec_unprotect_crashkres(): only a crash image made anything read-only
        }
        if (segs.isEmpty()) {
            unload(mk, crashSlot);
            return Call.ok();
        }
        if (crashSlot) {
            k.crashImage = null; // a crash load writes the crash region in place, so the old image is gone first
            if (Long.compareUnsigned(entry, m.crashkStart()) < 0 || Long.compareUnsigned(entry, m.crashkEndInclusive()) > 0) {
                return Call.err(Errno.EADDRNOTAVAIL);
            }
        }
        Errno bad = new ReferenceSegmentCheck(k, segs, crashSlot, mk, entry).firstError();
        if (bad != null) {
            return Call.err(bad);
        }
        long control = crashSlot ? crashControlPage(segs) : 0;
        if (control < 0) {
            return Call.err(Errno.ENOMEM);
        }
        if (segs.stream().anyMatch(s -> s.buffer().faultsWithin(0, s.bufsz()))) {
            return Call.err(Errno.EFAULT);
        }
        if (mk) {
            segs.forEach(this::writePages);
        }
        install(entry, segs, flags, mk, crashSlot);
        if (crashSlot) {
            PhysRange crash = m.crashKernel();
            k.readOnly = RangeSet.EMPTY.plus(new PhysRange(crash.start(), control))
                    .plus(new PhysRange(control + MkConst.KEXEC_CONTROL_PAGE_SIZE, crash.end()));
        }
        return Call.ok();
    }

    /**
     * The crash image's control page (kimage_alloc_crash_control_pages, first fit): the lowest
     * page of the crash region that no segment's [mem, mem+memsz-1] touches; -1 if there is none.
     */
    private long crashControlPage(List<Segment> segs) {
        long p = MkConst.PAGE_SIZE;
        for (long page = m.crashKernel().start(); page + p <= m.crashKernel().end(); page += p) {
            long hole = page;
            if (segs.stream().noneMatch(s -> hole + p - 1 >= s.mem() && hole <= s.mem() + s.memsz() - 1)) {
                return page;
            }
        }
        return -1;
    }

    /** A segment array that cannot be copied: the permission and flag checks come first, then EFAULT. */
    Call unreadable(int nrSegments, long flags) {
        if (!permitted((flags & MkConst.KEXEC_ON_CRASH) != 0)) {
            return Call.err(Errno.EPERM);
        }
        return Call.err(flagsLegal(flags, nrSegments) ? Errno.EFAULT : Errno.EINVAL);
    }

    /** Known bits only (PRESERVE_CONTEXT needs CONFIG_KEXEC_JUMP), at most 16 segments, our arch, no conflict. */
    private boolean flagsLegal(long flags, int segments) {
        long legal = MK_CONFLICTS | MkConst.KEXEC_MULTIKERNEL;
        if (!m.config().kexecJump()) {
            legal &= ~MkConst.KEXEC_PRESERVE_CONTEXT;
        }
        long arch = flags & MkConst.KEXEC_ARCH_MASK;
        boolean mk = (flags & MkConst.KEXEC_MULTIKERNEL) != 0;
        if (mk && segments > 0 && k.version == kverify.model.mk.MkVersion.RFC_V2) {
            return false; // v2 loads multikernel images with kexec_file_load only (V2)
        }
        return (flags & ~MkConst.KEXEC_ARCH_MASK & ~legal) == 0 && segments <= MkConst.KEXEC_SEGMENT_MAX
                && (arch == MkConst.KEXEC_ARCH_DEFAULT || arch == MkConst.KEXEC_ARCH_X86_64) && !(mk && (flags & MK_CONFLICTS) != 0);
    }

    private void install(long entry, List<Segment> segs, long flags, boolean mk, boolean crashSlot) {
        ImageType type = mk ? ImageType.MULTIKERNEL : crashSlot ? ImageType.CRASH : ImageType.DEFAULT;
        ImageInfo image = k.newImage(type, entry, segs.stream().map(Segment::range).toList(),
                (flags & MkConst.KEXEC_PRESERVE_CONTEXT) != 0);
        if (mk) {
            k.mkImages.add(image);
        } else if (crashSlot) {
            k.crashImage = image;
        } else {
            k.kexecImage = image;
        }
    }

    /** kexec_load_permitted() for kexec_file_load too. */
    boolean permittedFor(boolean onCrash) {
        return permitted(onCrash);
    }

    /** kexec_load_permitted(): the limit of the call's type counts calls, not successful loads. */
    private boolean permitted(boolean onCrash) {
        if (!m.caller().capSysBoot() || m.caller().kexecLoadDisabled()) {
            return false;
        }
        int limit = onCrash ? k.limitPanic : k.limitReboot;
        if (limit == 0) {
            return false;
        }
        if (limit > 0) {
            if (onCrash) {
                k.limitPanic--;
            } else {
                k.limitReboot--;
            }
        }
        return true;
    }

    /** Unloading never forgets a multikernel image that runs on a CPU: its memory stays in use. */
    private void unload(boolean mk, boolean crashSlot) {
        if (mk) {
            k.mkImages.stream().filter(i -> !k.isRunning(i)).forEach(k.instances::imageFreed);
            k.mkImages.removeIf(i -> !k.isRunning(i));
        } else if (crashSlot) {
            k.crashImage = null;
        } else {
            k.kexecImage = null;
        }
    }

    /** kimage_load_multikernel_segment(): one destination page at a time, zero past the user bytes. */
    private void writePages(Segment s) {
        long maddr = s.mem();
        long mbytes = s.memsz();
        long ubytes = s.bufsz();
        long from = 0;
        while (mbytes > 0) {
            byte[] page = k.writablePage(maddr & MkConst.PAGE_MASK);
            int offset = (int) (maddr & ~MkConst.PAGE_MASK);
            long mchunk = Math.min(mbytes, MkConst.PAGE_SIZE - offset);
            long uchunk = Math.min(ubytes, mchunk);
            for (int i = 0; i < mchunk; i++) {
                page[offset + i] = i < uchunk ? (byte) s.buffer().byteAt(from + i) : 0;
            }
            ubytes -= uchunk;
            from += uchunk;
            maddr += mchunk;
            mbytes -= mchunk;
        }
    }
}
