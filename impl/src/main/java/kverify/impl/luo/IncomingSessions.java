package kverify.impl.luo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kverify.impl.kho.Kho;
import kverify.impl.luo.layout.FileSetSer;
import kverify.impl.luo.layout.LayoutException;
import kverify.impl.luo.layout.SessionSer;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.SessionNames;
import kverify.model.luo.IncomingSession;
import kverify.model.luo.LuoGeometry;

/**
 * The incoming half of kernel/liveupdate/luo_session.c as posted in patch 1/5: early setup walks
 * the block chain, the first open deserializes (result cached), then retrieve, finish and
 * release. A read outside RAM, which would fault the kernel, is reported as EFAULT.
 */
final class IncomingSessions {
    private final Kho kho;
    private final LuoGeometry geometry;
    private final LuoVariant variant;
    private final LinkedHashMap<String, Session> list = new LinkedHashMap<>();
    /** The luo_file_set_ser PAs whose file chain deserialize has started on (see discardAll). */
    private final Set<Long> fileSetsWalked = new HashSet<>();
    private final BlockList blocks;
    private final HandoverWalk walk;
    private final Handlers handlers;
    private Outcome<Unit> deserialized;
    private boolean active;
    private long setupHead = -1;

    IncomingSessions(Kho kho, LuoGeometry geometry, LuoVariant variant, Handlers handlers) {
        this.kho = kho;
        this.geometry = geometry;
        this.variant = variant;
        this.handlers = handlers;
        this.blocks = new BlockList(kho, BlockKind.SESSION, geometry.sessionBlockBytes(), geometry.maxBlocks());
        this.walk = new HandoverWalk(variant.handoverChecks(), variant.chainRestore(), kho);
    }

    /**
     * luo_session_setup_incoming: EINVAL for a missing or incompatible node; then follow next
     * from the head, adding a tracking entry per block (ENOSPC past LUO_MAX_BLOCKS). No count
     * check, no cycle check, no cleanup of blocks already added on error (the variant's
     * {@link DeserializeFailure} decides). The variant's {@link HandoverChecks} look at each
     * pointer before it is followed (none as posted).
     */
    Outcome<Unit> setup(Optional<KhoEntry> entry) {
        Outcome<Unit> r = walkChain(entry);
        if (!r.isOk()) {
            variant.deserializeFailure().setupFailed(this);
        }
        active = r.isOk();
        return r;
    }

    /** The version's root gives the head (v7: 0 is no sessions); its chain is restored the version's way. */
    private Outcome<Unit> walkChain(Optional<KhoEntry> entry) {
        HandoverRoot root = variant.version().root();
        try {
            Outcome<Long> head = root.incomingHead(entry, kho.memory());
            if (!head.isOk()) {
                return Results.propagate(head);
            }
            setupHead = head.value();
            Outcome<Unit> restored = walk.restore(blocks, geometry.sessionBlockBytes(), geometry.sessionsPerBlock(), true, head.value());
            entry.ifPresent(e -> root.setupDone(kho, e));
            return restored;
        } catch (LayoutException e) {
            walk.readFault(e.struct());
            return Outcome.err(Errno.EFAULT);
        }
    }

    /** The head PA setup read from the handover's root (0: none), or -1 before setup or when it refused the root. */
    long setupHead() {
        return setupHead;
    }

    /** luo_session_deserialize: runs once; later calls return the cached result; no handover (not active) is 0. */
    Outcome<Unit> deserialize() {
        if (deserialized == null && !active) {
            deserialized = Outcome.ok();
        }
        if (deserialized == null) {
            try {
                deserialized = deserializeBlocks();
            } catch (LayoutException e) {
                walk.readFault(e.struct());
                deserialized = failed(Errno.EFAULT);
            }
        }
        return deserialized;
    }

    /** Only reached after a successful setup: LuoImpl opens the device in the INCOMING phase alone. */
    private Outcome<Unit> deserializeBlocks() {
        for (int b = 0; b < blocks.nblocks(); b++) {
            walk.visit(true, blocks.pa(b));
            long count = blocks.readCount(b);
            // u64 in the kernel: a count of 2^63 or more is above the capacity, not negative.
            if (Long.compareUnsigned(count, geometry.sessionsPerBlock()) > 0) {
                return failed(Errno.EINVAL);
            }
            for (long i = 0; i < count; i++) {
                Outcome<Unit> one = deserializeOne(blocks.entryPa(b, i));
                if (!one.isOk()) {
                    return failed(Results.errno(one));
                }
            }
        }
        blocks.destroy(false);
        return Outcome.ok();
    }

