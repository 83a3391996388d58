package kverify.model.luo.image;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.SessionImage;

/**
 * What the contract says the next kernel does with one handover image: the early setup outcome;
 * if setup succeeded, the outcome of the first open of /dev/liveupdate (deserialize); the
 * sessions it restores (empty unless the open succeeds: a corrupted handover is rejected as a
 * whole, nothing half-restored); and the blocks it takes ownership of.
 *
 * <p>{@code sessionChain} is the session chain setup walked (on a setup rejection, the part walked
 * before the fault). {@code owned} is every session and file block of an accepted handover: after
 * deserialize and a finish of every session these are restored and freed, and every other
 * preserved folio stays reserved (the contract cannot tell another subsystem's memory from a
 * block a corrupted pointer skipped). After a rejected open the session chain is restored and
 * freed and no session or tracking entry is left.
 */
public record ImageVerdict(Outcome<Unit> setup, Optional<Outcome<Unit>> open, List<SessionImage> sessions,
        Optional<Rejection> rejection, List<Long> sessionChain, SortedSet<Long> owned) {

    public ImageVerdict {
        sessions = List.copyOf(sessions);
        sessionChain = List.copyOf(sessionChain);
        owned = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(owned));
    }

    public static ImageVerdict rejectedAtSetup(Rejection r, List<Long> walked) {
        return new ImageVerdict(Outcome.err(r.errno()), Optional.empty(), List.of(), Optional.of(r), walked, new TreeSet<>());
    }

    public static ImageVerdict rejectedAtOpen(Rejection r, List<Long> chain) {
        return new ImageVerdict(Outcome.ok(), Optional.of(Outcome.err(r.errno())), List.of(), Optional.of(r), chain, new TreeSet<>());
    }

    public static ImageVerdict accepted(List<SessionImage> sessions, List<Long> chain, SortedSet<Long> owned) {
        return new ImageVerdict(Outcome.ok(), Optional.of(Outcome.ok()), sessions, Optional.empty(), chain, owned);
    }

    /**
     * Session-block tracking entries the next kernel may still hold once it is done with the
     * handover (C1 of docs/corruption.md): after an accepted open the blocks are restored and
     * their entries freed; after a rejection, at setup or at open, none is kept either. So the
     * contract's number is 0 for every image; it is a method so the comparison is made for every
     * verdict, a setup rejection included.
     */
    public int blocksTracked() {
        return 0;
    }

    public boolean isAccepted() {
        return rejection.isEmpty();
    }

    /** "accepted" or the rejection's label: the first word of every divergence key. */
    public String label() {
        return rejection.map(Rejection::label).orElse("accepted");
    }
}
