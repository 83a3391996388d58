package kverify.impl.luo.image;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import kverify.impl.kho.Kho;
import kverify.impl.luo.KhoEntry;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoVersion;
import kverify.impl.luo.layout.v7.LuoSubtree;
import kverify.model.luo.image.ImageSubtree;
import kverify.model.luo.image.ImageVersion;
import kverify.impl.luo.LuoVariant;
import kverify.impl.luo.layout.FdtNode;
import kverify.impl.memory.PhysicalMemory;
import kverify.impl.memory.RamRange;
import kverify.model.luo.Phase;
import kverify.model.luo.image.HandoverImage;
import kverify.model.luo.image.ImageFdt;

/**
 * Between a live implementation and an image: {@link #capture} takes what a kernel hands over at
 * a successful kexec (every written page of memory, the KHO preserved set, the session FDT node of
 * v1 or the "LUO" subtree of v7);
 * {@link #boot} puts an image into fresh simulated memory and a next kernel's KHO, ready for the
 * early setup of the given variant.
 */
public final class ImageBridge {
    private ImageBridge() {
    }

    /** The handover of an implementation that has just rebooted successfully (phase BOOTING). */
    public static HandoverImage capture(LuoImpl impl) {
        if (impl.phase() != Phase.BOOTING) {
            throw new IllegalStateException("an image is the state between a successful reboot and setup; the kernel is in " + impl.phase());
        }
        List<RamRange> ram = impl.memory().ram();
        if (ram.size() != 1 || ram.get(0).start() != 0) {
            throw new IllegalStateException("images describe one RAM range starting at 0, this memory has " + ram);
        }
        if (impl.variant().version() == LuoVersion.V7) {
            Optional<ImageSubtree> subtree = impl.handoverEntry().filter(e -> e instanceof KhoEntry.Subtree)
                    .map(e -> ((KhoEntry.Subtree) e).entry()).map(t -> new ImageSubtree(t.name(), t.pa(), t.length()));
            return HandoverImage.v7(impl.geometry(), ram.get(0).end(), subtree, impl.kho().incoming(), frozenPages(impl.memory()));
        }
        Optional<ImageFdt> fdt = impl.handoverFdt().map(n -> new ImageFdt(n.name(), n.properties()));
        return new HandoverImage(impl.geometry(), ram.get(0).end(), fdt, impl.kho().incoming(), frozenPages(impl.memory()));
    }

    /**
     * Every written page by address, the memory's own arrays frozen (it copies a page before its
     * next write to it) rather than copied: the image copies each page it keeps anyway.
     */
    private static SortedMap<Long, byte[]> frozenPages(PhysicalMemory m) {
        PhysicalMemory.Frozen f = m.freeze();
        SortedMap<Long, byte[]> pages = new TreeMap<>();
        for (int i = 0; i < f.addresses().length; i++) {
            pages.put(f.addresses()[i], f.pages()[i]);
        }
        return pages;
    }

    /**
     * A next kernel of the given variant on the image's memory and preserved set (phase BOOTING),
     * its KHO taking the handover whatever its root compatible says: the image properties boot an
     * image on its own version's variants, where the compatible always matches.
     */
    public static LuoImpl boot(HandoverImage img, LuoVariant variant) {
        return boot(img, variant, img.geometry());
    }

    /** The same, for a next kernel built with its own geometry (a kernel of the other version). */
    public static LuoImpl boot(HandoverImage img, LuoVariant variant, kverify.model.luo.LuoGeometry geometry) {
        PhysicalMemory m = memoryOf(img);
        Kho kho = Kho.handedOver(m, img.preserved());
        Optional<KhoEntry> entry = img.version() == ImageVersion.V1
                ? img.fdt().map(f -> new KhoEntry.Fdt(new FdtNode(f.name(), f.properties())))
                : img.subtree().map(t -> new KhoEntry.Subtree(new LuoSubtree(t.name(), t.pa(), t.length())));
        return LuoImpl.nextKernelOn(variant, geometry, kho, entry);
    }

    /**
     * A next kernel as kexec really starts it: its KHO takes the handover only if the image's KHO
     * root compatible is its own version's KHO_FDT_COMPATIBLE (kho_populate); otherwise it boots
     * with the old memory but nothing handed over (cross-version handover, docs/versions-luo.md 7.5).
     */
    public static LuoImpl bootChecked(HandoverImage img, LuoVariant variant, kverify.model.luo.LuoGeometry geometry) {
        if (img.khoCompatible().equals(variant.version().image().khoCompatible())) {
            return boot(img, variant, geometry);
        }
        return LuoImpl.nextKernelWithoutHandover(variant, geometry, memoryOf(img));
    }

    /** The image's memory, sharing its page arrays: the next kernel copies a page only when it writes it. */
    private static PhysicalMemory memoryOf(HandoverImage img) {
        int n = img.pageAddresses().size();
        long[] addresses = new long[n];
        byte[][] arrays = new byte[n][];
        int[] next = {0};
        img.sharePages((pa, page) -> {
            addresses[next[0]] = pa;
            arrays[next[0]++] = page;
        });
        return PhysicalMemory.sharing(img.ramBytes(), addresses, arrays);
    }
}
