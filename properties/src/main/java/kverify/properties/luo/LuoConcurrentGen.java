package kverify.properties.luo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kverify.engine.Gen;
import kverify.engine.Source;
import kverify.model.luo.ArgShape;
import kverify.model.luo.FileSpec;
import kverify.model.luo.HandlerKind;
import kverify.model.luo.LuoCall;
import kverify.model.luo.LuoConcurrent;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;
import kverify.model.luo.LuoState;
import kverify.model.luo.Phase;

/**
 * Steps for the concurrent property (decision 39): mostly concurrent steps of 2 tasks, each
 * a session call on handles the program holds (create, close, preserve in the first kernel;
 * retrieve, retrieve-fd, finish, close in the next) or the reboot, under a generated schedule;
 * between them the serial calls that give the tasks something to race on (the device, files,
 * sessions with files). Five session names, so creates collide and retrieves miss. No two tasks
 * of a step use one handle when one of them closes it (decision 39: the release that the last
 * fdput defers is not modelled).
 */
final class LuoConcurrentGen {
    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e");
    private final LuoCallGen calls;

    LuoConcurrentGen(LuoGeometry g) {
        this.calls = new LuoCallGen(g);
    }

    /** One step: a continue flag (0 stops) and the op, in one span. */
    Gen<Optional<LuoOp>> step(LuoState s, CallContext c, long mean) {
        if (s.phase() == Phase.PANICKED) {
            return Gen.constant(Optional.empty());
        }
        if (s.phase() == Phase.BOOTING) {
            return Gen.constant(Optional.of(new LuoOp.Setup()));
        }
        if (c.open('d').isEmpty() && !s.deviceOpen()) {
            return Gen.constant(Optional.of(new LuoCall.Open(c.fresh('d'))));
        }
        Gen<LuoOp> op = Gen.frequency(Gen.weighted(6, src -> concurrent(src, s, c)), Gen.weighted(3, src -> serial(src, s, c)));
        return src -> src.choice(mean) != 0 ? Optional.of(src.draw(op)) : Optional.empty();
    }

    /** A serial call that sets the next race up: a session, a file, a file preserved. */
    private LuoOp serial(Source src, LuoState s, CallContext c) {
        List<LuoOp> options = new ArrayList<>();
        String dev = c.open('d').isEmpty() ? "d0" : c.open('d').get(0);
        if (s.phase() == Phase.OUTGOING) {
            options.add(create(src, dev, c));
            Optional<String> file = unpreserved(c);
            // A file even while another waits to be preserved, so one is often left for a
            // concurrent PRESERVE_FD to race the reboot with.
            options.add(new LuoCall.NewFile(c.fresh('f'), FileSpec.of(src.draw(Gen.elements(HandlerKind.values())), src.choice(15))));
            if (file.isPresent() && !c.open('s').isEmpty()) {
                LuoOp p = preserve(src, src.draw(Gen.elements(c.open('s'))), file.get());
                options.add(p);
                options.add(p);
            }
        } else {
            options.add(LuoCall.SessionCall.retrieve(dev, name(src), ArgShape.PLAIN, c.fresh('r')));
        }
        return src.draw(Gen.elements(options));
    }

    private LuoOp concurrent(Source src, LuoState s, CallContext c) {
        // Two tasks: every race of the table in docs/luo.md is between two calls, and a third task
        // multiplies the keys (the racing kinds) one defect shows under. The format takes three.
        int n = 2;
        List<LuoOp> tasks = new ArrayList<>();
        List<String> closing = new ArrayList<>();
        List<String> used = new ArrayList<>();
        boolean reboot = false;
        for (int t = 0; t < n; t++) {
            LuoOp op = task(src, s, c, !reboot && s.phase() == Phase.OUTGOING, closing, used);
            reboot |= op instanceof LuoOp.Reboot;
            tasks.add(op);
        }
        int rebooting = tasks.indexOf(tasks.stream().filter(t -> t instanceof LuoOp.Reboot).findFirst().orElse(null));
        List<Integer> schedule = rebooting < 0 ? schedule(src, n)
                : src.draw(Gen.frequency(Gen.weighted(1, t -> schedule(t, n)), Gen.weighted(1, t -> window(t, rebooting + 1, s.outgoing().size()))));
        return new LuoConcurrent(tasks, schedule);
    }

    /**
     * For a step with a reboot: one of the two tasks runs some steps, then the other runs to its
     * end (entries of a task that is done or waits fall to the next one), then the first goes on.
     * So a call stops in every window of serialize's walk: before it takes the list rwsem, between
     * one session's freeze and the next (where a PRESERVE_FD waiting for that session's mutex gets
     * it, LUO-17), and a close stops between its session mutex and the list rwsem while the reboot
     * takes the list (LUO-14). The reboot takes 2 + sessions steps without a fault.
     */
    private static List<Integer> window(Source src, int reboot, int sessions) {
        int other = 3 - reboot;
        boolean rebootFirst = src.draw(Gen.booleans());
        int first = rebootFirst ? reboot : other;
        int second = rebootFirst ? other : reboot;
        List<Integer> schedule = new ArrayList<>(java.util.Collections.nCopies(src.draw(Gen.ints(0, 2 + sessions)), first));
        schedule.addAll(java.util.Collections.nCopies(WINDOW_RUN, second));
        return schedule;
    }

