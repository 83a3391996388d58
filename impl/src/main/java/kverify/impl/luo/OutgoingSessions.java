package kverify.impl.luo;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import kverify.impl.kho.Kho;
import kverify.impl.luo.layout.SessionSer;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.RebootFault;
import kverify.model.luo.SessionImage;

/**
 * The outgoing half of kernel/liveupdate/luo_session.c as posted in patch 1/5: the session list,
 * the block list with nblocks, insert, release, and serialize with its reverse rollback.
 *
 * <p>One optimization behind the contract: the list is a {@link SessionTable}, so the duplicate
 * check is a hash lookup instead of the kernel's strncmp scan ("might become a bottleneck", the
 * code comment says; 3.4e13 compares at the 8.19-million limit), and a session costs no Java
 * object. List order is insertion order, as with list_add_tail, and removal keeps the order of the
 * rest.
 */
final class OutgoingSessions {
    private final Kho kho;
    private final LuoGeometry geometry;
    private final LuoVariant variant;
    private final SessionTable list;
    private final BlockList blocks;
    private KhoEntry entry;

    private OutgoingSessions(Kho kho, LuoGeometry geometry, LuoVariant variant) {
        this.kho = kho;
        this.geometry = geometry;
        this.variant = variant;
        this.list = new SessionTable(0, geometry.maxSessions());
        this.blocks = new BlockList(kho, BlockKind.SESSION, geometry.sessionBlockBytes(), geometry.maxBlocks());
    }

    /**
     * luo_session_setup_outgoing: v1's first block, then the FDT node naming its address; v7's
     * luo_ser with no block (the version's {@link BlockSetPolicy} and {@link HandoverRoot}).
     */
    static Outcome<OutgoingSessions> setup(Kho kho, LuoGeometry geometry, LuoVariant variant, long previousNumber) {
        OutgoingSessions out = new OutgoingSessions(kho, geometry, variant);
        if (variant.blockSets().blockAtBoot()) {
            Outcome<Unit> first = out.blocks.create();
            if (!first.isOk()) {
                return Results.propagate(first);
            }
        }
        Outcome<KhoEntry> root = variant.version().root().outgoing(kho, out.blocks, previousNumber);
        if (!root.isOk()) {
            return Results.propagate(root);
        }
        out.entry = root.value();
        return Outcome.ok(out);
    }

    /** What KHO hands to the next kernel for LUO. */
    KhoEntry entry() {
        return entry;
    }

    /** Preserved memory of the root beside the blocks (v7's luo_ser). */
    List<Long> rootPas() {
        return variant.version().root().rootPas(entry);
    }

    /** The first session block as the root names it (v1's FDT node), or the set's head (v7; 0 when there is none). */
    long headPa() {
        return variant.version().root().outgoingHead(entry, blocks);
    }

    BlockList blocks() {
        return blocks;
    }

    /**
     * luo_session_create for a name field from user space: the variant's name check, then
     * luo_session_alloc (strscpy into 64 bytes: up to the NUL, at most 63 bytes) and
     * luo_session_insert: a duplicate (strncmp over 64 bytes: the same C string) is EEXIST, then
     * the chain grows if the variant says so (its error returned). With the serialize rwsem
     * write-held ({@code blocked}) the call blocks in down_read, after the name check and the alloc.
     * The name field is b[at .. at + 64) (the kernel's copy of the ioctl struct, read in place).
     * Returns the new session's id, or an error or a hang ({@link IdResult}).
     */
    int create(byte[] b, int at, boolean blocked) {
        Optional<Errno> bad = variant.interfaceChecks().name(b, at);
        if (bad.isPresent()) {
            return IdResult.err(bad.get());
        }
        return create(b, at, SessionSer.strscpyNameLength(b, at), blocked);
    }

    /** The session of an id that {@link #create} returned. */
    Session session(int id) {
        return new Session(list, id);
    }

