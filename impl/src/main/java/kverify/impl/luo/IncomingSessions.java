package kverify.impl.luo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import kverify.impl.kho.Kho;
import kverify.impl.luo.layout.FileSetSer;
import kverify.impl.luo.layout.LayoutException;
import kverify.impl.luo.layout.SessionHeaderSer;
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
    private SessionTable list;
    /**
     * The entries whose file chain deserialize has started on (see discardAll), per session block
     * PA as the length of the prefix of its entries reached: deserialize takes a block's entries in
     * order, so what it reached of a block is a prefix, and a block the chain lists twice is the
     * same memory. A few words per block instead of a set entry per session.
     */
    private final Map<Long, Integer> fileSetsWalked = new HashMap<>();
    /** Entries of the block being deserialized that reached their file chain (a prefix). */
    private int reachedInBlock;
    /** The name field of the entry being deserialized (luo_session_alloc copies it into the session). */
    private final byte[] name = new byte[SessionSer.NAME_LENGTH];
    private final BlockList blocks;
    private final HandoverWalk walk;
    private final Handlers handlers;
    private Outcome<Unit> deserialized;
    private boolean active;
    private long setupHead = -1;
    private long liveupdateNumber;

    IncomingSessions(Kho kho, LuoGeometry geometry, LuoVariant variant, Handlers handlers) {
        this.kho = kho;
        this.geometry = geometry;
        this.variant = variant;
        this.handlers = handlers;
        this.list = new SessionTable(0, geometry.maxSessions());
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

    /** No KHO handover at all (luo_early_startup returns 0 first): nothing incoming, setup succeeds, the first open finds nothing. */
    Outcome<Unit> nothingHandedOver() {
        active = false;
        return Outcome.ok();
    }

    /** The version's root gives the head (v7: 0 is no sessions); its chain is restored the version's way. */
    private Outcome<Unit> walkChain(Optional<KhoEntry> entry) {
        HandoverRoot root = variant.version().root();
        try {
            Outcome<Long> head = root.incomingHead(entry, kho.memory());
            if (!head.isOk()) {
                return Results.propagate(head);
            }
            liveupdateNumber = root.incomingNumber(entry, kho.memory());
            setupHead = head.value();
            Outcome<Unit> restored = walk.restore(blocks, geometry.sessionBlockBytes(), geometry.sessionsPerBlock(), true, head.value());
            entry.ifPresent(e -> root.setupDone(kho, e));
            return restored;
        } catch (LayoutException e) {
            walk.readFault(e.struct());
            return Outcome.err(Errno.EFAULT);
        }
    }

    /** The live-update number of the handover this kernel booted on (0: none, or v1, whose root has none). */
    long liveupdateNumber() {
        return liveupdateNumber;
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
        list = new SessionTable(expectedSessions(), geometry.maxSessions());
        for (int b = 0; b < blocks.nblocks(); b++) {
            walk.visit(true, blocks.pa(b));
            long count = blocks.readCount(b);
            // u64 in the kernel: a count of 2^63 or more is above the capacity, not negative.
            if (Long.compareUnsigned(count, geometry.sessionsPerBlock()) > 0) {
                return failed(Errno.EINVAL);
            }
            reachedInBlock = 0;
            for (long i = 0; i < count; i++) {
                Outcome<Unit> one = deserializeOne(b, (int) i);
                if (!one.isOk()) {
                    noteReached(b);
                    return failed(Results.errno(one));
                }
            }
            noteReached(b);
        }
        blocks.destroy(false);
        return Outcome.ok();
    }

    private void noteReached(int b) {
        if (reachedInBlock > 0) {
            fileSetsWalked.merge(blocks.pa(b), reachedInBlock, Math::max);
        }
    }

    /** The sessions the block headers announce (each count capped at the capacity): the table's size. */
    private int expectedSessions() {
        long n = 0;
        for (int b = 0; b < blocks.nblocks(); b++) {
            long count = blocks.readCount(b);
            n += Long.compareUnsigned(count, geometry.sessionsPerBlock()) > 0 ? 0 : count;
        }
        return (int) Math.min(n, Integer.MAX_VALUE / 4);
    }

    /** One entry: allocate the session, insert it (EEXIST on a duplicate), then its files. */
    private Outcome<Unit> deserializeOne(int b, int i) {
        long entryPa = blocks.entryPa(b, i);
        Optional<Errno> badName = walk.name(entryPa);
        if (badName.isPresent()) {
            return Outcome.err(badName.get());
        }
        // luo_session_alloc: kzalloc (decision 35).
        if (kho.faults().kzallocFails()) {
            return Outcome.err(Errno.ENOMEM);
        }
        int length = SessionSer.readNameInto(kho.memory(), entryPa, name);
        int probed = list.probe(name, 0, length);
        if (probed >= 0) {
            return Outcome.err(Errno.EEXIST);
        }
        SessionTable table = list;
        int id = table.add(name, 0, length, FileSet.NONE, probed);
        reachedInBlock = i + 1;
        FileSetSer.Value set = FileSetSer.read(kho.memory(), SessionSer.fileSetPa(entryPa));
        if (set.files() == 0) {
            // No file chain: the session keeps no file set of its own (Session.files).
            return FileSet.checkNoChain(set, walk);
        }
        FileSet files = new FileSet(kho, geometry, handlers);
        table.setFiles(id, files);
        Outcome<Unit> r = files.deserialize(set, walk, () -> "'" + SessionNames.escape(table.name(id)) + "'");
        if (!r.isOk()) {
            variant.deserializeFailure().fileSetFailed(files);
        }
        if (files.blockPas().isEmpty() && files.untrackedFrom() == 0) {
            table.setFiles(id, FileSet.NONE);
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
        sessions().forEach(s -> s.files().discard());
        if (alsoUnreachedFiles) {
            // A file chain cut short by a failed tracking allocation: the blocks past it are handed over too.
            for (Session s : sessions()) {
                if (s.files().untrackedFrom() != 0) {
                    releaseChainFrom(s.files().untrackedFrom());
                }
            }
        }
        list = new SessionTable(0, geometry.maxSessions());
        if (alsoUnreachedFiles) {
            try {
                releaseUnreachedFileChains();
            } catch (LayoutException e) {
                walk.readFault(e.struct()); // not reached: the checks refuse any pointer outside RAM first
            }
        }
        blocks.destroy(false);
    }

    /** The 64-bit golden-ratio constant (odd): multiplying by it permutes the longs and spreads their low bits. */
    private static final long SPREAD = 0x9E3779B97F4A7C15L;

    /** Entries of blocks whose count is within capacity whose file set deserialize never started on. */
    private void releaseUnreachedFileChains() {
        // The reached entries as file set PAs, built only on this rejection path. Kept multiplied by an odd constant (a
        // bijection, so the set is the same): entries 80 bytes apart would fill only every 16th bucket of a HashSet<Long>.
        java.util.Set<Long> walked = new java.util.HashSet<>();
        fileSetsWalked.forEach((block, reached) -> {
            for (int i = 0; i < reached; i++) {
                walked.add(SessionSer.fileSetPa(SessionHeaderSer.entryPa(block, i)) * SPREAD);
            }
        });
        for (int b = 0; b < blocks.nblocks(); b++) {
            long count = blocks.readCount(b);
            if (Long.compareUnsigned(count, geometry.sessionsPerBlock()) > 0) {
                continue;
            }
            for (long i = 0; i < count; i++) {
                long fileSetPa = SessionSer.fileSetPa(blocks.entryPa(b, i));
                if (walked.add(fileSetPa * SPREAD)) {
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
        releaseChainFrom(FileSetSer.read(kho.memory(), fileSetSerPa).files());
    }

    /**
     * The file blocks from {@code head} on, walked with the variant's checks (at most
     * LUO_MAX_BLOCKS of them), each restored and freed. Giving blocks back allocates nothing: a
     * tracking struct per block here made a failed kzalloc during the rejection leave the rest of
     * the chain held (found by luo.interface.faults.corrected.small, mvn-test seed
     * -9119852621944336921). The next pointer is read before its block is freed.
     */
    private void releaseChainFrom(long head) {
        long pa = head;
        for (int n = 0; pa != 0 && n < geometry.maxBlocks(); n++) {
            if (walk.block(pa, geometry.fileBlockBytes()).isPresent()) {
                return;
            }
            walk.visit(false, pa);
            long next = BlockKind.FILE.readNext(kho.memory(), pa);
            kho.restoreFree(pa);
            pa = next;
        }
    }

    /**
     * luo_session_retrieve: strncmp of each session's name with the 64-byte field from user space
     * (so a field without NUL names no session): ENOENT if none, EINVAL if already retrieved.
     * The name field is b[at .. at + 64) (the kernel's copy of the ioctl struct, read in place).
     * Returns the session's id in {@link #table()}, or the error ({@link IdResult}).
     */
    int retrieve(byte[] b, int at) {
        int length = SessionSer.nulIndex(b, at);
        SessionTable t = list;
        LockPoints.lock(LockPoints.Lock.incomingList(false));
        int id = length >= 0 ? t.find(b, at, length) : -1;
        SessionLocking.RetrieveList held = variant.sessionLocking().retrieveList();
        if (id < 0 || held == SessionLocking.RetrieveList.DROPPED_BEFORE_MUTEX) {
            LockPoints.unlock(LockPoints.Lock.incomingList(false));
        }
        if (id < 0) {
            return IdResult.err(Errno.ENOENT);
        }
        // As posted in v1, the list lock is dropped before the session's mutex is taken (luo_session_retrieve, LUO-15).
        LockPoints.lockSession(t, id);
        if (held == SessionLocking.RetrieveList.DROPPED_AFTER_MUTEX_TAKEN) {
            LockPoints.unlock(LockPoints.Lock.incomingList(false));
        }
        try {
            if (!t.live(id)) {
                throw new IllegalStateException("luo_session_retrieve: the session of " + LockPoints.Lock.session(new Session(t, id)).point()
                        + " was freed by its release between the list lookup and mutex_lock (use after free)");
            }
            if (t.retrieved(id)) {
                return IdResult.err(Errno.EINVAL);
            }
            t.setRetrieved(id, true);
            return id;
        } finally {
            LockPoints.unlockSession(t, id);
            if (held == SessionLocking.RetrieveList.HELD_TO_RETURN) {
                LockPoints.unlock(LockPoints.Lock.incomingList(false));
            }
        }
    }

    /** The session of an id that {@link #retrieve} returned. */
    Session session(int id) {
        return new Session(list, id);
    }

    /** Release of a retrieved session fd: finish (which cannot fail, see FileSet.finish), then off the list. */
    void release(Session s) {
        LockPoints.Lock mutex = LockPoints.Lock.session(s);
        LockPoints.lock(mutex); // luo_session_finish_one
        s.files().finish();
        LockPoints.unlock(mutex);
        LockPoints.lock(LockPoints.Lock.incomingList(true)); // luo_session_remove
        int id = list.find(s.name());
        if (id >= 0) {
            list.remove(id);
        }
        LockPoints.unlock(LockPoints.Lock.incomingList(true));
        s.files().destroyed(s.name());
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
        SessionTable t = list;
        return () -> OutgoingSessions.handles(t);
    }

    /** The live session of this name, if any. */
    Optional<Session> find(String name) {
        int id = list.find(name);
        return id < 0 ? Optional.empty() : Optional.of(new Session(list, id));
    }

    SessionTable table() {
        return list;
    }

    long count() {
        return list.size();
    }

    List<IncomingSession> images() {
        List<IncomingSession> out = new ArrayList<>(list.size());
        sessions().forEach(s -> out.add(s.incomingImage()));
        return out;
    }
}
