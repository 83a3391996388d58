package kverify.properties.luo;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import kverify.model.luo.LuoConcurrent;
import kverify.model.luo.LuoOp;

/**
 * The trace line of a concurrent step (format v2, docs/luo.md "Concurrent calls"), as the
 * multikernel trace writes one:
 * <pre>
 * concurrent [CALL] [CALL] [[CALL]] schedule=1,2,2|none
 * </pre>
 * Each CALL is a format v2 line (a session call, close or reboot); brackets inside a quoted name
 * do not end it. Parsing errors name the line.
 */
final class LuoConcurrentFormat {
    static final String USAGE = "expected 'concurrent [CALL] [CALL] [[CALL]] schedule=N,N,...|none' with 2 to "
            + LuoConcurrent.MAX_TASKS + " calls (session calls, close, reboot) and schedule entries naming a task";

    private LuoConcurrentFormat() {
    }

    static String line(LuoConcurrent c) {
        String schedule = c.schedule().isEmpty() ? "none" : c.schedule().stream().map(String::valueOf).collect(Collectors.joining(","));
        return "concurrent " + c.calls().stream().map(o -> "[" + LuoTraceFormat.line(o) + "]").collect(Collectors.joining(" "))
                + " schedule=" + schedule;
    }

    static boolean handles(String line) {
        return line.split("\\s+", 2)[0].equals("concurrent");
    }

    static LuoOp parse(String source, int no, String line) {
        String rest = line.substring("concurrent".length()).trim();
        List<LuoOp> calls = new ArrayList<>();
        while (rest.startsWith("[")) {
            int end = closing(rest);
            if (end < 0) {
                throw new MalformedTrace(source, no, "unclosed '['; " + USAGE);
            }
            String inner = rest.substring(1, end).trim();
            if (handles(inner)) {
                throw new MalformedTrace(source, no, "a concurrent step cannot hold another; " + USAGE);
            }
            LuoOp op = LuoCallParser.parse(source, no, inner);
            if (!LuoConcurrent.interleavable(op)) {
                throw new MalformedTrace(source, no, "'" + inner + "' cannot run concurrently; " + USAGE);
            }
            calls.add(op);
            rest = rest.substring(end + 1).trim();
        }
        if (!rest.startsWith("schedule=") || rest.contains(" ")) {
            throw new MalformedTrace(source, no, USAGE);
        }
        List<Integer> schedule = new ArrayList<>();
        String s = rest.substring("schedule=".length());
        if (!s.equals("none")) {
            for (String t : s.split(",", -1)) {
                if (!t.matches("[1-9]")) {
                    throw new MalformedTrace(source, no, "bad schedule entry '" + t + "'; " + USAGE);
                }
                schedule.add(Integer.parseInt(t));
            }
        }
        try {
            return new LuoConcurrent(calls, schedule);
        } catch (IllegalArgumentException e) {
            throw new MalformedTrace(source, no, e.getMessage() + "; " + USAGE);
        }
    }

    /** The index of the ']' closing the '[' at 0, skipping quoted names (with their escapes); -1 if none. */
    private static int closing(String s) {
        boolean quoted = false;
        for (int i = 1; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted && ch == '\\') {
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == ']') {
                return i;
            }
        }
        return -1;
    }
}
