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
