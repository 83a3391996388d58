package kverify.impl.luo.image;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoV7Geometry;
import kverify.model.luo.image.ImageSubtree;
import kverify.model.luo.image.ImageVersion;
import kverify.model.luo.image.HandoverImage;
import kverify.model.luo.image.ImageFdt;

/**
 * Reads the text form of a handover image (the grammar is in {@link ImageText} and
 * docs/corruption.md). Every error names the line; the checks that {@link HandoverImage} would
 * make on the whole value are made here line by line, so a bad folio or page is located too.
 */
final class ImageParser {
    private final List<String> lines;
    private int lineNo;
    private LuoGeometry geometry;
    private long ram = ImageText.DEFAULT_RAM_BYTES;
    private boolean ramGiven;
    private boolean memoryStarted;
    private boolean v3;
    private ImageVersion version;
    private int versionLine;
    private String khoCompatible;
    private Boolean subtreePresent;
    private ImageSubtree subtree;
    private Boolean fdtPresent;
    private String fdtName;
    private final TreeMap<String, byte[]> fdtProps = new TreeMap<>();
    private final TreeMap<Long, Integer> preserved = new TreeMap<>();
    private final TreeMap<Long, byte[]> pages = new TreeMap<>();
    private long pageAddress = -1;
    private int pageOffset;

    ImageParser(List<String> lines) {
        this.lines = lines;
    }

    HandoverImage parse() {
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        String header = first == lines.size() ? "" : lines.get(first).trim();
        if (!header.equals(ImageText.HEADER) && !header.equals(ImageText.HEADER_V2) && !header.equals(ImageText.HEADER_V1)) {
            throw new ImageFormatException(first + 1, "expected the header line '" + ImageText.HEADER + "' (or the older '"
                    + ImageText.HEADER_V2 + "' or '" + ImageText.HEADER_V1 + "')");
        }
        boolean v1 = header.equals(ImageText.HEADER_V1);
        v3 = header.equals(ImageText.HEADER);
        for (lineNo = first + 2; lineNo <= lines.size(); lineNo++) {
            String line = Tokens.stripComment(lines.get(lineNo - 1)).trim();
            if (!line.isEmpty()) {
                statement(new Tokens(line, lineNo));
            }
        }
        lineNo = lines.size();
        require(!v3 || version != null, "no 'version v1' or 'version v7' line (format v3 says which LUO version wrote the handover)");
        ImageVersion ver = version == null ? ImageVersion.V1 : version;
        require(geometry != null, "no 'geometry' line");
        if (ver == ImageVersion.V7) {
            require(subtreePresent != null, "no 'subtree none' or 'subtree LUO PA length N' line (the root of a v7 handover)");
            if (!LuoV7Geometry.fits(geometry)) {
                throw new ImageFormatException(versionLine, "a v7 handover needs a v7 geometry (one block size), got '" + geometry.label() + "'");
            }
            return withKho(HandoverImage.v7(geometry, ram, Optional.ofNullable(subtree), preserved, pages), ver);
        }
        require(fdtPresent != null, "no 'fdt none' or 'fdt node NAME' line");
        if (v1 && Arrays.equals(fdtProps.get(ImageFdt.COMPATIBLE_PROPERTY), ImageFdt.cString(ImageFdt.COMPATIBLE_1_5))) {
            fdtProps.put(ImageFdt.COMPATIBLE_PROPERTY, ImageFdt.cString(ImageFdt.COMPATIBLE));
        }
        Optional<ImageFdt> fdt = fdtPresent ? Optional.of(new ImageFdt(fdtName, fdtProps)) : Optional.empty();
        return withKho(new HandoverImage(geometry, ram, fdt, preserved, pages), ver);
    }

    private HandoverImage withKho(HandoverImage img, ImageVersion ver) {
        return khoCompatible == null || khoCompatible.equals(ver.khoCompatible()) ? img : img.withKhoCompatible(khoCompatible);
    }

