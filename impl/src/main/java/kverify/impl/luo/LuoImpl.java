package kverify.impl.luo;

import java.util.List;
import java.util.Optional;
import kverify.impl.kho.Kho;
import kverify.impl.luo.layout.FdtNode;
import kverify.impl.luo.layout.SessionFdtNode;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.FileImage;
import kverify.model.luo.Handover;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoState;
import kverify.model.luo.LuoSystem;
import kverify.model.luo.Phase;
import kverify.model.luo.RebootFault;

/**
 * Byte-level LUO over simulated physical memory, one live update long: the outgoing kernel, the
 * kexec (KHO hands the preserved folios and the session FDT node over), and the next kernel.
 * The handover part of {@link #state()} is decoded from memory, never copied from objects.
 */
public final class LuoImpl implements LuoSystem {
    /** Simulated RAM; sparse, so only what is written costs host memory. */
    public static final long RAM_BYTES = 1L << 36;

    private final LuoVariant variant;
    private final LuoGeometry geometry;
    private final PhysicalMemory memory;
    private Kho kho;
    private Phase phase = Phase.OUTGOING;
    private OutgoingSessions outgoing;
    private FdtNode handoverFdt;
    private IncomingSessions incoming;
    private boolean deviceOpen;

    private LuoImpl(LuoVariant variant, LuoGeometry geometry, PhysicalMemory memory) {
        this.variant = variant;
        this.geometry = geometry;
        this.memory = memory;
        this.kho = Kho.boot(memory);
        Outcome<OutgoingSessions> setup = OutgoingSessions.setup(kho, geometry, variant);
        if (!setup.isOk()) {
            throw new IllegalStateException("luo_session_setup_outgoing failed at boot: " + setup);
        }
        this.outgoing = setup.value();
    }

    /** The next kernel on a handover (e.g. loaded from an image file): BOOTING, setup not yet run. */
    private LuoImpl(LuoVariant variant, LuoGeometry geometry, PhysicalMemory memory, Kho kho, Optional<FdtNode> fdt) {
        this.variant = variant;
        this.geometry = geometry;
        this.memory = memory;
        this.kho = kho;
        this.handoverFdt = fdt.orElse(null);
        this.incoming = new IncomingSessions(kho, geometry, variant);
        this.phase = Phase.BOOTING;
    }

    /** The next kernel booting on memory and a KHO state the previous kernel left behind. */
    public static LuoImpl nextKernel(LuoVariant variant, LuoGeometry geometry, Kho kho, Optional<FdtNode> fdt) {
        return new LuoImpl(variant, geometry, kho.memory(), kho, fdt);
    }

    /** Block headers the next kernel has read so far (setup and deserialize); 0 before the kexec. */
    public long blocksVisited() {
        return incoming == null ? 0 : incoming.walk().visits().size();
    }

    /** Every block header the next kernel has read, in order. */
    public List<WalkVisit> walkVisits() {
        return incoming == null ? List.of() : incoming.walk().visits();
    }

    /** The struct whose read fell outside RAM and ended setup or deserialize with EFAULT, if any. */
    public Optional<String> readFault() {
        return incoming == null ? Optional.empty() : incoming.walk().readFault();
    }

    /** Session blocks the next kernel still tracks in its block list (tracking structs not freed). */
    public int incomingBlocksTracked() {
        return incoming == null ? 0 : incoming.blocks().nblocks();
    }

    /** The deserialize result before open maps it to EIO (EFAULT: a read outside RAM); empty if not run. */
    public Optional<Outcome<Unit>> deserializeResult() {
        return incoming == null ? Optional.empty() : incoming.deserializeResult();
    }

    /** Boots the outgoing kernel: its first session block is allocated and the FDT node written. */
    public static LuoImpl boot(LuoVariant variant, LuoGeometry geometry) {
        return new LuoImpl(variant, geometry, PhysicalMemory.ofSize(RAM_BYTES));
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
        return kho;
    }

    @Override
    public Phase phase() {
        return phase;
    }

    @Override
    public Outcome<Unit> createSession(String name) {
        expect(Phase.OUTGOING);
        return outgoing.create(name);
    }

