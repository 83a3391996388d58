package kverify.model.luo.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.AllocKind;
import kverify.model.luo.FileCalls;
import kverify.model.luo.FileCalls.HandlerCall;
import kverify.model.luo.FileImage;
import kverify.model.luo.IncomingSession;
import kverify.model.luo.FileSpec;
import kverify.model.luo.Handover;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.IoctlResult;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoState;
import kverify.model.luo.LuoSystem;
import kverify.model.luo.Phase;
import kverify.model.luo.Process;
import kverify.model.luo.RebootFault;
import kverify.model.luo.SessionImage;
import kverify.model.luo.UserArg;
import kverify.model.luo.reference.RefKernel.Member;
import kverify.model.luo.reference.RefKernel.RSession;

/**
 * The promise of the series, stated as plainly as possible: lists and maps, no bytes, no blocks.
 * Names are unique; the session limit is blocks x entries-per-block and so is the file limit; a
 * successful reboot hands over exactly the sessions and files that existed at that moment, in
 * order, and the next kernel gives them back (or rejects the handover as a whole); a failed
 * reboot changes nothing but the handlers' freeze and unfreeze calls. Every (U) point is decided
 * in docs/luo.md.
 */
public final class LuoReference implements LuoSystem {
    private final LuoGeometry geometry;
    private final Process process = new Process();
    private Phase phase = Phase.OUTGOING;
    private RefKernel kernel = new RefKernel(null);
    private RefIoctls ioctls;
    private List<SessionImage> handover;
    private boolean allocationFails;

    public LuoReference(LuoGeometry geometry) {
        this.geometry = geometry;
        this.ioctls = new RefIoctls(kernel, geometry);
    }

    /**
     * Decision 37: the numbers of the fds a concurrent step installed are any assignment of the
     * numbers its serial order installed; this moves them to the implementation's assignment.
     */
    public void renumberFds(java.util.Map<Integer, Integer> to) {
        kernel.renumber(to);
        process.renumber(to);
    }

    @Override
    public Phase phase() {
        return phase;
    }

    @Override
    public Process process() {
        return process;
    }

    @Override
    public Outcome<Integer> open() {
        running();
        Outcome<Integer> r = kernel.open(takeAllocationFailure());
        if (!kernel.handoverPending()) {
            // Deserialized, or rejected as a whole: the session blocks are restored either way.
            handover = null;
        }
        return r;
    }

    @Override
    public Outcome<Unit> close(int fd) {
        running();
        return takeAllocationFailure() ? Outcome.err(Errno.ENOMEM) : kernel.close(fd);
    }

    @Override
    public Outcome<Integer> newFile(FileSpec spec) {
        running();
        return kernel.newFile(spec);
    }

    @Override
    public Outcome<IoctlResult> ioctl(int fd, long cmd, UserArg arg) {
        running();
        return takeAllocationFailure() ? Outcome.err(Errno.ENOMEM) : ioctls.ioctl(fd, cmd, arg);
    }

    /**
     * Outcome sets (decision 38): an error the contract accepts for the latest call besides the one
     * it returned, with the same state (a duplicate name beyond capacity: ENOSPC as well as
     * EEXIST); asked once per call, as the multikernel model offers both serial orders of a
     * concurrent step.
     */
    public Optional<Outcome<?>> alsoAccepted() {
        return ioctls.takeAlternative().map(Outcome::err);
    }

    @Override
    public Outcome<Unit> loadModule(HandlerKind kind) {
        running();
        return kernel.loadModule(kind);
    }

    @Override
    public Outcome<Unit> unloadModule(HandlerKind kind) {
        running();
        return kernel.unloadModule(kind);
    }

    /**
     * Freezes every file in session order. A fault naming an existing file makes its freeze fail:
     * every file frozen before it is unfrozen once and the reboot returns the fault's errno; else
     * the sessions are handed over and the next kernel boots with nothing of this one's user space.
     * A next kernel reboots the same way (decision 37): it hands over the sessions it created, and
     * nothing of what it received, retrieved or not, finished or not.
     */
    @Override
    public Outcome<Unit> reboot(RebootFault fault) {
        running();
        Optional<Errno> failed = serialize(fault);
        if (failed.isPresent()) {
            return Outcome.err(failed.get());
        }
        handover = kernel.outgoingImages();
        kernel = new RefKernel(handover);
        ioctls = new RefIoctls(kernel, geometry);
        process.clear();
        phase = Phase.BOOTING;
        return Outcome.ok();
    }

    /** What both reboots do first: the serialize's allocation (ENOMEM when armed), then the freeze of every file. */
    private Optional<Errno> serialize(RebootFault fault) {
        return takeAllocationFailure() ? Optional.of(Errno.ENOMEM) : freezeAll(fault);
    }

