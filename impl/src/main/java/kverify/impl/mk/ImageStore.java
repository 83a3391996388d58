package kverify.impl.mk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import kverify.model.mk.ImageType;
import kverify.model.mk.MkConst;

/**
 * Where loaded images live: the kexec_image and kexec_crash_image slots, and in the later
 * patches a list. The variant's store decides where do_kexec_load() installs a new image and
 * what an unload (nr_segments == 0) frees; which slot a flag combination selects is part of that.
 */
abstract class ImageStore {
    Kimage kexecImage;
    Kimage crashImage;
    /** kimage_free()'s side effects beyond the store (RFC v2 09/16: the image's instance); bound by the kernel. */
    java.util.function.Consumer<Kimage> onFree = image -> { };

    /** kexec_load with nr_segments == 0. */
    abstract void unload(long flags, boolean crashDump);

    /** Installs a loaded image, freeing the one it replaces. */
    abstract void install(Kimage image, long flags, boolean crashDump);

    /** do_kexec_load() before an ON_CRASH load: {@code kimage_free(xchg(&kexec_crash_image, NULL))}, not under CONFIG_CRASH_DUMP. */
    void freeCrashImage() {
        crashImage = null;
    }

    /** The image reboot(LINUX_REBOOT_CMD_MULTIKERNEL) starts, or null. */
    abstract Kimage imageToStart();

    /** The start succeeded: {@code image} runs on {@code cpu}. */
    void started(Kimage image, int cpu) {
    }

    /** Does the kernel know that another kernel runs on this CPU? */
    boolean guestOn(int cpu) {
        return false;
    }

    boolean anyGuest() {
        return false;
    }

    /** Multikernel images the kernel records (for placement checks). */
    List<Kimage> multikernelImages() {
        return List.of();
    }

    /** Every image recorded, ascending id, each once. */
    List<Kimage> all() {
        List<Kimage> out = new ArrayList<>(listed());
        for (Kimage slot : new Kimage[] {kexecImage, crashImage}) {
            if (slot != null && !out.contains(slot)) {
                out.add(slot);
            }
        }
        out.sort(Comparator.comparingInt(i -> i.id));
        return out;
    }

    /** Images held outside the two slots. */
    List<Kimage> listed() {
        return List.of();
    }

    abstract ImageStore copy();

    <T extends ImageStore> T copySlotsInto(T c) {
        c.kexecImage = kexecImage;
        c.crashImage = crashImage;
        return c;
    }

    static boolean has(long flags, long bit) {
        return (flags & bit) != 0;
    }

    /**
     * RFC 1/7 on its base (kernel/kexec.c do_kexec_load): one destination slot, the crash slot for
     * ON_CRASH under CONFIG_CRASH_DUMP, else kexec_image, whatever the image's type; a start uses
     * kexec_image whatever its type.
     */
    static final class Slot extends ImageStore {
        private static boolean crashSlot(long flags, boolean crashDump) {
            return has(flags, MkConst.KEXEC_ON_CRASH) && crashDump;
        }

        @Override
        void unload(long flags, boolean crashDump) {
            install(null, flags, crashDump);
        }

        @Override
        void install(Kimage image, long flags, boolean crashDump) {
            if (crashSlot(flags, crashDump)) {
                crashImage = image;
            } else {
                kexecImage = image;
            }
        }

        @Override
        Kimage imageToStart() {
            return kexecImage;
        }

        @Override
        ImageStore copy() {
            return copySlotsInto(new Slot());
        }
    }

    /** The contract (D3, D11, D13, D14): multikernel images in a list, plus which CPU runs which image. */
    static final class Corrected extends ImageStore {
        final List<Kimage> list = new ArrayList<>();
        final TreeMap<Integer, Kimage> running = new TreeMap<>();

        @Override
        void unload(long flags, boolean crashDump) {
            if (has(flags, MkConst.KEXEC_MULTIKERNEL)) {
                list.stream().filter(i -> !running.containsValue(i)).toList().forEach(onFree);
                list.removeIf(i -> !running.containsValue(i));
            } else if (has(flags, MkConst.KEXEC_ON_CRASH) && crashDump) {
                crashImage = null;
            } else {
                kexecImage = null;
            }
        }

        @Override
        void install(Kimage image, long flags, boolean crashDump) {
            if (image != null && image.type == ImageType.MULTIKERNEL) {
                list.add(image);
            } else if (has(flags, MkConst.KEXEC_ON_CRASH) && crashDump) {
                crashImage = image;
            } else {
                kexecImage = image;
            }
        }

        @Override
        Kimage imageToStart() {
            for (Kimage i : list) {
                if (!running.containsValue(i)) {
                    return i;
                }
            }
            return null;
        }

        @Override
        void started(Kimage image, int cpu) {
            running.put(cpu, image);
        }

        @Override
        boolean guestOn(int cpu) {
            return running.containsKey(cpu);
        }

        @Override
        boolean anyGuest() {
            return !running.isEmpty();
        }

        @Override
        List<Kimage> multikernelImages() {
            return list;
        }

        @Override
        List<Kimage> listed() {
            return list;
        }

        @Override
        ImageStore copy() {
            Corrected c = copySlotsInto(new Corrected());
            c.list.addAll(list);
            c.running.putAll(running);
            return c;
        }
    }
}
