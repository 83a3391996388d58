package kverify.properties.luo.corrupt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kverify.engine.Gen;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.image.HandoverImage;
import kverify.model.luo.image.ImageFdt;

/**
 * Where things are in a valid image, so corruptions can aim at real fields: the session chain,
 * every session entry with its file set and file chain, and addresses that are in RAM but not
 * preserved. Built only from images written from a valid state; walks are bounded anyway.
 */
final class ImageMap {
    static final String SESSION_HEADER = "luo_session_header_ser";
    static final String FILE_HEADER = "luo_file_header_ser";

    /** One linked chain: its header struct name, block order and block addresses in order. */
    record Chain(String struct, int order, int capacity, List<Long> blocks) {
        boolean isSessionChain() {
            return struct.equals(SESSION_HEADER);
        }
    }

    /** One session entry: its address, block index, name, its luo_file_set_ser and file chain. */
    record Entry(long pa, int block, String name, long setPa, Chain files, List<Long> fileEntries) {
    }

    final HandoverImage img;
    final LuoGeometry g;
    final long head;
    final Chain sessions;
    final List<Entry> entries = new ArrayList<>();
    // Derived once: a map is shared by every case drawn on its base image (BaseCache), and read only.
    private final List<Chain> chains;
    private final List<Entry> entriesWithFiles;
    private final List<Long> blocks;
    private final List<Long> leftoverPages;
    private final PageReader reader;

    ImageMap(HandoverImage img) {
        this.img = img;
        this.g = img.geometry();
        this.reader = new PageReader(img);
        // v1: the FDT node's head property; v7: the luo_ser's sessions_pa (offset 16), 0 with no sessions.
        this.head = img.version() == kverify.model.luo.image.ImageVersion.V7
                ? img.subtree().filter(t -> img.inRam(t.pa(), 24)).map(t -> img.u64(t.pa() + 16)).orElse(0L)
                : img.fdt().flatMap(f -> f.property(ImageFdt.HEAD_PROPERTY)).map(ImageMap::u64).orElse(0L);
        this.sessions = chain(SESSION_HEADER, head, HandoverImage.orderOf(g.sessionBlockBytes()), g.sessionsPerBlock());
        for (int b = 0; b < sessions.blocks().size(); b++) {
            long block = sessions.blocks().get(b);
            long count = Math.min(reader.u64(block + 8), g.sessionsPerBlock());
            for (int i = 0; i < count; i++) {
                long entry = block + 16 + 80L * i;
                Chain files = chain(FILE_HEADER, reader.u64(entry + 64), HandoverImage.orderOf(g.fileBlockBytes()), g.filesPerBlock());
                List<Long> fileEntries = new ArrayList<>();
                for (long fb : files.blocks()) {
                    long n = Math.min(reader.u64(fb + 8), g.filesPerBlock());
                    for (int j = 0; j < n; j++) {
                        fileEntries.add(fb + 16 + 64L * j);
                    }
                }
                entries.add(new Entry(entry, b, name(entry), entry + 64, files, fileEntries));
            }
        }
        this.entriesWithFiles = entries.stream().filter(e -> !e.files().blocks().isEmpty()).toList();
        List<Chain> all = new ArrayList<>();
        if (!sessions.blocks().isEmpty()) {
            all.add(sessions);
        }
        entriesWithFiles.forEach(e -> all.add(e.files()));
        this.chains = List.copyOf(all);
        this.blocks = chains.stream().flatMap(c -> c.blocks().stream()).toList();
        this.leftoverPages = img.pageAddresses().stream().filter(p -> !img.isPreservedPage(p)).toList();
    }

    private Chain chain(String struct, long from, int order, int capacity) {
        List<Long> out = new ArrayList<>();
        for (long pa = from; pa != 0 && out.size() <= g.maxBlocks() && img.isFolio(pa, order); pa = reader.u64(pa)) {
            out.add(pa);
        }
        return new Chain(struct, order, capacity, out);
    }

    private String name(long entry) {
        return reader.cString(entry, 64);
    }

