package kverify.properties.mk;

import java.util.ArrayList;
import java.util.List;
import kverify.engine.Gen;
import kverify.engine.Source;
import kverify.model.mk.CpuState;
import kverify.model.mk.InstanceInfo;
import kverify.model.mk.Machine;
import kverify.model.mk.MkConst;
import kverify.model.mk.MkOp;
import kverify.model.mk.MkState;

/**
 * The next operation on RFC v2's interface: device-tree uploads of one instance (names and ids
 * that collide, CPUs that are free, online, another instance's or past nr_cpu_ids, memory that
 * fits or not), file loads for existing and missing instances with the flag encodings that
 * matter (the id field, id 0 = KEXEC_FILE_NO_CMA, ids past the legal bits), starts by instance id,
 * instance removal, and now and then an RFC v1 operation. Each choice shrinks toward the plain case.
 */
public final class MkOpGenV2 {
    private static final List<String> NAMES = List.of("a", "b", "c");
    private final Machine m;
    private final MkState st;

    private MkOpGenV2(Machine m, MkState st) {
        this.m = m;
        this.st = st;
    }

    public static Gen<MkOp> nextOrStop(Machine m, MkState st) {
        return MkOpGen.orStop(next(m, st));
    }

    public static Gen<MkOp> next(Machine m, MkState st) {
        MkOpGenV2 g = new MkOpGenV2(m, st);
        return Gen.frequency(Gen.weighted(2, g::upload), Gen.weighted(3, g::wellFormedUpload), Gen.weighted(5, g::fileLoad), Gen.weighted(5, g::start),
                Gen.weighted(1, g::remove), Gen.weighted(2, g::concurrent), Gen.weighted(3, MkOpGen.next(m, st)));
    }

    /** Concurrent starts only. */
    public static Gen<MkOp> concurrentOnly(Machine m, MkState st) {
        return new MkOpGenV2(m, st)::concurrent;
    }

    /** File loads and unloads of instance images, for repeated load/unload cycles. */
    public static Gen<MkOp> loadsAndUnloads(Machine m, MkState st) {
        MkOpGenV2 g = new MkOpGenV2(m, st);
        return Gen.frequency(Gen.weighted(6, g::fileLoad), Gen.weighted(2, Gen.constant(new MkOp.Unload(MkConst.KEXEC_MULTIKERNEL))),
                Gen.weighted(1, Gen.constant(new MkOp.KexecFileLoad(MkConst.KEXEC_FILE_UNLOAD, List.of(), 0))), Gen.weighted(1, g::upload),
                Gen.weighted(1, g::remove));
    }

    /** A well-formed upload and a load for it, for properties that need a loaded instance. */
    public static List<MkOp> loadedInstance(Machine m, int cpu) {
        return List.of(new MkOp.DtUpload("a", 1, 3 * MkConst.PAGE_SIZE, List.of(cpu)),
                new MkOp.KexecFileLoad(MkConst.KEXEC_MULTIKERNEL | (1L << MkConst.KEXEC_MK_ID_SHIFT), List.of(MkConst.PAGE_SIZE), 1));
    }

    private List<Integer> ids() {
        return st.instances().stream().map(InstanceInfo::id).toList();
    }

    /** An upload the contract accepts when one can be: free name and id, one page, a CPU nobody else has that the host can spare. */
    private MkOp wellFormedUpload(Source s) {
        List<String> names = NAMES.stream().filter(n -> st.instances().stream().noneMatch(i -> i.name().equals(n))).toList();
        List<Integer> ids = java.util.stream.IntStream.rangeClosed(1, 3).boxed().filter(id -> !ids().contains(id)).toList();
        List<Integer> cpus = new ArrayList<>();
        long hosts = st.cpus().stream().filter(c -> c.owner() == CpuState.Owner.HOST).count();
        for (int c = 1; c < m.nrCpuIds(); c++) {
            int cpu = c;
            boolean mine = st.instances().stream().anyMatch(i -> i.cpus().contains(cpu));
            CpuState.Owner o = st.cpus().get(c).owner();
            if (!mine && (o == CpuState.Owner.NONE || o == CpuState.Owner.HOST && hosts > 1)) {
                cpus.add(c);
            }
        }
        if (names.isEmpty() || ids.isEmpty() || cpus.isEmpty()) {
            return upload(s);
        }
        return new MkOp.DtUpload(s.draw(Gen.elements(names)), s.draw(Gen.elements(ids)), MkConst.PAGE_SIZE * s.draw(Gen.longs(3, 5)),
                List.of(s.draw(Gen.elements(cpus))));
    }

    MkOp upload(Source s) {
        String name = s.draw(Gen.elements(NAMES));
        int id = s.draw(Gen.frequency(Gen.weighted(6, Gen.ints(1, 3)), Gen.weighted(1, Gen.elements(0, -1, 2047, 2048))));
        long p = MkConst.PAGE_SIZE;
        long memory = s.draw(Gen.frequency(Gen.weighted(6, Gen.longs(1, 4, 2).map(n -> n * p)), Gen.weighted(1, Gen.constant(0L)),
                Gen.weighted(1, Gen.constant(p / 2)), Gen.weighted(1, Gen.constant(m.mkReserved().get(0).size() + p))));
        List<Integer> cpus = new ArrayList<>();
        int n = s.draw(Gen.frequency(Gen.weighted(6, Gen.constant(1)), Gen.weighted(1, Gen.constant(0)), Gen.weighted(2, Gen.constant(2))));
        for (int i = 0; i < n; i++) {
            cpus.add(s.draw(cpu()));
        }
        return new MkOp.DtUpload(name, id, memory, cpus);
    }

