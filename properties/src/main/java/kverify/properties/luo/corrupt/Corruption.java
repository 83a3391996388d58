package kverify.properties.luo.corrupt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kverify.model.luo.image.HandoverImage;
import kverify.model.luo.image.ImageFdt;

/**
 * One named corruption as data: a small pure function from an image to a changed image plus the
 * record of what it changed. The generators ({@link CorruptionKind}) decide the kind and the
 * parameters from the valid image's structure; these four shapes do the writing.
 */
public sealed interface Corruption permits Corruption.WriteU64, Corruption.WriteBytes, Corruption.SetFdt,
        Corruption.AppendBlocks {

    CorruptionKind kind();

    Corrupted apply(Corrupted in);

    /** A little-endian u64 field (a count, a next pointer, a file set field). */
    record WriteU64(CorruptionKind kind, long address, String field, long value) implements Corruption {
        @Override
        public Corrupted apply(Corrupted in) {
            long old = in.image().u64(address);
            return in.then(in.image().withU64(address, value), new Change(kind, address, field, hex(old), hex(value)));
        }

        @Override
        public String toString() {
            return kind.label() + ": " + field + String.format(" at 0x%x := 0x%x", address, value);
        }
    }

    /** Raw bytes (a name, a compatible string, flipped bits, a zeroed tail). */
    record WriteBytes(CorruptionKind kind, long address, String field, byte[] bytes) implements Corruption {
        public WriteBytes {
            bytes = bytes.clone();
        }

        @Override
        public Corrupted apply(Corrupted in) {
            byte[] old = in.image().bytes(address, bytes.length);
            return in.then(in.image().withBytes(address, bytes), new Change(kind, address, field, shortHex(old), shortHex(bytes)));
        }

        @Override
        public String toString() {
            return kind.label() + ": " + field + String.format(" at 0x%x := ", address) + shortHex(bytes);
        }
    }

    /** The session FDT node replaced (or removed when empty). */
    record SetFdt(CorruptionKind kind, String field, Optional<ImageFdt> node) implements Corruption {
        @Override
        public Corrupted apply(Corrupted in) {
            String old = in.image().fdt().map(ImageFdt::toString).orElse("none");
            return in.then(in.image().withFdt(node), new Change(kind, -1, field, old, node.map(ImageFdt::toString).orElse("none")));
        }

        @Override
        public String toString() {
            return kind.label() + ": fdt " + field + " := " + node.map(ImageFdt::toString).orElse("none");
        }
    }

    /**
     * {@code count} fresh zeroed blocks of this order preserved above everything in the image and
     * linked after the block at {@code lastPa} (whose next must be 0): the chain grows by count.
     * The last block of the grown chain then points at {@code lastNext} (0: the chain ends there).
     */
    record AppendBlocks(CorruptionKind kind, long lastPa, int count, int order, long lastNext) implements Corruption {
        /** A grown chain that ends at its last block. */
        AppendBlocks(CorruptionKind kind, long lastPa, int count, int order) {
            this(kind, lastPa, count, order, 0);
        }

        @Override
        public Corrupted apply(Corrupted in) {
            HandoverImage img = in.image();
            long size = HandoverImage.folioBytes(order);
            long first = img.freeAddressAbove(order);
            Map<Long, Integer> folios = new TreeMap<>();
            TreeMap<Long, byte[]> writes = new TreeMap<>();
            long prev = lastPa;
            for (int i = 0; i < count; i++) {
                long pa = first + i * size;
                folios.put(pa, order);
                writes.put(prev, ImageFdt.u64(pa));
                prev = pa;
            }
            List<Change> changes = new ArrayList<>();
            changes.add(new Change(kind, lastPa, "next (chain grown by " + count + " zeroed blocks of order " + order + ")",
                    hex(img.u64(lastPa)), count == 0 ? hex(img.u64(lastPa)) : hex(first)));
            if (lastNext != 0) {
                writes.put(prev, ImageFdt.u64(lastNext));
                changes.add(new Change(kind, prev, "next of the chain's last block", count == 0 ? hex(img.u64(prev)) : hex(0), hex(lastNext)));
            }
            return in.then(img.with(folios, writes), changes);
        }

        @Override
        public String toString() {
            return kind.label() + String.format(": %d blocks of order %d appended after 0x%x", count, order, lastPa)
                    + (lastNext == 0 ? "" : String.format(", the last pointing at 0x%x", lastNext));
        }
    }

    static String hex(long v) {
        return String.format("0x%x", v);
    }

    /** Up to 16 bytes as hex, then the length. */
    static String shortHex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(16, b.length); i++) {
            sb.append(String.format("%02x", b[i] & 0xFF));
        }
        return sb + (b.length > 16 ? "..(" + b.length + " bytes)" : "");
    }
}