    /**
     * Reads of the image's pages through their own arrays (one map lookup per page change, no
     * copy per read): the map reads hundreds of entries of a real-geometry image, once per base.
     * Reads the same values as {@link HandoverImage#u64} and {@link HandoverImage#bytes}, which it
     * falls back to for a read across a page boundary or outside RAM (that one throws).
     */
    private static final class PageReader {
        private final HandoverImage img;
        private final java.util.HashMap<Long, byte[]> pages = new java.util.HashMap<>();
        private long page = -1;
        private byte[] bytes;

        PageReader(HandoverImage img) {
            this.img = img;
            img.sharePages(pages::put);
        }

        /** True if [pa, pa + length) is RAM inside one page; {@code bytes} is then that page's array (null: it reads as zero). */
        private boolean inOnePage(long pa, int length) {
            if (!img.inRam(pa, length) || pa % HandoverImage.PAGE_SIZE > HandoverImage.PAGE_SIZE - length) {
                return false;
            }
            long p = pa - pa % HandoverImage.PAGE_SIZE;
            if (p != page) {
                page = p;
                bytes = pages.get(p);
            }
            return true;
        }

        long u64(long pa) {
            if (!inOnePage(pa, 8)) {
                return img.u64(pa);
            }
            if (bytes == null) {
                return 0;
            }
            return littleEndian(bytes, (int) (pa % HandoverImage.PAGE_SIZE), 8);
        }

        /** The bytes before the first NUL of the {@code length} bytes at pa, one char per byte. */
        String cString(long pa, int length) {
            byte[] raw;
            int at;
            if (inOnePage(pa, length)) {
                raw = bytes == null ? new byte[length] : bytes;
                at = bytes == null ? 0 : (int) (pa % HandoverImage.PAGE_SIZE);
            } else {
                raw = img.bytes(pa, length);
                at = 0;
            }
            int n = 0;
            while (n < length && raw[at + n] != 0) {
                n++;
            }
            return new String(raw, at, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private static long u64(byte[] b) {
        return littleEndian(b, 0, Math.min(8, b.length));
    }

    /** The little-endian value of the {@code length} (at most 8) bytes at {@code at}. */
    private static long littleEndian(byte[] b, int at, int length) {
        long v = 0;
        for (int i = length - 1; i >= 0; i--) {
            v = (v << 8) | (b[at + i] & 0xFFL);
        }
        return v;
    }

    /** The session chain and every non-empty file chain. */
    List<Chain> chains() {
        return chains;
    }

    List<Chain> chainsWithAtLeast(int blocks) {
        return chains.stream().filter(c -> c.blocks().size() >= blocks).toList();
    }

    List<Entry> entriesWithFiles() {
        return entriesWithFiles;
    }

    /** Every block of every chain. */
    List<Long> blocks() {
        return blocks;
    }

    /**
     * Page-aligned RAM addresses no folio covers: the image's unpreserved pages (what the previous
     * kernel left there, e.g. freed blocks) and one fresh page above everything.
     */
    List<Long> unpreservedPages() {
        List<Long> out = new ArrayList<>(leftoverPages);
        out.add(img.freeAddressAbove(0));
        return out;
    }

    /** The image's pages that no folio covers (what the previous kernel left in freed memory). */
    List<Long> leftoverPages() {
        return leftoverPages;
    }

    /** Head pointers no valid handover holds: unpreserved, beyond RAM, unaligned, or inside a block. */
    Gen<Long> danglingPointers() {
        long ram = img.ramBytes();
        return Gen.oneOf(Gen.elements(unpreservedPages()), Gen.elements(ram, ram - 7, 1L << 63, -1L),
                Gen.zip(Gen.elements(blocks()), Gen.longs(1, 7), Long::sum),
                Gen.zip(Gen.elements(blocks()), Gen.elements(16L, 8L, 80L), Long::sum));
    }

    Optional<Entry> entryAt(long pa) {
        return entries.stream().filter(e -> e.pa() == pa).findFirst();
    }
}
