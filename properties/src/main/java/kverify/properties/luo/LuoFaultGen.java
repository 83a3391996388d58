package kverify.properties.luo;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kverify.engine.Gen;
import kverify.model.Errno;
import kverify.model.luo.AllocKind;
import kverify.model.luo.ArgShape;
import kverify.model.luo.FileSpec;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoCall;
import kverify.model.luo.LuoFault;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.LuoState;
import kverify.model.luo.Phase;
import kverify.model.luo.RebootFault;

/**
 * The whole interface of {@link LuoCallGen} plus the fault space (issue 15): allocations armed to
 * fail (mostly the next one, so the very next call that allocates fails; kzalloc twice as often as
 * kho_alloc_preserve, whose only callers are block boundaries), and reboots that return after a
 * successful serialize (mostly with 0, the kexec jump back; else freeze_processes' EBUSY).
 * After such a return it aims at the entries that serialize left a file set in (LUO-11): it
 * closes a session with files, creates a session, and once a session without files sits in such
 * an entry, reboots plainly. One case in {@link #AIMED_ONE_IN} aims there from its start: it
 * mostly takes the next step of a plain recipe (a device, a session, a file preserved into it, a
 * reboot that returns with 0), so the first kernel reaches that state before an earlier
 * divergence of a posted variant ends the case.
 */
final class LuoFaultGen {
    /** Weight of an aimed step after a returned reboot (the interface's calls weigh 10 together). */
    static final int AIM_WEIGHT = 6;
    /** Weight of every aimed step in a case that aims from its start. */
    static final int AIMED_CASE_WEIGHT = 20;
    static final int AIMED_ONE_IN = 8;
    private final LuoCallGen calls;
    /** Entries a serialize of this kernel whose reboot returned wrote a session with files into. */
    private final Set<Integer> leftFileSets = new TreeSet<>();
    private boolean aimedCase;
    /** The file the recipe made last, to be preserved next. */
    private String recipeFile;

    LuoFaultGen(LuoGeometry g) {
        this.calls = new LuoCallGen(g);
    }

    /**
     * One step: a continue flag (0 stops) and the op, in one span; where a next kernel would stop,
     * sometimes another live update instead ({@link LuoCallGen#step}): a reboot, or one that
     * returns first (the next kernel serializes twice).
     */
    Gen<Optional<LuoOp>> step(LuoState s, CallContext c, long mean) {
        Gen<LuoOp> reboot = Gen.frequency(Gen.weighted(2, calls.reboot(s)), Gen.weighted(1, returningReboot(s)));
        return LuoCallGen.step(s, c, mean, this::op, LuoCallGen.anotherUpdate(s, c, reboot));
    }

    /** Whether this case aims at LUO-11's state from its start (drawn once, before its first step; shrinks to no). */
    void aimFromStart(kverify.engine.Source src) {
        aimedCase = src.choice(AIMED_ONE_IN - 1) == AIMED_ONE_IN - 1;
    }

    /** The reboot of {@code before} returned after a successful serialize: its entries with files keep their file sets. */
    void returned(LuoState before) {
        for (int i = 0; i < before.outgoing().size(); i++) {
            if (!before.outgoing().get(i).files().isEmpty()) {
                leftFileSets.add(i);
            }
        }
    }

    /** Some session of {@code s} without files sits in an entry a returned serialize left a file set in (LUO-11's state). */
    boolean sessionWithoutFilesInLeftFileSet(LuoState s) {
        for (int i = 0; i < s.outgoing().size(); i++) {
            if (s.outgoing().get(i).files().isEmpty() && leftFileSets.contains(i)) {
                return true;
            }
        }
        return false;
    }

    /** A reboot succeeded: the next kernel serializes into blocks of its own. */
    void rebooted() {
        leftFileSets.clear();
    }

    private Gen<LuoOp> op(LuoState s, CallContext c) {
        if (s.phase() != Phase.OUTGOING) {
            return Gen.frequency(Gen.weighted(10, calls.call(s, c)), Gen.weighted(2, failAlloc()));
        }
        Gen.Weighted<LuoOp> call = Gen.weighted(10, calls.call(s, c));
        Gen.Weighted<LuoOp> alloc = Gen.weighted(2, failAlloc());
        Gen.Weighted<LuoOp> returning = Gen.weighted(2, returningReboot(s));
        if (!aimedCase && leftFileSets.isEmpty()) {
            return Gen.frequency(call, alloc, returning);
        }
        Gen<LuoOp> aimed = aimedCase && leftFileSets.isEmpty() ? recipe(s, c) : aimAtLeftFileSet(s, c);
        return Gen.frequency(call, alloc, returning, Gen.weighted(aimedCase ? AIMED_CASE_WEIGHT : AIM_WEIGHT, aimed));
    }