    /** One entry: allocate the session, insert it (EEXIST on a duplicate), then its files. */
    private Outcome<Unit> deserializeOne(long entryPa) {
        Optional<Errno> badName = walk.name(entryPa);
        if (badName.isPresent()) {
            return Outcome.err(badName.get());
        }
        Session s = new Session(SessionSer.readName(kho.memory(), entryPa), new FileSet(kho, geometry, handlers));
        if (list.containsKey(s.name)) {
            return Outcome.err(Errno.EEXIST);
        }
        list.put(s.name, s);
        fileSetsWalked.add(SessionSer.fileSetPa(entryPa));
        Outcome<Unit> r = s.files.deserialize(SessionSer.fileSetPa(entryPa), walk, "'" + SessionNames.escape(s.name) + "'");
        if (!r.isOk()) {
            variant.deserializeFailure().fileSetFailed(s.files);
        }
        // A session that got no file block keeps no file set of its own (Session.files).
        if (s.files.blockPas().isEmpty()) {
            s.files = FileSet.NONE;
        }
        return r;
    }

    private Outcome<Unit> failed(Errno errno) {
        variant.deserializeFailure().apply(this);
        return Outcome.err(errno);
    }

    /**
     * A rejected handover: every session built so far released, the session blocks restored. At
     * the first open (not at setup, where the boot panics next) the file chains of the entries
     * deserialize never reached are walked too, with the variant's checks, and every block
     * reached is restored and freed: the whole handover is given back (C1 of docs/corruption.md).
     */
    void discardAll(boolean alsoUnreachedFiles) {
        list.values().forEach(s -> s.files.discard());
        list.clear();
        if (alsoUnreachedFiles) {
            try {
                releaseUnreachedFileChains();
            } catch (LayoutException e) {
                walk.readFault(e.struct()); // not reached: the checks refuse any pointer outside RAM first
            }
        }
        blocks.destroy(false);
    }

    /** Entries of blocks whose count is within capacity whose file set deserialize never started on. */
    private void releaseUnreachedFileChains() {
        for (int b = 0; b < blocks.nblocks(); b++) {
            long count = blocks.readCount(b);
            if (Long.compareUnsigned(count, geometry.sessionsPerBlock()) > 0) {
                continue;
            }
            for (long i = 0; i < count; i++) {
                long fileSetPa = SessionSer.fileSetPa(blocks.entryPa(b, i));
                if (fileSetsWalked.add(fileSetPa)) {
                    releaseFileChain(fileSetPa);
                }
            }
        }
    }

    /**
     * A file chain deserialize never reached: walked with the variant's checks, stopping at the
     * first pointer they refuse, and every block reached restored and freed. No entry is read.
     */
    private void releaseFileChain(long fileSetSerPa) {
        long head = FileSetSer.read(kho.memory(), fileSetSerPa).files();
        BlockList chain = new BlockList(kho, BlockKind.FILE, geometry.fileBlockBytes(), geometry.maxBlocks());
        ChainWalk.add(chain, geometry.fileBlockBytes(), false, walk, head);
        chain.destroy(false);
    }

    /**
     * luo_session_retrieve: strncmp of each session's name with the 64-byte field from user space
     * (so a field without NUL names no session): ENOENT if none, EINVAL if already retrieved.
     */
    Outcome<Session> retrieve(byte[] nameField) {
        Optional<String> name = SessionNames.cString(nameField);
        Session s = name.map(list::get).orElse(null);
        if (s == null) {
            return Outcome.err(Errno.ENOENT);
        }
        if (s.retrieved) {
            return Outcome.err(Errno.EINVAL);
        }
        s.retrieved = true;
        return Outcome.ok(s);
    }

    /** Release of a retrieved session fd: finish first; on failure keep the session. */
    Outcome<Unit> release(Session s) {
        Outcome<Unit> finished = s.files.finish();
        if (finished.isOk()) {
            list.remove(s.name);
            s.files.destroyed(s.name);
        }
        return finished;
    }

    boolean deserializedOk() {
        return deserialized != null && deserialized.isOk();
    }

    boolean deserializeRan() {
        return deserialized != null;
    }

    BlockList blocks() {
        return blocks;
    }

    HandoverWalk walk() {
        return walk;
    }

    /** The cached deserialize result with its inner errno (EFAULT: a read outside RAM), or empty. */
    Optional<Outcome<Unit>> deserializeResult() {
        return Optional.ofNullable(deserialized);
    }

    Iterable<Session> sessions() {
        return list.values();
    }

    List<IncomingSession> images() {
        List<IncomingSession> out = new ArrayList<>(list.size());
        list.values().forEach(s -> out.add(s.incomingImage()));
        return out;
    }
}