    /**
     * A preserve-context reboot (decision 36): the same freeze; after a successful one the call
     * returns in this kernel with nothing undone (the files stay frozen, no unfreeze runs) and
     * every later call works as before; the next reboot serializes what exists then.
     */
    @Override
    public Outcome<Unit> rebootReturning(RebootFault fault, Optional<Errno> then) {
        running();
        Optional<Errno> failed = serialize(fault);
        if (failed.isPresent()) {
            return Outcome.err(failed.get());
        }
        return then.isPresent() ? Outcome.err(then.get()) : Outcome.ok();
    }

    /** Each file's freeze in session order; at the fault, the files frozen before it are unfrozen once. */
    private Optional<Errno> freezeAll(RebootFault fault) {
        List<Member> frozen = new ArrayList<>();
        int si = 0;
        for (RSession s : kernel.outgoing.values()) {
            for (int fi = 0; fi < s.files.size(); fi++) {
                Member m = s.files.get(fi);
                m.file().call(HandlerCall.FREEZE);
                if (fault.firesAt(si, fi)) {
                    frozen.forEach(f -> f.file().call(HandlerCall.UNFREEZE));
                    return Optional.of(((RebootFault.FreezeFails) fault).errno());
                }
                frozen.add(m);
            }
            si++;
        }
        return Optional.empty();
    }

    /** Fault data: the model has no allocations; the harness says which call the armed one failed in. */
    @Override
    public Outcome<Unit> failAllocation(AllocKind kind, int nth) {
        running();
        return Outcome.ok();
    }

    /**
     * The environment's report (decision 35): the implementation's armed allocation failed during
     * the call the harness applies next. That call then fails with ENOMEM and changes nothing; a
     * first open in the next kernel fails to deserialize instead, which rejects the handover as a
     * whole (EIO, decision 10).
     */
    public void allocationFailsInNextCall() {
        allocationFails = true;
    }

    private boolean takeAllocationFailure() {
        boolean f = allocationFails;
        allocationFails = false;
        return f;
    }

    @Override
    public Outcome<Unit> setup() {
        expect(Phase.BOOTING);
        phase = Phase.INCOMING;
        return Outcome.ok();
    }

    @Override
    public LuoState state() {
        Handover h = handover == null ? Handover.ABSENT : new Handover.Present(handover);
        long tracked = phase == Phase.INCOMING && !kernel.handoverPending() ? 0 : -1;
        return new LuoState(phase, kernel.outgoingImages(), h, kernel.deviceHeld, kernel.incomingImages(),
                kernel.handlerStates(), kernel.calls(), tracked);
    }

    // Parts of the state without building it whole, for the duel's per-step comparison
    // (kverify.properties.luo.LuoStepCheck); each answers as state() would.

    /** The outgoing sessions, as state().outgoing() lists them, without building the rest of the state. */
    public List<SessionImage> outgoingSessions() {
        return kernel.outgoingImages();
    }

    /** Sessions in both lists and files made in this kernel: the size of a whole-state comparison. */
    public long size() {
        return kernel.outgoing.size() + kernel.incoming.size() + kernel.files.size();
    }

    public int outgoingCount() {
        return kernel.outgoing.size();
    }

    public int incomingCount() {
        return kernel.incoming.size();
    }

    /** state() without the session, file and call lists; a handover only as present (with no sessions shown) or absent. */
    public LuoState lightState() {
        Handover h = handover == null ? Handover.ABSENT : new Handover.Present(List.of());
        long tracked = phase == Phase.INCOMING && !kernel.handoverPending() ? 0 : -1;
        return new LuoState(phase, List.of(), h, kernel.deviceHeld, List.of(), kernel.handlerStates(), List.of(), tracked);
    }

    /** The files of the outgoing session of that name, as a view in list order; empty if there is none. */
    public Optional<List<FileImage>> outgoingFiles(String name) {
        RSession s = kernel.outgoing.get(name);
        return s == null ? Optional.empty() : Optional.of(new java.util.AbstractList<FileImage>() {
            @Override
            public FileImage get(int i) {
                return s.files.get(i).image();
            }

            @Override
            public int size() {
                return s.files.size();
            }
        });
    }

    /** The incoming session of that name as state() shows it; empty if there is none. */
    public Optional<IncomingSession> incomingSession(String name) {
        return kernel.incomingImages(name);
    }

    /** The handler calls of the file made last in this kernel (none made: empty). */
    public Optional<FileCalls> lastFileCalls() {
        return kernel.files.isEmpty() ? Optional.empty() : Optional.of(kernel.files.get(kernel.files.size() - 1).calls);
    }

    private void running() {
        if (phase != Phase.OUTGOING && phase != Phase.INCOMING) {
            throw new IllegalStateException("a system call needs a running kernel, the system is in " + phase);
        }
    }

    private void expect(Phase p) {
        if (phase != p) {
            throw new IllegalStateException("operation needs phase " + p + ", system is in " + phase);
        }
    }
}
