package kverify.model.luo.image;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import kverify.model.luo.LuoGeometry;

/**
 * Everything one live update hands to the next kernel, as a value: the geometry both kernels
 * were built with, the RAM size, the LUO session FDT node (or none), the KHO preserved set
 * (folio head address to order) and the contents of physical memory (4 KiB pages; a page not
 * listed reads as zero). Immutable: each {@code with*} returns a copy, sharing untouched pages.
 *
 * <p>Invariants, checked on construction: RAM is a whole number of pages; every preserved folio
 * is naturally aligned to its order, lies inside RAM and overlaps no other; every page is page
 * aligned, inside RAM, 4096 bytes, and not all zero (zero pages are dropped, so equal memories
 * give equal images).
 */
public final class HandoverImage {
    public static final int PAGE_SIZE = 4096;
    public static final int MAX_ORDER = 10;

    private final ImageVersion version;
    private final String khoCompatible;
    private final LuoGeometry geometry;
    private final long ramBytes;
    private final Optional<ImageFdt> fdt;
    private final Optional<ImageSubtree> subtree;
    private final TreeMap<Long, Integer> preserved;
    private final TreeMap<Long, byte[]> pages;

    /** A v1 handover: the session FDT node (or none), with v1's KHO root compatible. */
    public HandoverImage(LuoGeometry geometry, long ramBytes, Optional<ImageFdt> fdt, Map<Long, Integer> preserved,
            Map<Long, byte[]> pages) {
        this(ImageVersion.V1, ImageVersion.V1.khoCompatible(), geometry, ramBytes, fdt, Optional.empty(), preserved, pages, true);
    }

    /** A v7 handover: the "LUO" subtree (or none), with v7's KHO root compatible. */
    public static HandoverImage v7(LuoGeometry geometry, long ramBytes, Optional<ImageSubtree> subtree, Map<Long, Integer> preserved,
            Map<Long, byte[]> pages) {
        return new HandoverImage(ImageVersion.V7, ImageVersion.V7.khoCompatible(), geometry, ramBytes, Optional.empty(), subtree,
                preserved, pages, true);
    }

    /**
     * Copies share page arrays they do not change; only the public constructors clone the caller's.
     * A v1 image has no subtree and a v7 image no FDT node: each version's kernel writes only its own root.
     */
    private HandoverImage(ImageVersion version, String khoCompatible, LuoGeometry geometry, long ramBytes, Optional<ImageFdt> fdt,
            Optional<ImageSubtree> subtree, Map<Long, Integer> preserved, Map<Long, byte[]> pages, boolean clone) {
        this.version = Objects.requireNonNull(version, "version");
        this.khoCompatible = Objects.requireNonNull(khoCompatible, "khoCompatible");
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.ramBytes = ramBytes;
        this.fdt = Objects.requireNonNull(fdt, "fdt");
        this.subtree = Objects.requireNonNull(subtree, "subtree");
        this.preserved = new TreeMap<>(preserved);
        if (clone) {
            this.pages = new TreeMap<>();
            pages.forEach((pa, bytes) -> {
                if (!isZero(bytes)) {
                    this.pages.put(pa, bytes.clone());
                }
            });
        } else {
            // A copy's pages come from an image (never zero, never written after construction) or from with(),
            // which drops the pages its writes zeroed; the map is never changed, so copies may share it.
            this.pages = pages instanceof TreeMap<Long, byte[]> t ? t : new TreeMap<>(pages);
        }
        check();
    }

    private void check() {
        require(ramBytes > 0 && ramBytes % PAGE_SIZE == 0, "ram=0x%x is a positive whole number of pages", ramBytes);
        require(version == ImageVersion.V1 ? subtree.isEmpty() : fdt.isEmpty(), "a %s handover has only a %s root", version.label(),
                version == ImageVersion.V1 ? "session FDT node" : "LUO subtree");
        long end = 0;
        for (Map.Entry<Long, Integer> f : preserved.entrySet()) {
            long pa = f.getKey();
            int order = f.getValue();
            // Conditions tested before require(...) so a valid image boxes no arguments (every copy runs this check).
            if (!(order >= 0 && order <= MAX_ORDER)) {
                require(false, "folio 0x%x: order=%d within [0, 10]", pa, order);
            }
            if (pa < end) {
                require(false, "folio 0x%x overlaps the folio before it", pa);
            }
            if (!(pa % folioBytes(order) == 0 && inRam(pa, folioBytes(order)))) {
                require(false, "folio 0x%x of order %d is aligned to its size and inside RAM", pa, order);
            }
            end = pa + folioBytes(order);
        }
        for (Map.Entry<Long, byte[]> p : pages.entrySet()) {
            long pa = p.getKey();
            if (!(pa % PAGE_SIZE == 0 && inRam(pa, PAGE_SIZE) && p.getValue().length == PAGE_SIZE)) {
                require(false, "page 0x%x is an aligned 4096-byte page inside RAM", pa);
            }
        }
    }

