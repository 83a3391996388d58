package kverify.impl.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sparse simulated physical memory: 4 KiB pages allocated on first write, reading as zero until
 * then (a bulk write over whole fresh 256 KiB chunks allocates one slab per chunk instead, see
 * PageMap; what is stored and read is the same). Every multi-byte access is explicitly
 * little-endian (x86_64) and bounds-checked against the RAM ranges; an access outside RAM throws
 * {@link PhysicalMemoryFault}. Reads can be tracked (pages and bytes) so properties can state
 * which memory a decoder looked at and how much work it did. This is the only class that touches
 * the backing storage.
 */
public final class PhysicalMemory {
    public static final int PAGE_SHIFT = 12;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    public static final long PAGE_MASK = ~((long) PAGE_SIZE - 1);
    /**
     * The little-endian accessors of a value inside one page (x86_64 byte order, whatever the
     * host's); a value that crosses a page boundary is assembled byte by byte.
     */
    private static final java.lang.invoke.VarHandle LE_U64 =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle LE_U32 =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** What a page never written reads as; never written. */
    private static final byte[] ZERO_PAGE = new byte[PAGE_SIZE];

    private final List<RamRange> ram;
    // The first range (null: none), checked before the list: memories here have one RAM range, and every read checks.
    private final RamRange firstRam;
    // Keyed by page frame number. Iteration order never reaches output: pages() sorts.
    private final PageMap pages = new PageMap();
    private long cachedPfn = -1;
    /** The array holding cachedPfn's page (its own, or a slab: see PageMap) and where the page starts in it. */
    private byte[] cachedPage;
    private int cachedBase;
    /** True when cachedPage is a page this memory may write in place. */
    private boolean cachedWritable;
    /** The page numbers ascending; null after a page was added. */
    private long[] sortedPfns;

    // Copy-on-write. Once freeze() or copy() has handed the arrays out, a page is written in place
    // only if it was created or copied since; any other page is copied first, so an array a
    // snapshot holds never changes. Until the first hand-out every page is written in place.
    private boolean sharing;
    private final java.util.HashSet<Long> ownSinceFreeze = new java.util.HashSet<>();

    private boolean trackingReads;
    private final TreeSet<Long> pagesRead = new TreeSet<>();
    // Pages known to be in pagesRead, direct-mapped by their low bits (-1: none): most reads stay in a few pages (a
    // chain walk alternates between its blocks' pages), and adding one again would change nothing.
    private final long[] recentPagesRead = new long[RECENT_PAGES];
    private static final int RECENT_PAGES = 16;
    private long bytesRead;

    public PhysicalMemory(List<RamRange> ram) {
        for (RamRange r : ram) {
            if ((r.start() & ~PAGE_MASK) != 0 || (r.end() & ~PAGE_MASK) != 0) {
                throw new IllegalArgumentException("RAM range not page aligned: " + r);
            }
        }
        this.ram = List.copyOf(ram);
        this.firstRam = ram.isEmpty() ? null : ram.get(0);
        Arrays.fill(recentPagesRead, -1);
    }

    /** One RAM range [0, bytes). */
    public static PhysicalMemory ofSize(long bytes) {
        return new PhysicalMemory(List.of(new RamRange(0, bytes)));
    }

    public List<RamRange> ram() {
        return ram;
    }

    /** True if every byte of [address, address+length) is RAM (length 0 counts as inside). */
    public boolean isRam(long address, long length) {
        if (firstRam != null && firstRam.contains(address, length)) {
            return true;
        }
        for (RamRange r : ram) {
            if (r.contains(address, length)) {
                return true;
            }
        }
        return false;
    }

