package kverify.model.luo.reference;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.FileCalls;
import kverify.model.luo.FileCalls.HandlerCall;
import kverify.model.luo.FileImage;
import kverify.model.luo.FileSpec;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.HandlerState;
import kverify.model.luo.IncomingSession;
import kverify.model.luo.IncomingSession.IncomingFile;
import kverify.model.luo.SessionImage;

/**
 * One running kernel as the contract sees it: its fd table (lowest free number from 3), the
 * device, the sessions it will hand over and the ones it received, the files user space made,
 * which files LUO holds (preserved, or retrieved and not finished: a second preserve is EBUSY),
 * and the handler modules. The ioctl decoding is {@link RefIoctls}.
 */
final class RefKernel {
    static final int FIRST_FD = 3;

    /** A file object: the file user space made, or one incoming entry (and the file its retrieve makes). */
    static final class RFile {
        final String ref;
        final FileSpec spec;
        FileCalls calls;

        RFile(String ref, FileSpec spec) {
            this.ref = ref;
            this.spec = spec;
            this.calls = FileCalls.none(ref);
        }

        void call(HandlerCall c) {
            calls = calls.plus(c);
        }
    }

    /** A preserved or deserialized file of a session. */
    record Member(long token, HandlerKind kind, long data, RFile file) {
        FileImage image() {
            return new FileImage(token, kind, data);
        }
    }

    static final class RSession {
        final String name;
        final boolean incoming;
        final List<Member> files = new ArrayList<>();
        /** The tokens of {@link #files}, so a preserve's EEXIST check does not scan them (1.27 million at the limit). */
        private Set<Long> tokens = Set.of();
        boolean retrieved;
        final Set<Long> retrievedTokens = new HashSet<>();

        RSession(String name, boolean incoming) {
            this.name = name;
            this.incoming = incoming;
        }

        void addFile(Member m) {
            files.add(m);
            if (tokens.isEmpty()) {
                tokens = new HashSet<>();
            }
            tokens.add(m.token());
        }

        boolean hasToken(long token) {
            return tokens.contains(token);
        }

        void clearFiles() {
            files.clear();
            tokens = Set.of();
        }
    }

    /** What an fd refers to. */
    sealed interface Target permits Device, SessionFd, FileFd {
    }

    record Device() implements Target {
    }

    record SessionFd(RSession session) implements Target {
    }

    record FileFd(RFile file) implements Target {
    }

    final TreeMap<Integer, Target> fds = new TreeMap<>();
    private final java.util.TreeSet<Integer> freed = new java.util.TreeSet<>();
    final LinkedHashMap<String, RSession> outgoing = new LinkedHashMap<>();
    final LinkedHashMap<String, RSession> incoming = new LinkedHashMap<>();
    final List<RFile> files = new ArrayList<>();
    final Set<RFile> held = new HashSet<>();
    final Map<HandlerKind, Integer> pins = new EnumMap<>(HandlerKind.class);
    final Set<HandlerKind> loaded = new HashSet<>(List.of(HandlerKind.values()));
    private List<SessionImage> toDeserialize;
    private Outcome<Unit> deserialized;
    boolean deviceHeld;
    private int made;

    /** A kernel that boots on this handover (null: the first kernel, nothing handed over). */
    RefKernel(List<SessionImage> handover) {
        this.toDeserialize = handover;
    }

    /** A permutation of open fd numbers (decision 39): each key's file moves to its value. */
    void renumber(Map<Integer, Integer> to) {
        TreeMap<Integer, Target> moved = new TreeMap<>();
        fds.forEach((fd, t) -> moved.put(to.getOrDefault(fd, fd), t));
        if (moved.size() != fds.size()) {
            throw new IllegalArgumentException("not a permutation of open fds: " + to);
        }
        fds.clear();
        fds.putAll(moved);
    }

    /** The lowest free fd: one closed below the highest ever given, else the next one up. */
    int install(Target t) {
        int fd = freed.isEmpty() ? FIRST_FD + fds.size() : freed.pollFirst();
        fds.put(fd, t);
        return fd;
    }

    /** {@code allocationFails}: an allocation of the first open's deserialize failed, which rejects the handover as a whole. */
    Outcome<Integer> open(boolean allocationFails) {
        if (deviceHeld) {
            return Outcome.err(Errno.EBUSY);
        }
        if (deserialized == null && allocationFails && toDeserialize != null) {
            toDeserialize = null;
            deserialized = Outcome.err(Errno.ENOMEM);
        } else if (allocationFails) {
            return Outcome.err(Errno.ENOMEM);
        }
        if (deserialized == null) {
            deserialized = deserialize();
        }
        if (!deserialized.isOk()) {
            return Outcome.err(Errno.EIO);
        }
        deviceHeld = true;
        return Outcome.ok(install(new Device()));
    }

