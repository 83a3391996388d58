package kverify.model.luo;

import java.util.List;
import java.util.Objects;

/**
 * The abstract state of one live update, compared with {@code equals} after every step:
 * the outgoing sessions (in list order, with their files), what the preserved memory hands over,
 * whether the next kernel's /dev/liveupdate is held open, and the next kernel's sessions.
 */
public record LuoState(Phase phase, List<SessionImage> outgoing, Handover handover, boolean deviceOpen,
        List<IncomingSession> incoming) {
    public LuoState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(handover, "handover");
        outgoing = List.copyOf(outgoing);
        incoming = List.copyOf(incoming);
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
            out.add("handover: " + (handover instanceof Handover.Present a && other.handover instanceof Handover.Present b
                    ? compare(a.sessions(), b.sessions()) : handover + " vs " + other.handover));
        }
        if (deviceOpen != other.deviceOpen) {
            out.add("device open: " + deviceOpen + " vs " + other.deviceOpen);
        }
        if (!incoming.equals(other.incoming)) {
            out.add("incoming sessions: " + compare(incoming, other.incoming));
        }
        return out;
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
