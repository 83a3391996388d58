package kverify.impl.luo.layout.v7;

import java.util.Optional;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;
import kverify.model.Outcome;

/**
 * The KHO subtree through which LUO v7 hands its state over: the outgoing kernel registers its
 * {@link LuoSer} with {@code kho_add_subtree(LUO_KHO_ENTRY_NAME, luo_ser, sizeof(*luo_ser))} and
 * the next kernel gets (PA, length) back from {@code kho_retrieve_subtree} ("[PATCH v7 04/13]
 * liveupdate: register luo_ser as KHO subtree", {@code kernel/liveupdate/luo_core.c} and
 * {@code include/linux/kho/abi/luo.h}). It replaces v1's FDT node {@code luo-session}. How KHO
 * stores the entry in its own FDT is not modelled (docs/versions-luo.md U6): a record of the
 * entry name, the blob's PA and its length.
 */
public record LuoSubtree(String name, long pa, long length) {
    /** LUO_KHO_ENTRY_NAME. */
    public static final String NAME = "LUO";

    /** What luo_state_setup registers for a luo_ser at pa. */
    public static LuoSubtree of(long pa) {
        return new LuoSubtree(NAME, pa, LuoSer.SIZE);
    }

    /** The length test of luo_early_startup; empty when it passes, else the name=value message. */
    public static Optional<String> checkLength(long length) {
        if (Long.compareUnsigned(length, LuoSer.SIZE) < 0) {
            return Optional.of("length=" + Long.toUnsignedString(length) + ", expected >= " + LuoSer.SIZE);
        }
        return Optional.empty();
    }

    /**
     * luo_early_startup up to the session set: no "LUO" entry is no incoming state (sessions_pa
     * 0, not an error); a blob shorter than luo_ser or with another compatible is EINVAL; else
     * the luo_ser's sessions_pa (0 again when the previous kernel had no sessions). A read
     * outside RAM throws the located LayoutException, which the caller turns into EFAULT.
     */
    public static Outcome<Long> incomingSessionsPa(Optional<LuoSubtree> entry, PhysicalMemory m) {
        if (entry.isEmpty() || !entry.get().name().equals(NAME)) {
            return Outcome.ok(0L);
        }
        if (checkLength(entry.get().length()).isPresent()) {
            return Outcome.err(Errno.EINVAL);
        }
        LuoSer.Value v = LuoSer.read(m, entry.get().pa());
        if (LuoSer.checkCompatible(v).isPresent()) {
            return Outcome.err(Errno.EINVAL);
        }
        return Outcome.ok(v.sessionsPa());
    }
}