    @Override
    public Outcome<Unit> closeSession(String name) {
        if (phase == Phase.OUTGOING) {
            return outgoing.close(name);
        }
        expect(Phase.INCOMING);
        return incoming.close(name);
    }

    @Override
    public Outcome<Unit> preserveFile(String session, long token, HandlerKind kind, long data) {
        expect(Phase.OUTGOING);
        return outgoing.preserveFile(session, token, kind, data);
    }

    /** liveupdate_reboot: serialize; on success kexec into the next kernel with the KHO handover. */
    @Override
    public Outcome<Unit> reboot(RebootFault fault) {
        expect(Phase.OUTGOING);
        Outcome<Unit> serialized = outgoing.serialize(fault);
        if (!serialized.isOk()) {
            return serialized;
        }
        handoverFdt = outgoing.fdt();
        kho = kho.kexec();
        outgoing = null;
        incoming = new IncomingSessions(kho, geometry, variant);
        phase = Phase.BOOTING;
        return Outcome.ok();
    }

    /** luo_session_setup_incoming at early boot; a failure is luo_restore_fail(), a panic. */
    @Override
    public Outcome<Unit> setup() {
        expect(Phase.BOOTING);
        Outcome<Unit> r = incoming.setup(Optional.ofNullable(handoverFdt));
        phase = r.isOk() ? Phase.INCOMING : Phase.PANICKED;
        return r;
    }

    /** luo_open: single opener; deserialize once; any failure is EIO and releases the device. */
    @Override
    public Outcome<Unit> openDevice() {
        expect(Phase.INCOMING);
        if (deviceOpen) {
            return Outcome.err(Errno.EBUSY);
        }
        if (!incoming.deserialize().isOk()) {
            return Outcome.err(Errno.EIO);
        }
        deviceOpen = true;
        return Outcome.ok();
    }

    @Override
    public Outcome<Unit> retrieveSession(String name) {
        expect(Phase.INCOMING);
        return deviceOpen ? incoming.retrieve(name) : Outcome.err(Errno.EBADF);
    }

    @Override
    public Outcome<FileImage> retrieveFile(String session, long token) {
        expect(Phase.INCOMING);
        return incoming.retrieveFile(session, token);
    }

    @Override
    public Outcome<Unit> finish(String session) {
        expect(Phase.INCOMING);
        return incoming.finish(session);
    }

    @Override
    public LuoState state() {
        return new LuoState(phase, outgoing == null ? List.of() : outgoing.images(), handover(), deviceOpen,
                incoming == null ? List.of() : incoming.images());
    }

    /** Decoded from memory while the next kernel still holds the session blocks unrestored. */
    public Handover handover() {
        Optional<Long> head = handoverHead();
        if (head.isEmpty() || !kho.isRestorable(head.get())) {
            return Handover.ABSENT;
        }
        return HandoverDecoder.decode(memory, head.get(), geometry);
    }

    Optional<Long> handoverHead() {
        if (handoverFdt == null) {
            return Optional.empty();
        }
        Outcome<Long> head = SessionFdtNode.headPa(Optional.of(handoverFdt));
        return head.isOk() ? Optional.of(head.value()) : Optional.empty();
    }

    long outgoingHead() {
        return SessionFdtNode.headPa(Optional.of(outgoing.fdt())).value();
    }

    /** For corruption tests: replace the FDT node handed to the next kernel (before setup). */
    public void replaceHandoverFdt(FdtNode node) {
        expect(Phase.BOOTING);
        handoverFdt = node;
    }

    public Optional<FdtNode> handoverFdt() {
        return Optional.ofNullable(handoverFdt);
    }

    /** The session FDT node the outgoing kernel wrote at boot. */
    public FdtNode outgoingFdt() {
        expect(Phase.OUTGOING);
        return outgoing.fdt();
    }

    OutgoingSessions outgoingSessions() {
        return outgoing;
    }

    IncomingSessions incomingSessions() {
        return incoming;
    }

    private void expect(Phase p) {
        if (phase != p) {
            throw new IllegalStateException("operation needs phase " + p + ", the kernel is in " + phase);
        }
    }
}
