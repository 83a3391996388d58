package kverify.properties.luo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import kverify.engine.Gen;
import kverify.model.Errno;
import kverify.model.luo.ArgShape;
import kverify.model.luo.FileSpec;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.IncomingSession;
import kverify.model.luo.LuoCall;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.LuoState;
import kverify.model.luo.Phase;
import kverify.model.luo.RebootFault;
import kverify.model.luo.SessionImage;
import kverify.model.luo.Uapi;

/**
 * Operations of the whole interface (trace format v2), generated from the model's state and the
 * case's {@link CallContext}: every call in both kernels, mostly through the handles the
 * program holds, sometimes through a closed or never-valid one or a session of the other
 * direction; names from a tiny alphabet and sometimes not 1..63 bytes before a NUL; arguments
 * mostly as the uapi struct, sometimes another size, a non-zero tail, a short mapping or a
 * read-only one; files of both handlers, of none, or whose preserve fails; handler modules
 * unloaded and loaded; reboots with freeze faults aimed at files, in the first kernel and, up
 * to {@link #MAX_LIVE_UPDATES} live updates in all, in a next one. Every factory shrinks toward
 * its first, simplest option.
 */
final class LuoCallGen {
    static final List<String> NAMES = List.of("a", "b", "c", "d", "e");
    static final long[] ODD_COMMANDS = {0xBA02, 0xBA43, 0xBA3F, 0xBB00, 0x4000BA00L, Uapi.CREATE_SESSION, Uapi.PRESERVE_FD};
    private static final ArgShape READ_ONLY = new ArgShape(OptionalLong.empty(), null, OptionalInt.empty(), true);
    /**
     * Live updates one case runs at most: the first kernel's reboot, and a next kernel's second
     * and third (decision 37), each handing on what that kernel created.
     */
    static final int MAX_LIVE_UPDATES = 3;
    /** Extra weight of unloading a handler the handover names while it waits for the first open (the open weighs 8). */
    private static final int UNLOAD_NAMED_WEIGHT = 3;
    private final LuoGeometry g;

    LuoCallGen(LuoGeometry g) {
        this.g = g;
    }

    /** One step: a continue flag (0 stops) and the op, in one span. */
    Gen<Optional<LuoOp>> step(LuoState s, CallContext c, long mean) {
        return step(s, c, mean, this::call, anotherUpdate(s, c, reboot(s)));
    }

    /**
     * One step: a continue flag and the op, in one span. Where the case would stop in a next
     * kernel with another live update still to come, half the time it reboots instead and goes
     * on (decision 37): what a case does up to that point is drawn exactly as before, so a later
     * live update never takes steps from the kernels before it, and the flag still shrinks to a stop.
     */
    static Gen<Optional<LuoOp>> step(LuoState s, CallContext c, long mean, BiFunction<LuoState, CallContext, Gen<LuoOp>> calls,
            Optional<Gen<LuoOp>> another) {
        if (s.phase() == Phase.PANICKED) {
            return Gen.constant(Optional.empty());
        }
        Gen<LuoOp> op = s.phase() == Phase.BOOTING ? Gen.constant(new LuoOp.Setup()) : calls.apply(s, c);
        return src -> {
            if (src.choice(mean) != 0) {
                return Optional.of(src.draw(op));
            }
            return another.isEmpty() || src.choice(1) == 0 ? Optional.empty() : Optional.of(src.draw(another.get()));
        };
    }

    /** The reboot a next kernel may end its part of a case with, while fewer than {@link #MAX_LIVE_UPDATES} ran. */
    static Optional<Gen<LuoOp>> anotherUpdate(LuoState s, CallContext c, Gen<LuoOp> reboot) {
        return s.phase() == Phase.INCOMING && c.liveUpdates() < MAX_LIVE_UPDATES ? Optional.of(reboot) : Optional.empty();
    }

    Gen<LuoOp> call(LuoState s, CallContext c) {
        boolean next = s.phase() == Phase.INCOMING;
        boolean noDevice = c.open('d').isEmpty();
        boolean toRetrieve = s.incoming().stream().anyMatch(x -> !x.retrieved());
        List<HandlerKind> named = namedAndLoaded(s);
        return Gen.frequency(
                Gen.weighted(noDevice ? 8 : 1, Gen.constant(new LuoCall.Open(c.fresh('d')))),
                Gen.weighted(6, create(c)),
                Gen.weighted(7, preserve(c)),
                Gen.weighted(3, newFile(c)),
                Gen.weighted(3, close(c)),
                Gen.weighted(next ? (toRetrieve ? 10 : 7) : 1, retrieve(s, c)),
                Gen.weighted(next ? 5 : 1, retrieveFd(s, c)),
                Gen.weighted(next ? 3 : 1, finish(c)),
                Gen.weighted(1, raw(c)),
                Gen.weighted(named.isEmpty() ? 2 : 2 + UNLOAD_NAMED_WEIGHT, module(named)),
                Gen.weighted(next ? 1 : 2, next ? create(c) : reboot(s)));
    }

