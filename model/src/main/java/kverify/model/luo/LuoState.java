package kverify.model.luo;

import java.util.List;
import java.util.Objects;

/**
 * The abstract state of one live update, compared with {@code equals} after every step: the
 * sessions the running kernel will hand over (in list order, with their files), what the
 * preserved memory hands over, whether /dev/liveupdate is held open, the sessions the running
 * kernel received, its handler modules, the handler calls per file, and the session-block
 * tracking entries the next kernel still holds once it has deserialized (-1 before, and in the
 * first kernel: nothing to report).
 */
public record LuoState(Phase phase, List<SessionImage> outgoing, Handover handover, boolean deviceOpen,
        List<IncomingSession> incoming, List<HandlerState> handlers, List<FileCalls> calls, long blocksTracked) {
    public LuoState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(handover, "handover");
        outgoing = List.copyOf(outgoing);
        incoming = List.copyOf(incoming);
        handlers = List.copyOf(handlers);
        calls = List.copyOf(calls);
    }

    /** The components of trace format v1's state, the others at their start values. */
    public LuoState(Phase phase, List<SessionImage> outgoing, Handover handover, boolean deviceOpen, List<IncomingSession> incoming) {
        this(phase, outgoing, handover, deviceOpen, incoming, List.of(), List.of(), -1);
    }

    /** Lists up to this long are shown whole in a difference; longer ones by size and first difference. */
    static final int SHOWN_WHOLE = 8;

    /** One line per component that differs, "component: this vs other"; empty if equal. */
    public List<String> differences(LuoState other) {
        List<String> out = new java.util.ArrayList<>();
        if (phase != other.phase) {
            out.add("phase: " + phase + " vs " + other.phase);
        }
        if (!outgoing.equals(other.outgoing)) {
            out.add("outgoing sessions: " + compare(outgoing, other.outgoing));
        }
        if (!handover.equals(other.handover)) {
            out.add(handoverComponent(other) + ": " + (handover instanceof Handover.Present a && other.handover instanceof Handover.Present b
                    ? compare(a.sessions(), b.sessions()) : handover + " vs " + other.handover));
        }
        if (deviceOpen != other.deviceOpen) {
            out.add("device open: " + deviceOpen + " vs " + other.deviceOpen);
        }
        if (!incoming.equals(other.incoming)) {
            out.add("incoming sessions: " + compare(incoming, other.incoming));
        }
        if (!handlers.equals(other.handlers)) {
            out.add("handler modules: " + handlers + " vs " + other.handlers);
        }
        if (!calls.equals(other.calls)) {
            out.add("handler calls: " + compare(calls, other.calls));
        }
        if (blocksTracked != other.blocksTracked) {
            out.add("blocks tracked: " + blocksTracked + " vs " + other.blocksTracked);
        }
        return out;
    }

    /** "handover files" when both hand over the same session names and only files differ, else "handover". */
    private String handoverComponent(LuoState other) {
        if (handover instanceof Handover.Present a && other.handover instanceof Handover.Present b
                && a.sessions().stream().map(SessionImage::name).toList().equals(b.sessions().stream().map(SessionImage::name).toList())) {
            return "handover files";
        }
        return "handover";
    }

    static String compare(List<?> a, List<?> b) {
        if (a.size() <= SHOWN_WHOLE && b.size() <= SHOWN_WHOLE) {
            return a + " vs " + b;
        }
        int i = 0;
        while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
            i++;
        }
        return a.size() + " vs " + b.size() + " entries, first difference at index " + i + ": "
                + (i < a.size() ? a.get(i) : "(none)") + " vs " + (i < b.size() ? b.get(i) : "(none)");
    }
}
