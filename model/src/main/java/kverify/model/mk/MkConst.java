package kverify.model.mk;

/**
 * Constants of the multikernel RFC 1/7 and of the kexec and reboot UAPI it extends (x86_64).
 * Values from include/uapi/linux/kexec.h, include/uapi/linux/reboot.h, include/linux/kexec.h and
 * arch/x86 as listed in the shared spec, section 2.1.
 */
public final class MkConst {
    public static final int PAGE_SHIFT = 12;
    public static final long PAGE_SIZE = 1L << PAGE_SHIFT;
    public static final long PAGE_MASK = ~(PAGE_SIZE - 1);

    public static final long KEXEC_ON_CRASH = 0x1;
    public static final long KEXEC_PRESERVE_CONTEXT = 0x2;
    public static final long KEXEC_UPDATE_ELFCOREHDR = 0x4;
    public static final long KEXEC_CRASH_HOTPLUG_SUPPORT = 0x8;
    /** New in RFC 1/7. */
    public static final long KEXEC_MULTIKERNEL = 0x10;
    public static final long KEXEC_ARCH_MASK = 0xffff0000L;
    public static final long KEXEC_ARCH_DEFAULT = 0;
    public static final long KEXEC_ARCH_X86_64 = 62L << 16;
    public static final int KEXEC_SEGMENT_MAX = 16;
    /** Unsigned comparison bound for segment ends (x86_64 MAXMEM - 1 with 4-level paging; spec (U), decided). */
    public static final long KEXEC_DESTINATION_MEMORY_LIMIT = (1L << 46) - 1;

    public static final int LINUX_REBOOT_MAGIC1 = 0xfee1dead;
    public static final int LINUX_REBOOT_MAGIC2 = 672274793;
    public static final int LINUX_REBOOT_MAGIC2A = 85072278;
    public static final int LINUX_REBOOT_MAGIC2B = 369367448;
    public static final int LINUX_REBOOT_MAGIC2C = 537993216;

    public static final int LINUX_REBOOT_CMD_CAD_OFF = 0x00000000;
    public static final int LINUX_REBOOT_CMD_CAD_ON = 0x89ABCDEF;
    public static final int LINUX_REBOOT_CMD_KEXEC = 0x45584543;
    /** New in RFC 1/7 ("MKLI"). */
    public static final int LINUX_REBOOT_CMD_MULTIKERNEL = 0x4D4B4C49;
    /** Commands that end the machine; not modelled, so a trace may not use them. */
    public static final int LINUX_REBOOT_CMD_RESTART = 0x01234567;
    public static final int LINUX_REBOOT_CMD_HALT = 0xCDEF0123;
    public static final int LINUX_REBOOT_CMD_POWER_OFF = 0x4321FEDC;
    public static final int LINUX_REBOOT_CMD_RESTART2 = 0xA1B2C3D4;
    public static final int LINUX_REBOOT_CMD_SW_SUSPEND = 0xD000FCE2;

    /** arch/x86/include/asm/apicdef.h. */
    public static final long BAD_APICID = 0xFFFF;
    /** xAPIC: apic_id_valid() accepts ids up to 0xFE. */
    public static final long XAPIC_MAX_APIC_ID = 0xFE;

    /** include/uapi/linux/kexec.h of the RFC's base: kexec_file_load flags. */
    public static final long KEXEC_FILE_UNLOAD = 0x1;
    public static final long KEXEC_FILE_ON_CRASH = 0x2;
    public static final long KEXEC_FILE_NO_INITRAMFS = 0x4;
    public static final long KEXEC_FILE_DEBUG = 0x8;
    public static final long KEXEC_FILE_NO_CMA = 0x10;
    public static final long KEXEC_FILE_FORCE_DTB = 0x20;
    /** RFC v2 09/16: the instance id inside the flags. */
    public static final long KEXEC_MK_ID_MASK = 0x0000ffe0;
    public static final int KEXEC_MK_ID_SHIFT = 5;

    /** x86_phys_bits assumed when a machine names none: the 46 bits of 4-level paging's MAXMEM (D20). */
    public static final int DEFAULT_PHYS_BITS = 46;
    /** arch/x86/include/asm/kexec.h since commit 4b5bc2ec9a23 (v6.14): one page on x86_64 too. */
    public static final long KEXEC_CONTROL_PAGE_SIZE = 4096;
    /** x86_64 4-level vmemmap base without memory-layout randomisation (__VMEMMAP_BASE_L4, D30). */
    public static final long VMEMMAP_BASE = 0xffffea0000000000L;
    /** sizeof(struct page) on x86_64. */
    public static final long STRUCT_PAGE_SIZE = 64;

    /** The byte the running kernel writes into pages it allocates after boot (D37). */
    public static final int HOST_ALLOC_FILL = 0x48;

    /** The byte every page of memory the running kernel uses holds at boot, so overwrites show. */
    public static final int KERNEL_MEMORY_FILL = 0x4B;

    private MkConst() {
    }

    public static boolean isEndingCommand(int cmd) {
        return cmd == LINUX_REBOOT_CMD_RESTART || cmd == LINUX_REBOOT_CMD_HALT || cmd == LINUX_REBOOT_CMD_POWER_OFF
                || cmd == LINUX_REBOOT_CMD_RESTART2 || cmd == LINUX_REBOOT_CMD_SW_SUSPEND;
    }

    public static boolean isMagic2(int magic2) {
        return magic2 == LINUX_REBOOT_MAGIC2 || magic2 == LINUX_REBOOT_MAGIC2A
                || magic2 == LINUX_REBOOT_MAGIC2B || magic2 == LINUX_REBOOT_MAGIC2C;
    }

    /** PAGE_COUNT(x) of kexec_core.c, unsigned. */
    public static long pageCount(long bytes) {
        return Long.divideUnsigned(bytes, PAGE_SIZE) + (Long.remainderUnsigned(bytes, PAGE_SIZE) == 0 ? 0 : 1);
    }
}
