package kverify.model.mk;

import java.util.List;

/**
 * The operations of a multikernel run, as data: the model and every implementation receive the
 * same list, and a shrunk list prints as a trace and parses back.
 */
public sealed interface MkOp {

    /** A short name of the kind of call, used in divergence keys ("kexec_load[MK]", "reboot(MULTIKERNEL)"). */
    String kind();

    /** kexec_load(entry, nr_segments, segments, flags) with nr_segments >= 1. */
    record KexecLoad(long entry, List<Segment> segments, long flags) implements MkOp {
        public KexecLoad {
            segments = List.copyOf(segments);
            if (segments.isEmpty()) {
                throw new IllegalArgumentException("kexec_load with no segments is an unload; write 'unload'");
            }
        }

        @Override
        public String kind() {
            return KexecFlags.has(flags, MkConst.KEXEC_MULTIKERNEL) ? "kexec_load[MK]" : "kexec_load";
        }
    }

    /**
     * kexec_load(entry, nr_segments, segments, flags) whose segment array cannot be read
     * (memdup_array_user() faults): nothing about the segments is known to the kernel.
     */
    record KexecLoadUnreadable(long entry, int nrSegments, long flags) implements MkOp {
        public KexecLoadUnreadable {
            if (nrSegments < 1 || nrSegments > 64) {
                throw new IllegalArgumentException("nr_segments of an unreadable array is 1..64 (0 reads nothing), got " + nrSegments);
            }
        }

        @Override
        public String kind() {
            return KexecFlags.has(flags, MkConst.KEXEC_MULTIKERNEL) ? "kexec_load[MK]" : "kexec_load";
        }
    }

    /**
     * RFC v2: writing a multikernel device tree with one instance to /sys/fs/multikernel/device_tree:
     * {@code /instances/<name> { id = <id>; resources { memory-bytes = <memoryBytes>; cpus = <...>; }; }}.
     * {@code memoryBytes} 0 means the property is absent, an empty {@code cpus} likewise.
     */
    record DtUpload(String name, int id, long memoryBytes, List<Integer> cpus) implements MkOp {
        public DtUpload {
            cpus = List.copyOf(cpus);
            if (!name.matches("[a-z0-9-]{1,16}")) {
                throw new IllegalArgumentException("instance names here are 1-16 of [a-z0-9-], got '" + name + "'");
            }
            if (memoryBytes < 0 || memoryBytes > 0xFFFFFFFFL || cpus.stream().anyMatch(c -> c < 0)) {
                throw new IllegalArgumentException("memory-bytes and cpus are u32 values");
            }
        }

        @Override
        public String kind() {
            return "mk_dt_upload";
        }
    }

    /** RFC v2: rmdir /sys/fs/multikernel/instances/NAME. */
    record InstanceRemove(String name) implements MkOp {
        @Override
        public String kind() {
            return "rmdir instance";
        }
    }

    /**
     * kexec_file_load(kernel_fd, initrd_fd, cmdline_len, cmdline, flags) where the image loader
     * asks for segments of the given sizes, in order, page aligned, filled from pattern
     * {@code pattern} (file loads read kernel buffers: no user fault). RFC v2 only.
     */
    record KexecFileLoad(long flags, List<Long> segmentSizes, int pattern) implements MkOp {
        public KexecFileLoad {
            segmentSizes = List.copyOf(segmentSizes);
            if (segmentSizes.stream().anyMatch(z -> z <= 0 || (z & ~MkConst.PAGE_MASK) != 0) || segmentSizes.size() > MkConst.KEXEC_SEGMENT_MAX) {
                throw new IllegalArgumentException("file-load segments are 0..16 positive page multiples, got " + segmentSizes);
            }
            if (pattern < 0 || flags < 0 || flags > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("flags are an unsigned 32-bit value and the pattern >= 0");
            }
        }

        @Override
        public String kind() {
            return KexecFlags.has(flags, MkConst.KEXEC_MULTIKERNEL) ? "kexec_file_load[MK]" : "kexec_file_load";
        }
    }

