package kverify.impl.mk;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import kverify.model.mk.Cpu;
import kverify.model.mk.CpuState;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkEvent;

/**
 * The CPUs as the hardware sees them (what each one physically runs) and the host kernel's
 * cpu_online_mask, an NR_CPUS-bit bitmap. The two can disagree: that is how a defect that hands
 * an online CPU to another kernel shows up in the state.
 */
final class CpuHardware {
    private final Machine m;
    /** What each possible CPU runs: null for nothing, HOST_CODE for this kernel, else an image. */
    private final List<Kimage> runs = new ArrayList<>();
    private final BitSet onlineMask = new BitSet();
    static final Kimage HOST_CODE = new Kimage(0, null, 0, List.of(), false);

    CpuHardware(Machine m) {
        this.m = m;
        for (int cpu = 0; cpu < m.nrCpuIds(); cpu++) {
            boolean online = m.cpus().get(cpu).online();
            runs.add(online ? HOST_CODE : null);
            onlineMask.set(cpu, online);
        }
    }

    /**
     * cpu_online(cpu) as the RFC calls it: the int is converted to unsigned int and used as a bit
     * index without a range check. Bits at or above NR_CPUS lie outside the bitmap; the read is
     * reported and returns 0 (D23).
     */
    boolean cpuOnlineUnchecked(int cpu, List<MkEvent> events) {
        long bit = Integer.toUnsignedLong(cpu);
        if (bit >= m.nrCpus()) {
            events.add(new MkEvent.OutOfBoundsRead("cpu_online_mask", bit));
            return false;
        }
        return onlineMask.get((int) bit);
    }

    /** cpu_online(cpu) for a cpu already known to be below nr_cpu_ids. */
    boolean online(int cpu) {
        return onlineMask.get(cpu);
    }

    /** default_cpu_present_to_apicid(): BAD_APICID unless 0 <= cpu < nr_cpu_ids and present. */
    long presentToApicid(int cpu) {
        if (!m.isPossibleCpu(cpu) || !m.cpus().get(cpu).present()) {
            return MkConst.BAD_APICID;
        }
        return m.cpus().get(cpu).apicId();
    }

    Cpu describe(int cpu) {
        return m.cpus().get(cpu);
    }

    /** The CPU executes the image's entry point from now on. */
    void wakeInto(int cpu, Kimage image) {
        runs.set(cpu, image);
    }

    /** cpu_up() finished: the CPU runs this kernel (whatever it ran before is gone). */
    void bringUp(int cpu) {
        runs.set(cpu, HOST_CODE);
        onlineMask.set(cpu);
    }

    /** cpu_down() finished: the CPU is parked. */
    void takeDown(int cpu) {
        runs.set(cpu, null);
        onlineMask.clear(cpu);
    }

    int onlineCount() {
        return onlineMask.cardinality();
    }

    List<CpuState> snapshot() {
        List<CpuState> out = new ArrayList<>();
        for (int cpu = 0; cpu < runs.size(); cpu++) {
            Kimage r = runs.get(cpu);
            CpuState s = r == null ? CpuState.none() : r == HOST_CODE ? CpuState.host() : CpuState.guest(r.info());
            out.add(s.withHostOnline(onlineMask.get(cpu)));
        }
        return out;
    }

    CpuHardware copy() {
        CpuHardware c = new CpuHardware(m);
        c.runs.clear();
        c.runs.addAll(runs);
        c.onlineMask.clear();
        c.onlineMask.or(onlineMask);
        return c;
    }
}
