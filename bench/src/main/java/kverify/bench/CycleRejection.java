package kverify.bench;

import java.util.Locale;
import kverify.impl.luo.HandoverDecoder;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoVariant;
import kverify.impl.luo.layout.FileHeaderSer;
import kverify.impl.luo.layout.FileSetSer;
import kverify.impl.luo.layout.LayoutException;
import kverify.impl.luo.layout.SessionFdtNode;
import kverify.impl.luo.layout.SessionHeaderSer;
import kverify.impl.luo.layout.SessionSer;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.RebootFault;

/**
 * Part 5: how many blocks the next kernel visits before it rejects a cyclic chain. The chain is
 * built by the impl itself (three full blocks, sessions or one session's files), handed over, and
 * then block 2's {@code next} is pointed back at block 0 through the layout classes. Visits are
 * counted from the bytes the next kernel reads (simulated-memory read tracking): every visit of a
 * full block reads the same bytes, so visits = 3 + (bytes(cycle) - bytes(3 blocks)) / bytes per
 * visit, with bytes per visit taken from acyclic chains of 2 and 3 blocks. Counts, not times.
 */
final class CycleRejection {
    private CycleRejection() {
    }

    static void run(Table t) {
        for (LuoGeometry g : new LuoGeometry[] {LuoGeometry.SMALL, LuoGeometry.REAL}) {
            for (LuoVariant v : new LuoVariant[] {LuoVariant.AS_POSTED, LuoVariant.CORRECTED}) {
                sessionChain(t, g, v);
                fileChain(t, g, v);
            }
            decoder(t, g);
        }
    }

    private static void sessionChain(Table t, LuoGeometry g, LuoVariant v) {
        long two = setupBytes(g, v, 2, false).bytes;
        long three = setupBytes(g, v, 3, false).bytes;
        Probe cyc = setupBytes(g, v, 3, true);
        long visits = visits(two, three, cyc.bytes);
        t.add("5 cycle", String.format(Locale.ROOT, "session chain, %s, %s: setup (early boot) on a 3-block cycle", g.label(), v),
                visitsText(visits), "outcome " + cyc.outcome + "; LUO_MAX_BLOCKS = " + g.maxBlocks()
                        + "; " + Table.num(cyc.bytes) + " B read");
    }

    private static void fileChain(Table t, LuoGeometry g, LuoVariant v) {
        // The transcribed 2/5 walks the whole file chain (8 B, next, per block) before it reads any
        // block's entries, so bytes per visit are not constant: count the headers the walk read.
        Probe cyc = openBytes(g, v, 3, true);
        t.add("5 cycle", String.format(Locale.ROOT, "file chain, %s, %s: open (deserialize) on a 3-block cycle", g.label(), v),
                Table.num(cyc.visits) + " block headers visited (the session block, then the file chain)", "outcome " + cyc.outcome + "; " + Table.num(cyc.bytes) + " B read; "
                        + cyc.violations + " KHO violations after the rejection");
    }

    /** The suite's own handover decoder on the session cycle: bounded the same way. */
    private static void decoder(Table t, LuoGeometry g) {
        LuoImpl impl = sessions(g, LuoVariant.AS_POSTED, 3, true);
        long head = SessionFdtNode.headPa(impl.handoverFdt()).value();
        impl.memory().startTrackingReads();
        String outcome = "accepted";
        try {
            HandoverDecoder.sessionChain(impl.memory(), head, g);
        } catch (LayoutException e) {
            outcome = "rejected";
        }
        impl.memory().stopTrackingReads();
        t.add("5 cycle", "session chain, " + g.label() + ": HandoverDecoder.sessionChain (the suite's reader)",
                Table.num(impl.memory().bytesRead() / 8.0) + " blocks visited", outcome + " (reads only next, 8 B a block)");
    }

    private record Probe(long bytes, String outcome, int violations, long visits) {
    }

    /**
     * Visits of the cycle, from the bytes read on acyclic chains of 2 and 3 full blocks and on the
     * cycle; -1 when that is not a whole number (a walk that reads more than the blocks, e.g. a
     * cycle check with two pointers, is then reported in bytes only).
     */
    private static long visits(long two, long three, long cycle) {
        long perVisit = three - two;
        if (perVisit <= 0 || cycle < three || (cycle - three) % perVisit != 0) {
            return -1;
        }
        return 3 + (cycle - three) / perVisit;
    }

    private static String visitsText(long visits) {
        return visits < 0 ? "not a whole number of block reads" : Table.num(visits) + " blocks visited";
    }

    private static Probe setupBytes(LuoGeometry g, LuoVariant v, int blocks, boolean cycle) {
        LuoImpl impl = sessions(g, v, blocks, cycle);
        impl.memory().startTrackingReads();
        String outcome = impl.setup().toString();
        impl.memory().stopTrackingReads();
        return new Probe(impl.memory().bytesRead(), outcome, impl.kho().violations().size(), impl.blocksVisited());
    }

    private static Probe openBytes(LuoGeometry g, LuoVariant v, int blocks, boolean cycle) {
        LuoImpl impl = LuoImpl.boot(v, g);
        impl.createSession("f");
        for (long f = 0; f < (long) blocks * g.filesPerBlock(); f++) {
            impl.preserveFile("f", f, HandlerKind.TEST_A, f);
        }
        require(impl.reboot(RebootFault.NONE).isOk(), "reboot");
        if (cycle) {
            long entry = SessionHeaderSer.entryPa(SessionFdtNode.headPa(impl.handoverFdt()).value(), 0);
            long first = FileSetSer.read(impl.memory(), SessionSer.fileSetPa(entry)).files();
            long third = FileHeaderSer.next(impl.memory(), FileHeaderSer.next(impl.memory(), first));
            FileHeaderSer.writeNext(impl.memory(), third, first);
        }
        require(impl.setup().isOk(), "setup");
        long before = impl.blocksVisited();
        impl.memory().startTrackingReads();
        String outcome = impl.openDevice().toString();
        impl.memory().stopTrackingReads();
        return new Probe(impl.memory().bytesRead(), outcome, impl.kho().violations().size(), impl.blocksVisited() - before);
    }

    /** Full session blocks handed over; with cycle, the last block's next points at the first. */
    private static LuoImpl sessions(LuoGeometry g, LuoVariant v, int blocks, boolean cycle) {
        LuoImpl impl = LuoImpl.boot(v, g);
        for (long i = 0; i < (long) blocks * g.sessionsPerBlock(); i++) {
            require(impl.createSession("s" + i).isOk(), "create s" + i);
        }
        require(impl.reboot(RebootFault.NONE).isOk(), "reboot");
        if (cycle) {
            long head = SessionFdtNode.headPa(impl.handoverFdt()).value();
            long last = head;
            for (int b = 1; b < blocks; b++) {
                last = SessionHeaderSer.next(impl.memory(), last);
            }
            SessionHeaderSer.writeNext(impl.memory(), last, head);
        }
        return impl;
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("cycle scenario: " + what + " failed");
        }
    }
}
