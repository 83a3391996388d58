package kverify.impl.luo.image;

import java.util.List;
import java.util.Optional;
import kverify.impl.kho.Kho;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoVariant;
import kverify.impl.luo.layout.FdtNode;
import kverify.impl.memory.PhysicalMemory;
import kverify.impl.memory.RamRange;
import kverify.model.luo.Phase;
import kverify.model.luo.image.HandoverImage;
import kverify.model.luo.image.ImageFdt;

/**
 * Between a live implementation and an image: {@link #capture} takes what a kernel hands over at
 * a successful kexec (every written page of memory, the KHO preserved set, the session FDT node);
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
        Optional<ImageFdt> fdt = impl.handoverFdt().map(n -> new ImageFdt(n.name(), n.properties()));
        return new HandoverImage(impl.geometry(), ram.get(0).end(), fdt, impl.kho().incoming(), impl.memory().pages());
    }

    /** A next kernel of the given variant on the image's memory and preserved set (phase BOOTING). */
    public static LuoImpl boot(HandoverImage img, LuoVariant variant) {
        PhysicalMemory m = PhysicalMemory.ofSize(img.ramBytes());
        img.pages().forEach((pa, bytes) -> m.write(pa, bytes, 0, bytes.length));
        Kho kho = Kho.handedOver(m, img.preserved());
        Optional<FdtNode> fdt = img.fdt().map(f -> new FdtNode(f.name(), f.properties()));
        return LuoImpl.nextKernel(variant, img.geometry(), kho, fdt);
    }
}