    public long readU64(long address) {
        checkRead(address, 8);
        int inPage = (int) (address & ~PAGE_MASK);
        if (inPage <= PAGE_SIZE - 8) {
            byte[] page = pageOrNull(address >>> PAGE_SHIFT);
            return page == null ? 0 : (long) LE_U64.get(page, cachedBase + inPage);
        }
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (byteAt(address + i) & 0xFFL);
        }
        return v;
    }

    public void writeU64(long address, long value) {
        checkWrite(address, 8);
        int inPage = (int) (address & ~PAGE_MASK);
        if (inPage <= PAGE_SIZE - 8) {
            LE_U64.set(pageForWrite(address >>> PAGE_SHIFT), cachedBase + inPage, value);
            return;
        }
        for (int i = 0; i < 8; i++) {
            putByte(address + i, (byte) (value >>> (8 * i)));
        }
    }

    /** Unsigned 32-bit read, returned in a long. */
    public long readU32(long address) {
        checkRead(address, 4);
        int inPage = (int) (address & ~PAGE_MASK);
        if (inPage <= PAGE_SIZE - 4) {
            byte[] page = pageOrNull(address >>> PAGE_SHIFT);
            return page == null ? 0 : Integer.toUnsignedLong((int) LE_U32.get(page, cachedBase + inPage));
        }
        long v = 0;
        for (int i = 3; i >= 0; i--) {
            v = (v << 8) | (byteAt(address + i) & 0xFFL);
        }
        return v;
    }

    public void writeU32(long address, long value) {
        checkWrite(address, 4);
        int inPage = (int) (address & ~PAGE_MASK);
        if (inPage <= PAGE_SIZE - 4) {
            LE_U32.set(pageForWrite(address >>> PAGE_SHIFT), cachedBase + inPage, (int) value);
            return;
        }
        for (int i = 0; i < 4; i++) {
            putByte(address + i, (byte) (value >>> (8 * i)));
        }
    }

    public int readU8(long address) {
        checkRead(address, 1);
        return byteAt(address) & 0xFF;
    }

    public void writeU8(long address, int value) {
        checkWrite(address, 1);
        putByte(address, (byte) value);
    }

    /** Copies length bytes starting at address into dst[offset..]; page-sized chunks, not bytewise. */
    public void read(long address, byte[] dst, int offset, int length) {
        checkRead(address, length);
        int done = 0;
        while (done < length) {
            long a = address + done;
            int inPage = (int) (a & ~PAGE_MASK);
            int chunk = Math.min(length - done, PAGE_SIZE - inPage);
            byte[] page = pageOrNull(a >>> PAGE_SHIFT);
            if (page == null) {
                Arrays.fill(dst, offset + done, offset + done + chunk, (byte) 0);
            } else {
                System.arraycopy(page, cachedBase + inPage, dst, offset + done, chunk);
            }
            done += chunk;
        }
    }

    public byte[] read(long address, int length) {
        byte[] out = new byte[length];
        read(address, out, 0, length);
        return out;
    }

    /**
     * Writes src[offset..offset+length) at address, in page-sized chunks, a run inside a slab at
     * once. It makes no slabs: copied into fresh memory, 64 MiB took about 1.2x as long into
     * slabs as into separate pages (each zeroed in the cache just before its copy; the ByteSource
     * write's pattern, computed rather than copied, gains from the slabs instead).
     */
    public void write(long address, byte[] src, int offset, int length) {
        checkWrite(address, length);
        writeRuns(address, length, (from, dst, at, n) -> System.arraycopy(src, offset + (int) from, dst, at, n), false);
    }

    /** Bytes made where they are stored: fills dst[offset, offset+length) with the source's bytes from position {@code from}. */
    @FunctionalInterface
    public interface ByteSource {
        void fill(long from, byte[] dst, int offset, int length);
    }

    /**
     * Writes the source's first {@code length} bytes at address, generated straight into the
     * pages (no intermediate array: a 64 MiB segment would otherwise be made, then copied). A run
     * covering a whole 256 KiB chunk of pages none of which exists yet gets one slab for them
     * (PageMap), and a run inside a slab is one call of the source, not one per page: a fresh
     * 64 MiB segment is 256 allocations and 256 calls instead of 16,384 of each.
     */
    public void write(long address, long length, ByteSource source) {
        checkWrite(address, length);
        writeRuns(address, length, source, true);
    }

    /** The source's bytes page by page, a run inside a slab at once; new slabs for whole fresh chunks if asked. */
    private void writeRuns(long address, long length, ByteSource source, boolean slabsForFreshChunks) {
        long done = 0;
        while (done < length) {
            long a = address + done;
            long pfn = a >>> PAGE_SHIFT;
            int inPage = (int) (a & ~PAGE_MASK);
            if (slabsForFreshChunks && inPage == 0 && length - done >= PageMap.SLAB_BYTES && pages.addSlab(pfn) != null) {
                sortedPfns = null;
                cachedPfn = -1; // the cache may hold a miss for a frame the slab now binds
            }
            byte[] page = pageForWrite(pfn);
            int at = cachedBase + inPage;
            // To the end of the page, or of the slab's run of pages (a slab is the only array longer than a page).
            int chunk = (int) Math.min(length - done, page.length - at);
            source.fill(done, page, at, chunk);
            done += chunk;
        }
    }

    /** One page's part of a range: bytes [inPage, inPage + chunk) of page pfn, {@code done} bytes into the range. */
    @FunctionalInterface
    private interface PagePart {
        void at(long pfn, int inPage, int chunk, long done);
    }

    /** Visits [address, address+length) page by page, in ascending order. */
    private static void inPages(long address, long length, PagePart part) {
        long done = 0;
        while (done < length) {
            long a = address + done;
            int inPage = (int) (a & ~PAGE_MASK);
            int chunk = (int) Math.min(length - done, PAGE_SIZE - inPage);
            part.at(a >>> PAGE_SHIFT, inPage, chunk, done);
            done += chunk;
        }
    }

    /** Sets [address, address+length) to value; zero-filling an untouched page allocates nothing. */
    public void fill(long address, long length, byte value) {
        checkWrite(address, length);
        inPages(address, length, (pfn, inPage, chunk, done) -> {
            byte[] page = value == 0 && pageOrNull(pfn) == null ? null : pageForWrite(pfn);
            if (page != null) {
                Arrays.fill(page, cachedBase + inPage, cachedBase + inPage + chunk, value);
            }
        });
    }

    /** Starts (and resets) read tracking. */
    public void startTrackingReads() {
        trackingReads = true;
        pagesRead.clear();
        Arrays.fill(recentPagesRead, -1);
        bytesRead = 0;
    }

    public void stopTrackingReads() {
        trackingReads = false;
    }

    /** Page-aligned physical addresses of the pages read since tracking started, ascending. */
    public List<Long> pagesRead() {
        List<Long> out = new ArrayList<>(pagesRead.size());
        for (long pfn : pagesRead) {
            out.add(pfn << PAGE_SHIFT);
        }
        return out;
    }

    public long bytesRead() {
        return bytesRead;
    }

    /** Copies of every page ever written, keyed by page address, ascending; for images and diffs. */
    public SortedMap<Long, byte[]> pages() {
        SortedMap<Long, byte[]> out = new TreeMap<>();
        for (long pfn : pages.pfns()) {
            out.put(pfn << PAGE_SHIFT, pageCopy(pfn));
        }
        return out;
    }

    /** Pages by ascending address and their arrays, which are never written again (see {@link #freeze}). */
    public record Frozen(long[] addresses, byte[][] pages) {
    }

    /**
     * Every page ever written, ascending, without a copy: the arrays are frozen, so the next
     * write to any of them writes a copy instead (copy-on-write). A snapshot after every step
     * thereby costs a copy of only the pages the step wrote.
     */
    public Frozen freeze() {
        splitSlabs();
        long[] pfns = sortedPfns();
        long[] addresses = new long[pfns.length];
        byte[][] arrays = new byte[pfns.length][];
        for (int i = 0; i < pfns.length; i++) {
            addresses[i] = pfns[i] << PAGE_SHIFT;
            arrays[i] = pages.get(pfns[i]);
        }
        shareAll();
        return new Frozen(addresses, arrays);
    }

    /**
     * A memory of one RAM range [0, bytes) holding the given pages (page-aligned addresses inside
     * RAM, 4096-byte arrays) without a copy: the arrays belong to their giver, who never writes
     * them, and this memory never writes them either (copy-on-write, as after {@link #freeze}).
     * Booting a next kernel on an image thereby copies only the pages it writes.
     */
    public static PhysicalMemory sharing(long bytes, long[] addresses, byte[][] arrays) {
        PhysicalMemory m = ofSize(bytes);
        for (int i = 0; i < addresses.length; i++) {
            long pa = addresses[i];
            if ((pa & ~PAGE_MASK) != 0 || !m.isRam(pa, PAGE_SIZE) || arrays[i].length != PAGE_SIZE) {
                throw new IllegalArgumentException(String.format("shared page 0x%x: an aligned 4096-byte page inside RAM", pa));
            }
            m.pages.put(pa >>> PAGE_SHIFT, arrays[i]);
        }
        m.shareAll();
        return m;
    }

    /** A memory with the same RAM and contents; the two share page arrays until either writes one. */
    public PhysicalMemory copy() {
        splitSlabs();
        PhysicalMemory c = new PhysicalMemory(ram);
        c.pages.putAll(pages);
        c.sortedPfns = sortedPfns;
        shareAll();
        c.sharing = true;
        return c;
    }

    /** Slabs hold pages in place and are never shared: before arrays are handed out, each page gets its own. */
    private void splitSlabs() {
        if (pages.hasSlabs()) {
            pages.splitSlabs();
            cachedPfn = -1;
        }
    }

    private void shareAll() {
        sharing = true;
        ownSinceFreeze.clear();
        cachedWritable = false;
    }

    private long[] sortedPfns() {
        if (sortedPfns == null) {
            long[] pfns = pages.pfns();
            Arrays.sort(pfns);
            sortedPfns = pfns;
        }
        return sortedPfns;
    }

    /** True if both memories have the same RAM and read the same at every address. */
    public boolean contentEquals(PhysicalMemory other) {
        if (!ram.equals(other.ram)) {
            return false;
        }
        for (long pfn : pfnsOfEither(other)) {
            if (!samePage(pfn, other)) {
                return false;
            }
        }
        return true;
    }

    /** Page-aligned address of the first page where the two memories differ, or -1. */
    public long firstDifference(PhysicalMemory other) {
        for (long pfn : pfnsOfEither(other)) {
            if (!samePage(pfn, other)) {
                return pfn << PAGE_SHIFT;
            }
        }
        return -1;
    }

    /** Classic 16-bytes-per-line hex dump of [address, address+length), for failure reports. */
    public String hexDump(long address, int length) {
        StringBuilder sb = new StringBuilder();
        for (int line = 0; line < length; line += 16) {
            sb.append(String.format("%016x:", address + line));
            for (int i = line; i < Math.min(line + 16, length); i++) {
                long a = address + i;
                sb.append(String.format(" %02x", isRam(a, 1) ? byteAt(a) & 0xFF : 0));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The frames written in this memory or the other, ascending. */
    private TreeSet<Long> pfnsOfEither(PhysicalMemory other) {
        TreeSet<Long> pfns = new TreeSet<>();
        for (long pfn : pages.pfns()) {
            pfns.add(pfn);
        }
        for (long pfn : other.pages.pfns()) {
            pfns.add(pfn);
        }
        return pfns;
    }

    /** True if the page reads the same here and in the other memory (a page never written reads as zeros). */
    private boolean samePage(long pfn, PhysicalMemory other) {
        byte[] mine = pages.get(pfn);
        byte[] theirs = other.pages.get(pfn);
        int myBase = mine == null ? 0 : pages.offset(pfn);
        int theirBase = theirs == null ? 0 : other.pages.offset(pfn);
        return Arrays.equals(mine == null ? ZERO_PAGE : mine, myBase, myBase + PAGE_SIZE,
                theirs == null ? ZERO_PAGE : theirs, theirBase, theirBase + PAGE_SIZE);
    }

    /** A copy of the bytes of a page that exists. */
    private byte[] pageCopy(long pfn) {
        int base = pages.offset(pfn);
        return Arrays.copyOfRange(pages.get(pfn), base, base + PAGE_SIZE);
    }

    private void checkRead(long address, long length) {
        if (!isRam(address, length)) {
            throw new PhysicalMemoryFault(address, length, false);
        }
        if (trackingReads && length > 0) {
            bytesRead += length;
            for (long pfn = address >>> PAGE_SHIFT; pfn <= (address + length - 1) >>> PAGE_SHIFT; pfn++) {
                int slot = (int) (pfn & (RECENT_PAGES - 1));
                if (recentPagesRead[slot] != pfn) {
                    pagesRead.add(pfn);
                    recentPagesRead[slot] = pfn;
                }
            }
        }
    }

    private void checkWrite(long address, long length) {
        if (!isRam(address, length)) {
            throw new PhysicalMemoryFault(address, length, true);
        }
    }

    private byte byteAt(long address) {
        byte[] page = pageOrNull(address >>> PAGE_SHIFT);
        return page == null ? 0 : page[cachedBase + (int) (address & ~PAGE_MASK)];
    }

    private void putByte(long address, byte value) {
        byte[] page = pageForWrite(address >>> PAGE_SHIFT);
        page[cachedBase + (int) (address & ~PAGE_MASK)] = value;
    }

    // The one-entry cache may hold a miss (null): that stays true until pageForWrite adds the
    // page, and pageForWrite is the only place that adds pages and it refreshes the cache.
    // Callers index the returned array at cachedBase + the offset in the page.
    private byte[] pageOrNull(long pfn) {
        if (pfn != cachedPfn) {
            cachedPfn = pfn;
            cachedPage = pages.get(pfn);
            cachedBase = cachedPage == null ? 0 : pages.offset(pfn);
            cachedWritable = false;
        }
        return cachedPage;
    }

    private byte[] pageForWrite(long pfn) {
        if (pfn == cachedPfn && cachedWritable) {
            return cachedPage;
        }
        byte[] page = pageOrNull(pfn);
        if (page != null && page.length != PAGE_SIZE) {
            cachedWritable = true; // a slab (the only array longer than a page) is never shared
            return page;
        }
        if (page == null) {
            page = new byte[PAGE_SIZE];
            pages.put(pfn, page);
            sortedPfns = null;
            if (sharing) {
                ownSinceFreeze.add(pfn);
            }
        } else if (sharing && ownSinceFreeze.add(pfn)) {
            page = page.clone();
            pages.put(pfn, page);
        }
        cachedPage = page;
        cachedBase = 0;
        cachedWritable = true;
        return page;
    }
}