    /**
     * The first kernel's part of a case that hands a file over first: the device, a session, a
     * file of a handler preserved into it (plain names, arguments and files, so that no posted
     * variant diverges on the way), then a reboot without a fault, now and then another session
     * or file before it. On the posted variants most ordinary cases diverge before they reboot
     * with a file in a session (a session ioctl through the device fd, an odd name, a failed
     * first preserve), so without these few cases the next kernel rarely receives a handover that
     * names a handler, the state in which unloading that handler's module before the first open
     * shows LUO-9.
     */
    Gen<Optional<LuoOp>> handOverFirst(LuoState s, CallContext c) {
        if (c.open('d').isEmpty()) {
            return Gen.constant(Optional.of(new LuoCall.Open(c.fresh('d'))));
        }
        String dev = c.open('d').get(0);
        List<String> sessions = c.open('s');
        Gen<LuoOp> create = src -> LuoCall.SessionCall.create(dev, bytes(src.draw(Gen.elements(NAMES))), ArgShape.PLAIN, c.fresh('s'));
        if (sessions.isEmpty()) {
            return create.map(Optional::of);
        }
        Optional<String> file = c.open('f').stream().filter(f -> !c.preserved(f)).findFirst();
        Gen<LuoOp> fileOrPreserve = file.isEmpty()
                ? src -> new LuoCall.NewFile(c.fresh('f'), FileSpec.of(src.draw(Gen.elements(HandlerKind.values())), src.draw(Gen.longs(0, 255))))
                : src -> new LuoCall.PreserveFd(src.draw(Gen.elements(sessions)), LuoCall.FdRef.of(file.get()), src.draw(token()), ArgShape.PLAIN);
        if (s.outgoing().stream().allMatch(x -> x.files().isEmpty())) {
            return fileOrPreserve.map(Optional::of);
        }
        return Gen.frequency(Gen.weighted(2, Gen.constant((LuoOp) new LuoOp.Reboot(RebootFault.NONE))), Gen.weighted(1, fileOrPreserve),
                Gen.weighted(1, create)).map(Optional::of);
    }

    /**
     * Before the next kernel's first open deserializes the handover: the handlers its files name
     * whose modules are loaded. Unloading one of them then is allowed (nothing pins it yet), and
     * the first open meets a handover naming a handler that is not registered (LUO-9).
     */
    private static List<HandlerKind> namedAndLoaded(LuoState s) {
        if (s.phase() != Phase.INCOMING || !(s.handover() instanceof kverify.model.luo.Handover.Present p)) {
            return List.of();
        }
        return s.handlers().stream().filter(h -> h.loaded() && p.sessions().stream().anyMatch(x -> x.files().stream()
                .anyMatch(f -> f.kind() == h.kind()))).map(kverify.model.luo.HandlerState::kind).toList();
    }

    private Gen<LuoOp> create(CallContext c) {
        String bind = c.fresh('s');
        return src -> LuoCall.SessionCall.create(src.draw(handle(c, 'd')), src.draw(name()), src.draw(shape(Uapi.SESSION_ARG_SIZE)), bind);
    }

    private Gen<LuoOp> retrieve(LuoState s, CallContext c) {
        String bind = c.fresh('r');
        List<byte[]> handed = new ArrayList<>();
        s.incoming().stream().filter(x -> !x.retrieved()).map(IncomingSession::name).forEach(n -> handed.add(bytes(n)));
        Gen<byte[]> name = handed.isEmpty() ? name() : Gen.frequency(Gen.weighted(3, Gen.elements(handed)), Gen.weighted(1, name()));
        // A session still to retrieve: a read-only reply half the time (the error path of LUO-6 drops the session).
        Gen<ArgShape> shape = handed.isEmpty() ? shape(Uapi.SESSION_ARG_SIZE)
                : Gen.frequency(Gen.weighted(1, shape(Uapi.SESSION_ARG_SIZE)), Gen.weighted(1, Gen.constant(READ_ONLY)));
        return src -> LuoCall.SessionCall.retrieve(src.draw(handle(c, 'd')), src.draw(name), src.draw(shape), bind);
    }