    /** Entries that let a task run to the end of a session call or a reboot of a small geometry. */
    private static final int WINDOW_RUN = 12;

    /** One task's call; a handle another task of this step closes (or uses, for a close) is not taken. */
    private LuoOp task(Source src, LuoState s, CallContext c, boolean mayReboot, List<String> closing, List<String> used) {
        String dev = c.open('d').isEmpty() ? "d0" : c.open('d').get(0);
        char kind = s.phase() == Phase.OUTGOING ? 's' : 'r';
        List<String> sessions = c.open(kind).stream().filter(h -> !closing.contains(h)).toList();
        List<Gen.Weighted<LuoOp>> options = new ArrayList<>();
        if (mayReboot && !c.open('s').isEmpty()) {
            // Rarely before there is something to race on: a reboot ends the first kernel's part.
            // Mostly once two sessions exist and a file waits to be preserved: a PRESERVE_FD then
            // can race the reboot (LUO-17), as a close can (LUO-14).
            options.add(Gen.weighted(c.open('s').size() < 2 ? 1 : unpreserved(c).isPresent() ? 24 : 3, calls.reboot(s)));
        }
        if (s.phase() == Phase.OUTGOING) {
            options.add(Gen.weighted(6, t -> create(t, dev, c)));
            Optional<String> file = unpreserved(c);
            if (!sessions.isEmpty() && file.isPresent()) {
                options.add(Gen.weighted(10, t -> preserve(t, t.draw(Gen.elements(sessions)), file.get())));
            }
        } else {
            options.add(Gen.weighted(3, t -> LuoCall.SessionCall.retrieve(dev, name(t), ArgShape.PLAIN, c.fresh('r'))));
            if (!sessions.isEmpty()) {
                options.add(Gen.weighted(2, t -> new LuoCall.RetrieveFd(t.draw(Gen.elements(sessions)), t.choice(3), ArgShape.PLAIN,
                        c.fresh('g'))));
                options.add(Gen.weighted(2, t -> new LuoCall.Finish(t.draw(Gen.elements(sessions)), 0, ArgShape.PLAIN)));
            }
        }
        List<String> closable = sessions.stream().filter(h -> !used.contains(h)).toList();
        if (!closable.isEmpty()) {
            options.add(Gen.weighted(s.phase() == Phase.OUTGOING ? 8 : 4, t -> new LuoCall.Close(t.draw(Gen.elements(closable)))));
        }
        @SuppressWarnings("unchecked")
        Gen.Weighted<LuoOp>[] weighted = options.toArray(new Gen.Weighted[0]);
        LuoOp op = src.draw(Gen.frequency(weighted));
        if (op instanceof LuoCall.Close cl) {
            closing.add(cl.handle());
        }
        handleOf(op).ifPresent(used::add);
        return op;
    }

    private static Optional<String> handleOf(LuoOp op) {
        if (op instanceof LuoCall.PreserveFd p) {
            return Optional.of(p.session());
        } else if (op instanceof LuoCall.RetrieveFd r) {
            return Optional.of(r.session());
        } else if (op instanceof LuoCall.Finish f) {
            return Optional.of(f.session());
        }
        return Optional.empty();
    }

    private static LuoOp create(Source src, String dev, CallContext c) {
        return LuoCall.SessionCall.create(dev, name(src), ArgShape.PLAIN, c.fresh('s'));
    }

    private static LuoOp preserve(Source src, String session, String file) {
        return new LuoCall.PreserveFd(session, LuoCall.FdRef.of(file), src.choice(3), ArgShape.PLAIN);
    }

    private static byte[] name(Source src) {
        return src.draw(Gen.elements(NAMES)).getBytes(StandardCharsets.US_ASCII);
    }

    /** An open file the program made and has not preserved yet. */
    private static Optional<String> unpreserved(CallContext c) {
        return c.open('f').stream().filter(f -> !c.preserved(f)).findFirst();
    }

    /** As the multikernel schedules: some steps of task 1, then task 2, then entries of any task. */
    static List<Integer> schedule(Source src, int tasks) {
        List<Integer> schedule = new ArrayList<>(java.util.Collections.nCopies(src.draw(Gen.ints(0, 4)), 1));
        schedule.add(2);
        List<Integer> ids = kverify.model.luo.LuoSerialOrders.identity(tasks);
        schedule.addAll(src.draw(Gen.lists(Gen.elements(ids), 0, 10)));
        return schedule;
    }
}
