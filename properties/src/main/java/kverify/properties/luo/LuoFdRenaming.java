package kverify.properties.luo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import kverify.model.Outcome;
import kverify.model.luo.IoctlResult;
import kverify.model.luo.LuoConcurrent.End;
import kverify.model.luo.LuoConcurrent.Ends;

/**
 * decision 39: in a concurrent step the tasks take fd numbers in the order they reach the fd
 * table, which need not be the order of the serial run they match, so the ends of a serial order
 * and of the interleaved run are the same when they differ only by a renaming of the fds the step
 * installed among themselves (the same set of numbers).
 */
final class LuoFdRenaming {
    private LuoFdRenaming() {
    }

    /** The renaming (serial order's fd to the run's) under which the ends are equal, if any. */
    static Optional<Map<Integer, Integer>> of(Ends serial, Ends run) {
        if (serial.ends().size() != run.ends().size()) {
            return Optional.empty();
        }
        Map<Integer, Integer> to = new HashMap<>();
        for (int t = 0; t < serial.ends().size(); t++) {
            End a = serial.ends().get(t);
            End b = run.ends().get(t);
            if (a.completion() != b.completion()) {
                return Optional.empty();
            }
            if (a.outcome() == null) {
                continue;
            }
            OptionalInt fa = fd(a.outcome());
            OptionalInt fb = fd(b.outcome());
            if (fa.isPresent() != fb.isPresent() || !masked(a.outcome()).equals(masked(b.outcome()))) {
                return Optional.empty();
            }
            if (fa.isPresent()) {
                to.put(fa.getAsInt(), fb.getAsInt());
            }
        }
        if (!new HashSet<>(to.keySet()).equals(new HashSet<>(to.values()))) {
            return Optional.empty();
        }
        return Optional.of(to);
    }

    /** The ends with their fds renamed. */
    static Ends apply(Ends ends, Map<Integer, Integer> to) {
        List<End> out = new ArrayList<>();
        for (End e : ends.ends()) {
            if (e.outcome() != null && fd(e.outcome()).isPresent()) {
                IoctlResult r = (IoctlResult) e.outcome().value();
                int fd = r.fd().getAsInt();
                out.add(End.returned(Outcome.ok(new IoctlResult(OptionalInt.of(to.getOrDefault(fd, fd)), r.file()))));
            } else {
                out.add(e);
            }
        }
        return new Ends(out);
    }

    private static OptionalInt fd(Outcome<?> o) {
        return o.isOk() && o.value() instanceof IoctlResult r ? r.fd() : OptionalInt.empty();
    }

    private static Object masked(Outcome<?> o) {
        return o.isOk() && o.value() instanceof IoctlResult r ? new IoctlResult(OptionalInt.empty(), r.file()) : o;
    }
}
