package kverify.model.luo;

import java.util.List;

/**
 * What the preserved memory hands to the next kernel: present from a successful reboot until
 * the next kernel has deserialized it and freed its blocks. An implementation reports this by
 * decoding its memory, so a byte that disagrees with the sessions that existed at the reboot
 * shows up here at the reboot itself, before any later step trips over it.
 */
public sealed interface Handover permits Handover.Absent, Handover.Present, Handover.Undecodable {

    Absent ABSENT = new Absent();

    record Absent() implements Handover {
        @Override
        public String toString() {
            return "none";
        }
    }

    record Present(List<SessionImage> sessions) implements Handover {
        public Present {
            sessions = List.copyOf(sessions);
        }

        @Override
        public String toString() {
            return sessions.toString();
        }
    }

    /** The bytes do not decode; the message names address, struct, field, actual and expected. */
    record Undecodable(String error) implements Handover {
        @Override
        public String toString() {
            return "undecodable: " + error;
        }
    }
}