    /**
     * luo_session_alloc (kzalloc: ENOMEM), then luo_session_insert for outgoing of the name
     * name[at .. at + len) (its bytes are copied into the list): the duplicate test and the growth
     * of the chain (if the variant's {@link BlockGrowth} says so), in the order of its
     * {@link BlockSetPolicy}; a failure frees the session again.
     */
    private int create(byte[] name, int at, int len, boolean blocked) {
        if (kho.faults().kzallocFails()) {
            return IdResult.err(Errno.ENOMEM);
        }
        if (blocked) {
            return IdResult.HUNG;
        }
        LockPoints.lock(LockPoints.Lock.outgoingList());
        int r = insert(name, at, len);
        LockPoints.unlock(LockPoints.Lock.outgoingList());
        return r;
    }

    /** luo_session_insert's body, under the outgoing rwsem (guard(rwsem_write)). */
    private int insert(byte[] name, int at, int len) {
        boolean growFirst = variant.blockSets().growsBeforeDuplicateTest();
        int probed = growFirst ? 0 : list.probe(name, at, len);
        if (probed >= 0 && !growFirst) { // a live session holds the name
            return IdResult.err(Errno.EEXIST);
        }
        if (variant.growth().needsBlock(list.size(), blocks.nblocks(), geometry.sessionsPerBlock())) {
            Outcome<Unit> grown = blocks.create();
            if (!grown.isOk()) {
                return IdResult.failure(grown);
            }
        }
        if (growFirst) {
            probed = list.probe(name, at, len);
            if (probed >= 0) {
                return IdResult.err(Errno.EEXIST);
            }
        }
        // The block list is not the session list: the probe's free slot is still the name's.
        return list.add(name, at, len, FileSet.NONE, probed);
    }

    /** luo_session_remove: off the list (whichever session of this list has the name); v1 frees no block, v7 shrinks the set to the sessions left. */
    void remove(Session s) {
        LockPoints.lock(LockPoints.Lock.outgoingList());
        removeLocked(s);
        LockPoints.unlock(LockPoints.Lock.outgoingList());
    }

    private void removeLocked(Session s) {
        int id = list.find(s.name());
        if (id >= 0) {
            list.remove(id);
        }
        if (variant.blockSets().shrinksOnRemove()) {
            blocks.shrink(list.size(), geometry.sessionsPerBlock());
        }
    }

    /** Release of an outgoing session fd: unpreserve its files (luo_file_unpreserve_files), remove it. */
    void release(Session s) {
        LockPoints.Lock mutex = LockPoints.Lock.session(s);
        if (variant.sessionLocking().closeTakesListFirst()) {
            LockPoints.lock(LockPoints.Lock.outgoingList());
            LockPoints.lock(mutex);
            s.files().unpreserveAll();
            LockPoints.unlock(mutex);
            removeLocked(s);
            LockPoints.unlock(LockPoints.Lock.outgoingList());
        } else {
            LockPoints.lock(mutex);
            s.files().unpreserveAll();
            LockPoints.unlock(mutex);
            remove(s);
        }
        s.files().destroyed(s.name());
    }

    /** The live session of this name, if any. */
    java.util.Optional<Session> find(String name) {
        int id = list.find(name);
        return id < 0 ? java.util.Optional.empty() : java.util.Optional.of(new Session(list, id));
    }

    /**
     * luo_session_serialize. Walks the sessions in list order with (block, i): when i reaches
     * BLOCK_MAX the block's count is written and the walk moves to the next block. After the loop
     * the current block's count is i; blocks after it are left to the variant. On a freeze
     * failure the earlier sessions are undone in reverse and the error returned.
     */
    Outcome<Unit> serialize(RebootFault fault) {
        LockPoints.lock(LockPoints.Lock.outgoingList());
        Outcome<Unit> r = serializeLocked(fault);
        LockPoints.unlock(LockPoints.Lock.outgoingList());
        return r;
    }

