package kverify.impl.luo;

import java.util.List;
import java.util.Optional;
import kverify.impl.kho.Kho;
import kverify.impl.luo.layout.FdtNode;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.FileSpec;
import kverify.model.luo.Handover;
import kverify.model.luo.IncomingSession;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.IoctlResult;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoState;
import kverify.model.luo.LuoSystem;
import kverify.model.luo.Phase;
import kverify.model.luo.Process;
import kverify.model.luo.RebootFault;
import kverify.model.luo.UserArg;

/**
 * Byte-level LUO over simulated physical memory: the first kernel, the kexec (KHO hands the
 * preserved folios and the session FDT node over), and the next kernel, each a {@link Kernel};
 * a next kernel may reboot in turn (decision 37), so one system runs live update after live update. The handover part of {@link #state()} is decoded from memory, never copied
 * from objects.
 */
public final class LuoImpl implements LuoSystem {
    /** Simulated RAM; sparse, so only what is written costs host memory. */
    public static final long RAM_BYTES = 1L << 36;

    private final LuoVariant variant;
    private final LuoGeometry geometry;
    private final PhysicalMemory memory;
    private final Process process = new Process();
    private Kernel kernel;
    private Phase phase = Phase.OUTGOING;
    private KhoEntry handoverEntry;
    private List<String> lastSteps = List.of();
    /** False when the next kernel's KHO refused the handover (another KHO_FDT_COMPATIBLE): LUO finds no subtree at all. */
    private boolean khoHandover = true;

    private LuoImpl(LuoVariant variant, LuoGeometry geometry, PhysicalMemory memory, Kernel kernel, Phase phase) {
        this.variant = variant;
        this.geometry = geometry;
        this.memory = memory;
        this.kernel = kernel;
        this.phase = phase;
    }

    /** Boots the first kernel: nothing handed over; its outgoing state set up (v1: block 0 and the FDT node; v7: the luo_ser). */
    public static LuoImpl boot(LuoVariant variant, LuoGeometry geometry) {
        PhysicalMemory memory = PhysicalMemory.ofSize(RAM_BYTES);
        Kernel k = new Kernel(Kho.boot(memory), geometry, variant);
        k.lateInit();
        return new LuoImpl(variant, geometry, memory, k, Phase.OUTGOING);
    }

    /** The next kernel booting on memory and a KHO state the previous kernel left behind (e.g. an image file). */
    public static LuoImpl nextKernel(LuoVariant variant, LuoGeometry geometry, Kho kho, Optional<FdtNode> fdt) {
        return nextKernelOn(variant, geometry, kho, fdt.map(KhoEntry.Fdt::new));
    }

    /** The same with either version's KHO entry (or none): a next kernel of one version on another's handover. */
    public static LuoImpl nextKernelOn(LuoVariant variant, LuoGeometry geometry, Kho kho, Optional<? extends KhoEntry> entry) {
        LuoImpl impl = new LuoImpl(variant, geometry, kho.memory(), new Kernel(kho, geometry, variant), Phase.BOOTING);
        impl.handoverEntry = entry.orElse(null);
        return impl;
    }

    /**
     * The next kernel when its KHO refused the previous kernel's handover: kho_populate warns that
     * the root is incompatible and records no handover, so kho_retrieve_subtree returns -ENOENT
     * and luo_early_startup returns 0 before any session is set up, in v1 and v7 alike
     * (kexec_handover.c kho_populate and kho_retrieve_subtree; luo_core.c luo_early_startup,
     * docs/versions-luo.md 7.5). The old memory is still there, but nothing is reserved for it.
     */
    public static LuoImpl nextKernelWithoutHandover(LuoVariant variant, LuoGeometry geometry, PhysicalMemory memory) {
        LuoImpl impl = nextKernelOn(variant, geometry, Kho.handedOver(memory, new java.util.TreeMap<>()), Optional.empty());
        impl.khoHandover = false;
        return impl;
    }

    public LuoVariant variant() {
        return variant;
    }

    public LuoGeometry geometry() {
        return geometry;
    }

    public PhysicalMemory memory() {
        return memory;
    }

    /** The KHO of the kernel running now (the next kernel's after a successful reboot). */
    public Kho kho() {
        return kernel.kho;
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
        return kernel.device.open(kernel);
    }

    @Override
    public Outcome<Unit> close(int fd) {
        running();
        return kernel.close(fd);
    }

    @Override
    public Outcome<Integer> newFile(FileSpec spec) {
        running();
        return kernel.newFile(spec);
    }

    @Override
    public Outcome<IoctlResult> ioctl(int fd, long cmd, UserArg arg) {
        running();
        return kernel.ioctl(fd, cmd, arg);
    }

