package kverify.properties.luo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kverify.model.Errno;
import kverify.model.luo.AllocKind;
import kverify.model.luo.LuoFault;
import kverify.model.luo.LuoOp;

/**
 * The trace lines of the fault space (format v2, docs/luo.md "Trace format v2"):
 * <pre>
 * fail-alloc kind=kho|kzalloc nth=N
 * reboot [freeze-fails session=S file=F errno=E] returns=ok|ERRNO
 * </pre>
 * Parsing errors name the line.
 */
final class LuoFaultFormat {
    private LuoFaultFormat() {
    }

    static String line(LuoFault op) {
        if (op instanceof LuoFault.FailAlloc f) {
            return "fail-alloc kind=" + f.kind().traceName() + " nth=" + f.nth();
        }
        LuoFault.ReturningReboot r = (LuoFault.ReturningReboot) op;
        return LuoTraceFormat.line(new LuoOp.Reboot(r.fault())) + " returns=" + r.then().map(Errno::name).orElse("ok");
    }

    /** True if the line is one of these (the caller then parses it here). */
    static boolean handles(String line) {
        String first = line.split("\\s+", 2)[0];
        return first.equals("fail-alloc") || (first.equals("reboot") && List.of(line.split("\\s+")).stream()
                .anyMatch(w -> w.startsWith("returns=")));
    }

    static LuoOp parse(String source, int no, String line) {
        String[] words = line.split("\\s+");
        return words[0].equals("fail-alloc") ? failAlloc(source, no, words) : returningReboot(source, no, words);
    }

    private static LuoOp failAlloc(String source, int no, String[] words) {
        String usage = "expected 'fail-alloc kind=kho|kzalloc nth=N' with N from 1 to " + LuoFault.FailAlloc.MAX_NTH;
        if (words.length != 3 || !words[1].startsWith("kind=") || !words[2].startsWith("nth=")) {
            throw new MalformedTrace(source, no, usage);
        }
        AllocKind kind = AllocKind.ofTraceName(words[1].substring(5))
                .orElseThrow(() -> new MalformedTrace(source, no, "unknown allocation kind '" + words[1].substring(5) + "'; " + usage));
        String n = words[2].substring(4);
        if (!n.matches("\\d{1,7}") || Integer.parseInt(n) < 1 || Integer.parseInt(n) > LuoFault.FailAlloc.MAX_NTH) {
            throw new MalformedTrace(source, no, "bad nth '" + n + "'; " + usage);
        }
        return new LuoFault.FailAlloc(kind, Integer.parseInt(n));
    }

    /** The reboot line without its returns= word is parsed as the reboot it extends. */
    private static LuoOp returningReboot(String source, int no, String[] words) {
        List<String> rest = new ArrayList<>();
        Optional<String> returns = Optional.empty();
        for (String w : words) {
            if (!w.startsWith("returns=")) {
                rest.add(w);
            } else if (returns.isPresent()) {
                throw new MalformedTrace(source, no, "duplicate argument 'returns'");
            } else {
                returns = Optional.of(w.substring("returns=".length()));
            }
        }
        LuoOp.Reboot reboot = (LuoOp.Reboot) LuoOpParser.parse(source, no, String.join(" ", rest));
        String r = returns.orElseThrow();
        if (r.equals("ok")) {
            return new LuoFault.ReturningReboot(reboot.fault(), Optional.empty());
        }
        try {
            return new LuoFault.ReturningReboot(reboot.fault(), Optional.of(Errno.valueOf(r)));
        } catch (IllegalArgumentException e) {
            throw new MalformedTrace(source, no, "returns must be ok or a Linux errno name such as EBUSY, got '" + r + "'");
        }
    }
}