    /** The first open takes the handover as a whole, or rejects it as a whole (a handler is not loaded). */
    private Outcome<Unit> deserialize() {
        List<SessionImage> h = toDeserialize;
        toDeserialize = null;
        if (h == null) {
            return Outcome.ok();
        }
        boolean handled = h.stream().allMatch(s -> s.files().stream().allMatch(f -> loaded.contains(f.kind())));
        if (!handled) {
            return Outcome.err(Errno.ENOENT);
        }
        for (SessionImage s : h) {
            RSession r = new RSession(s.name(), true);
            for (FileImage f : s.files()) {
                RFile file = new RFile("'" + kverify.model.luo.SessionNames.escape(s.name()) + "'#" + r.files.size(),
                        FileSpec.of(f.kind(), f.data()));
                files.add(file);
                r.addFile(new Member(f.token(), f.kind(), f.data(), file));
                pin(f.kind(), 1);
            }
            incoming.put(s.name(), r);
        }
        return Outcome.ok();
    }

    boolean deserializedOk() {
        return deserialized != null && deserialized.isOk();
    }

    boolean handoverPending() {
        return toDeserialize != null;
    }

    boolean deserializeFailed() {
        return deserialized != null && !deserialized.isOk();
    }

    Outcome<Integer> newFile(FileSpec spec) {
        RFile f = new RFile("file#" + ++made, spec);
        files.add(f);
        return Outcome.ok(install(new FileFd(f)));
    }

    Outcome<Unit> close(int fd) {
        Target t = fds.remove(fd);
        if (t == null) {
            return Outcome.err(Errno.EBADF);
        }
        freed.add(fd);
        if (t instanceof Device) {
            deviceHeld = false;
        } else if (t instanceof SessionFd s) {
            release(s.session());
        }
        return Outcome.ok();
    }

    /** Releasing a session fd: outgoing, every file unpreserved; retrieved, finished; then the session is gone. */
    private void release(RSession s) {
        if (s.incoming) {
            finish(s);
            incoming.remove(s.name);
            return;
        }
        for (Member m : s.files) {
            m.file().call(HandlerCall.UNPRESERVE);
            drop(m);
        }
        outgoing.remove(s.name);
    }

    void finish(RSession s) {
        for (Member m : s.files) {
            m.file().call(HandlerCall.FINISH);
            drop(m);
        }
        s.clearFiles();
    }

    private void drop(Member m) {
        pin(m.kind(), -1);
        held.remove(m.file());
    }

    void pin(HandlerKind k, int delta) {
        pins.merge(k, delta, Integer::sum);
    }

    Outcome<Unit> loadModule(HandlerKind k) {
        return loaded.add(k) ? Outcome.ok() : Outcome.err(Errno.EEXIST);
    }

    Outcome<Unit> unloadModule(HandlerKind k) {
        if (!loaded.contains(k)) {
            return Outcome.err(Errno.ENOENT);
        }
        if (pins.getOrDefault(k, 0) > 0) {
            return Outcome.err(Errno.EAGAIN);
        }
        loaded.remove(k);
        return Outcome.ok();
    }

    List<SessionImage> outgoingImages() {
        List<SessionImage> out = new ArrayList<>();
        outgoing.values().forEach(s -> out.add(new SessionImage(s.name, s.files.stream().map(Member::image).toList())));
        return out;
    }

    List<IncomingSession> incomingImages() {
        List<IncomingSession> out = new ArrayList<>();
        for (RSession s : incoming.values()) {
            out.add(image(s));
        }
        return out;
    }

    java.util.Optional<IncomingSession> incomingImages(String name) {
        return java.util.Optional.ofNullable(incoming.get(name)).map(RefKernel::image);
    }

    private static IncomingSession image(RSession s) {
        List<IncomingFile> fs = s.files.stream().map(m -> new IncomingFile(m.image(), s.retrievedTokens.contains(m.token()))).toList();
        return new IncomingSession(s.name, s.retrieved, fs);
    }

    List<HandlerState> handlerStates() {
        List<HandlerState> out = new ArrayList<>();
        for (HandlerKind k : HandlerKind.values()) {
            out.add(new HandlerState(k, loaded.contains(k), pins.getOrDefault(k, 0)));
        }
        return out;
    }

    List<FileCalls> calls() {
        return files.stream().map(f -> f.calls).filter(c -> !c.isEmpty()).toList();
    }
}