    /** luo_session_serialize's body, under the outgoing rwsem; each session frozen under its mutex (luo_session_freeze_one). */
    private Outcome<Unit> serializeLocked(RebootFault fault) {
        // v1: nblocks >= 1 here, setup created block 0 and outgoing blocks are never freed.
        // v7: as many blocks as the sessions need, none without a session.
        boolean perReserve = variant.blockSets().countPerReserve();
        int[] order = liveIds();
        int perBlock = geometry.sessionsPerBlock();
        int b = 0;
        int i = 0;
        byte[] name = new byte[SessionSer.NAME_LENGTH];
        for (int s = 0; s < order.length; s++) {
            if (i == perBlock) {
                blocks.writeCount(b, i);
                b = nextBlock(b);
                i = 0;
            }
            long entry = blocks.entryPa(b, i);
            if (perReserve) {
                blocks.writeCount(b, i + 1);
            }
            LockPoints.Lock mutex = LockPoints.Lock.session(new Session(list, order[s]));
            LockPoints.lock(mutex);
            Outcome<Unit> frozen = list.files(order[s]).freeze(SessionSer.fileSetPa(entry), fault, s);
            LockPoints.unlock(mutex);
            if (!frozen.isOk()) {
                rollback(order, s, b, i);
                return frozen;
            }
            if (list.files(order[s]).count() == 0) {
                variant.trailingCounts().emptyFileSet(kho.memory(), SessionSer.fileSetPa(entry));
            }
            SessionSer.writeName(kho.memory(), entry, name, list.copyName(order[s], name, SessionSer.NAME_LENGTH - 1));
            i++;
        }
        if (!perReserve) {
            blocks.writeCount(b, i);
        }
        variant.trailingCounts().afterSerialize(blocks, b);
        variant.version().root().serialized(kho, entry, order.length == 0 ? 0 : blocks.pa(0));
        return Outcome.ok();
    }

    /**
     * err_undo: list_for_each_entry_continue_reverse from the failed session; i-- first, and when
     * i drops below 0 step to the previous block at BLOCK_MAX - 1. Each earlier session is
     * unfrozen and its name zeroed. Counts written at block transitions are not reset.
     */
    private void rollback(int[] order, int failed, int b, int i) {
        for (int s = failed - 1; s >= 0; s--) {
            i--;
            if (i < 0) {
                b--;
                i = geometry.sessionsPerBlock() - 1;
            }
            long entry = blocks.entryPa(b, i);
            LockPoints.Lock mutex = LockPoints.Lock.session(new Session(list, order[s]));
            LockPoints.lock(mutex); // luo_session_unfreeze_one
            list.files(order[s]).unfreeze(SessionSer.fileSetPa(entry));
            LockPoints.unlock(mutex);
            SessionSer.zeroName(kho.memory(), entry);
        }
    }

    /** list_next_entry; past the last block the kernel would treat the list head as a block. */
    private int nextBlock(int b) {
        if (b + 1 >= blocks.nblocks()) {
            throw new IllegalStateException("luo_session_serialize: more sessions than blocks hold ("
                    + list.size() + " sessions, " + blocks.nblocks() + " blocks); list_next_entry runs off the block list");
        }
        return b + 1;
    }

    long count() {
        return list.size();
    }

    /** The live ids in list order. */
    private int[] liveIds() {
        int[] out = new int[list.size()];
        int n = 0;
        for (int id = list.next(-1); id >= 0; id = list.next(id)) {
            out[n++] = id;
        }
        return out;
    }

    Iterable<Session> sessions() {
        return () -> handles(list);
    }

    /** The live sessions of a table in list order, as handles. */
    static Iterator<Session> handles(SessionTable t) {
        return new Iterator<>() {
            private int id = t.next(-1);

            @Override
            public boolean hasNext() {
                return id >= 0;
            }

            @Override
            public Session next() {
                if (id < 0) {
                    throw new NoSuchElementException();
                }
                Session s = new Session(t, id);
                id = t.next(id);
                return s;
            }
        };
    }

    SessionTable table() {
        return list;
    }

    List<SessionImage> images() {
        List<SessionImage> out = new ArrayList<>(list.size());
        sessions().forEach(s -> out.add(s.image()));
        return out;
    }
}
