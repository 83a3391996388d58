package kverify.impl.mk;

import java.util.ArrayList;
import java.util.List;
import kverify.model.mk.ImageType;
import kverify.model.mk.MkConst;

/**
 * "[RFC Patch 6/7] kexec: Implement dynamic kimage tracking" (Cong Wang, 2025-09-18,
 * <20250918222607.186488-7-xiyou.wangcong@gmail.com>), unchanged as "[RFC Patch v2 07/16]"
 * (2025-10-18): every installed image, of every type, is appended to kexec_image_list, and the
 * two slots stay as compatibility pointers. do_kexec_load() routes by the ON_CRASH flag first
 * (not under CONFIG_CRASH_DUMP), then MULTIKERNEL, else kexec_image; an unload with MULTIKERNEL
 * frees the first ten images of type MULTIKERNEL in list order (kimage_get_all_by_type into an
 * array of 10), wherever they are installed; kimage_free() takes an image off the list and
 * clears a slot that points to it. A start takes the first MULTIKERNEL-typed image of the list
 * (kimage_find_by_type), whichever slot holds it.
 */
final class ImageList extends ImageStore {
    static final int UNLOAD_BATCH = 10;
    /** kexec_image_list in list_add_tail order. */
    final List<Kimage> list = new ArrayList<>();

    /** kimage_free() with 6/7's list and compatibility-pointer handling. */
    private void free(Kimage image) {
        if (image == null) {
            return;
        }
        list.remove(image);
        onFree.accept(image);
        if (image == kexecImage) {
            kexecImage = null;
        } else if (image == crashImage) {
            crashImage = null;
        }
    }

    @Override
    void freeCrashImage() {
        free(crashImage);
    }

    @Override
    void unload(long flags, boolean crashDump) {
        if (has(flags, MkConst.KEXEC_ON_CRASH)) {
            free(crashImage);
        } else if (has(flags, MkConst.KEXEC_MULTIKERNEL)) {
            multikernelImages().stream().limit(UNLOAD_BATCH).toList().forEach(this::free);
        } else {
            free(kexecImage);
        }
    }

    @Override
    void install(Kimage image, long flags, boolean crashDump) {
        if (has(flags, MkConst.KEXEC_ON_CRASH)) {
            free(crashImage);
            crashImage = image;
        } else if (!has(flags, MkConst.KEXEC_MULTIKERNEL)) {
            free(kexecImage);
            kexecImage = image;
        }
        if (image != null) { // kexec_file_load's unload exchanges NULL in
            list.add(image);
        }
    }

    @Override
    Kimage imageToStart() {
        for (Kimage i : list) {
            if (i.type == ImageType.MULTIKERNEL) {
                return i;
            }
        }
        return null;
    }

    @Override
    List<Kimage> multikernelImages() {
        List<Kimage> out = new ArrayList<>();
        for (Kimage i : list) {
            if (i.type == ImageType.MULTIKERNEL) {
                out.add(i);
            }
        }
        return java.util.Collections.unmodifiableList(out);
    }

    @Override
    List<Kimage> listed() {
        return list;
    }

    @Override
    ImageStore copy() {
        ImageList c = copySlotsInto(new ImageList());
        c.list.addAll(list);
        return c;
    }
}
