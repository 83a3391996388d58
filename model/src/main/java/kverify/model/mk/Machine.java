package kverify.model.mk;

import java.util.List;

/**
 * The injected, deterministic description of the machine a multikernel run happens on: the CPU
 * topology, the physical memory map, the kernel configuration and who is calling. Nothing here is
 * read from real hardware; generators build it and traces spell it out line by line.
 *
 * @param nrCpuIds    nr_cpu_ids: CPUs 0..nrCpuIds-1 are possible; {@code cpus} describes each
 * @param nrCpus      NR_CPUS: the size in bits of the cpumask bitmaps (cpu_online_mask), >= nrCpuIds
 * @param maxApicId   apic->max_apic_id: apic_id_valid(id) is id <= maxApicId
 * @param ram         RAM ranges, page aligned, ascending, with holes between them
 * @param mkReserved  memory reserved at boot for multikernel images (inside RAM)
 * @param kernelUsed  memory the running kernel uses (inside RAM, disjoint from mkReserved)
 * @param crashKernel the crashkernel= reservation (crashk_res); empty when none was reserved
 * @param physBits    boot_cpu_data.x86_phys_bits: ioremap refuses a physical address at or above 2^physBits
 */
public record Machine(int nrCpuIds, int nrCpus, long maxApicId, List<Cpu> cpus, List<PhysRange> ram,
        List<PhysRange> mkReserved, List<PhysRange> kernelUsed, PhysRange crashKernel, Config config, Caller caller,
        int physBits) {

    /** Kernel configuration switches that change the code paths the RFC touches. */
    public record Config(boolean kexecJump, boolean crashDump) {
    }

    /**
     * The calling task and the kexec sysctls.
     *
     * @param loadLimitReboot kexec_load_limit_reboot: -1 unlimited, else calls left (decremented per permitted call)
     * @param loadLimitPanic  kexec_load_limit_panic, the same for ON_CRASH loads
     */
    public record Caller(boolean capSysBoot, boolean initPidNs, boolean kexecLoadDisabled, int loadLimitReboot,
            int loadLimitPanic) {
        public Caller {
            if (loadLimitReboot < -1 || loadLimitPanic < -1) {
                throw new IllegalArgumentException("load limits are -1 (unlimited) or >= 0");
            }
        }
    }

    /** A machine whose CPUs address 2^46 bytes (MkConst.DEFAULT_PHYS_BITS, the width traces assume when they name none). */
    public Machine(int nrCpuIds, int nrCpus, long maxApicId, List<Cpu> cpus, List<PhysRange> ram, List<PhysRange> mkReserved,
            List<PhysRange> kernelUsed, PhysRange crashKernel, Config config, Caller caller) {
        this(nrCpuIds, nrCpus, maxApicId, cpus, ram, mkReserved, kernelUsed, crashKernel, config, caller, MkConst.DEFAULT_PHYS_BITS);
    }

    public Machine {
        cpus = List.copyOf(cpus);
        ram = List.copyOf(ram);
        mkReserved = List.copyOf(mkReserved);
        kernelUsed = List.copyOf(kernelUsed);
        int cpuLines = cpus.size();
        check(nrCpuIds >= 1 && nrCpuIds <= nrCpus && nrCpus <= 8192, () ->
                "need 1 <= nr_cpu_ids <= NR_CPUS <= 8192, got nr_cpu_ids=" + nrCpuIds + " NR_CPUS=" + nrCpus);
        check(cpus.size() == nrCpuIds, () -> "need one cpu line per possible CPU: nr_cpu_ids=" + nrCpuIds + " cpus=" + cpuLines);
        check(anyOnline(cpus), () -> "at least one CPU must be online (the one running the caller)");
        checkSortedDisjointAligned("ram", ram);
        for (int i = 1; i < ram.size(); i++) {
            // e820 merges touching RAM ranges, so two ranges always have a hole between them.
            PhysRange next = ram.get(i);
            check(ram.get(i - 1).end() < next.start(), () -> "ram ranges must be separated by a hole at " + next);
        }
        checkSortedDisjointAligned("mk-reserved", mkReserved);
        checkSortedDisjointAligned("kernel-used", kernelUsed);
        check(crashKernel.isPageAligned(), () -> "crashkernel not page aligned: " + crashKernel);
        // Page 0 is firmware's; a crash region there would also make the kernel's control-page search wrap.
        check(crashKernel.isEmpty() || crashKernel.start() > 0, () -> "crashkernel cannot start at 0");
        for (List<PhysRange> ranges : List.of(mkReserved, kernelUsed, crashKernel.isEmpty() ? List.<PhysRange>of() : List.of(crashKernel))) {
            for (PhysRange r : ranges) {
                check(inside(ram, r), () -> "range " + r + " is not inside RAM");
            }
        }
        check(physBits >= 32 && physBits <= 52, () -> "phys_bits is 32..52, got " + physBits);
        check(ram.isEmpty() || ram.get(ram.size() - 1).end() <= 1L << physBits, () -> "RAM ends above 2^phys_bits");
        check(disjoint(mkReserved, kernelUsed), () -> "mk-reserved overlaps kernel-used memory");
        check(crashKernel.isEmpty() || (disjoint(mkReserved, List.of(crashKernel)) && disjoint(kernelUsed, List.of(crashKernel))), () ->
                "crashkernel overlaps mk-reserved or kernel-used memory");
    }

    /** The same machine with other configuration switches. */
    public Machine withConfig(Config other) {
        return new Machine(nrCpuIds, nrCpus, maxApicId, cpus, ram, mkReserved, kernelUsed, crashKernel, other, caller, physBits);
    }

    /** True if [address, address+length) lies inside one RAM range. */
    public boolean isRam(long address, long length) {
        for (PhysRange r : ram) {
            if (r.containsUnsigned(address, length)) {
                return true;
            }
        }
        return false;
    }

    /** End of the kernel's direct map (max_pfn_mapped): the end of the last RAM range. */
    public long directMapEnd() {
        return ram.isEmpty() ? 0 : ram.get(ram.size() - 1).end();
    }

    /** totalram_pages(): RAM minus what is reserved at boot (multikernel and crash reservations). */
    public long totalRamPages() {
        long bytes = sum(ram) - sum(mkReserved) - crashKernel.size();
        return bytes / MkConst.PAGE_SIZE;
    }

    /** crashk_res.start; 0 when nothing was reserved (the kernel's static initialiser). */
    public long crashkStart() {
        return crashKernel.isEmpty() ? 0 : crashKernel.start();
    }

    /** crashk_res.end, inclusive; 0 when nothing was reserved. */
    public long crashkEndInclusive() {
        return crashKernel.isEmpty() ? 0 : crashKernel.end() - 1;
    }

    public boolean isPossibleCpu(long cpu) {
        return cpu >= 0 && cpu < nrCpuIds;
    }

    // Loops, not streams: every generated case builds a machine and asks these.

    private static boolean anyOnline(List<Cpu> cpus) {
        for (Cpu c : cpus) {
            if (c.online()) {
                return true;
            }
        }
        return false;
    }

    private static long sum(List<PhysRange> ranges) {
        long total = 0;
        for (PhysRange r : ranges) {
            total += r.size();
        }
        return total;
    }

    private static boolean inside(List<PhysRange> outer, PhysRange r) {
        for (PhysRange o : outer) {
            if (o.containsUnsigned(r.start(), r.size())) {
                return true;
            }
        }
        return false;
    }

    private static boolean disjoint(List<PhysRange> a, List<PhysRange> b) {
        for (PhysRange x : a) {
            for (PhysRange y : b) {
                if (x.overlaps(y)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void checkSortedDisjointAligned(String what, List<PhysRange> ranges) {
        for (int i = 0; i < ranges.size(); i++) {
            PhysRange r = ranges.get(i);
            check(!r.isEmpty() && r.isPageAligned(), () -> what + " range " + r + " is empty or not page aligned");
            boolean ascends = i == 0 || ranges.get(i - 1).end() <= r.start();
            check(ascends, () -> what + " ranges must ascend without overlap at " + r);
        }
    }

    /** The message is built only when the check fails: every generated case constructs a machine. */
    private static void check(boolean ok, java.util.function.Supplier<String> message) {
        if (!ok) {
            throw new IllegalArgumentException(message.get());
        }
    }
}