    private static void require(boolean ok, String format, Object... args) {
        if (!ok) {
            throw new IllegalArgumentException("bad handover image: " + String.format(format, args));
        }
    }

    public static long folioBytes(int order) {
        return (long) PAGE_SIZE << order;
    }

    /** get_order(bytes): the smallest order whose folio holds that many bytes. */
    public static int orderOf(long bytes) {
        int order = 0;
        while (folioBytes(order) < bytes) {
            order++;
        }
        return order;
    }

    public ImageVersion version() {
        return version;
    }

    /** The KHO root compatible the outgoing kernel wrote (its version's, unless a property says otherwise). */
    public String khoCompatible() {
        return khoCompatible;
    }

    /** v7: the "LUO" subtree entry (PA and length of the luo_ser); always empty for v1. */
    public Optional<ImageSubtree> subtree() {
        return subtree;
    }

    public LuoGeometry geometry() {
        return geometry;
    }

    public long ramBytes() {
        return ramBytes;
    }

    public Optional<ImageFdt> fdt() {
        return fdt;
    }

    public SortedMap<Long, Integer> preserved() {
        return Collections.unmodifiableSortedMap(preserved);
    }

    /** Page address to a copy of its 4096 bytes, ascending; all-zero pages are absent. */
    public SortedMap<Long, byte[]> pages() {
        TreeMap<Long, byte[]> out = new TreeMap<>();
        pages.forEach((pa, b) -> out.put(pa, b.clone()));
        return out;
    }

    /** Receives an image's pages without a copy (see {@link #sharePages}). */
    @FunctionalInterface
    public interface SharedPage {
        void accept(long pa, byte[] page);
    }

    /**
     * Each page ascending, as its own array and not a copy: an image never writes a page array
     * after construction, and the receiver must not either (it may keep it, copying on write),
     * for a boot on the image that copies only what it writes.
     */
    public void sharePages(SharedPage to) {
        pages.forEach(to::accept);
    }

    /** The addresses of the pages() entries, ascending, without copying their bytes. */
    public java.util.SortedSet<Long> pageAddresses() {
        return Collections.unmodifiableSortedSet(pages.navigableKeySet());
    }

    /** Overflow-safe: true if [pa, pa+length) lies inside RAM. */
    public boolean inRam(long pa, long length) {
        return pa >= 0 && length >= 0 && pa <= ramBytes && length <= ramBytes - pa;
    }

    /** True if a preserved folio of exactly this order starts at pa. */
    public boolean isFolio(long pa, int order) {
        Integer o = preserved.get(pa);
        return o != null && o == order;
    }

    /** True if the page at this page-aligned address lies inside some preserved folio. */
    public boolean isPreservedPage(long pageAddress) {
        Map.Entry<Long, Integer> f = preserved.floorEntry(pageAddress);
        return f != null && pageAddress < f.getKey() + folioBytes(f.getValue());
    }

    public long preservedBytes() {
        long n = 0;
        for (int order : preserved.values()) {
            n += folioBytes(order);
        }
        return n;
    }

