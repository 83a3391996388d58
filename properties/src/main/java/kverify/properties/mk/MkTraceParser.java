package kverify.properties.mk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kverify.impl.mk.MkVariant;
import kverify.model.mk.Cpu;
import kverify.model.mk.Hex;
import kverify.model.mk.KexecFlags;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkOp;
import kverify.model.mk.PhysRange;
import kverify.model.mk.RebootCommands;
import kverify.model.mk.Segment;
import kverify.model.mk.UserBuffer;

/**
 * Reads the text form {@link MkTracePrinter} writes. Every problem is a {@link MalformedTrace}
 * naming the line; nothing else escapes.
 */
public final class MkTraceParser {
    private static final Pattern CONCURRENT = Pattern.compile("concurrent \\[([^\\]]*)\\] \\[([^\\]]*)\\] schedule=(\\S+)");
    private static final Pattern SEGMENT = Pattern.compile("seg\\(([^)]*)\\)");

    private MkMachineLines machine = new MkMachineLines();
    private MkVariant variant;
    private Machine built;
    private final List<MkOp> ops = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private int lineNo;

    private MkTraceParser() {
    }

    public static MkTrace parse(List<String> lines) {
        return new MkTraceParser().run(lines);
    }

    private MkTrace run(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).trim().equals(MkTracePrinter.HEADER)) {
            throw new MalformedTrace(1, "expected the header '" + MkTracePrinter.HEADER + "'");
        }
        for (lineNo = 2; lineNo <= lines.size(); lineNo++) {
            String line = lines.get(lineNo - 1).trim();
            try {
                line(line);
            } catch (IllegalArgumentException | ArithmeticException | IndexOutOfBoundsException e) {
                throw new MalformedTrace(lineNo, e.getMessage());
            }
        }
        lineNo = lines.size(); // what is still missing is missing at the end of the file
        if (variant == null) {
            throw new MalformedTrace(lineNo, "no 'variant:' line");
        }
        try {
            return new MkTrace(variant, machine(), ops, comments);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new MalformedTrace(lineNo, e.getMessage());
        }
    }

    private void line(String line) {
        if (line.isEmpty()) {
            return;
        }
        if (line.startsWith("#")) {
            comments.add(line.substring(1).trim());
            return;
        }
        int colon = line.indexOf(':');
        String head = colon < 0 ? "" : line.substring(0, colon);
        if (head.equals("variant")) {
            variant = variantNamed(line.substring(colon + 1).trim());
        } else if (MkMachineLines.KEYS.contains(head)) {
            if (built != null) {
                throw new IllegalArgumentException("machine line '" + head + ":' after the first operation");
            }
            machine.add(head, line.substring(colon + 1).trim());
        } else {
            machine();
            ops.add(op(line));
        }
    }

    private Machine machine() {
        if (built == null) {
            built = machine.build();
            machine = null;
        }
        return built;
    }

    private static MkVariant variantNamed(String name) {
        try {
            return MkVariant.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown variant '" + name + "', expected one of " + Arrays.toString(MkVariant.values()));
        }
    }

    static MkOp op(String line) {
        Matcher c = CONCURRENT.matcher(line);
        if (c.matches()) {
            return new MkOp.Concurrent(op(c.group(1).trim()), op(c.group(2).trim()), schedule(c.group(3)));
        }
        String[] words = line.split("\\s+");
        switch (words[0]) {
            case "kexec_load":
                return kexecLoad(line, words);
            case "unload":
                return new MkOp.Unload(KexecFlags.parse(keyValues(words, 1, "flags").get("flags")));
            case "reboot":
                return reboot(words);
            case "cpu_online":
                return new MkOp.CpuOnline(cpuArgument(words));
            case "cpu_offline":
                return new MkOp.CpuOffline(cpuArgument(words));
            case "kexec_file_load":
                return fileLoad(words);
            case "mk_dt_upload":
                return dtUpload(words);
            case "rmdir":
                return new MkOp.InstanceRemove(required(keyValues(words, 1, "instance"), "instance", "rmdir"));
            case "panic":
                if (words.length != 1) {
                    throw new IllegalArgumentException("panic takes no arguments");
                }
                return new MkOp.Panic();
            case "host_alloc":
                return new MkOp.HostAlloc(Hex.parseInt(required(keyValues(words, 1, "pages"), "pages", "host_alloc")));
            case "suspend":
                if (words.length != 1) {
                    throw new IllegalArgumentException("suspend takes no arguments");
                }
                return new MkOp.Suspend();
            default:
                throw new IllegalArgumentException("unknown operation '" + words[0] + "'");
        }
    }

    private static MkOp kexecLoad(String line, String[] words) {
        if (Arrays.stream(words).anyMatch(w -> w.startsWith("segments=") || w.startsWith("nr_segments="))) {
            return unreadableLoad(line, words);
        }
        Map<String, String> kv = keyValues(Arrays.copyOfRange(words, 0, Math.min(words.length, 3)), 1, "entry", "flags");
        List<Segment> segs = new ArrayList<>();
        for (int i = 3; i < words.length; i++) {
            Matcher m = SEGMENT.matcher(words[i]);
            if (!m.matches()) {
                throw new IllegalArgumentException("expected seg(mem=..,memsz=..,bufsz=..,pat=..[,fault=..]), got '" + words[i] + "'");
            }
            segs.add(segment(m.group(1)));
        }
        if (!kv.containsKey("entry") || !kv.containsKey("flags")) {
            throw new IllegalArgumentException("kexec_load needs entry= and flags=: '" + line + "'");
        }
        return new MkOp.KexecLoad(Hex.parseLong(kv.get("entry")), segs, KexecFlags.parse(kv.get("flags")));
    }

    /** {@code kexec_load entry=E flags=F nr_segments=N segments=fault}: the segment array cannot be read. */
    private static MkOp unreadableLoad(String line, String[] words) {
        Map<String, String> kv = keyValues(words, 1, "entry", "flags", "nr_segments", "segments");
        if (kv.size() != 4 || !"fault".equals(kv.get("segments"))) {
            throw new IllegalArgumentException("expected kexec_load entry=E flags=F nr_segments=N segments=fault: '" + line + "'");
        }
        return new MkOp.KexecLoadUnreadable(Hex.parseLong(kv.get("entry")), Math.toIntExact(Hex.parseLong(kv.get("nr_segments"))),
                KexecFlags.parse(kv.get("flags")));
    }

    /** {@code kexec_file_load flags=F [segs=S1,S2,...] pat=P}. */
    private static MkOp fileLoad(String[] words) {
        Map<String, String> kv = keyValues(words, 1, "flags", "segs", "pat");
        List<Long> sizes = new ArrayList<>();
        if (kv.containsKey("segs")) {
            for (String z : kv.get("segs").split(",")) {
                sizes.add(Hex.parseLong(z));
            }
        }
        return new MkOp.KexecFileLoad(Hex.parseLong(required(kv, "flags", "kexec_file_load")), sizes,
                Math.toIntExact(Hex.parseLong(required(kv, "pat", "kexec_file_load"))));
    }

    /** {@code mk_dt_upload name=N id=I [memory=BYTES] [cpus=C1,C2,...]}. */
    private static MkOp dtUpload(String[] words) {
        Map<String, String> kv = keyValues(words, 1, "name", "id", "memory", "cpus");
        List<Integer> cpus = new ArrayList<>();
        if (kv.containsKey("cpus")) {
            for (String c : kv.get("cpus").split(",")) {
                cpus.add(Hex.parseInt(c));
            }
        }
        return new MkOp.DtUpload(required(kv, "name", "mk_dt_upload"), Hex.parseInt(required(kv, "id", "mk_dt_upload")),
                kv.containsKey("memory") ? Hex.parseLong(kv.get("memory")) : 0, cpus);
    }

    private static String required(Map<String, String> kv, String key, String op) {
        String v = kv.get(key);
        if (v == null) {
            throw new IllegalArgumentException(op + " needs " + key + "=");
        }
        return v;
    }

    private static Segment segment(String body) {
        Map<String, String> kv = keyValues(body.split(","), 0, "mem", "memsz", "bufsz", "pat", "fault");
        for (String required : List.of("mem", "memsz", "bufsz", "pat")) {
            if (!kv.containsKey(required)) {
                throw new IllegalArgumentException("segment lacks " + required + "=: seg(" + body + ")");
            }
        }
        long fault = kv.containsKey("fault") ? Hex.parseLong(kv.get("fault")) : UserBuffer.NO_FAULT;
        return new Segment(Hex.parseLong(kv.get("mem")), Hex.parseLong(kv.get("memsz")), Hex.parseLong(kv.get("bufsz")),
                new UserBuffer(Math.toIntExact(Hex.parseLong(kv.get("pat"))), fault));
    }

    private static MkOp reboot(String[] words) {
        Map<String, String> kv = keyValues(words, 1, "cmd", "cpu", "arg", "magic1", "magic2");
        if (!kv.containsKey("cmd")) {
            throw new IllegalArgumentException("reboot needs cmd=");
        }
        String arg = kv.getOrDefault("arg", "ok");
        if (!arg.equals("ok") && !arg.equals("fault")) {
            throw new IllegalArgumentException("arg= is 'ok' or 'fault', got '" + arg + "'");
        }
        return new MkOp.Reboot(kv.containsKey("magic1") ? Hex.parseInt(kv.get("magic1")) : MkConst.LINUX_REBOOT_MAGIC1,
                kv.containsKey("magic2") ? Hex.parseInt(kv.get("magic2")) : MkConst.LINUX_REBOOT_MAGIC2,
                RebootCommands.parse(kv.get("cmd")), kv.containsKey("cpu") ? Hex.parseInt(kv.get("cpu")) : 0, arg.equals("fault"));
    }

    private static int cpuArgument(String[] words) {
        if (words.length != 2) {
            throw new IllegalArgumentException(words[0] + " takes one cpu number");
        }
        return Hex.parseInt(words[1]);
    }

    private static List<Integer> schedule(String text) {
        if (text.equals("none")) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (String t : text.split(",")) {
            out.add(Hex.parseInt(t));
        }
        return out;
    }

    /** key=value words from index {@code from} on; each key at most once and one of {@code allowed}. */
    static Map<String, String> keyValues(String[] words, int from, String... allowed) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = from; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            String key = eq < 0 ? words[i] : words[i].substring(0, eq);
            if (eq < 0 || !Arrays.asList(allowed).contains(key)) {
                throw new IllegalArgumentException("unexpected '" + words[i] + "', expected key=value with key in " + Arrays.toString(allowed));
            }
            if (out.put(key, words[i].substring(eq + 1)) != null) {
                throw new IllegalArgumentException("duplicate " + key + "=");
            }
        }
        return out;
    }
}