    private void statement(Tokens t) {
        String keyword = t.word("a keyword");
        if (Tokens.isHexData(keyword) || keyword.endsWith(":")) {
            t.rewind();
            data(t);
            return;
        }
        pageAddress = -1;
        switch (keyword) {
            case "version" -> version(t);
            case "kho" -> kho(t);
            case "subtree" -> subtree(t);
            case "geometry" -> geometry();
            case "ram" -> ram(t);
            case "fdt" -> fdt(t);
            case "preserve" -> preserve(t);
            case "page" -> page(t);
            case "at" -> at(t);
            default -> throw new ImageFormatException(lineNo, "unknown keyword '" + keyword
                    + "' (expected version, kho, geometry, ram, fdt, subtree, preserve, page, at, or hex data after a page line)");
        }
    }

    private void v3Only(String what) {
        require(v3, "'" + what + "' needs the header '" + ImageText.HEADER + "'");
    }

    private void version(Tokens t) {
        v3Only("version");
        require(version == null, "second 'version' line");
        String w = t.word("v1 or v7");
        t.end();
        version = ImageVersion.parse(w).orElseThrow(() -> new ImageFormatException(lineNo, "unknown LUO version '" + w + "' (v1 or v7)"));
        require(fdtPresent == null && subtreePresent == null, "'version' must come before the 'fdt' and 'subtree' lines");
        versionLine = lineNo;
    }

