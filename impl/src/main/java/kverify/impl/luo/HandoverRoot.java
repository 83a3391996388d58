package kverify.impl.luo;

import java.util.List;
import java.util.Optional;
import kverify.impl.kho.Kho;
import kverify.impl.luo.layout.SessionFdtNode;
import kverify.impl.luo.layout.v7.LuoSer;
import kverify.impl.luo.layout.v7.LuoSubtree;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Outcome;

/**
 * Where the handover starts in KHO, per version. v1: an FDT node {@code luo-session} whose
 * header property is the first session block's PA, written at boot (luo_session.c at
 * 7d538a77). v7: a preserved {@code struct luo_ser} registered as the "LUO" subtree, whose
 * {@code sessions_pa} is written only by a successful serialize (kernel/liveupdate/luo_core.c
 * after "[PATCH v7 04/13] liveupdate: register luo_ser as KHO subtree"; luo_session.c at
 * torvalds/linux 637315cb luo_session_serialize).
 */
public enum HandoverRoot {
    FDT_NODE {
        /** v1's session node carries no live-update number (the suite models only the node, decision 15). */
        @Override
        Outcome<KhoEntry> outgoing(Kho kho, BlockList sessionBlocks, long previousNumber) {
            return Outcome.ok(new KhoEntry.Fdt(SessionFdtNode.build(sessionBlocks.pa(0))));
        }

        @Override
        void serialized(Kho kho, KhoEntry entry, long head) {
        }

        @Override
        long outgoingHead(KhoEntry entry, BlockList sessionBlocks) {
            return SessionFdtNode.headPa(fdt(Optional.of(entry))).value();
        }

        @Override
        Outcome<Long> incomingHead(Optional<KhoEntry> entry, PhysicalMemory m) {
            return SessionFdtNode.headPa(fdt(entry));
        }

        @Override
        void setupDone(Kho kho, KhoEntry entry) {
        }

        @Override
        List<Long> rootPas(KhoEntry entry) {
            return List.of();
        }

        @Override
        long incomingNumber(Optional<KhoEntry> entry, PhysicalMemory m) {
            return 0;
        }

        @Override
        Optional<Long> writtenHead(KhoEntry entry, PhysicalMemory m) {
            Outcome<Long> head = SessionFdtNode.headPa(fdt(Optional.of(entry)));
            return head.isOk() ? Optional.of(head.value()) : Optional.empty();
        }

        private Optional<kverify.impl.luo.layout.FdtNode> fdt(Optional<KhoEntry> entry) {
            return entry.filter(e -> e instanceof KhoEntry.Fdt).map(e -> ((KhoEntry.Fdt) e).node());
        }
    },
    LUO_SUBTREE {
        /**
         * luo_state_setup: luo_ser allocated and preserved, compatible "luo-v5", sessions_pa 0 and
         * liveupdate_num one more than the handover this kernel booted on had (luo_fdt_setup in
         * kernel/liveupdate/luo_core.c, kernelorg-mirror/linux_kernel_git_tatashin_linux
         * 04f262f14c5e7587a86f9be24b491f593c514caf): 1 in the first kernel, 2 after one live update.
         */
        @Override
        Outcome<KhoEntry> outgoing(Kho kho, BlockList sessionBlocks, long previousNumber) {
            Outcome<Long> pa = kho.allocPreserve(LuoSer.SIZE);
            if (!pa.isOk()) {
                return Results.propagate(pa);
            }
            LuoSer.write(kho.memory(), pa.value(), previousNumber + 1, 0, 0);
            return Outcome.ok(new KhoEntry.Subtree(LuoSubtree.of(pa.value())));
        }

        /** luo_session_serialize: sessions_pa 0 first, the head at the end when there is a session. */
        @Override
        void serialized(Kho kho, KhoEntry entry, long head) {
            LuoSer.writeSessionsPa(kho.memory(), subtree(entry).pa(), head);
        }

        /** Before serialize sessions_pa is 0 whatever exists: the set's own head (kho_block_set_head_pa). */
        @Override
        long outgoingHead(KhoEntry entry, BlockList sessionBlocks) {
            return sessionBlocks.nblocks() == 0 ? 0 : sessionBlocks.pa(0);
        }

        /**
         * A v1 LUO entry under the "LUO" name (a next kernel of v7 on a v1 handover that KHO let
         * through, docs/versions-luo.md 7.5): its blob is an FDT, whose first four bytes are the
         * magic d0 0d fe ed (fdt_create writes it), so the strncmp with "luo-v5" over the first 8
         * bytes always fails: EINVAL, before anything of the v1 chain is read.
         */
        @Override
        Outcome<Long> incomingHead(Optional<KhoEntry> entry, PhysicalMemory m) {
            if (entry.isPresent() && entry.get() instanceof KhoEntry.Fdt) {
                return Outcome.err(kverify.model.Errno.EINVAL);
            }
            return LuoSubtree.incomingSessionsPa(entry.filter(e -> e instanceof KhoEntry.Subtree).map(HandoverRoot::subtree), m);
        }

        /** luo_early_startup: the luo_ser is restored and freed once the session set is restored, whatever the outcome. */
        @Override
        void setupDone(Kho kho, KhoEntry entry) {
            if (entry instanceof KhoEntry.Subtree s) {
                kho.restoreFree(s.entry().pa());
            }
        }

        @Override
        List<Long> rootPas(KhoEntry entry) {
            return entry instanceof KhoEntry.Subtree s ? List.of(s.entry().pa()) : List.of();
        }

        /** luo_early_startup reads liveupdate_num before the session set; no "LUO" entry leaves it 0. */
        @Override
        long incomingNumber(Optional<KhoEntry> entry, PhysicalMemory m) {
            Optional<LuoSubtree> s = entry.filter(e -> e instanceof KhoEntry.Subtree).map(HandoverRoot::subtree);
            if (s.isEmpty() || !s.get().name().equals(LuoSubtree.NAME) || LuoSubtree.checkLength(s.get().length()).isPresent()) {
                return 0;
            }
            return LuoSer.read(m, s.get().pa()).liveupdateNum();
        }

        @Override
        Optional<Long> writtenHead(KhoEntry entry, PhysicalMemory m) {
            Outcome<Long> head = incomingHead(Optional.of(entry), m);
            return head.isOk() ? Optional.of(head.value()) : Optional.empty();
        }
    };

