package kverify.model.mk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of physical memory: the pages holding a non-zero byte, keyed by page
 * address. Absent pages read as zero, so two snapshots are equal exactly when every address reads
 * the same, however each side stores its pages.
 *
 * <p>Pages are kept as parallel arrays sorted by address. A snapshot never hands out its page
 * arrays and never writes them, so snapshots may share arrays: {@link #of(Map, MemoryImage)}
 * reuses the previous snapshot's array for every page that still reads the same, which makes the
 * comparison of two successive snapshots of one kernel (what the invariants ask after every
 * step) an identity check for each page the step did not write. {@link #ofFrozen} goes further:
 * it keeps the arrays of a copy-on-write memory, so an unchanged page costs no copy and no compare.
 */
public final class MemoryImage {
    public static final MemoryImage EMPTY = new MemoryImage(new long[0], new byte[0][]);

    private final long[] addresses;
    private final byte[][] pages;

    private MemoryImage(long[] addresses, byte[][] pages) {
        this.addresses = addresses;
        this.pages = pages;
    }

    /** Copies the given pages (page address -> PAGE_SIZE bytes), dropping all-zero pages. */
    public static MemoryImage of(Map<Long, byte[]> source) {
        return of(source, EMPTY);
    }

    /**
     * The same snapshot as {@link #of(Map)}; a page that reads as {@code previous} reads at its
     * address shares previous's array instead of being copied.
     */
    public static MemoryImage of(Map<Long, byte[]> source, MemoryImage previous) {
        @SuppressWarnings("unchecked")
        Map.Entry<Long, byte[]>[] entries = source.entrySet().toArray(new Map.Entry[0]);
        for (Map.Entry<Long, byte[]> e : entries) {
            if (e.getValue().length != MkConst.PAGE_SIZE || (e.getKey() & ~MkConst.PAGE_MASK) != 0) {
                throw new IllegalArgumentException("not a page: " + Hex.hex(e.getKey()) + " length " + e.getValue().length);
            }
        }
        if (!(source instanceof java.util.SortedMap<Long, byte[]> sorted && sorted.comparator() == null)) {
            Arrays.sort(entries, Map.Entry.comparingByKey());
        }
        int n = entries.length;
        long[] addresses = new long[n];
        byte[][] out = new byte[n][];
        int kept = 0;
        for (Map.Entry<Long, byte[]> e : entries) {
            long a = e.getKey();
            byte[] p = e.getValue();
            byte[] old = previous.pageOrNull(a);
            if (old != null && Arrays.equals(old, p)) {
                out[kept] = old;
            } else if (!isZero(p)) {
                out[kept] = p.clone();
            } else {
                continue;
            }
            addresses[kept++] = a;
        }
        return kept == n ? new MemoryImage(addresses, out) : new MemoryImage(Arrays.copyOf(addresses, kept), Arrays.copyOf(out, kept));
    }

    /**
     * The same snapshot as {@link #of(Map)} of pages the caller will never write again (a
     * copy-on-write memory hands them out frozen), given as ascending page addresses and their
     * arrays: the arrays are kept, not copied. A page whose array is the one {@code previous}
     * holds at that address is taken as it is, without a look at its bytes; that makes a snapshot
     * after a step cost a check of only the pages the step wrote.
     */
    public static MemoryImage ofFrozen(long[] sortedAddresses, byte[][] frozen, MemoryImage previous) {
        int n = sortedAddresses.length;
        long[] addresses = new long[n];
        byte[][] out = new byte[n][];
        int kept = 0;
        int j = 0;
        for (int i = 0; i < n; i++) {
            long a = sortedAddresses[i];
            byte[] p = frozen[i];
            if (p.length != MkConst.PAGE_SIZE || (a & ~MkConst.PAGE_MASK) != 0 || i > 0 && a <= sortedAddresses[i - 1]) {
                throw new IllegalArgumentException("not a page or not ascending: " + Hex.hex(a) + " length " + p.length);
            }
            while (j < previous.addresses.length && previous.addresses[j] < a) {
                j++;
            }
            boolean same = j < previous.addresses.length && previous.addresses[j] == a && previous.pages[j] == p;
            if (same || !isZero(p)) {
                addresses[kept] = a;
                out[kept++] = p;
            }
        }
        return kept == n ? new MemoryImage(addresses, out) : new MemoryImage(Arrays.copyOf(addresses, kept), Arrays.copyOf(out, kept));
    }

    public int byteAt(long address) {
        byte[] p = pageOrNull(address & MkConst.PAGE_MASK);
        return p == null ? 0 : p[(int) (address & ~MkConst.PAGE_MASK)] & 0xFF;
    }

    /** Page addresses where the two snapshots differ, ascending. */
    public List<Long> differingPages(MemoryImage other) {
        List<Long> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < addresses.length || j < other.addresses.length) {
            if (j == other.addresses.length || i < addresses.length && addresses[i] < other.addresses[j]) {
                out.add(addresses[i++]); // a non-zero page against an absent (zero) one
            } else if (i == addresses.length || other.addresses[j] < addresses[i]) {
                out.add(other.addresses[j++]);
            } else {
                // Both hold the page: a shared array is equal without a look at the bytes.
                if (pages[i] != other.pages[j] && !Arrays.equals(pages[i], other.pages[j])) {
                    out.add(addresses[i]);
                }
                i++;
                j++;
            }
        }
        return out;
    }

    /** First differing byte address, or -1. */
    public long firstDifference(MemoryImage other) {
        for (long page : differingPages(other)) {
            byte[] a = page(page);
            byte[] b = other.page(page);
            return page + Arrays.mismatch(a, b);
        }
        return -1;
    }

    /** 16 bytes per line from the 16-byte aligned address at or below {@code address}. */
    public String hexDump(long address, int lines) {
        StringBuilder sb = new StringBuilder();
        long start = address & ~15L;
        for (int l = 0; l < lines; l++) {
            String address16 = Long.toHexString(start + 16L * l);
            sb.append("0".repeat(16 - address16.length())).append(address16).append(':');
            for (int i = 0; i < 16; i++) {
                int b = byteAt(start + 16L * l + i);
                sb.append(' ').append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 15, 16));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public int nonZeroPages() {
        return pages.length;
    }

    private byte[] pageOrNull(long address) {
        int i = Arrays.binarySearch(addresses, address);
        return i < 0 ? null : pages[i];
    }

    private byte[] page(long address) {
        byte[] p = pageOrNull(address);
        return p == null ? new byte[(int) MkConst.PAGE_SIZE] : p;
    }

    private static boolean isZero(byte[] p) {
        for (byte b : p) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MemoryImage m) || !Arrays.equals(addresses, m.addresses)) {
            return false;
        }
        for (int i = 0; i < pages.length; i++) {
            if (pages[i] != m.pages[i] && !Arrays.equals(pages[i], m.pages[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < pages.length; i++) {
            h = 31 * h + Long.hashCode(addresses[i]) * 17 + Arrays.hashCode(pages[i]);
        }
        return h;
    }

    @Override
    public String toString() {
        return pages.length + " non-zero pages " + Arrays.stream(addresses).mapToObj(Hex::hex).toList();
    }
}
