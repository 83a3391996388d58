package kverify.properties.luo;

import java.util.List;
import java.util.Optional;
import kverify.impl.luo.HandoverDecoder;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.layout.SessionHeaderSer;
import kverify.impl.luo.layout.SessionSer;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.luo.Phase;

/** Hex dumps of the session blocks involved in a failure: each header and its used entries. */
final class MemoryDump {
    private static final int MAX_BLOCKS = 6;
    private static final int MAX_ENTRIES = 4;

    private MemoryDump() {
    }

    static String sessionBlocks(LuoImpl impl) {
        Optional<Long> head = head(impl);
        if (head.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("Session blocks in simulated memory (header + first entries):\n");
        PhysicalMemory m = impl.memory();
        try {
            List<Long> chain = HandoverDecoder.sessionChain(m, head.get(), impl.geometry());
            for (int b = 0; b < Math.min(chain.size(), MAX_BLOCKS); b++) {
                long pa = chain.get(b);
                long count = SessionHeaderSer.count(m, pa);
                int entries = (int) Math.min(Math.max(count, 1), Math.min(MAX_ENTRIES, impl.geometry().sessionsPerBlock()));
                sb.append(String.format("  block %d at PA 0x%x: next=0x%x count=%d%n", b, pa, SessionHeaderSer.next(m, pa), count));
                sb.append(m.hexDump(pa, SessionHeaderSer.SIZE + entries * SessionSer.SIZE).indent(4));
            }
            if (chain.size() > MAX_BLOCKS) {
                sb.append("  ... ").append(chain.size() - MAX_BLOCKS).append(" more blocks\n");
            }
        } catch (RuntimeException e) {
            sb.append("  (chain unreadable: ").append(e.getMessage()).append(")\n");
        }
        return sb.toString();
    }

    private static Optional<Long> head(LuoImpl impl) {
        if (impl.phase() == Phase.OUTGOING) {
            return Optional.of(impl.outgoingHead()).filter(pa -> pa != 0);
        }
        return impl.handoverHead().filter(pa -> impl.kho().isRestorable(pa));
    }
}
