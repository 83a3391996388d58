package kverify.impl.luo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import kverify.impl.kho.Kho;
import kverify.impl.luo.layout.FileHeaderSer;
import kverify.impl.luo.layout.FileSetSer;
import kverify.impl.luo.layout.LayoutException;
import kverify.impl.luo.layout.SessionHeaderSer;
import kverify.impl.luo.layout.SessionSer;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.Phase;

/**
 * Structural invariants of the implementation, read from simulated memory and KHO's books
 * after every step. Each message names the invariant and the values that break it.
 */
public final class LuoInvariants {
    private final LuoImpl impl;
    private final LuoGeometry g;
    private final PhysicalMemory m;
    private final List<String> out = new ArrayList<>();

    private LuoInvariants(LuoImpl impl) {
        this.impl = impl;
        this.g = impl.geometry();
        this.m = impl.memory();
    }

    /** Every broken invariant, one line each; empty when all hold. */
    public static List<String> check(LuoImpl impl) {
        LuoInvariants c = new LuoInvariants(impl);
        impl.kho().violations().forEach(v -> c.out.add("KHO: " + v));
        impl.warnings().forEach(w -> c.out.add("WARN: " + w));
        if (impl.phase() != Phase.OUTGOING) {
            c.incoming();
        }
        if (impl.outgoingSessions() != null) {
            c.outgoing();
        }
        return c.out;
    }

    /**
     * The invariants whose check does not grow with the system: KHO's and the LUO code's own
     * reports, and the outgoing block count and capacity. The duel runs these after a step it
     * compares part by part (a large system, a step that touches a few sessions) and the whole
     * {@link #check} at its checkpoints.
     */
    public static List<String> checkStep(LuoImpl impl) {
        LuoInvariants c = new LuoInvariants(impl);
        impl.kho().violations().forEach(v -> c.out.add("KHO: " + v));
        impl.warnings().forEach(w -> c.out.add("WARN: " + w));
        if (impl.outgoingSessions() != null) {
            c.blockCounts(impl.outgoingSessions());
        }
        return c.out;
    }

    /** v1: 1 <= nblocks <= LUO_MAX_BLOCKS; v7: 0 <= nblocks (no block before the first create). */
    private void blockCounts(OutgoingSessions o) {
        BlockList blocks = o.blocks();
        int least = leastBlocks();
        require(blocks.nblocks() >= least && blocks.nblocks() <= g.maxBlocks(), () -> "nblocks=" + blocks.nblocks()
                + " within [" + least + ", " + g.maxBlocks() + "]");
        require(o.count() <= (long) blocks.nblocks() * g.sessionsPerBlock(), () ->
                "sessions=" + o.count() + " <= nblocks*BLOCK_MAX=" + (long) blocks.nblocks() * g.sessionsPerBlock());
    }

    private int leastBlocks() {
        return impl.variant().blockSets().blockAtBoot() ? 1 : 0;
    }

    /**
     * Outgoing (the first kernel's, and the next kernel's own once it has booted): the block
     * counts above; the chain from the first block is exactly the block list; every count fits
     * its block and all sessions fit the blocks; each file chain is exactly its list with no
     * empty block; and KHO preserves exactly these blocks and the handover's root (v7's luo_ser),
     * nothing else.
     */
    private void outgoing() {
        OutgoingSessions o = impl.outgoingSessions();
        BlockList blocks = o.blocks();
        blockCounts(o);
        walked(leastBlocks() == 1 ? "session chain from the FDT head" : "session chain from the first block", impl.outgoingHead(),
                blocks.pas(), true);
        TreeMap<Long, Integer> expected = new TreeMap<>();
        o.rootPas().forEach(pa -> expected.put(pa, Kho.orderOf(kverify.impl.luo.layout.v7.LuoSer.SIZE)));
        for (long pa : blocks.pas()) {
            expected.put(pa, Kho.orderOf(g.sessionBlockBytes()));
            long count = SessionHeaderSer.count(m, pa);
            require(count <= g.sessionsPerBlock(), () -> String.format("block 0x%x count=%d <= %d", pa, count, g.sessionsPerBlock()));
        }
        for (Session s : o.sessions()) {
            List<Long> fileBlocks = s.files().blockPas();
            long needed = (s.files().count() + g.filesPerBlock() - 1) / g.filesPerBlock();
            require(fileBlocks.size() == needed, () -> "session '" + s.name() + "': file blocks=" + fileBlocks.size()
                    + " == ceil(files/" + g.filesPerBlock() + ")=" + needed);
            if (!fileBlocks.isEmpty()) {
                walked("file chain of session '" + s.name() + "'", fileBlocks.get(0), fileBlocks, false);
            }
            fileBlocks.forEach(pa -> expected.put(pa, Kho.orderOf(g.fileBlockBytes())));
        }
        require(impl.kho().preserved().equals(expected), () -> "KHO preserves exactly the session and file blocks: preserved="
                + hex(impl.kho().preserved().keySet()) + " expected=" + hex(expected.keySet()));
    }

