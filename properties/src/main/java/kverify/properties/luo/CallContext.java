package kverify.properties.luo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kverify.model.Outcome;
import kverify.model.luo.LuoCall;
import kverify.model.luo.LuoOp;
import kverify.model.luo.Process;

/**
 * What the user program of one generated case knows about its handles (generator context, not
 * model state): every handle it named, by kind (the first letter: d device, s a session it
 * created, r one it retrieved, f a file it made, g a file it retrieved), which of them the
 * kernel still has open (asked of the model's {@link Process}), how many files each created
 * session holds, and which files it has preserved. Updated from the model's outcome of each step.
 */
final class CallContext {
    private final java.util.function.Supplier<Process> process;
    private final List<String> named = new ArrayList<>();
    private final Map<String, Integer> filesIn = new HashMap<>();
    private final Set<String> preserved = new HashSet<>();
    private int next;
    private boolean deviceClosed;
    private int liveUpdates;

    CallContext(Process process) {
        this.process = () -> process;
    }

    /** For a duel whose model a concurrent step replaces (decision 39): always the current model's process. */
    CallContext(java.util.function.Supplier<Process> process) {
        this.process = process;
    }

    String fresh(char kind) {
        return kind + Integer.toString(next++);
    }

    /** Handles of this kind that are open now, in the order they were named. */
    List<String> open(char kind) {
        return named.stream().filter(h -> h.charAt(0) == kind && process.get().holds(h)).toList();
    }

    /** Handles named before that are not open now (closed, or bound in the previous kernel). */
    List<String> stale() {
        return named.stream().filter(h -> !process.get().holds(h)).toList();
    }

    List<String> allOpen() {
        return named.stream().filter(h -> process.get().holds(h)).toList();
    }

    boolean isOpen(String h) {
        return process.get().holds(h);
    }

    int filesIn(String session) {
        return filesIn.getOrDefault(session, 0);
    }

    boolean preserved(String file) {
        return preserved.contains(file);
    }

    /** Successful reboots so far: the kernel running now is the first one's (liveUpdates)-th successor. */
    int liveUpdates() {
        return liveUpdates;
    }

    boolean deviceWasClosed() {
        return deviceClosed;
    }

    /** After the model ran the op: remember what it bound, preserved or closed. */
    void after(LuoOp op, Outcome<?> outcome) {
        if (op instanceof kverify.model.luo.LuoConcurrent c) {
            // Each task's call as its own end says (a task that never ran bound nothing).
            if (outcome.isOk() && outcome.value() instanceof kverify.model.luo.LuoConcurrent.Ends ends) {
                for (int t = 0; t < c.calls().size(); t++) {
                    Outcome<?> o = ends.ends().get(t).outcome();
                    if (o != null) {
                        record(c.calls().get(t), o);
                    }
                }
            }
            return;
        }
        for (LuoOp single : op.expansion()) {
            record(single, outcome);
        }
    }

    private void record(LuoOp op, Outcome<?> outcome) {
        String bind = bindOf(op);
        if (bind != null && !named.contains(bind)) {
            named.add(bind);
        }
        if (op instanceof LuoCall.PreserveFd p && outcome.isOk()) {
            filesIn.merge(p.session(), 1, Integer::sum);
            p.file().handle().ifPresent(preserved::add);
        }
        if (op instanceof LuoCall.Close c && outcome.isOk()) {
            filesIn.remove(c.handle());
            deviceClosed |= c.handle().charAt(0) == 'd';
        }
        if (op instanceof LuoOp.Reboot && outcome.isOk()) {
            liveUpdates++;
            filesIn.clear();
            preserved.clear();
            deviceClosed = false;
        }
    }

    static String bindOf(LuoOp op) {
        if (op instanceof LuoCall.Open o) {
            return o.bind();
        } else if (op instanceof LuoCall.NewFile o) {
            return o.bind();
        } else if (op instanceof LuoCall.SessionCall o) {
            return o.bind();
        } else if (op instanceof LuoCall.RetrieveFd o) {
            return o.bind();
        }
        return null;
    }
}
