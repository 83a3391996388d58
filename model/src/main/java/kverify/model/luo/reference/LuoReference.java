package kverify.model.luo.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.FileImage;
import kverify.model.luo.Handover;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.IncomingSession;
import kverify.model.luo.IncomingSession.IncomingFile;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoState;
import kverify.model.luo.LuoSystem;
import kverify.model.luo.Phase;
import kverify.model.luo.RebootFault;
import kverify.model.luo.SessionImage;

/**
 * The promise of the series, stated as plainly as possible: lists and maps, no bytes, no blocks.
 * Names are unique; the session limit is blocks x entries-per-block and so is the file limit;
 * a successful reboot hands over exactly the sessions and files that existed at that moment, in
 * order; a failed reboot changes nothing. Decisions on the spec's (U) points are in docs/luo.md.
 */
public final class LuoReference implements LuoSystem {
    private final LuoGeometry geometry;
    private Phase phase = Phase.OUTGOING;
    // Insertion order is the kernel's list order; files are keyed by token within a session.
    private final Map<String, Map<Long, FileImage>> outgoing = new LinkedHashMap<>();
    private List<SessionImage> handover;
    private boolean deviceOpen;
    private final Map<String, Boolean> retrieved = new LinkedHashMap<>();
    private final Map<String, Map<Long, IncomingFile>> incoming = new LinkedHashMap<>();

    public LuoReference(LuoGeometry geometry) {
        this.geometry = geometry;
    }

    @Override
    public Phase phase() {
        return phase;
    }

    @Override
    public Outcome<Unit> createSession(String name) {
        expect(Phase.OUTGOING);
        if (outgoing.containsKey(name)) {
            return Outcome.err(Errno.EEXIST);
        }
        if (outgoing.size() >= geometry.maxSessions()) {
            return Outcome.err(Errno.ENOSPC);
        }
        outgoing.put(name, new LinkedHashMap<>());
        return Outcome.ok();
    }

    @Override
    public Outcome<Unit> closeSession(String name) {
        if (phase == Phase.OUTGOING) {
            return outgoing.remove(name) == null ? Outcome.err(Errno.EBADF) : Outcome.ok();
        }
        expect(Phase.INCOMING);
        if (!holdsIncoming(name)) {
            return Outcome.err(Errno.EBADF);
        }
        retrieved.remove(name);
        incoming.remove(name);
        return Outcome.ok();
    }

    @Override
    public Outcome<Unit> preserveFile(String session, long token, HandlerKind kind, long data) {
        expect(Phase.OUTGOING);
        Map<Long, FileImage> files = outgoing.get(session);
        if (files == null) {
            return Outcome.err(Errno.EBADF);
        }
        if (files.containsKey(token)) {
            return Outcome.err(Errno.EEXIST);
        }
        if (files.size() >= geometry.maxFilesPerSession()) {
            return Outcome.err(Errno.ENOSPC);
        }
        files.put(token, new FileImage(token, kind, data));
        return Outcome.ok();
    }

    @Override
    public Outcome<Unit> reboot(RebootFault fault) {
        expect(Phase.OUTGOING);
        if (fault instanceof RebootFault.FreezeFails f && f.session() < outgoing.size()
                && f.file() < new ArrayList<>(outgoing.values()).get(f.session()).size()) {
            return Outcome.err(f.errno());
        }
        handover = outgoingImages();
        outgoing.clear();
        phase = Phase.BOOTING;
        return Outcome.ok();
    }

    @Override
    public Outcome<Unit> setup() {
        expect(Phase.BOOTING);
        phase = Phase.INCOMING;
        return Outcome.ok();
    }

    @Override
    public Outcome<Unit> openDevice() {
        expect(Phase.INCOMING);
        if (deviceOpen) {
            return Outcome.err(Errno.EBUSY);
        }
        deviceOpen = true;
        if (handover != null) {
            for (SessionImage s : handover) {
                Map<Long, IncomingFile> files = new LinkedHashMap<>();
                s.files().forEach(f -> files.put(f.token(), new IncomingFile(f, false)));
                incoming.put(s.name(), files);
                retrieved.put(s.name(), false);
            }
            handover = null;
        }
        return Outcome.ok();
    }

    @Override
    public Outcome<Unit> retrieveSession(String name) {
        expect(Phase.INCOMING);
        if (!deviceOpen) {
            return Outcome.err(Errno.EBADF);
        }
        if (!incoming.containsKey(name)) {
            return Outcome.err(Errno.ENOENT);
        }
        if (retrieved.get(name)) {
            return Outcome.err(Errno.EINVAL);
        }
        retrieved.put(name, true);
        return Outcome.ok();
    }

    @Override
    public Outcome<FileImage> retrieveFile(String session, long token) {
        expect(Phase.INCOMING);
        if (!holdsIncoming(session)) {
            return Outcome.err(Errno.EBADF);
        }
        IncomingFile f = incoming.get(session).get(token);
        if (f == null) {
            return Outcome.err(Errno.ENOENT);
        }
        incoming.get(session).put(token, new IncomingFile(f.file(), true));
        return Outcome.ok(f.file());
    }

    @Override
    public Outcome<Unit> finish(String session) {
        expect(Phase.INCOMING);
        if (!holdsIncoming(session)) {
            return Outcome.err(Errno.EBADF);
        }
        incoming.get(session).clear();
        return Outcome.ok();
    }

    @Override
    public LuoState state() {
        List<IncomingSession> in = new ArrayList<>();
        incoming.forEach((name, files) -> in.add(new IncomingSession(name, retrieved.get(name), List.copyOf(files.values()))));
        Handover h = handover == null ? Handover.ABSENT : new Handover.Present(handover);
        return new LuoState(phase, outgoingImages(), h, deviceOpen, in);
    }

    private boolean holdsIncoming(String name) {
        return Boolean.TRUE.equals(retrieved.get(name));
    }

    private List<SessionImage> outgoingImages() {
        List<SessionImage> out = new ArrayList<>();
        outgoing.forEach((name, files) -> out.add(new SessionImage(name, List.copyOf(files.values()))));
        return out;
    }

    private void expect(Phase p) {
        if (phase != p) {
            throw new IllegalStateException("operation needs phase " + p + ", system is in " + phase);
        }
    }
}