    /**
     * Next kernel: what KHO still holds unrestored is exactly the handover's blocks (while the
     * session blocks are unrestored) plus the file blocks of incoming sessions not yet finished.
     * After every session is finished nothing else is left: no leak, no double restore.
     */
    private void incoming() {
        TreeSet<Long> expected = new TreeSet<>();
        Optional<Long> head = impl.handoverHead();
        if (head.isPresent() && impl.kho().isRestorable(head.get())) {
            expected.addAll(reachable(head.get()));
        }
        impl.handoverRootPas().stream().filter(impl.kho()::isRestorable).forEach(expected::add);
        for (Session s : impl.incomingSessions().sessions()) {
            expected.addAll(s.files().blockPas());
        }
        TreeSet<Long> held = new TreeSet<>(impl.kho().incoming().keySet());
        require(held.equals(expected), () -> "unrestored handed-over folios are exactly the handover and unfinished file blocks: held="
                + hex(held) + " expected=" + hex(expected));
    }

    /**
     * Every block the handover in memory reaches: session chain, and each entry's file chain. On
     * the way, the per-block state decoded from memory: serialize fills the blocks of a chain in
     * order, so every block before the last non-empty one is full and every block after it is
     * empty (a count written by an earlier, failed serialize shows here).
     */
    private List<Long> reachable(long head) {
        List<Long> out = new ArrayList<>();
        try {
            List<Long> sessionBlocks = HandoverDecoder.sessionChain(m, head, g);
            filledInOrder("session chain", sessionBlocks, pa -> SessionHeaderSer.count(m, pa), g.sessionsPerBlock());
            for (long block : sessionBlocks) {
                out.add(block);
                long count = Math.min(SessionHeaderSer.count(m, block), g.sessionsPerBlock());
                for (long i = 0; i < count; i++) {
                    long files = FileSetSer.read(m, SessionSer.fileSetPa(SessionHeaderSer.entryPa(block, i))).files();
                    List<Long> fileBlocks = HandoverDecoder.fileChain(m, files, g);
                    filledInOrder("file chain", fileBlocks, pa -> FileHeaderSer.count(m, pa), g.filesPerBlock());
                    out.addAll(fileBlocks);
                }
            }
        } catch (LayoutException e) {
            this.out.add("handover chain: " + e.getMessage());
        }
        return out;
    }

    private void filledInOrder(String what, List<Long> chain, java.util.function.LongUnaryOperator count, int perBlock) {
        int last = -1;
        for (int b = 0; b < chain.size(); b++) {
            last = count.applyAsLong(chain.get(b)) != 0 ? b : last;
        }
        int lastNonEmpty = last;
        for (int b = 0; b < chain.size(); b++) {
            long c = count.applyAsLong(chain.get(b));
            boolean ok = b < last ? c == perBlock : b > last ? c == 0 : Long.compareUnsigned(c, perBlock) <= 0;
            int block = b;
            require(ok, () -> String.format("%s filled in order: block %d of %d at 0x%x has count %d (last non-empty block %d)",
                    what, block, chain.size(), chain.get(block), c, lastNonEmpty));
        }
    }

    private void walked(String what, long head, List<Long> expected, boolean sessions) {
        try {
            List<Long> chain = sessions ? HandoverDecoder.sessionChain(m, head, g) : HandoverDecoder.fileChain(m, head, g);
            require(chain.equals(expected), () -> what + " " + hex(chain) + " equals the block list " + hex(expected));
        } catch (LayoutException e) {
            out.add(what + ": " + e.getMessage());
        }
    }

    /** The message is built only when the invariant is broken: formatting it every step cost more than checking. */
    private void require(boolean holds, Supplier<String> invariant) {
        if (!holds) {
            out.add("violated: " + invariant.get());
        }
    }

    private static String hex(Iterable<Long> pas) {
        StringBuilder sb = new StringBuilder("[");
        for (long pa : pas) {
            sb.append(sb.length() > 1 ? ", " : "").append(String.format("0x%x", pa));
        }
        return sb.append(']').toString();
    }
}