    /** The running kernel panics: __crash_kexec() boots what the crash slot holds, if anything. */
    record Panic() implements MkOp {
        @Override
        public String kind() {
            return "panic";
        }
    }

    /**
     * The running kernel allocates {@code pages} pages for itself after boot (page cache, a user
     * process) and writes them: the buddy allocator hands out free RAM, highest first (D37).
     */
    record HostAlloc(int pages) implements MkOp {
        public HostAlloc {
            if (pages < 1 || pages > 4096) {
                throw new IllegalArgumentException("host_alloc takes 1..4096 pages, got " + pages);
            }
        }

        @Override
        public String kind() {
            return "host_alloc";
        }
    }

    /** kexec_load(0, 0, NULL, flags): frees the image(s) the flags select. */
    record Unload(long flags) implements MkOp {
        @Override
        public String kind() {
            return KexecFlags.has(flags, MkConst.KEXEC_MULTIKERNEL) ? "unload[MK]" : "unload";
        }
    }

    /**
     * reboot(magic1, magic2, cmd, arg). For LINUX_REBOOT_CMD_MULTIKERNEL, arg points to a
     * struct multikernel_boot_args { int cpu; } holding {@code cpu}, or faults when read.
     */
    record Reboot(int magic1, int magic2, int cmd, int cpu, boolean argFaults) implements MkOp {
        public Reboot {
            if (MkConst.isEndingCommand(cmd)) {
                throw new IllegalArgumentException(String.format("reboot command 0x%08x ends the machine and is not modelled", cmd));
            }
        }

        public static Reboot multikernel(int cpu) {
            return new Reboot(MkConst.LINUX_REBOOT_MAGIC1, MkConst.LINUX_REBOOT_MAGIC2, MkConst.LINUX_REBOOT_CMD_MULTIKERNEL, cpu, false);
        }

        public static Reboot command(int cmd) {
            return new Reboot(MkConst.LINUX_REBOOT_MAGIC1, MkConst.LINUX_REBOOT_MAGIC2, cmd, 0, false);
        }

        @Override
        public String kind() {
            return "reboot(" + RebootCommands.name(cmd) + ")";
        }
    }

    /** Writing 1 to /sys/devices/system/cpu/cpuN/online (cpu_up), N any int. */
    record CpuOnline(int cpu) implements MkOp {
        @Override
        public String kind() {
            return "cpu_online";
        }
    }

    /** Writing 0 to /sys/devices/system/cpu/cpuN/online (cpu_down). */
    record CpuOffline(int cpu) implements MkOp {
        @Override
        public String kind() {
            return "cpu_offline";
        }
    }

    /** A suspend request (pm_suspend): takes system_transition_mutex, then resumes at once. */
    record Suspend() implements MkOp {
        @Override
        public String kind() {
            return "suspend";
        }
    }

    /**
     * Two calls made at the same time by two tasks, each split into its steps and interleaved by
     * {@code schedule}: entry i names the task (1 or 2) that takes the i-th step while both can
     * run; once the schedule is used up the first task runs to its end, then the second.
     */
    record Concurrent(MkOp first, MkOp second, List<Integer> schedule) implements MkOp {
        public Concurrent {
            schedule = List.copyOf(schedule);
            if (!interleavable(first) || !interleavable(second)) {
                throw new IllegalArgumentException("only reboot, cpu_online, cpu_offline and suspend run concurrently");
            }
            if (schedule.stream().anyMatch(t -> t != 1 && t != 2)) {
                throw new IllegalArgumentException("schedule entries are 1 or 2, got " + schedule);
            }
        }

        private static boolean interleavable(MkOp op) {
            return op instanceof Reboot || op instanceof CpuOnline || op instanceof CpuOffline || op instanceof Suspend;
        }

        @Override
        public String kind() {
            return "concurrent " + first.kind() + " || " + second.kind();
        }
    }
}
