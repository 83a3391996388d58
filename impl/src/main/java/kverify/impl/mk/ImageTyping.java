package kverify.impl.mk;

import kverify.model.mk.MkConst;

/** Whether kimage_alloc_init() (kernel/kexec.c) makes a kexec_load image KEXEC_TYPE_MULTIKERNEL. */
interface ImageTyping {

    boolean multikernel(long flags);

    /** RFC 1/7: {@code if (multikernel_load) image->type = KEXEC_TYPE_MULTIKERNEL}, after the crash type was set. */
    ImageTyping BY_FLAG = flags -> (flags & MkConst.KEXEC_MULTIKERNEL) != 0;

    /** RFC v2: "[RFC Patch v2 01/16]" no longer touches kernel/kexec.c, so a kexec_load image is never multikernel. */
    ImageTyping NONE = flags -> false;
}
