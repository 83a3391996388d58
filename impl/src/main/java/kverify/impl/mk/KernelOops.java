package kverify.impl.mk;

/**
 * A kernel-mode fault with no exception-table fixup (a write into a read-only direct-map page):
 * the oops unwinds the system call. The caller records it as the end of the running kernel
 * (docs/multikernel.md D31: an oops is treated as panic_on_oops).
 */
final class KernelOops extends RuntimeException {
    KernelOops(String message) {
        super(message, null, false, false);
    }
}