    /** Into a session the program created, mostly; sometimes a retrieved one or any other handle. */
    private Gen<LuoOp> preserve(CallContext c) {
        Gen<String> session = Gen.frequency(Gen.weighted(6, handle(c, 's')), Gen.weighted(2, handle(c, 'r')), Gen.weighted(1, anyHandle(c)));
        List<String> files = new ArrayList<>(c.open('f'));
        files.addAll(c.open('g'));
        List<String> fresh = files.stream().filter(f -> !c.preserved(f)).toList();
        Gen<LuoCall.FdRef> file = Gen.frequency(
                Gen.weighted(fresh.isEmpty() ? 1 : 8, fresh.isEmpty() ? anyHandle(c).map(LuoCall.FdRef::of) : Gen.elements(fresh).map(LuoCall.FdRef::of)),
                Gen.weighted(files.isEmpty() ? 1 : 3, files.isEmpty() ? anyHandle(c).map(LuoCall.FdRef::of) : Gen.elements(files).map(LuoCall.FdRef::of)),
                Gen.weighted(1, anyHandle(c).map(LuoCall.FdRef::of)),
                Gen.weighted(1, Gen.ints(-1, 40).map(LuoCall.FdRef::number)));
        return src -> new LuoCall.PreserveFd(src.draw(session), src.draw(file), src.draw(token()), src.draw(shape(Uapi.FD_ARG_SIZE)));
    }

    private Gen<LuoOp> retrieveFd(LuoState s, CallContext c) {
        String bind = c.fresh('g');
        List<Long> tokens = new ArrayList<>();
        s.incoming().forEach(x -> x.files().forEach(f -> tokens.add(f.file().token())));
        Gen<Long> token = tokens.isEmpty() ? token() : Gen.frequency(Gen.weighted(3, Gen.elements(tokens)), Gen.weighted(1, token()));
        Gen<String> session = Gen.frequency(Gen.weighted(6, handle(c, 'r')), Gen.weighted(2, handle(c, 's')), Gen.weighted(1, anyHandle(c)));
        return src -> new LuoCall.RetrieveFd(src.draw(session), src.draw(token), src.draw(shape(Uapi.FD_ARG_SIZE)), bind);
    }

    private Gen<LuoOp> finish(CallContext c) {
        Gen<String> session = Gen.frequency(Gen.weighted(6, handle(c, 'r')), Gen.weighted(2, handle(c, 's')), Gen.weighted(1, anyHandle(c)));
        Gen<Long> reserved = Gen.frequency(Gen.weighted(8, Gen.constant(0L)), Gen.weighted(1, Gen.longs(1, 0xFFFF_FFFFL)));
        return src -> new LuoCall.Finish(src.draw(session), src.draw(reserved), src.draw(shape(Uapi.FINISH_ARG_SIZE)));
    }

    private Gen<LuoOp> newFile(CallContext c) {
        String bind = c.fresh('f');
        Gen<Optional<HandlerKind>> kind = Gen.frequency(Gen.weighted(5, Gen.constant(Optional.of(HandlerKind.TEST_A))),
                Gen.weighted(3, Gen.constant(Optional.of(HandlerKind.TEST_B))), Gen.weighted(1, Gen.constant(Optional.<HandlerKind>empty())));
        Gen<Optional<Errno>> fails = Gen.frequency(Gen.weighted(6, Gen.constant(Optional.<Errno>empty())),
                Gen.weighted(1, Gen.elements(LuoOpGen.FREEZE_ERRORS).map(Optional::of)));
        return src -> new LuoCall.NewFile(bind, new FileSpec(src.draw(kind), src.draw(Gen.longs(0, 255)), src.draw(fails)));
    }

    private Gen<LuoOp> close(CallContext c) {
        List<String> open = c.allOpen();
        Gen<String> target = open.isEmpty() ? anyHandle(c) : Gen.frequency(Gen.weighted(5, Gen.elements(open)), Gen.weighted(1, anyHandle(c)));
        return target.map(LuoCall.Close::new);
    }

    /** An ioctl number neither fd implements, or one the other fd does, through any handle. */
    private Gen<LuoOp> raw(CallContext c) {
        Gen<Long> cmd = Gen.elements(Arrays.stream(ODD_COMMANDS).boxed().toList());
        return src -> {
            String h = src.draw(anyHandle(c));
            long n = src.draw(cmd);
            byte[] bytes = Uapi.fdArg(Uapi.FD_ARG_SIZE, 0, 0);
            return new LuoCall.RawIoctl(h, n, bytes, false);
        };
    }

