package kverify.model.mk;

/** kimage.type: KEXEC_TYPE_DEFAULT 0, KEXEC_TYPE_CRASH 1, KEXEC_TYPE_MULTIKERNEL 2 (new in 1/7). */
public enum ImageType {
    DEFAULT, CRASH, MULTIKERNEL
}