    /** Little-endian u64 at pa; the range must be inside RAM. */
    public long u64(long pa) {
        byte[] b = bytes(pa, 8);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xFFL);
        }
        return v;
    }

    /** length bytes from pa; the range must be inside RAM. */
    public byte[] bytes(long pa, int length) {
        if (!inRam(pa, length)) {
            require(false, "read of %d bytes at 0x%x is inside RAM", length, pa);
        }
        byte[] out = new byte[length];
        // Page by page (not byte by byte): one map lookup per page touched; absent pages read as zero.
        for (int done = 0; done < length;) {
            long a = pa + done;
            long page = a - a % PAGE_SIZE;
            int offset = (int) (a - page);
            int n = Math.min(length - done, PAGE_SIZE - offset);
            byte[] bytes = pages.get(page);
            if (bytes != null) {
                System.arraycopy(bytes, offset, out, done, n);
            }
            done += n;
        }
        return out;
    }

    public HandoverImage withBytes(long pa, byte[] data) {
        return with(Map.of(), new TreeMap<>(Map.of(pa, data)));
    }

    /**
     * A copy with more preserved folios and byte writes (address to bytes, applied in address
     * order) in one step, so building a long chain costs one copy, not one per block.
     */
    public HandoverImage with(Map<Long, Integer> moreFolios, SortedMap<Long, byte[]> writes) {
        TreeMap<Long, byte[]> copy = new TreeMap<>(pages);
        TreeMap<Long, byte[]> cloned = new TreeMap<>();
        writes.forEach((pa, data) -> {
            if (!inRam(pa, data.length)) {
                require(false, "write of %d bytes at 0x%x is inside RAM", data.length, pa);
            }
            // Page by page: each touched page is cloned once (or created), then the write's slice copied in.
            for (int done = 0; done < data.length;) {
                long a = pa + done;
                long page = a - a % PAGE_SIZE;
                int offset = (int) (a - page);
                int n = Math.min(data.length - done, PAGE_SIZE - offset);
                byte[] p = cloned.computeIfAbsent(page, k -> copy.containsKey(k) ? copy.get(k).clone() : new byte[PAGE_SIZE]);
                System.arraycopy(data, done, p, offset, n);
                done += n;
            }
        });
        cloned.forEach((page, bytes) -> {
            if (isZero(bytes)) {
                copy.remove(page);
            } else {
                copy.put(page, bytes);
            }
        });
        TreeMap<Long, Integer> folios = new TreeMap<>(preserved);
        folios.putAll(moreFolios);
        return new HandoverImage(version, khoCompatible, geometry, ramBytes, fdt, subtree, folios, copy, false);
    }

    public HandoverImage withU64(long pa, long value) {
        return withBytes(pa, ImageFdt.u64(value));
    }

    public HandoverImage withFdt(Optional<ImageFdt> newFdt) {
        return new HandoverImage(version, khoCompatible, geometry, ramBytes, newFdt, subtree, preserved, pages, false);
    }

    public HandoverImage withSubtree(Optional<ImageSubtree> newSubtree) {
        return new HandoverImage(version, khoCompatible, geometry, ramBytes, fdt, newSubtree, preserved, pages, false);
    }

    /** The same handover under another KHO root compatible (cross-version properties: "if KHO matched"). */
    public HandoverImage withKhoCompatible(String compatible) {
        return new HandoverImage(version, compatible, geometry, ramBytes, fdt, subtree, preserved, pages, false);
    }

    /** The lowest address above every preserved folio and every page, aligned for this order. */
    public long freeAddressAbove(int order) {
        long top = PAGE_SIZE;
        if (!preserved.isEmpty()) {
            top = Math.max(top, preserved.lastKey() + folioBytes(preserved.lastEntry().getValue()));
        }
        if (!pages.isEmpty()) {
            top = Math.max(top, pages.lastKey() + PAGE_SIZE);
        }
        long size = folioBytes(order);
        return (top + size - 1) / size * size;
    }

    private static boolean isZero(byte[] page) {
        for (byte b : page) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HandoverImage other) || version != other.version || !khoCompatible.equals(other.khoCompatible)
                || !geometry.equals(other.geometry) || ramBytes != other.ramBytes
                || !fdt.equals(other.fdt) || !subtree.equals(other.subtree) || !preserved.equals(other.preserved) || !pages.keySet().equals(other.pages.keySet())) {
            return false;
        }
        return pages.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.pages.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return Objects.hash(geometry, ramBytes, preserved, pages.keySet());
    }

    @Override
    public String toString() {
        String root = version == ImageVersion.V1 ? fdt.map(ImageFdt::toString).orElse("no FDT node")
                : subtree.map(t -> String.format("subtree %s at 0x%x, %d bytes", t.name(), t.pa(), t.length())).orElse("no LUO subtree");
        return String.format("handover image (LUO %s, %s, RAM 0x%x, %s, %d preserved folios, %d pages)", version.label(), geometry.label(),
                ramBytes, root, preserved.size(), pages.size());
    }
}