    /** A module unloaded or loaded; while the handover waits for the first open, mostly one of the handlers it names unloaded. */
    private Gen<LuoOp> module(List<HandlerKind> named) {
        Gen<HandlerKind> kind = Gen.elements(HandlerKind.values());
        Gen<LuoOp> any = Gen.frequency(Gen.weighted(2, kind.map(LuoCall.UnloadModule::new)), Gen.weighted(1, kind.map(LuoCall.LoadModule::new)));
        return named.isEmpty() ? any
                : Gen.frequency(Gen.weighted(2, any), Gen.weighted(UNLOAD_NAMED_WEIGHT, Gen.elements(named).map(LuoCall.UnloadModule::new)));
    }

    /** No fault, or a freeze fault at a file of an outgoing session (list positions now), or anywhere. */
    Gen<LuoOp> reboot(LuoState s) {
        List<int[]> files = new ArrayList<>();
        for (int i = 0; i < s.outgoing().size(); i++) {
            SessionImage x = s.outgoing().get(i);
            for (int f = 0; f < x.files().size(); f++) {
                files.add(new int[] {i, f});
            }
        }
        Gen<RebootFault> atFile = files.isEmpty() ? Gen.constant(RebootFault.NONE) : src -> {
            int[] at = src.draw(Gen.elements(files));
            return new RebootFault.FreezeFails(at[0], at[1], src.draw(Gen.elements(LuoOpGen.FREEZE_ERRORS)));
        };
        return Gen.frequency(Gen.weighted(3, Gen.constant(RebootFault.NONE)), Gen.weighted(2, atFile),
                Gen.weighted(1, Gen.zip(Gen.ints(0, 4), Gen.ints(0, 3), Gen.elements(LuoOpGen.FREEZE_ERRORS), RebootFault.FreezeFails::new)))
                .map(LuoOp.Reboot::new);
    }

    /** An open handle of this kind, mostly; else any handle named before, or one never named. */
    private static Gen<String> handle(CallContext c, char kind) {
        List<String> open = c.open(kind);
        Gen<String> other = anyHandle(c);
        return open.isEmpty() ? other : Gen.frequency(Gen.weighted(8, Gen.elements(open)), Gen.weighted(1, other));
    }

    /** A handle named before (open or not), or a never-valid one. */
    private static Gen<String> anyHandle(CallContext c) {
        List<String> all = new ArrayList<>(c.allOpen());
        all.addAll(c.stale());
        all.add("never");
        return Gen.elements(all);
    }

    /** Mostly the alphabet; else a name that is empty, 63 bytes, 64 without NUL, longer, or with a NUL or a high byte in it. */
    static Gen<byte[]> name() {
        List<byte[]> odd = List.of(new byte[0], fill(63), fill(64), fill(70), "a\0zz".getBytes(), new byte[] {(byte) 0xff, 'a'},
                "a b".getBytes());
        return Gen.frequency(Gen.weighted(9, Gen.elements(NAMES).map(LuoCallGen::bytes)), Gen.weighted(2, Gen.elements(odd)));
    }

    private static byte[] fill(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'n');
        return b;
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static Gen<Long> token() {
        return Gen.frequency(Gen.weighted(8, Gen.longs(0, 7)), Gen.weighted(1, Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE)));
    }

    /**
     * Mostly the struct as the uapi has it; else one byte short, 8 bytes longer with a zero tail
     * or a non-zero one, a size field of 0, only 2 bytes or one byte less than the struct mapped,
     * or read-only memory.
     */
    static Gen<ArgShape> shape(int ksize) {
        List<ArgShape> odd = List.of(
                new ArgShape(OptionalLong.of(ksize - 1), null, OptionalInt.empty(), false),
                new ArgShape(OptionalLong.of(ksize + 8), null, OptionalInt.empty(), false),
                new ArgShape(OptionalLong.of(ksize + 8), new byte[] {0, 0, 0, 1, 0, 0, 0, 0}, OptionalInt.empty(), false),
                new ArgShape(OptionalLong.of(0), null, OptionalInt.empty(), false),
                new ArgShape(OptionalLong.empty(), null, OptionalInt.of(2), false),
                new ArgShape(OptionalLong.empty(), null, OptionalInt.of(ksize - 1), false),
                READ_ONLY);
        return Gen.frequency(Gen.weighted(10, Gen.constant(ArgShape.PLAIN)), Gen.weighted(3, Gen.elements(odd)));
    }
}
