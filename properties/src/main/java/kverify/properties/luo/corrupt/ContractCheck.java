package kverify.properties.luo.corrupt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.luo.IncomingSession;
import kverify.model.luo.IncomingSession.IncomingFile;
import kverify.model.luo.SessionImage;
import kverify.model.luo.image.HandoverImage;
import kverify.model.luo.image.ImageVerdict;

/**
 * The properties every variant must meet on every image, checked in a fixed order so the first
 * problem names the most serious way a variant departs from the contract: no escaping exception;
 * no read outside RAM; no read of memory no folio preserves; work bounded by the image size
 * (block headers read per step at most F+1 for an image of F preserved folios, bytes read per
 * step at most 2P for P preserved bytes); the model's setup and open outcomes; the model's
 * sessions, and none after a rejection; nothing kept, leaked or restored twice.
 */
final class ContractCheck {
    /**
     * One way the observation departs from the contract: a stable aspect, whether the divergence
     * key qualifies it with the model's rejection, and details. Safety and work aspects name the
     * walk that went wrong (session blocks or file blocks, read from the variant's own walk, not
     * guessed from the model); outcome aspects are qualified by the model's rejection (each is one
     * check the variant lacks); error-path aspects stand alone (one defect, whatever triggers it).
     */
    static final class Problem {
        private final String aspect;
        private final Qualifier qualifier;
        // The details of an as-posted failure are read only for the case the engine reports, so a costly one is written when
        // first asked for, from values that no longer change (the observation, the verdict, the image).
        private Supplier<String> pending;
        private String detail;

        Problem(String aspect, Qualifier qualifier, String detail) {
            this(aspect, qualifier, () -> detail);
        }

        Problem(String aspect, Qualifier qualifier, Supplier<String> detail) {
            this.aspect = aspect;
            this.qualifier = qualifier;
            this.pending = detail;
        }

        String aspect() {
            return aspect;
        }

        Qualifier qualifier() {
            return qualifier;
        }

        String detail() {
            if (pending != null) {
                detail = pending.get();
                pending = null;
            }
            return detail;
        }
    }

    enum Qualifier { REJECTION, NONE }

    private ContractCheck() {
    }

    /** The divergence key: the aspect, qualified as the problem says. */
    static String key(ImageVerdict v, Problem p) {
        return p.qualifier() == Qualifier.REJECTION ? v.label() + ": " + p.aspect() : p.aspect();
    }

    static List<Problem> problems(HandoverImage img, ImageVerdict v, Observation o) {
        List<Problem> out = new ArrayList<>();
        o.exception().ifPresent(e -> out.add(new Problem("exception " + e.substring(0, e.indexOf(':')), Qualifier.NONE, e)));
        if (o.setup().equals(Outcome.err(Errno.EFAULT))) {
            out.add(outsideRam("setup", o));
        }
        work(img, "setup", o.setupWork(), out);
        if (o.deserialize().filter(d -> d.equals(Outcome.err(Errno.EFAULT))).isPresent()) {
            out.add(outsideRam("deserialize", o));
        }
        work(img, "deserialize", o.openWork(), out);
        if (!o.setup().equals(v.setup())) {
            out.add(new Problem("setup " + o.setup() + ", model " + v.setup(), Qualifier.REJECTION, ""));
        } else if (o.open().isPresent() && !o.open().equals(v.open())) {
            out.add(new Problem("open " + o.open().get() + ", model " + v.open().map(Object::toString).orElse("-"),
                    Qualifier.REJECTION, ""));
        }
        if (v.setup().isOk() && o.setup().isOk()) {
            sessionsAndLeaks(img, v, o, out);
        } else if (!v.setup().isOk() && !o.setup().isOk()) {
            keptBlocks(v, o, out);
            // KHO warnings after a setup rejection are not judged: the boot panics next, and v7's cleanup walk frees through
            // pointers inside preserved pages, which the suite's KHO (folio heads only) cannot judge (docs/versions-luo.md U17).
        }
        return out;
    }

    /**
     * After a rejection (C1, C6) nothing is tracked and no session block the walk reached is left
     * unrestored; at setup too, although the boot then panics, so a variant that keeps what setup
     * walked is seen (the same defect as at open: one key).
     */
    private static void keptBlocks(ImageVerdict v, Observation o, List<Problem> out) {
        List<Long> kept = v.sessionChain().stream().filter(o.unrestoredAfterFinish()::containsKey).toList();
        if (o.blocksTracked() > v.blocksTracked() || !kept.isEmpty()) {
            out.add(new Problem("rejected handover keeps its session blocks", Qualifier.NONE, () -> o.blocksTracked()
                    + " blocks still tracked; session blocks never restored: " + hex(kept)));
        }
    }

