package kverify.impl.mk;

import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.PhysRange;
import kverify.model.mk.RangeSet;

/**
 * arch_kexec_protect_crashkres() / arch_kexec_unprotect_crashkres() of x86_64
 * (arch/x86/kernel/machine_kexec_64.c, kexec_mark_crashkres() and kexec_mark_range() as in
 * "[PATCH 6.12 077/422] x86/kexec: Allocate PGD for x86_64 transition page tables separately",
 * 2025-02-13, upstream 4b5bc2ec9a23): the crash region is marked read-only (or writable again)
 * in the direct map around the crash image's control page. The arithmetic is the kernel's:
 * the control page's address comes from page_to_pfn() of the image's control_code_page, the page
 * count is an unsigned int handed to set_pages_ro(struct page *, int), and change_page_attr
 * walks page by page until it leaves the direct map. A multikernel image in the crash slot has
 * no control page (RFC 1/7 skips its allocation), so the address is computed from a NULL page
 * (D29). crashk_low_res and dm-crypt keys are not modelled (never reserved / never set by kexec_load).
 */
final class CrashProtection {
    private CrashProtection() {
    }

    static RangeSet mark(Machine m, RangeSet readOnly, Kimage crash, boolean protect) {
        long control = crash.controlPage == Kimage.NULL_PAGE ? pfnPhys(nullPagePfn()) : crash.controlPage;
        RangeSet out = markRange(m, readOnly, m.crashkStart(), control - 1, protect);
        return markRange(m, out, control + MkConst.KEXEC_CONTROL_PAGE_SIZE, m.crashkEndInclusive(), protect);
    }

    /** page_to_pfn(NULL) with SPARSEMEM_VMEMMAP: (NULL - vmemmap) in units of struct page, unsigned. */
    static long nullPagePfn() {
        return Long.divideUnsigned(-MkConst.VMEMMAP_BASE, MkConst.STRUCT_PAGE_SIZE);
    }

    private static long pfnPhys(long pfn) {
        return pfn << MkConst.PAGE_SHIFT;
    }

    /** kexec_mark_range(start, end, protect) for the inclusive range [start, end]. */
    static RangeSet markRange(Machine m, RangeSet readOnly, long start, long end, boolean protect) {
        if (end == 0 || Long.compareUnsigned(start, end) > 0) {
            return readOnly;
        }
        int nrPages = (int) ((end >>> MkConst.PAGE_SHIFT) - (start >>> MkConst.PAGE_SHIFT) + 1);
        long numpages = nrPages; // int -> cpa_data.numpages (unsigned long): sign-extended
        long first = start & MkConst.PAGE_MASK;
        long mapEnd = m.directMapEnd();
        if (numpages == 0 || Long.compareUnsigned(first, mapEnd) >= 0) {
            return readOnly;
        }
        // The walk skips holes below max_pfn_mapped and stops (with a CPA warning) past it.
        long pagesToMapEnd = (mapEnd - first) >>> MkConst.PAGE_SHIFT;
        long last = Long.compareUnsigned(numpages, pagesToMapEnd) >= 0 ? mapEnd : first + (numpages << MkConst.PAGE_SHIFT);
        RangeSet out = readOnly;
        for (PhysRange r : RangeSet.clip(new PhysRange(first, last), m.ram()).ranges()) {
            out = protect ? out.plus(r) : out.minus(r);
        }
        return out;
    }
}
