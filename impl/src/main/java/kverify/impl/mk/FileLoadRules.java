package kverify.impl.mk;

import kverify.model.mk.MkConst;

/**
 * How kexec_file_load() treats a multikernel request, per version: which flag bits are legal,
 * how the instance id is read, whether a segment the instance pool cannot hold falls back to
 * the ordinary hole search, where the image is installed, and what a failed or freed image
 * leaves behind in its instance.
 *
 * @param legal              bits the flag check accepts
 * @param readsInstanceId    the MULTIKERNEL bit (== KEXEC_FILE_NO_CMA) selects an instance load
 * @param idZeroIsPlain      an instance id of 0 is the base meaning of the bit (a plain load with NO_CMA)
 * @param systemRamFallback  kexec_locate_mem_hole() falls through to the System RAM walk when the pool fails
 * @param asKexecImage       the image is exchanged into kexec_image (07/16's kexec_file_load path)
 * @param failureDangles     a failed load leaves instance->kimage pointing at the freed image
 * @param releasesPool       freeing the image returns its pool allocations
 */
record FileLoadRules(long legal, boolean readsInstanceId, boolean idZeroIsPlain, boolean systemRamFallback, boolean asKexecImage,
        boolean failureDangles, boolean releasesPool) {

    /** KEXEC_FILE_FLAGS of the RFC's base. */
    static final long BASE_FLAGS = MkConst.KEXEC_FILE_UNLOAD | MkConst.KEXEC_FILE_ON_CRASH | MkConst.KEXEC_FILE_NO_INITRAMFS
            | MkConst.KEXEC_FILE_DEBUG | MkConst.KEXEC_FILE_NO_CMA | MkConst.KEXEC_FILE_FORCE_DTB;

    /** RFC v1: kexec_file_load untouched; bit 0x10 is NO_CMA. */
    static final FileLoadRules BASE = new FileLoadRules(BASE_FLAGS, false, true, false, true, false, false);

    /**
     * "[RFC Patch v2 15/16] kexec: Integrate multikernel support with kexec_file_load()"
     * (2025-10-18): KEXEC_FILE_FLAGS gains KEXEC_MULTIKERNEL, which equals KEXEC_FILE_NO_CMA, and
     * not KEXEC_MK_ID_MASK; kimage_file_alloc_init() links the instance before the segments are
     * placed and frees the image with kfree() on failure; kexec_alloc_multikernel() failing makes
     * kexec_locate_mem_hole() go on with its normal search; the exchange (07/16) is kexec_image's;
     * kimage_free() (09/16) unlinks the instance but never returns pool memory.
     */
    static final FileLoadRules V2_POSTED = new FileLoadRules(BASE_FLAGS, true, false, true, true, true, false);

    /** The contract (V3, V4, V8): the id field is legal, id 0 keeps NO_CMA's meaning, pool only, all or nothing. */
    static final FileLoadRules V2_CORRECTED = new FileLoadRules(BASE_FLAGS | MkConst.KEXEC_MK_ID_MASK, true, true, false, false, false, true);

    /** The bits legal in these flags: the id field only goes with the MULTIKERNEL bit. */
    long legalFor(long flags) {
        return (flags & MkConst.KEXEC_MULTIKERNEL) != 0 ? legal : BASE_FLAGS; // bit 5 is FORCE_DTB then
    }

    /** The instance a load asks for, 0 for a plain load. */
    int instanceId(long flags) {
        if (!readsInstanceId || (flags & MkConst.KEXEC_MULTIKERNEL) == 0) {
            return 0;
        }
        int id = (int) ((flags & MkConst.KEXEC_MK_ID_MASK) >> MkConst.KEXEC_MK_ID_SHIFT);
        return id == 0 && !idZeroIsPlain ? -1 : id;
    }
}
