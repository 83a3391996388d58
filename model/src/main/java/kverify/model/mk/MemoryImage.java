package kverify.model.mk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable snapshot of physical memory: the pages holding a non-zero byte, keyed by page
 * address. Absent pages read as zero, so two snapshots are equal exactly when every address reads
 * the same, however each side stores its pages.
 */
public final class MemoryImage {
    private final SortedMap<Long, byte[]> pages;

    private MemoryImage(SortedMap<Long, byte[]> pages) {
        this.pages = pages;
    }

    /** Copies the given pages (page address -> PAGE_SIZE bytes), dropping all-zero pages. */
    public static MemoryImage of(Map<Long, byte[]> source) {
        SortedMap<Long, byte[]> out = new TreeMap<>();
        for (Map.Entry<Long, byte[]> e : source.entrySet()) {
            byte[] p = e.getValue();
            if (p.length != MkConst.PAGE_SIZE || (e.getKey() & ~MkConst.PAGE_MASK) != 0) {
                throw new IllegalArgumentException("not a page: " + Hex.hex(e.getKey()) + " length " + p.length);
            }
            if (!isZero(p)) {
                out.put(e.getKey(), p.clone());
            }
        }
        return new MemoryImage(Collections.unmodifiableSortedMap(out));
    }

    public int byteAt(long address) {
        byte[] p = pages.get(address & MkConst.PAGE_MASK);
        return p == null ? 0 : p[(int) (address & ~MkConst.PAGE_MASK)] & 0xFF;
    }

    /** Page addresses where the two snapshots differ, ascending. */
    public List<Long> differingPages(MemoryImage other) {
        TreeSet<Long> all = new TreeSet<>(pages.keySet());
        all.addAll(other.pages.keySet());
        List<Long> out = new ArrayList<>();
        for (long a : all) {
            if (!Arrays.equals(page(a), other.page(a))) {
                out.add(a);
            }
        }
        return out;
    }

    /** First differing byte address, or -1. */
    public long firstDifference(MemoryImage other) {
        for (long page : differingPages(other)) {
            byte[] a = page(page);
            byte[] b = other.page(page);
            for (int i = 0; i < a.length; i++) {
                if (a[i] != b[i]) {
                    return page + i;
                }
            }
        }
        return -1;
    }

    /** 16 bytes per line from the 16-byte aligned address at or below {@code address}. */
    public String hexDump(long address, int lines) {
        StringBuilder sb = new StringBuilder();
        long start = address & ~15L;
        for (int l = 0; l < lines; l++) {
            sb.append(String.format("%016x:", start + 16L * l));
            for (int i = 0; i < 16; i++) {
                sb.append(String.format(" %02x", byteAt(start + 16L * l + i)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public int nonZeroPages() {
        return pages.size();
    }

    private byte[] page(long address) {
        byte[] p = pages.get(address);
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
        if (!(o instanceof MemoryImage m) || !pages.keySet().equals(m.pages.keySet())) {
            return false;
        }
        for (Map.Entry<Long, byte[]> e : pages.entrySet()) {
            if (!Arrays.equals(e.getValue(), m.pages.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Map.Entry<Long, byte[]> e : pages.entrySet()) {
            h = 31 * h + Long.hashCode(e.getKey()) * 17 + Arrays.hashCode(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        return pages.size() + " non-zero pages " + pages.keySet().stream().map(Hex::hex).toList();
    }
}