    /** "kho compatible STR": the KHO root compatible the outgoing kernel wrote; default its version's. */
    private void kho(Tokens t) {
        v3Only("kho");
        require(khoCompatible == null, "second 'kho compatible' line");
        t.keyword("compatible");
        require(t.peek().equals("str"), "'kho compatible' takes a str value");
        byte[] b = t.value();
        khoCompatible = new String(b, 0, b.length - 1, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** "subtree none" or "subtree NAME PA length N": v7's KHO entry (kho_retrieve_subtree's name, PA and size). */
    private void subtree(Tokens t) {
        v3Only("subtree");
        require(version == ImageVersion.V7, "'subtree' is the root of a v7 handover: put 'version v7' before it");
        require(subtreePresent == null, "second 'subtree' line");
        String name = t.word("none or the entry name");
        if (name.equals("none")) {
            t.end();
            subtreePresent = false;
            return;
        }
        long pa = t.number("the blob's physical address");
        t.keyword("length");
        long length = t.number("the blob's length in bytes");
        t.end();
        subtreePresent = true;
        subtree = new ImageSubtree(name, pa, length);
    }

    private void geometry() {
        require(geometry == null, "second 'geometry' line");
        String label = Tokens.stripComment(lines.get(lineNo - 1)).trim().substring("geometry".length()).trim();
        geometry = LuoGeometry.parse(label).orElseThrow(() -> new ImageFormatException(lineNo,
                "unknown geometry '" + label + "' (real, small, unit, v7-real, v7-small, v7-unit, 'session-block=N file-block=N max-blocks=N' or 'v7 block=N max-blocks=N')"));
    }

    private void ram(Tokens t) {
        require(!ramGiven && !memoryStarted, "'ram' must appear once, before any preserve, page or at line");
        ram = t.number("RAM size in bytes");
        t.end();
        require(ram > 0 && ram % HandoverImage.PAGE_SIZE == 0, String.format("ram=0x%x must be a positive multiple of 4096", ram));
        ramGiven = true;
    }

    private void fdt(Tokens t) {
        require(version != ImageVersion.V7, "a v7 handover has no session FDT node (its root is the 'subtree' line)");
        String what = t.word("none, node or prop");
        switch (what) {
            case "none", "node" -> {
                require(fdtPresent == null, "second 'fdt none' or 'fdt node' line");
                fdtPresent = what.equals("node");
                fdtName = fdtPresent ? t.word("node name") : null;
                t.end();
            }
            case "prop" -> {
                require(Boolean.TRUE.equals(fdtPresent), "'fdt prop' needs an 'fdt node NAME' line before it");
                String name = t.word("property name");
                require(!fdtProps.containsKey(name), "second value for property '" + name + "'");
                fdtProps.put(name, t.value());
            }
            default -> throw new ImageFormatException(lineNo, "expected 'fdt none', 'fdt node NAME' or 'fdt prop NAME ...', got 'fdt " + what + "'");
        }
    }

    private void preserve(Tokens t) {
        memoryStarted = true;
        long pa = t.number("folio address");
        t.keyword("order");
        long order = t.number("order");
        t.end();
        require(order >= 0 && order <= HandoverImage.MAX_ORDER, "order=" + order + " must be within [0, 10]");
        long size = HandoverImage.folioBytes((int) order);
        require(Long.remainderUnsigned(pa, size) == 0, String.format("folio 0x%x is not aligned to its size 0x%x", pa, size));
        require(inRam(pa, size), String.format("folio 0x%x of order %d ends outside RAM (0x%x bytes)", pa, order, ram));
        var below = preserved.floorEntry(pa);
        var above = preserved.ceilingEntry(pa);
        require((below == null || below.getKey() + HandoverImage.folioBytes(below.getValue()) <= pa)
                && (above == null || pa + size <= above.getKey()), String.format("folio 0x%x overlaps another preserved folio", pa));
        preserved.put(pa, (int) order);
    }

    private void page(Tokens t) {
        memoryStarted = true;
        long pa = t.number("page address");
        t.end();
        require(pa % HandoverImage.PAGE_SIZE == 0, String.format("page address 0x%x is not 4096-aligned", pa));
        require(inRam(pa, HandoverImage.PAGE_SIZE), String.format("page 0x%x is outside RAM (0x%x bytes)", pa, ram));
        pages.put(pa, pages.containsKey(pa) ? pages.get(pa) : new byte[HandoverImage.PAGE_SIZE]);
        pageAddress = pa;
        pageOffset = 0;
    }

    private void data(Tokens t) {
        require(pageAddress >= 0, "hex data outside a page: put a 'page ADDRESS' line before it (or use 'at ADDRESS hex ...')");
        if (t.peek().endsWith(":")) {
            String off = t.word("offset");
            require(off.matches("[0-9a-fA-F]{1,4}:"), "bad offset '" + off + "' (expected up to 4 hex digits and ':')");
            pageOffset = Integer.parseInt(off.substring(0, off.length() - 1), 16);
        }
        byte[] bytes = t.hexBytes();
        require(pageOffset + bytes.length <= HandoverImage.PAGE_SIZE,
                String.format("data runs past the end of page 0x%x (offset %d + %d bytes > 4096)", pageAddress, pageOffset, bytes.length));
        System.arraycopy(bytes, 0, pages.get(pageAddress), pageOffset, bytes.length);
        pageOffset += bytes.length;
    }

    private void at(Tokens t) {
        memoryStarted = true;
        long pa = t.number("address");
        byte[] bytes = t.value();
        require(inRam(pa, bytes.length), String.format("%d bytes at 0x%x run outside RAM (0x%x bytes)", bytes.length, pa, ram));
        for (int i = 0; i < bytes.length; i++) {
            long a = pa + i;
            long page = a - a % HandoverImage.PAGE_SIZE;
            pages.computeIfAbsent(page, k -> new byte[HandoverImage.PAGE_SIZE])[(int) (a % HandoverImage.PAGE_SIZE)] = bytes[i];
        }
    }

    private boolean inRam(long pa, long length) {
        return pa >= 0 && pa <= ram && length <= ram - pa;
    }

    private void require(boolean ok, String message) {
        if (!ok) {
            throw new ImageFormatException(lineNo, message);
        }
    }
}
