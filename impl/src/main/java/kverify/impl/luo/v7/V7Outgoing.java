package kverify.impl.luo.v7;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import kverify.impl.kho.Kho;
import kverify.impl.luo.layout.SessionSer;
import kverify.impl.luo.layout.v7.LuoSer;
import kverify.impl.luo.layout.v7.LuoSubtree;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.RebootFault;
import kverify.model.luo.SessionImage;

/**
 * The outgoing kernel of LUO v7: luo_state_setup (kernel/liveupdate/luo_core.c after "[PATCH v7
 * 04/13]" and "08/13"), and in kernel/liveupdate/luo_session.c (torvalds/linux 637315cb) create,
 * release and luo_session_serialize with its undo. No session block exists until the first
 * create; the head reaches luo_ser.sessions_pa only at serialize. The session list is a
 * LinkedHashMap in list order (the kernel's strncmp scan becomes a lookup; the order is the same).
 */
public final class V7Outgoing {
    private final Kho kho;
    private final LuoGeometry geometry;
    private final V7Variant variant;
    private final LinkedHashMap<String, V7FileSet> sessions = new LinkedHashMap<>();
    private final KhoBlockSet sessionSet;
    private final long luoSerPa;

    private V7Outgoing(Kho kho, LuoGeometry geometry, V7Variant variant, long luoSerPa) {
        this.kho = kho;
        this.geometry = geometry;
        this.variant = variant;
        this.luoSerPa = luoSerPa;
        this.sessionSet = new KhoBlockSet(kho, geometry.sessionBlockBytes(), SessionSer.SIZE, geometry.maxBlocks(),
                variant.restoreTrust());
    }

    /**
     * luo_state_setup: a preserved luo_ser with the compatible and the next live-update number,
     * sessions_pa 0. The FLB header is outside the suite (docs/versions-luo.md U13): flbs_pa 0.
     */
    public static Outcome<V7Outgoing> setup(Kho kho, LuoGeometry geometry, V7Variant variant, long previousLiveupdateNum) {
        Outcome<Long> pa = kho.allocPreserve(LuoSer.SIZE);
        if (!pa.isOk()) {
            return Outcome.err(((Outcome.Err<Long>) pa).errno());
        }
        LuoSer.write(kho.memory(), pa.value(), previousLiveupdateNum + 1, 0, 0);
        return Outcome.ok(new V7Outgoing(kho, geometry, variant, pa.value()));
    }

    /** What kho_add_subtree registered: the next kernel's way in. */
    public LuoSubtree subtree() {
        return LuoSubtree.of(luoSerPa);
    }

    public KhoBlockSet sessionSet() {
        return sessionSet;
    }

    public long count() {
        return sessions.size();
    }

    /** luo_session_create: name length, then the variant's order of room and duplicate tests. */
    public Outcome<Unit> create(String name) {
        int len = name.getBytes(StandardCharsets.ISO_8859_1).length;
        if (len == 0 || len > SessionSer.NAME_LENGTH - 1) {
            return Outcome.err(Errno.EINVAL);
        }
        boolean growsFirst = variant.insertOrder().growsFirst();
        if (!growsFirst && sessions.containsKey(name)) {
            return Outcome.err(Errno.EEXIST);
        }
        Outcome<Unit> grown = sessionSet.grow(sessions.size() + 1L);
        if (!grown.isOk()) {
            return grown;
        }
        if (growsFirst && sessions.containsKey(name)) {
            return Outcome.err(Errno.EEXIST);
        }
        sessions.put(name, new V7FileSet(kho, geometry, variant.restoreTrust()));
        return Outcome.ok();
    }

    /** luo_session_release of an outgoing session: its files unpreserved, then removed and the set shrunk. */
    public Outcome<Unit> close(String name) {
        V7FileSet files = sessions.remove(name);
        if (files == null) {
            return Outcome.err(Errno.EBADF);
        }
        files.unpreserveAll();
        sessionSet.shrink(sessions.size());
        return Outcome.ok();
    }

    public Outcome<Unit> preserveFile(String session, long token, HandlerKind kind, long data) {
        V7FileSet files = sessions.get(session);
        return files == null ? Outcome.err(Errno.EBADF) : files.preserve(token, kind, data);
    }

    /**
     * luo_session_serialize: sessions_pa 0; a slot per session in list order, its files frozen
     * into the slot, its name copied; then sessions_pa = head if there is a session. A failure
     * steps back over the failed slot and undoes every earlier session in reverse; the block
     * counts written by the reserves are left as they are.
     */
    public Outcome<Unit> serialize(RebootFault fault) {
        LuoSer.writeSessionsPa(kho.memory(), luoSerPa, 0);
        List<String> names = new ArrayList<>(sessions.keySet());
        KhoBlockSet.Cursor it = sessionSet.cursor();
        for (int s = 0; s < names.size(); s++) {
            long slot = it.reserveEntry();
            if (slot == 0) {
                undo(names, s, it);
                return Outcome.err(Errno.ENOSPC);
            }
            Outcome<Unit> frozen = sessions.get(names.get(s)).freeze(SessionSer.fileSetPa(slot), fault, s);
            if (!frozen.isOk()) {
                it.prev();
                undo(names, s, it);
                return frozen;
            }
            SessionSer.writeName(kho.memory(), slot, names.get(s));
        }
        if (!sessions.isEmpty()) {
            LuoSer.writeSessionsPa(kho.memory(), luoSerPa, sessionSet.headPa());
        }
        return Outcome.ok();
    }

    /** err_undo: for each session before the failed one, last first: unfreeze it and zero its name. */
    private void undo(List<String> names, int failed, KhoBlockSet.Cursor it) {
        for (int s = failed - 1; s >= 0; s--) {
            long slot = it.prev();
            sessions.get(names.get(s)).unfreeze(SessionSer.fileSetPa(slot));
            SessionSer.zeroName(kho.memory(), slot);
        }
    }

    /** The sessions and their files in list order, from kernel memory (not from the handover). */
    public List<SessionImage> images() {
        List<SessionImage> out = new ArrayList<>(sessions.size());
        sessions.forEach((name, files) -> out.add(new SessionImage(name, files.images())));
        return out;
    }
}