    /** The outgoing kernel's entry, made at boot; {@code previousNumber} is the live-update number it booted on (0: none). */
    abstract Outcome<KhoEntry> outgoing(Kho kho, BlockList sessionBlocks, long previousNumber);

    /** The live-update number the handover names (0: none, or a version without one), read before setup restores the root. */
    abstract long incomingNumber(Optional<KhoEntry> entry, PhysicalMemory m);

    /** After a successful serialize, with the first session block's PA (0: no session). */
    abstract void serialized(Kho kho, KhoEntry entry, long head);

    /** The head of the outgoing session chain as this kernel knows it now. */
    abstract long outgoingHead(KhoEntry entry, BlockList sessionBlocks);

    /** The next kernel's reading of the entry: the head PA (0: nothing handed over), or its errno. */
    abstract Outcome<Long> incomingHead(Optional<KhoEntry> entry, PhysicalMemory m);

    /** After the session set was restored from an accepted entry. */
    abstract void setupDone(Kho kho, KhoEntry entry);

    /** Preserved memory the entry itself occupies (beside the blocks). */
    abstract List<Long> rootPas(KhoEntry entry);

    /** The head PA as the entry holds it now, read from memory where it lives there; empty if it names none. */
    abstract Optional<Long> writtenHead(KhoEntry entry, PhysicalMemory m);

    private static LuoSubtree subtree(KhoEntry entry) {
        return ((KhoEntry.Subtree) entry).entry();
    }
}