    @Override
    public Outcome<Unit> loadModule(HandlerKind kind) {
        running();
        return kernel.handlers.load(kind);
    }

    @Override
    public Outcome<Unit> unloadModule(HandlerKind kind) {
        running();
        return kernel.handlers.unload(kind);
    }

    /**
     * liveupdate_reboot: serialize; on success kexec into the next kernel with the KHO handover.
     * A next kernel reboots the same way (decision 37): luo_session_serialize walks only the
     * outgoing list (luo_session.c at 7d538a77), so what it received is not handed on, and KHO
     * hands over only the folios this kernel preserved: those of the previous handover it never
     * restored are not preserved again and are ordinary memory to the kernel after it.
     */
    @Override
    public Outcome<Unit> reboot(RebootFault fault) {
        running();
        if (kernel.serializeLockHeld) {
            return Outcome.hung(); // luo_session_serialize's down_write waits for the write lock it left held
        }
        Outcome<Unit> serialized = kernel.serializeExclusive(fault);
        if (!serialized.isOk()) {
            return serialized;
        }
        handoverEntry = kernel.outgoing.entry();
        kernel = new Kernel(kernel.kho.kexec(), geometry, variant);
        process.clear();
        phase = Phase.BOOTING;
        return Outcome.ok();
    }

    /**
     * kernel_kexec of a preserve-context image (decision 36): liveupdate_reboot's serialize, then
     * the call returns in this kernel with nothing undone: the files stay frozen, the blocks keep
     * what serialize wrote, and the outgoing lock was released by serialize's guard (v1). v7's
     * serialize rwsem stays write-held if the variant's {@link SerializeLock} says so.
     */
    @Override
    public Outcome<Unit> rebootReturning(RebootFault fault, Optional<kverify.model.Errno> then) {
        running();
        if (kernel.serializeLockHeld) {
            return Outcome.hung();
        }
        Outcome<Unit> serialized = kernel.outgoing.serialize(fault);
        if (!serialized.isOk()) {
            return serialized;
        }
        kernel.serializeLockHeld = variant.serializeLock().heldAfterReturn();
        return then.isPresent() ? Outcome.err(then.get()) : Outcome.ok();
    }

    /**
     * Decision 37: each task's call runs the unchanged paths on its own thread, stopping at the
     * kernel's lock points ({@link LockPoints}); the schedule picks who goes at each. A reboot
     * whose serialize succeeded kexecs at once: the tasks still in a call never run again.
     */
    @Override
    public Outcome<kverify.model.luo.LuoConcurrent.Ends> concurrent(kverify.model.luo.LuoConcurrent op) {
        running();
        Phase start = phase;
        List<java.util.function.Supplier<Outcome<?>>> calls = op.calls().stream()
                .<java.util.function.Supplier<Outcome<?>>>map(c -> () -> c.applyTo(this)).toList();
        LockPoints.Run run = new LockPoints.Run(calls);
        lastSteps = run.run(op.schedule(), () -> phase != start);
        return Outcome.ok(run.ends());
    }

    /** The steps the last concurrent op took, as "task:step" ("task:waits" where the schedule's task had to wait). */
    public List<String> lastSteps() {
        return lastSteps;
    }

    /** Fault injection of the running kernel (decision 35). */
    @Override
    public Outcome<Unit> failAllocation(kverify.model.luo.AllocKind kind, int nth) {
        running();
        kernel.kho.faults().arm(kind, nth);
        return Outcome.ok();
    }

    /** Whether the armed allocation failed since the last call (the harness tells the model). */
    public boolean takeAllocationFault() {
        return kernel.kho.faults().takeFired();
    }

    /** luo_session_setup_incoming at early boot (a failure is luo_restore_fail(), a panic), then late init. */
    @Override
    public Outcome<Unit> setup() {
        expect(Phase.BOOTING);
        Outcome<Unit> r = khoHandover ? kernel.incoming.setup(Optional.ofNullable(handoverEntry)) : kernel.incoming.nothingHandedOver();
        if (r.isOk()) {
            kernel.lateInit();
        }
        phase = r.isOk() ? Phase.INCOMING : Phase.PANICKED;
        return r;
    }

    @Override
    public LuoState state() {
        long tracked = phase == Phase.INCOMING && kernel.incoming.deserializeRan() ? kernel.incoming.blocks().nblocks() : -1;
        return new LuoState(phase, kernel.outgoing == null ? List.of() : kernel.outgoing.images(), handover(), kernel.device.inUse(),
                kernel.incoming.images(), kernel.handlers.states(), kernel.handlers.calls(), tracked);
    }

