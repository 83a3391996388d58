package kverify.impl.luo.v7;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import kverify.impl.kho.Kho;
import kverify.impl.luo.layout.LayoutException;
import kverify.impl.luo.layout.SessionSer;
import kverify.impl.luo.layout.v7.LuoSubtree;
import kverify.model.Errno;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.SessionImage;

/**
 * The next kernel of LUO v7: luo_early_startup and luo_session_setup_incoming at early boot
 * (kernel/liveupdate/luo_core.c after "[PATCH v7 04/13]"; luo_session.c at torvalds/linux
 * 637315cb), then luo_session_deserialize on the first open, result cached. A read outside RAM,
 * an oops in the kernel, is EFAULT here (docs/luo.md decision 17).
 */
public final class V7Incoming {
    private final Kho kho;
    private final LuoGeometry geometry;
    private final V7Variant variant;
    private final KhoBlockSet sessionSet;
    private final LinkedHashMap<String, V7FileSet> sessions = new LinkedHashMap<>();
    private boolean active;
    private Outcome<Unit> deserialized;

    public V7Incoming(Kho kho, LuoGeometry geometry, V7Variant variant) {
        this.kho = kho;
        this.geometry = geometry;
        this.variant = variant;
        this.sessionSet = new KhoBlockSet(kho, geometry.sessionBlockBytes(), SessionSer.SIZE, geometry.maxBlocks(),
                variant.restoreTrust());
    }

    public KhoBlockSet sessionSet() {
        return sessionSet;
    }

    /**
     * Early boot: no "LUO" entry is no incoming state; a failed length or compatible test returns
     * at once (EINVAL); else the session set is restored from sessions_pa and the luo_ser is
     * restored and freed whatever the outcome. An error here is luo_restore_fail, a panic.
     */
    public Outcome<Unit> setup(Optional<LuoSubtree> entry) {
        if (entry.isEmpty() || !entry.get().name().equals(LuoSubtree.NAME)) {
            return Outcome.ok();
        }
        try {
            Outcome<Long> sessionsPa = LuoSubtree.incomingSessionsPa(entry, kho.memory());
            if (!sessionsPa.isOk()) {
                return Outcome.err(((Outcome.Err<Long>) sessionsPa).errno());
            }
            Outcome<Unit> restored = sessionSet.restore(sessionsPa.value());
            active = restored.isOk() && sessionsPa.value() != 0;
            kho.restoreFree(entry.get().pa());
            return restored;
        } catch (LayoutException e) {
            return Outcome.err(Errno.EFAULT);
        }
    }

    /** luo_session_deserialize: once; later calls return the cached result. */
    public Outcome<Unit> deserialize() {
        if (deserialized == null) {
            try {
                deserialized = active ? deserializeSessions() : Outcome.ok();
            } catch (LayoutException e) {
                deserialized = Outcome.err(Errno.EFAULT);
            }
        }
        return deserialized;
    }

    /** Entries by the stored counts; the first failure keeps the sessions so far but frees the session blocks. */
    private Outcome<Unit> deserializeSessions() {
        KhoBlockSet.Cursor it = sessionSet.cursor();
        for (long entry = it.readEntry(); entry != 0; entry = it.readEntry()) {
            Outcome<Unit> one = deserializeOne(entry);
            if (!one.isOk()) {
                sessionSet.destroy();
                return one;
            }
        }
        sessionSet.destroy();
        return Outcome.ok();
    }

    /** luo_session_deserialize_one: name copied as strscpy does, inserted (EEXIST), then its files. */
    private Outcome<Unit> deserializeOne(long entryPa) {
        String name = SessionSer.readName(kho.memory(), entryPa);
        if (sessions.containsKey(name)) {
            return Outcome.err(Errno.EEXIST);
        }
        V7FileSet files = new V7FileSet(kho, geometry, variant.restoreTrust());
        sessions.put(name, files);
        return files.deserialize(SessionSer.fileSetPa(entryPa));
    }

    /** luo_session_finish_one for a session of the next kernel: its files finished, blocks restored. */
    public Outcome<Unit> finish(String name) {
        V7FileSet files = sessions.get(name);
        if (files == null) {
            return Outcome.err(Errno.EBADF);
        }
        files.finish();
        return Outcome.ok();
    }

    public List<SessionImage> images() {
        List<SessionImage> out = new ArrayList<>(sessions.size());
        sessions.forEach((name, files) -> out.add(new SessionImage(name, files.images())));
        return out;
    }
}
