package kverify.model.luo;

import java.nio.charset.StandardCharsets;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;

/**
 * The user program that trace format v1 describes, written once on top of the system calls: it
 * holds /dev/liveupdate (opened on its first create in the outgoing kernel, by open-device in the
 * next one) under the handle {@code legacy:dev}, and each session's fd under
 * {@code legacy:NAME}. A session fd it does not hold is EBADF without a call, as before. Names
 * are 1 to 63 characters of [A-Za-z0-9._-] ({@link SessionNames}), passed NUL-padded.
 */
final class LegacyUser {
    static final String DEVICE = "legacy:dev";

    private LegacyUser() {
    }

    private static String handle(String session) {
        return "legacy:" + session;
    }

    /** One byte per char, as SessionSer reads a name back: a name restored from a handover with a byte >= 0x80 can be retrieved. */
    static UserArg sessionArg(String name) {
        return new UserArg(Uapi.sessionArg(Uapi.SESSION_ARG_SIZE, name.getBytes(StandardCharsets.ISO_8859_1)), true);
    }

    static Outcome<Unit> createSession(LuoSystem s, String name) {
        expect(s, Phase.OUTGOING);
        Process p = s.process();
        if (!p.holds(DEVICE)) {
            Outcome<Integer> dev = s.open();
            if (!dev.isOk()) {
                return Outcome.failure(dev);
            }
            p.bind(DEVICE, dev.value());
        }
        return bindResult(s, handle(name), s.ioctl(p.fd(DEVICE), Uapi.CREATE_SESSION, sessionArg(name)));
    }

    static Outcome<Unit> closeSession(LuoSystem s, String name) {
        if (s.phase() != Phase.OUTGOING) {
            expect(s, Phase.INCOMING);
        }
        Process p = s.process();
        String handle = handle(name);
        if (!p.holds(handle)) {
            return Outcome.err(Errno.EBADF);
        }
        Outcome<Unit> r = s.close(p.fd(handle));
        if (r.isOk()) {
            p.unbind(handle);
        }
        return r;
    }

    static Outcome<Unit> preserveFile(LuoSystem s, String session, long token, HandlerKind kind, long data) {
        expect(s, Phase.OUTGOING);
        Process p = s.process();
        String handle = handle(session);
        if (!p.holds(handle)) {
            return Outcome.err(Errno.EBADF);
        }
        int file = s.newFile(FileSpec.of(kind, data)).value();
        Outcome<IoctlResult> r = s.ioctl(p.fd(handle), Uapi.PRESERVE_FD,
                new UserArg(Uapi.fdArg(Uapi.FD_ARG_SIZE, file, token), true));
        s.close(file);
        return unit(r);
    }

    static Outcome<Unit> openDevice(LuoSystem s) {
        expect(s, Phase.INCOMING);
        Outcome<Integer> dev = s.open();
        if (!dev.isOk()) {
            return Outcome.failure(dev);
        }
        s.process().bind(DEVICE, dev.value());
        return Outcome.ok();
    }

    static Outcome<Unit> retrieveSession(LuoSystem s, String name) {
        expect(s, Phase.INCOMING);
        Process p = s.process();
        if (!p.holds(DEVICE)) {
            return Outcome.err(Errno.EBADF);
        }
        return bindResult(s, handle(name), s.ioctl(p.fd(DEVICE), Uapi.RETRIEVE_SESSION, sessionArg(name)));
    }

    static Outcome<FileImage> retrieveFile(LuoSystem s, String session, long token) {
        expect(s, Phase.INCOMING);
        Process p = s.process();
        String handle = handle(session);
        if (!p.holds(handle)) {
            return Outcome.err(Errno.EBADF);
        }
        Outcome<IoctlResult> r = s.ioctl(p.fd(handle), Uapi.RETRIEVE_FD,
                new UserArg(Uapi.fdArg(Uapi.FD_ARG_SIZE, 0, token), true));
        if (!r.isOk()) {
            return Outcome.failure(r);
        }
        s.close(r.value().fd().getAsInt());
        return Outcome.ok(r.value().file().orElseThrow());
    }

    static Outcome<Unit> finish(LuoSystem s, String session) {
        expect(s, Phase.INCOMING);
        Process p = s.process();
        String handle = handle(session);
        if (!p.holds(handle)) {
            return Outcome.err(Errno.EBADF);
        }
        return unit(s.ioctl(p.fd(handle), Uapi.FINISH, new UserArg(Uapi.finishArg(Uapi.FINISH_ARG_SIZE, 0), true)));
    }

    private static Outcome<Unit> bindResult(LuoSystem s, String handle, Outcome<IoctlResult> r) {
        if (r.isOk()) {
            s.process().bind(handle, r.value().fd().getAsInt());
        }
        return unit(r);
    }

    private static Outcome<Unit> unit(Outcome<?> r) {
        return r.isOk() ? Outcome.ok() : Outcome.failure(r);
    }

    private static void expect(LuoSystem s, Phase p) {
        if (s.phase() != p) {
            throw new IllegalStateException("operation needs phase " + p + ", the kernel is in " + s.phase());
        }
    }
}