    /** Mostly a CPU nobody runs, else any possible CPU or the first past nr_cpu_ids. */
    private Gen<Integer> cpu() {
        List<Integer> free = new ArrayList<>();
        for (int c = 0; c < m.nrCpuIds(); c++) {
            if (st.cpus().get(c).owner() == CpuState.Owner.NONE) {
                free.add(c);
            }
        }
        return Gen.frequency(Gen.weighted(4, free.isEmpty() ? Gen.constant(m.nrCpuIds() - 1) : Gen.elements(free)),
                Gen.weighted(2, Gen.ints(0, m.nrCpuIds() - 1)), Gen.weighted(1, Gen.constant(m.nrCpuIds())));
    }

    MkOp fileLoad(Source s) {
        List<Integer> empty = st.instances().stream().filter(i -> i.imageId() == 0).map(InstanceInfo::id).toList();
        List<Integer> ids = empty.isEmpty() || s.choice(3) == 3 ? ids() : empty;
        long id = s.draw(Gen.frequency(Gen.weighted(6, ids.isEmpty() ? Gen.constant(1) : Gen.elements(ids)), Gen.weighted(2, Gen.ints(1, 3)),
                Gen.weighted(1, Gen.constant(0)))) & 0x7FF;
        long flags = switch ((int) s.choice(10)) {
            case 7 -> MkConst.KEXEC_FILE_UNLOAD;
            case 10 -> MkConst.KEXEC_FILE_UNLOAD | MkConst.KEXEC_MULTIKERNEL | (id << MkConst.KEXEC_MK_ID_SHIFT);
            case 8 -> s.draw(Gen.elements(0L, MkConst.KEXEC_FILE_FORCE_DTB, MkConst.KEXEC_FILE_NO_INITRAMFS));
            case 9 -> MkConst.KEXEC_MULTIKERNEL | (id << MkConst.KEXEC_MK_ID_SHIFT) | s.draw(Gen.elements(MkConst.KEXEC_FILE_ON_CRASH, 0x10000L));
            default -> MkConst.KEXEC_MULTIKERNEL | (id << MkConst.KEXEC_MK_ID_SHIFT);
        };
        int segs = s.draw(Gen.frequency(Gen.weighted(8, Gen.constant(1)), Gen.weighted(2, Gen.constant(2)), Gen.weighted(1, Gen.constant(3))));
        // Pages one past the instance's pool: the image cannot fit (MK-27: placed in ordinary RAM instead).
        long pastPool = st.instances().stream().filter(i -> i.id() == id).findFirst()
                .map(i -> i.pool().stream().mapToLong(r -> r.size()).sum() / MkConst.PAGE_SIZE + 1).orElse(4L);
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < segs; i++) {
            sizes.add(s.draw(Gen.frequency(Gen.weighted(4, Gen.constant(1L)), Gen.weighted(1, Gen.longs(2, 3)), Gen.weighted(2, Gen.constant(pastPool))))
                    * MkConst.PAGE_SIZE);
        }
        return new MkOp.KexecFileLoad(flags, (flags & MkConst.KEXEC_FILE_UNLOAD) != 0 ? List.of() : sizes, (int) s.choice(3));
    }

    MkOp start(Source s) {
        List<Integer> loaded = st.instances().stream().filter(i -> i.imageId() != 0).map(InstanceInfo::id).toList();
        List<Integer> ids = loaded.isEmpty() || s.choice(3) == 3 ? ids() : loaded;
        int id = s.draw(Gen.frequency(Gen.weighted(8, ids.isEmpty() ? Gen.constant(1) : Gen.elements(ids)),
                Gen.weighted(1, Gen.elements(0, -1, 4, Integer.MAX_VALUE))));
        return new MkOp.Reboot(MkConst.LINUX_REBOOT_MAGIC1, MkConst.LINUX_REBOOT_MAGIC2, MkConst.LINUX_REBOOT_CMD_MULTIKERNEL, id, s.choice(15) == 15);
    }

    MkOp remove(Source s) {
        List<String> names = st.instances().stream().map(InstanceInfo::name).toList();
        return new MkOp.InstanceRemove(s.draw(names.isEmpty() || s.choice(5) == 5 ? Gen.elements(NAMES) : Gen.elements(names)));
    }

    /** A start racing with the instance's CPU coming online, another start, suspend or a reboot. */
    MkOp concurrent(Source s) {
        MkOp.Reboot start = (MkOp.Reboot) start(s);
        InstanceInfo inst = st.instances().stream().filter(i -> i.id() == start.cpu()).findFirst().orElse(null);
        int cpu = inst == null || inst.cpus().isEmpty() ? m.nrCpuIds() - 1 : inst.cpus().get(0);
        MkOp second = s.draw(Gen.frequency(Gen.weighted(4, Gen.constant(new MkOp.CpuOnline(cpu))), Gen.weighted(2, this::start),
                Gen.weighted(1, Gen.constant(new MkOp.Suspend())), Gen.weighted(1, Gen.constant(new MkOp.CpuOffline(cpu)))));
        return new MkOp.Concurrent(start, second, MkOpGen.schedule(s));
    }
}