    /**
     * Decoded from memory while the next kernel still holds the session blocks unrestored. A v7
     * handover with sessions_pa 0 holds no block: it is the empty list until the first open.
     */
    public Handover handover() {
        Optional<Long> head = handoverHead();
        if (head.isPresent() && head.get() == 0) {
            return kernel.incoming.deserializeRan() ? Handover.ABSENT : new Handover.Present(List.of());
        }
        if (head.isEmpty() || !kernel.kho.isRestorable(head.get())) {
            return Handover.ABSENT;
        }
        return HandoverDecoder.decode(memory, head.get(), geometry);
    }

    /** The first session block's PA as the handover names it: what setup read, or before setup what the root holds now. */
    public Optional<Long> handoverHead() {
        if (handoverEntry == null) {
            return Optional.empty();
        }
        long read = kernel.incoming.setupHead();
        if (read >= 0) {
            return Optional.of(read);
        }
        try {
            return variant.version().root().writtenHead(handoverEntry, memory);
        } catch (kverify.impl.luo.layout.LayoutException e) {
            return Optional.empty();
        }
    }

    /** Preserved memory the handover's root occupies beside the blocks (v7: the luo_ser). */
    List<Long> handoverRootPas() {
        return handoverEntry == null ? List.of() : variant.version().root().rootPas(handoverEntry);
    }

    /** The outgoing kernel's first session block; 0 when it has none (v7 without sessions). */
    public long outgoingHead() {
        return kernel.outgoing.headPa();
    }

    /** The outgoing kernel's KHO entry (v1: the FDT node; v7: the "LUO" subtree). */
    public KhoEntry outgoingEntry() {
        return kernel.outgoing.entry();
    }

    /** Block headers the next kernel has read so far (setup and deserialize). */
    public long blocksVisited() {
        return kernel.incoming.walk().visits().size();
    }

    /** Every block header the next kernel has read, in order. */
    public List<WalkVisit> walkVisits() {
        return kernel.incoming.walk().visits();
    }

    /** The sessions the next kernel holds, as {@link #state()}{@code .incoming()} gives them, without decoding the rest of the state. */
    public List<IncomingSession> incomingImages() {
        return List.copyOf(kernel.incoming.images());
    }

    /** The struct whose read fell outside RAM and ended setup or deserialize with EFAULT, if any. */
    public Optional<String> readFault() {
        return kernel.incoming.walk().readFault();
    }

    /** Session blocks the next kernel still tracks in its block list (tracking structs not freed). */
    public int incomingBlocksTracked() {
        return kernel.incoming.blocks().nblocks();
    }

    /** The deserialize result before open maps it to EIO (EFAULT: a read outside RAM); empty if not run. */
    public Optional<Outcome<Unit>> deserializeResult() {
        return kernel.incoming.deserializeResult();
    }

    /** WARNs the LUO code of the kernel running now has hit; invariants require none. */
    public List<String> warnings() {
        return kernel.handlers.warnings();
    }

    /** For corruption tests: replace the FDT node handed to the next kernel (before setup). */
    public void replaceHandoverFdt(FdtNode node) {
        replaceHandoverEntry(new KhoEntry.Fdt(node));
    }

    /** For corruption tests: replace the KHO entry handed to the next kernel (before setup). */
    public void replaceHandoverEntry(KhoEntry entry) {
        expect(Phase.BOOTING);
        handoverEntry = entry;
    }

    /** The v1 FDT node handed to the next kernel; empty for none and for a v7 handover. */
    public Optional<FdtNode> handoverFdt() {
        return handoverEntry instanceof KhoEntry.Fdt f ? Optional.of(f.node()) : Optional.empty();
    }

    public Optional<KhoEntry> handoverEntry() {
        return Optional.ofNullable(handoverEntry);
    }

    /** The session FDT node the kernel running now wrote at boot (v1 only). */
    public FdtNode outgoingFdt() {
        expect(Phase.OUTGOING);
        if (!(kernel.outgoing.entry() instanceof KhoEntry.Fdt f)) {
            throw new IllegalStateException(variant + " hands over no FDT node; use outgoingEntry()");
        }
        return f.node();
    }

    /** The kernel's outgoing sessions; null in the next kernel before its late init. */
    OutgoingSessions outgoingSessions() {
        return kernel.outgoing;
    }

    IncomingSessions incomingSessions() {
        return kernel.incoming;
    }

    Handlers handlers() {
        return kernel.handlers;
    }

    /** The kernel running now (for {@link LuoStepView}). */
    Kernel kernel() {
        return kernel;
    }

    private void running() {
        if (phase != Phase.OUTGOING && phase != Phase.INCOMING) {
            throw new IllegalStateException("a system call needs a running kernel, the kernel is in " + phase);
        }
    }

    private void expect(Phase p) {
        if (phase != p) {
            throw new IllegalStateException("operation needs phase " + p + ", the kernel is in " + phase);
        }
    }
}