    /** A read outside RAM, named by the walk whose struct it was reading. */
    private static Problem outsideRam(String step, Observation o) {
        String struct = o.readFault().orElse("?");
        String through = struct.startsWith("luo_file_header") || struct.startsWith("luo_file_ser") ? FILES : SESSIONS;
        return new Problem(step + " reads outside RAM " + through, Qualifier.NONE,
                step + " returned EFAULT reading " + struct + ": a PA it followed is not RAM (an oops in the kernel)");
    }

    static final String SESSIONS = "through session blocks";
    static final String FILES = "through file blocks";

    private static void work(HandoverImage img, String step, Observation.Work w, List<Problem> out) {
        if (!w.unpreservedThroughSessions().isEmpty()) {
            out.add(new Problem(step + " reads memory that was not preserved " + SESSIONS, Qualifier.NONE,
                    () -> "pages " + hex(w.unpreservedThroughSessions())));
        }
        if (!w.unpreservedThroughFiles().isEmpty()) {
            out.add(new Problem(step + " reads memory that was not preserved " + FILES, Qualifier.NONE,
                    () -> "pages " + hex(w.unpreservedThroughFiles())));
        }
        long folios = img.preserved().size();
        if (w.blocksVisited() > folios + 1) {
            out.add(new Problem(step + " visits more blocks than the image holds " + (w.sessionVisits() >= w.fileVisits() ? SESSIONS : FILES),
                    Qualifier.NONE, () -> w.sessionVisits() + " session and " + w.fileVisits() + " file block headers read, bound F+1 = "
                    + (folios + 1) + " for F = " + folios + " preserved folios"));
        }
        if (w.bytesRead() > 2 * img.preservedBytes()) {
            out.add(new Problem(step + " reads more than twice the preserved bytes", Qualifier.NONE,
                    () -> w.bytesRead() + " bytes read, bound 2P = " + 2 * img.preservedBytes()));
        }
    }

    private static void sessionsAndLeaks(HandoverImage img, ImageVerdict v, Observation o, List<Problem> out) {
        if (v.isAccepted() && !restoredAsHandedOver(o.sessions(), v.sessions())) {
            out.add(new Problem("restored sessions differ from the model", Qualifier.REJECTION, () -> o.sessions() + " vs model " + v.sessions()));
        }
        if (!v.isAccepted() && !o.sessions().isEmpty()) {
            out.add(new Problem("rejected handover leaves sessions half-restored", Qualifier.NONE, () -> o.sessions().size() + " sessions: " + o.sessions()));
        }
        if (!v.isAccepted()) {
            keptBlocks(v, o, out);
        } else {
            TreeSet<Long> expected = new TreeSet<>(img.preserved().keySet());
            expected.removeAll(v.owned());
            if (!expected.equals(o.unrestoredAfterFinish().keySet())) {
                out.add(new Problem("folios left unrestored after every session is finished differ from the contract", Qualifier.NONE,
                        () -> "unrestored " + hex(o.unrestoredAfterFinish().keySet()) + ", contract " + hex(expected)));
            }
        }
        khoWarns(o, out);
    }

    private static void khoWarns(Observation o, List<Problem> out) {
        if (!o.violations().isEmpty()) {
            out.add(new Problem("KHO warns (restore of memory not handed over, or restored twice)", Qualifier.NONE,
                    () -> o.violations().toString()));
        }
    }

    /**
     * True if the restored sessions are the handed-over ones: each in order, not retrieved, with its files in order,
     * none retrieved. Compared in place, without building the expected list: an accepted real-geometry handover has
     * hundreds of sessions, and every case checks it.
     */
    static boolean restoredAsHandedOver(List<IncomingSession> restored, List<SessionImage> handover) {
        if (restored.size() != handover.size()) {
            return false;
        }
        for (int i = 0; i < restored.size(); i++) {
            IncomingSession r = restored.get(i);
            SessionImage h = handover.get(i);
            if (r.retrieved() || !Objects.equals(r.name(), h.name()) || r.files().size() != h.files().size()) {
                return false;
            }
            for (int j = 0; j < r.files().size(); j++) {
                IncomingFile f = r.files().get(j);
                if (f.retrieved() || !Objects.equals(f.file(), h.files().get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    static Optional<Problem> first(HandoverImage img, ImageVerdict v, Observation o) {
        return problems(img, v, o).stream().findFirst();
    }

    static String hex(Iterable<Long> pas) {
        StringBuilder sb = new StringBuilder("[");
        for (long pa : pas) {
            sb.append(sb.length() > 1 ? ", " : "").append(Corruption.hex(pa));
        }
        return sb.append(']').toString();
    }
}
