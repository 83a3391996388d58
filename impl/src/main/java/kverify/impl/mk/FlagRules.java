package kverify.impl.mk;

import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;

/** Which kexec_load flag combinations are legal (the EINVAL test of kexec_load_check and after). */
interface FlagRules {

    boolean legal(long flags, int nrSegments, Machine.Config config);

    /**
     * RFC 1/7: {@code (flags & KEXEC_FLAGS) != (flags & ~KEXEC_ARCH_MASK)} with KEXEC_FLAGS
     * 0x1F under CONFIG_KEXEC_JUMP and 0xD without, because the patch added MULTIKERNEL only
     * to the KEXEC_JUMP branch. No combination is refused.
     */
    FlagRules AS_POSTED = (flags, nrSegments, config) -> {
        long kexecFlags = config.kexecJump()
                ? MkConst.KEXEC_ON_CRASH | MkConst.KEXEC_PRESERVE_CONTEXT | MkConst.KEXEC_UPDATE_ELFCOREHDR
                        | MkConst.KEXEC_CRASH_HOTPLUG_SUPPORT | MkConst.KEXEC_MULTIKERNEL
                : MkConst.KEXEC_ON_CRASH | MkConst.KEXEC_UPDATE_ELFCOREHDR | MkConst.KEXEC_CRASH_HOTPLUG_SUPPORT;
        return (flags & kexecFlags) == (flags & ~MkConst.KEXEC_ARCH_MASK);
    };

    /** The contract (D7, D8): MULTIKERNEL always legal, but not with a crash or jump-back flag. */
    FlagRules CORRECTED = (flags, nrSegments, config) -> {
        long conflicts = MkConst.KEXEC_ON_CRASH | MkConst.KEXEC_PRESERVE_CONTEXT | MkConst.KEXEC_UPDATE_ELFCOREHDR
                | MkConst.KEXEC_CRASH_HOTPLUG_SUPPORT;
        long known = conflicts | MkConst.KEXEC_MULTIKERNEL;
        if (!config.kexecJump()) {
            known &= ~MkConst.KEXEC_PRESERVE_CONTEXT;
        }
        boolean unknownBits = (flags & ~MkConst.KEXEC_ARCH_MASK & ~known) != 0;
        boolean conflict = (flags & MkConst.KEXEC_MULTIKERNEL) != 0 && (flags & conflicts) != 0;
        return !unknownBits && !conflict;
    };

    /** The contract for RFC v2's interface (V2): multikernel images come from kexec_file_load, so MULTIKERNEL only unloads. */
    FlagRules V2_CORRECTED = (flags, nrSegments, config) -> CORRECTED.legal(flags, nrSegments, config)
            && ((flags & MkConst.KEXEC_MULTIKERNEL) == 0 || nrSegments == 0);
}
