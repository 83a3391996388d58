package kverify.model.luo;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kverify.model.Outcome;

/**
 * The operations of trace format v2: system calls with file descriptors as values the trace
 * names (handles, resolved by the system's {@link Process}), arguments as user memory, names as
 * bytes. Valid in any running kernel (the first, or the next after its setup); reboot and setup
 * are the v1 ops. A call through a handle that is not bound (never, or closed) uses
 * {@link Process#NEVER_VALID}.
 */
public sealed interface LuoCall extends LuoOp permits LuoCall.Open, LuoCall.Close, LuoCall.NewFile, LuoCall.SessionCall,
        LuoCall.PreserveFd, LuoCall.RetrieveFd, LuoCall.Finish, LuoCall.RawIoctl, LuoCall.LoadModule,
        LuoCall.UnloadModule, LuoCall.Repeat {

    @Override
    default boolean validIn(Phase phase) {
        return phase == Phase.OUTGOING || phase == Phase.INCOMING;
    }

    /** open("/dev/liveupdate"), bound to {@code bind} on success. */
    record Open(String bind) implements LuoCall {
        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            Outcome<Integer> r = s.open();
            if (r.isOk()) {
                s.process().bind(bind, r.value());
            }
            return r;
        }
    }

    /** close(2) of the handle's fd; unbound on success. */
    record Close(String handle) implements LuoCall {
        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            Outcome<?> r = s.close(s.process().fd(handle));
            if (r.isOk()) {
                s.process().unbind(handle);
            }
            return r;
        }
    }

    /** A file user space makes, bound to {@code bind}. */
    record NewFile(String bind, FileSpec spec) implements LuoCall {
        public NewFile {
            Objects.requireNonNull(spec, "spec");
        }

        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            Outcome<Integer> r = s.newFile(spec);
            if (r.isOk()) {
                s.process().bind(bind, r.value());
            }
            return r;
        }
    }

    /**
     * LIVEUPDATE_IOCTL_CREATE_SESSION ({@code create}) or LIVEUPDATE_IOCTL_RETRIEVE_SESSION on the
     * device handle, bound to {@code bind}; the name's bytes go into the 64-byte field (more spill
     * past the struct).
     */
    record SessionCall(boolean create, String device, byte[] name, ArgShape shape, String bind) implements LuoCall {
        public SessionCall {
            name = name.clone();
        }

        public static SessionCall create(String device, byte[] name, ArgShape shape, String bind) {
            return new SessionCall(true, device, name, shape, bind);
        }

        public static SessionCall retrieve(String device, byte[] name, ArgShape shape, String bind) {
            return new SessionCall(false, device, name, shape, bind);
        }

        @Override
        public byte[] name() {
            return name.clone();
        }

        public long command() {
            return create ? Uapi.CREATE_SESSION : Uapi.RETRIEVE_SESSION;
        }

        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return LuoCall.bindFd(s, bind, s.ioctl(s.process().fd(device), command(), sessionArg(name, shape)));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SessionCall c && create == c.create && device.equals(c.device) && Arrays.equals(name, c.name)
                    && shape.equals(c.shape) && bind.equals(c.bind);
        }

        @Override
        public int hashCode() {
            return Objects.hash(create, device, Arrays.hashCode(name), shape, bind);
        }
    }

    /** The file a preserve names: a handle, or a raw fd number. */
    record FdRef(Optional<String> handle, int raw) {
        public static FdRef of(String handle) {
            return new FdRef(Optional.of(handle), 0);
        }

        public static FdRef number(int fd) {
            return new FdRef(Optional.empty(), fd);
        }

        int resolve(Process p) {
            return handle.map(p::fd).orElse(raw);
        }
    }

    /** LIVEUPDATE_SESSION_PRESERVE_FD on the session handle, of the file the struct's fd field names. */
    record PreserveFd(String session, FdRef file, long token, ArgShape shape) implements LuoCall {
        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            UserArg arg = shape.build(Uapi.fdArg(shape.sizeFor(Uapi.FD_ARG_SIZE, 0), file.resolve(s.process()), token), new byte[0]);
            return s.ioctl(s.process().fd(session), Uapi.PRESERVE_FD, arg);
        }
    }

    /** LIVEUPDATE_SESSION_RETRIEVE_FD on the session handle; the new file fd bound to {@code bind}. */
    record RetrieveFd(String session, long token, ArgShape shape, String bind) implements LuoCall {
        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            UserArg arg = shape.build(Uapi.fdArg(shape.sizeFor(Uapi.FD_ARG_SIZE, 0), 0, token), new byte[0]);
            return LuoCall.bindFd(s, bind, s.ioctl(s.process().fd(session), Uapi.RETRIEVE_FD, arg));
        }
    }

    /** LIVEUPDATE_SESSION_FINISH on the session handle. */
    record Finish(String session, long reserved, ArgShape shape) implements LuoCall {
        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            UserArg arg = shape.build(Uapi.finishArg(shape.sizeFor(Uapi.FINISH_ARG_SIZE, 0), reserved), new byte[0]);
            return s.ioctl(s.process().fd(session), Uapi.FINISH, arg);
        }
    }

    /** Any ioctl number on any handle, with the user memory given byte for byte. */
    record RawIoctl(String handle, long cmd, byte[] bytes, boolean readOnly) implements LuoCall {
        public RawIoctl {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return s.ioctl(s.process().fd(handle), cmd, new UserArg(bytes, !readOnly));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RawIoctl r && handle.equals(r.handle) && cmd == r.cmd && Arrays.equals(bytes, r.bytes)
                    && readOnly == r.readOnly;
        }

        @Override
        public int hashCode() {
            return Objects.hash(handle, cmd, Arrays.hashCode(bytes), readOnly);
        }
    }

    record LoadModule(HandlerKind kind) implements LuoCall {
        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return s.loadModule(kind);
        }
    }

    record UnloadModule(HandlerKind kind) implements LuoCall {
        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return s.unloadModule(kind);
        }
    }

    /**
     * {@code repeat N TEMPLATE}: the template (one call, or several separated by " ; ") with {i}
     * replaced by 0 .. N-1, as the single ops the parser made of it, in order; applied until the
     * first error and compared after each, like a bulk op.
     */
    record Repeat(int count, String template, List<LuoOp> ops) implements LuoCall {
        public Repeat {
            ops = List.copyOf(ops);
            if (count < 1 || ops.isEmpty() || ops.size() % count != 0) {
                throw new IllegalArgumentException("repeat needs count >= 1 and the same ops per repetition, got " + count + " and "
                        + ops.size());
            }
        }

        @Override
        public Outcome<?> applyTo(LuoSystem s) {
            return LuoOp.applyAll(ops, s);
        }

        @Override
        public List<LuoOp> expansion() {
            return ops;
        }

        @Override
        public boolean validIn(Phase phase) {
            return ops.get(0).validIn(phase);
        }
    }

    /** The argument of create and retrieve session: the name in the 64-byte field, the rest past the struct. */
    static UserArg sessionArg(byte[] name, ArgShape shape) {
        byte[] overflow = name.length > Uapi.NAME_LENGTH ? Arrays.copyOfRange(name, Uapi.NAME_LENGTH, name.length) : new byte[0];
        return shape.build(Uapi.sessionArg(shape.sizeFor(Uapi.SESSION_ARG_SIZE, overflow.length), name), overflow);
    }

    private static Outcome<?> bindFd(LuoSystem s, String bind, Outcome<IoctlResult> r) {
        if (r.isOk() && r.value().fd().isPresent() && bind != null) {
            s.process().bind(bind, r.value().fd().getAsInt());
        }
        return r;
    }
}
