package kverify.properties.luo.corrupt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kverify.model.luo.image.HandoverImage;
import kverify.model.luo.image.ImageFdt;
import kverify.model.luo.image.ImageSubtree;

/**
 * One named corruption as data: a small pure function from an image to a changed image plus the
 * record of what it changed. The generators ({@link CorruptionKind}) decide the kind and the
 * parameters from the valid image's structure; these four shapes do the writing.
 */
public sealed interface Corruption permits Corruption.WriteU64, Corruption.WriteBytes, Corruption.SetFdt,
        Corruption.SetSubtree, Corruption.AppendBlocks {

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
            return kind.label() + ": " + field + " at " + hex(address) + " := " + hex(value);
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
            return kind.label() + ": " + field + " at " + hex(address) + " := " + shortHex(bytes);
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

    /** v7's "LUO" subtree entry replaced (or removed when empty). */
    record SetSubtree(CorruptionKind kind, String field, Optional<ImageSubtree> subtree) implements Corruption {
        @Override
        public Corrupted apply(Corrupted in) {
            String old = in.image().subtree().map(Object::toString).orElse("none");
            return in.then(in.image().withSubtree(subtree), new Change(kind, -1, field, old, subtree.map(Object::toString).orElse("none")));
        }

        @Override
        public String toString() {
            return kind.label() + ": " + field + " := " + subtree.map(Object::toString).orElse("none");
        }
    }

    /**
     * {@code count} fresh blocks of this order preserved above everything in the image and linked
     * after the block at {@code lastPa} (whose next must be 0): the chain grows by count. v1's are
     * zeroed (count 0 is an empty block to v1). For v7, which refuses a count of 0 (U8), each holds
     * one valid entry ({@code filled}): a session "limit-N" without files, or a file of TEST_A with
     * token LIMIT_TOKEN + N; for a file chain the owning file set's count at {@code fileSetPa} grows
     * by count too, so a chain at the limit is a valid handover and only the limit is tested. The
     * last block of the grown chain then points at {@code lastNext} (0: the chain ends there).
     */
    record AppendBlocks(CorruptionKind kind, long lastPa, int count, int order, boolean filled, boolean sessionChain,
            long fileSetPa, long lastNext) implements Corruption {
        static final long LIMIT_TOKEN = 0x7f000000L;

        /** v1's zeroed blocks, the grown chain ending at its last block. */
        AppendBlocks(CorruptionKind kind, long lastPa, int count, int order) {
            this(kind, lastPa, count, order, false, true, -1, 0);
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
                if (filled) {
                    writes.put(pa + 8, ImageFdt.u64(1));
                    writes.put(pa + 16, entry(i));
                }
                prev = pa;
            }
            List<Change> changes = new ArrayList<>();
            changes.add(new Change(kind, lastPa, "next (chain grown by " + count + (filled ? " one-entry" : " zeroed") + " blocks of order "
                    + order + ")", hex(img.u64(lastPa)), count == 0 ? hex(img.u64(lastPa)) : hex(first)));
            if (filled && !sessionChain && count > 0) {
                long stored = img.u64(fileSetPa + 8);
                writes.put(fileSetPa + 8, ImageFdt.u64(stored + count));
                changes.add(new Change(kind, fileSetPa + 8, "luo_file_set_ser.count (the appended files)", hex(stored), hex(stored + count)));
            }
            if (lastNext != 0) {
                writes.put(prev, ImageFdt.u64(lastNext));
                changes.add(new Change(kind, prev, "next of the chain's last block", count == 0 ? hex(img.u64(prev)) : hex(0), hex(lastNext)));
            }
            return in.then(img.with(folios, writes), changes);
        }

        /** One session entry (name, no files) or one file entry (compatible, data 0, token). */
        private byte[] entry(int i) {
            if (sessionChain) {
                return java.util.Arrays.copyOf(("limit-" + i).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 80);
            }
            byte[] e = java.util.Arrays.copyOf(kverify.model.luo.HandlerKind.TEST_A.compatible()
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 64);
            System.arraycopy(ImageFdt.u64(LIMIT_TOKEN + i), 0, e, 56, 8);
            return e;
        }

        @Override
        public String toString() {
            return kind.label() + ": " + count + " " + (filled ? "one-entry" : "zeroed") + " blocks of order " + order + " appended after "
                    + hex(lastPa) + (lastNext == 0 ? "" : ", the last pointing at " + hex(lastNext));
        }
    }

    /** As {@code %x} prints it: unsigned, lower case (written per case, so without a Formatter). */
    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** Up to 16 bytes as hex, then the length. */
    static String shortHex(byte[] b) {
        String digits = "0123456789abcdef";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(16, b.length); i++) {
            sb.append(digits.charAt((b[i] >> 4) & 0xF)).append(digits.charAt(b[i] & 0xF));
        }
        return sb + (b.length > 16 ? "..(" + b.length + " bytes)" : "");
    }
}
