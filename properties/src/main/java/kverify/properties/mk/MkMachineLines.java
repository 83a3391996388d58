package kverify.properties.mk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kverify.model.mk.Cpu;
import kverify.model.mk.Hex;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.PhysRange;

/** The machine description lines of a trace, collected until the first operation (docs/multikernel.md). */
final class MkMachineLines {
    static final List<String> KEYS = List.of("machine", "config", "caller", "cpu", "ram", "mk-reserved", "kernel-used", "crashkernel");
    private Map<String, String> machine;
    private Map<String, String> config;
    private Map<String, String> caller;
    private final List<Cpu> cpus = new ArrayList<>();
    private final List<PhysRange> ram = new ArrayList<>();
    private final List<PhysRange> mk = new ArrayList<>();
    private final List<PhysRange> kernel = new ArrayList<>();
    private PhysRange crash;

    void add(String key, String value) {
        String[] w = value.split("\\s+");
        switch (key) {
            case "machine" -> machine = once(machine, MkTraceParser.keyValues(w, 0, "nr_cpu_ids", "NR_CPUS", "max_apic_id", "phys_bits"), key);
            case "config" -> config = once(config, MkTraceParser.keyValues(w, 0, "CONFIG_KEXEC_JUMP", "CONFIG_CRASH_DUMP"), key);
            case "caller" -> caller = once(caller, MkTraceParser.keyValues(w, 0, "CAP_SYS_BOOT", "init_pid_ns", "kexec_load_disabled",
                    "kexec_load_limit_reboot", "kexec_load_limit_panic"), key);
            case "cpu" -> cpus.add(cpu(w));
            case "ram" -> ram.add(PhysRange.parse(value));
            case "mk-reserved" -> mk.add(PhysRange.parse(value));
            case "kernel-used" -> kernel.add(PhysRange.parse(value));
            default -> crash = once(crash, value.equals("none") ? new PhysRange(0, 0) : PhysRange.parse(value), key);
        }
    }

    private Cpu cpu(String[] w) {
        if (Integer.parseInt(w[0]) != cpus.size()) {
            throw new IllegalArgumentException("cpu lines must be numbered 0, 1, ... in order; expected cpu " + cpus.size());
        }
        Map<String, String> kv = MkTraceParser.keyValues(w, 1, "apic", "present", "online", "in_present_map", "wakeup");
        return new Cpu(Hex.parseLong(need(kv, "apic")), yn(need(kv, "present")), yn(need(kv, "online")),
                yn(need(kv, "in_present_map")), Math.toIntExact(Hex.parseLong(need(kv, "wakeup"))));
    }

    Machine build() {
        if (machine == null || config == null || caller == null || crash == null) {
            throw new IllegalArgumentException("the machine needs 'machine:', 'config:', 'caller:' and 'crashkernel:' lines before the first operation");
        }
        return new Machine(Math.toIntExact(Hex.parseLong(need(machine, "nr_cpu_ids"))), Math.toIntExact(Hex.parseLong(need(machine, "NR_CPUS"))),
                Hex.parseLong(need(machine, "max_apic_id")), cpus, ram, mk, kernel, crash,
                new Machine.Config(yn(need(config, "CONFIG_KEXEC_JUMP")), yn(need(config, "CONFIG_CRASH_DUMP"))),
                new Machine.Caller(yn(need(caller, "CAP_SYS_BOOT")), yn(need(caller, "init_pid_ns")), yn(need(caller, "kexec_load_disabled")),
                        Math.toIntExact(Hex.parseLong(need(caller, "kexec_load_limit_reboot"))),
                        Math.toIntExact(Hex.parseLong(need(caller, "kexec_load_limit_panic")))),
                machine.containsKey("phys_bits") ? Math.toIntExact(Hex.parseLong(machine.get("phys_bits"))) : MkConst.DEFAULT_PHYS_BITS);
    }

    private static <T> T once(T old, T value, String key) {
        if (old != null) {
            throw new IllegalArgumentException("more than one '" + key + ":' line");
        }
        return value;
    }

    private static String need(Map<String, String> kv, String key) {
        String v = kv.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key + "=");
        }
        return v;
    }

    private static boolean yn(String v) {
        if (!v.equals("y") && !v.equals("n")) {
            throw new IllegalArgumentException("expected y or n, got '" + v + "'");
        }
        return v.equals("y");
    }
}