    /** The next step toward a serialize with a file that returns: a device, a session, a file of handler a, its preserve, the reboot. */
    private Gen<LuoOp> recipe(LuoState s, CallContext c) {
        if (s.outgoing().stream().anyMatch(x -> !x.files().isEmpty())) {
            return Gen.constant(new LuoFault.ReturningReboot(RebootFault.NONE, Optional.empty()));
        }
        List<String> sessions = c.open('s');
        if (c.open('d').isEmpty() || sessions.isEmpty()) {
            return create(s, c);
        }
        if (recipeFile == null || !c.isOpen(recipeFile) || c.preserved(recipeFile)) {
            String bind = c.fresh('f');
            return src -> {
                recipeFile = bind;
                return new LuoCall.NewFile(bind, new FileSpec(Optional.of(HandlerKind.TEST_A), src.draw(Gen.longs(0, 255)), Optional.empty()));
            };
        }
        String file = recipeFile;
        return src -> new LuoCall.PreserveFd(src.draw(Gen.elements(sessions)), LuoCall.FdRef.of(file), src.draw(Gen.longs(0, 7)),
                ArgShape.PLAIN);
    }

    /** A session of a name no outgoing session has, through an open device (opened first if none); a close if every name is taken. */
    private static Gen<LuoOp> create(LuoState s, CallContext c) {
        List<String> devices = c.open('d');
        List<String> free = LuoCallGen.NAMES.stream().filter(n -> s.outgoing().stream().noneMatch(x -> x.name().equals(n))).toList();
        if (devices.isEmpty()) {
            return Gen.constant(new LuoCall.Open(c.fresh('d')));
        }
        if (free.isEmpty()) {
            return c.open('s').isEmpty() ? Gen.constant(new LuoOp.Reboot(RebootFault.NONE)) : Gen.elements(c.open('s')).map(LuoCall.Close::new);
        }
        String bind = c.fresh('s');
        return src -> LuoCall.SessionCall.create(src.draw(Gen.elements(devices)), LuoCallGen.bytes(src.draw(Gen.elements(free))), ArgShape.PLAIN,
                bind);
    }

    /**
     * After a returned reboot (LUO-11): a plain reboot once a session without files sits in an
     * entry that holds a file set; else a session with files closed, so the sessions after it
     * move down into its entry, or a session created into the first entry past the list.
     */
    private Gen<LuoOp> aimAtLeftFileSet(LuoState s, CallContext c) {
        if (sessionWithoutFilesInLeftFileSet(s)) {
            return Gen.constant(new LuoOp.Reboot(RebootFault.NONE));
        }
        List<String> withFiles = c.open('s').stream().filter(h -> c.filesIn(h) > 0).toList();
        Gen<LuoOp> create = create(s, c);
        return withFiles.isEmpty() ? create
                : Gen.frequency(Gen.weighted(2, Gen.elements(withFiles).map(LuoCall.Close::new)), Gen.weighted(1, create));
    }

    static Gen<LuoOp> failAlloc() {
        Gen<AllocKind> kind = Gen.frequency(Gen.weighted(2, Gen.constant(AllocKind.KZALLOC)), Gen.weighted(1, Gen.constant(AllocKind.KHO)));
        Gen<Integer> nth = Gen.frequency(Gen.weighted(6, Gen.constant(1)), Gen.weighted(3, Gen.ints(2, 4)));
        return src -> new LuoFault.FailAlloc(src.draw(kind), src.draw(nth));
    }

    private Gen<LuoOp> returningReboot(LuoState s) {
        Gen<Optional<Errno>> then = Gen.frequency(Gen.weighted(3, Gen.constant(Optional.<Errno>empty())),
                Gen.weighted(1, Gen.constant(Optional.of(Errno.EBUSY))));
        Gen<LuoOp> reboot = calls.reboot(s);
        return src -> {
            RebootFault fault = ((LuoOp.Reboot) src.draw(reboot)).fault();
            return new LuoFault.ReturningReboot(fault, src.draw(then));
        };
    }
}
