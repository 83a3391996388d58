package kverify.impl.mk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import kverify.model.mk.ImageType;

/**
 * Where loaded images live. 1/7 keeps every non-crash image, multikernel ones included, in the
 * single kexec_image slot; 6/7 keeps multikernel images in a list; the corrected store also
 * remembers which CPU runs which image. The slots for default and crash images are common.
 */
abstract class ImageStore {
    Kimage kexecImage;
    Kimage crashImage;

    /** kexec_load with nr_segments == 0. */
    void unload(long flags, boolean crashSlot) {
        if (crashSlot) {
            crashImage = null;
        } else {
            kexecImage = null;
        }
    }

    /** Installs a loaded image, freeing the one it replaces. */
    void install(Kimage image, boolean crashSlot) {
        if (crashSlot) {
            crashImage = image;
        } else {
            kexecImage = image;
        }
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

    /** Every image recorded, ascending id. */
    List<Kimage> all() {
        List<Kimage> out = new ArrayList<>(multikernelImages());
        if (kexecImage != null) {
            out.add(kexecImage);
        }
        if (crashImage != null) {
            out.add(crashImage);
        }
        out.sort(Comparator.comparingInt(i -> i.id));
        return out;
    }

    abstract ImageStore copy();

    <T extends ImageStore> T copySlotsInto(T c) {
        c.kexecImage = kexecImage;
        c.crashImage = crashImage;
        return c;
    }

    /** RFC 1/7: a multikernel image goes to kexec_image (or the crash slot with ON_CRASH) and is started from there, whatever its type. */
    static final class Slot extends ImageStore {
        @Override
        Kimage imageToStart() {
            return kexecImage;
        }

        @Override
        ImageStore copy() {
            return copySlotsInto(new Slot());
        }
    }

    /** RFC 6/7 (D25): a list of multikernel images; unload frees at most 10; a start takes the first. */
    static final class Tracking extends ImageStore {
        static final int UNLOAD_BATCH = 10;
        final List<Kimage> list = new ArrayList<>();

        @Override
        void unload(long flags, boolean crashSlot) {
            if ((flags & kverify.model.mk.MkConst.KEXEC_MULTIKERNEL) == 0) {
                super.unload(flags, crashSlot);
                return;
            }
            list.subList(0, Math.min(UNLOAD_BATCH, list.size())).clear();
        }

        @Override
        void install(Kimage image, boolean crashSlot) {
            if (image.type == ImageType.MULTIKERNEL) {
                list.add(image);
            } else {
                super.install(image, crashSlot);
            }
        }

        @Override
        Kimage imageToStart() {
            return list.isEmpty() ? null : list.get(0);
        }

        @Override
        List<Kimage> multikernelImages() {
            return list;
        }

        @Override
        ImageStore copy() {
            Tracking c = copySlotsInto(new Tracking());
            c.list.addAll(list);
            return c;
        }
    }

    /** The contract (D3, D11, D13, D14): a list plus which CPU runs which image. */
    static final class Corrected extends ImageStore {
        final List<Kimage> list = new ArrayList<>();
        final TreeMap<Integer, Kimage> running = new TreeMap<>();

        @Override
        void unload(long flags, boolean crashSlot) {
            if ((flags & kverify.model.mk.MkConst.KEXEC_MULTIKERNEL) == 0) {
                super.unload(flags, crashSlot);
                return;
            }
            list.removeIf(i -> !running.containsValue(i));
        }

        @Override
        void install(Kimage image, boolean crashSlot) {
            if (image.type == ImageType.MULTIKERNEL) {
                list.add(image);
            } else {
                super.install(image, crashSlot);
            }
        }

        @Override
        Kimage imageToStart() {
            return list.stream().filter(i -> !running.containsValue(i)).findFirst().orElse(null);
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
        ImageStore copy() {
            Corrected c = copySlotsInto(new Corrected());
            c.list.addAll(list);
            c.running.putAll(running);
            return c;
        }
    }
}
