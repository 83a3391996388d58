package kverify.properties.mk;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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

/** Prints traces in the text form {@link MkTraceParser} reads (docs/multikernel.md describes it). */
public final class MkTracePrinter {
    public static final String HEADER = "kverify-trace multikernel v1";

    private MkTracePrinter() {
    }

    public static List<String> print(MkTrace t) {
        List<String> out = new ArrayList<>();
        out.add(HEADER);
        t.comments().forEach(c -> out.add("# " + c));
        out.add("variant: " + t.variant().name());
        out.addAll(machineLines(t.machine()));
        t.ops().forEach(op -> out.add(op(op)));
        return out;
    }

    public static List<String> machineLines(Machine m) {
        List<String> out = new ArrayList<>();
        String physBits = m.physBits() == MkConst.DEFAULT_PHYS_BITS ? "" : " phys_bits=" + m.physBits();
        // Concatenation, not String.format: every case prints these lines (same text).
        out.add("machine: nr_cpu_ids=" + m.nrCpuIds() + " NR_CPUS=" + m.nrCpus() + " max_apic_id=" + Hex.hex(m.maxApicId()) + physBits);
        out.add("config: CONFIG_KEXEC_JUMP=" + yn(m.config().kexecJump()) + " CONFIG_CRASH_DUMP=" + yn(m.config().crashDump()));
        Machine.Caller c = m.caller();
        out.add("caller: CAP_SYS_BOOT=" + yn(c.capSysBoot()) + " init_pid_ns=" + yn(c.initPidNs()) + " kexec_load_disabled="
                + yn(c.kexecLoadDisabled()) + " kexec_load_limit_reboot=" + c.loadLimitReboot() + " kexec_load_limit_panic="
                + c.loadLimitPanic());
        for (int i = 0; i < m.cpus().size(); i++) {
            Cpu cpu = m.cpus().get(i);
            out.add("cpu: " + i + " apic=" + Hex.hex(cpu.apicId()) + " present=" + yn(cpu.present()) + " online=" + yn(cpu.online())
                    + " in_present_map=" + yn(cpu.inPresentMap()) + " wakeup=" + cpu.wakeupStatus());
        }
        for (PhysRange r : m.ram()) {
            out.add("ram: " + r);
        }
        for (PhysRange r : m.mkReserved()) {
            out.add("mk-reserved: " + r);
        }
        for (PhysRange r : m.kernelUsed()) {
            out.add("kernel-used: " + r);
        }
        out.add("crashkernel: " + (m.crashKernel().isEmpty() ? "none" : m.crashKernel().toString()));
        return out;
    }

    /** One operation as one line. */
    public static String op(MkOp op) {
        if (op instanceof MkOp.KexecLoad l) {
            // A builder, not a stream: every step of every case is noted (same text).
            StringBuilder sb = new StringBuilder("kexec_load entry=").append(Hex.hex(l.entry())).append(" flags=")
                    .append(KexecFlags.format(l.flags())).append(' ');
            for (int i = 0; i < l.segments().size(); i++) {
                sb.append(i == 0 ? "" : " ").append(segment(l.segments().get(i)));
            }
            return sb.toString();
        } else if (op instanceof MkOp.KexecLoadUnreadable u) {
            return "kexec_load entry=" + Hex.hex(u.entry()) + " flags=" + KexecFlags.format(u.flags()) + " nr_segments="
                    + u.nrSegments() + " segments=fault";
        } else if (op instanceof MkOp.KexecFileLoad f) {
            return "kexec_file_load flags=" + Hex.hex(f.flags()) + (f.segmentSizes().isEmpty() ? ""
                    : " segs=" + f.segmentSizes().stream().map(Hex::hex).collect(Collectors.joining(","))) + " pat=" + f.pattern();
        } else if (op instanceof MkOp.DtUpload u) {
            return "mk_dt_upload name=" + u.name() + " id=" + u.id() + (u.memoryBytes() == 0 ? "" : " memory=" + Hex.hex(u.memoryBytes()))
                    + (u.cpus().isEmpty() ? "" : " cpus=" + u.cpus().stream().map(String::valueOf).collect(Collectors.joining(",")));
        } else if (op instanceof MkOp.InstanceRemove r) {
            return "rmdir instance=" + r.name();
        } else if (op instanceof MkOp.Unload u) {
            return "unload flags=" + KexecFlags.format(u.flags());
        } else if (op instanceof MkOp.Reboot r) {
            return reboot(r);
        } else if (op instanceof MkOp.CpuOnline c) {
            return "cpu_online " + c.cpu();
        } else if (op instanceof MkOp.CpuOffline c) {
            return "cpu_offline " + c.cpu();
        } else if (op instanceof MkOp.Suspend) {
            return "suspend";
        } else if (op instanceof MkOp.Panic) {
            return "panic";
        } else if (op instanceof MkOp.HostAlloc a) {
            return "host_alloc pages=" + a.pages();
        }
        MkOp.Concurrent c = (MkOp.Concurrent) op;
        StringBuilder schedule = new StringBuilder(c.schedule().isEmpty() ? "none" : "");
        for (int i = 0; i < c.schedule().size(); i++) {
            schedule.append(i == 0 ? "" : ",").append(c.schedule().get(i));
        }
        return "concurrent [" + op(c.first()) + "] [" + op(c.second()) + "] schedule=" + schedule;
    }

    private static String reboot(MkOp.Reboot r) {
        StringBuilder sb = new StringBuilder("reboot cmd=").append(RebootCommands.name(r.cmd()));
        if (r.cmd() == MkConst.LINUX_REBOOT_CMD_MULTIKERNEL || r.cpu() != 0) {
            sb.append(" cpu=").append(r.cpu());
        }
        if (r.argFaults()) {
            sb.append(" arg=fault");
        }
        if (r.magic1() != MkConst.LINUX_REBOOT_MAGIC1) {
            sb.append(" magic1=").append(String.format("0x%08x", r.magic1()));
        }
        if (r.magic2() != MkConst.LINUX_REBOOT_MAGIC2) {
            sb.append(" magic2=").append(String.format("0x%08x", r.magic2()));
        }
        return sb.toString();
    }

    static String segment(Segment s) {
        UserBuffer b = s.buffer();
        return "seg(mem=" + Hex.hex(s.mem()) + ",memsz=" + Hex.hex(s.memsz()) + ",bufsz=" + Hex.hex(s.bufsz()) + ",pat="
                + b.pattern() + (b.faultAt() == UserBuffer.NO_FAULT ? "" : ",fault=" + Hex.hex(b.faultAt())) + ")";
    }

    static String range(PhysRange r) {
        return r.toString();
    }

    private static String yn(boolean b) {
        return b ? "y" : "n";
    }
}
