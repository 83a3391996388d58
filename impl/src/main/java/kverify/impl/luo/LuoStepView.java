package kverify.impl.luo;

import java.util.AbstractList;
import java.util.List;
import java.util.Optional;
import kverify.model.luo.FileCalls;
import kverify.model.luo.FileImage;
import kverify.model.luo.Handover;
import kverify.model.luo.IncomingSession;
import kverify.model.luo.LuoState;
import kverify.model.luo.Phase;

/**
 * Parts of {@link LuoImpl#state()} without building it whole, for the duel's per-step
 * comparison (kverify.properties.luo.LuoStepCheck): each answers as state() would for the part
 * it names, in time independent of the number of sessions. Reads only.
 */
public final class LuoStepView {
    private LuoStepView() {
    }

    public static int outgoingCount(LuoImpl impl) {
        OutgoingSessions o = impl.outgoingSessions();
        return o == null ? 0 : (int) o.count();
    }

    public static int incomingCount(LuoImpl impl) {
        return (int) impl.incomingSessions().count();
    }

    /** state() without the session, file and call lists; the handover only as present (no sessions shown) or absent. */
    public static LuoState lightState(LuoImpl impl) {
        Kernel k = impl.kernel();
        Optional<Long> head = impl.handoverHead();
        Handover h = head.isPresent() && k.kho.isRestorable(head.get()) ? new Handover.Present(List.of()) : Handover.ABSENT;
        long tracked = impl.phase() == Phase.INCOMING && k.incoming.deserializeRan() ? k.incoming.blocks().nblocks() : -1;
        return new LuoState(impl.phase(), List.of(), h, k.device.inUse(), List.of(), k.handlers.states(), List.of(), tracked);
    }

    /** The files of the outgoing session of that name, as a view in list order; empty if there is none. */
    public static Optional<List<FileImage>> outgoingFiles(LuoImpl impl, String name) {
        OutgoingSessions o = impl.outgoingSessions();
        Optional<Session> s = o == null ? Optional.empty() : o.find(name);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        List<LuoFile> files = s.get().files().files();
        return Optional.of(new AbstractList<>() {
            @Override
            public FileImage get(int i) {
                return files.get(i).image();
            }

            @Override
            public int size() {
                return files.size();
            }
        });
    }

    /** The incoming session of that name as state() shows it; empty if there is none. */
    public static Optional<IncomingSession> incomingSession(LuoImpl impl, String name) {
        return impl.incomingSessions().find(name).map(Session::incomingImage);
    }

    /** The handler calls of the file made last in this kernel (none made: empty). */
    public static Optional<FileCalls> lastFileCalls(LuoImpl impl) {
        return impl.handlers().lastCalls();
    }
}
