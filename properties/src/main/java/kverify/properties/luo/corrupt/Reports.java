package kverify.properties.luo.corrupt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kverify.model.luo.image.HandoverImage;
import kverify.model.luo.image.ImageVerdict;

/**
 * The side-by-side table of what the model and each variant do with one image (used by failure
 * reports and by {@code kverify replay IMAGE}), and hex dumps of the bytes a corruption changed.
 */
final class Reports {
    private static final int COLUMN = 26;

    private Reports() {
    }

    static String table(HandoverImage img, ImageVerdict v, Map<String, Observation> runs) {
        Map<String, List<String>> cols = new LinkedHashMap<>();
        cols.put("model (contract)", modelColumn(img, v));
        runs.forEach((name, o) -> cols.put(name, column(img, v, o)));
        String[] labels = {"setup", "deserialize", "open", "sessions restored", "blocks visited (setup+open)",
            "bytes read (setup+open)", "unpreserved pages read", "blocks still tracked", "pages leaked", "verdict"};
        StringBuilder sb = new StringBuilder(String.format("%-28s", ""));
        cols.keySet().forEach(c -> sb.append(pad(c)));
        sb.append('\n');
        for (int r = 0; r < labels.length; r++) {
            sb.append(String.format("%-28s", labels[r]));
            for (List<String> c : cols.values()) {
                sb.append(pad(c.get(r)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s) {
        String t = s.length() > COLUMN - 1 ? s.substring(0, COLUMN - 2) + "~" : s;
        return String.format("%-" + COLUMN + "s", t);
    }

    private static List<String> modelColumn(HandoverImage img, ImageVerdict v) {
        String bound = "<= " + (img.preserved().size() + 1) + " per step";
        return List.of(v.setup().toString(), "-", v.open().map(Object::toString).orElse("- (panic)"),
                v.isAccepted() ? String.valueOf(v.sessions().size()) : "0",
                bound, "<= " + 2 * img.preservedBytes() + " per step", "0", String.valueOf(v.blocksTracked()), "0", v.label());
    }

    private static List<String> column(HandoverImage img, ImageVerdict v, Observation o) {
        List<ContractCheck.Problem> ps = ContractCheck.problems(img, v, o);
        long leaked = leakedPages(img, v, o);
        return List.of(o.setup().toString(), o.deserialize().map(Object::toString).orElse("-"),
                o.open().map(Object::toString).orElse("- (panic)"), String.valueOf(o.sessions().size()),
                o.setupWork().blocksVisited() + "+" + o.openWork().blocksVisited(),
                o.setupWork().bytesRead() + "+" + o.openWork().bytesRead(),
                String.valueOf(o.setupWork().unpreservedPages() + o.openWork().unpreservedPages()),
                String.valueOf(o.blocksTracked()), o.open().isEmpty() ? "- (panic)" : String.valueOf(leaked),
                ps.isEmpty() ? "agrees" : "DIVERGES (" + ps.size() + ")");
    }

    /**
     * Pages of folios the kernel took over but never restored: after an accepted handover, what is
     * unrestored beyond the folios the contract leaves reserved; after a rejected open, the
     * session blocks still unrestored.
     */
    static long leakedPages(HandoverImage img, ImageVerdict v, Observation o) {
        long pages = 0;
        for (Map.Entry<Long, Integer> f : o.unrestoredAfterFinish().entrySet()) {
            boolean owned = v.isAccepted() ? v.owned().contains(f.getKey()) : v.sessionChain().contains(f.getKey());
            pages += owned ? 1L << f.getValue() : 0;
        }
        return pages;
    }

    /** 64 bytes around each changed address (at most three), as the failure report's hex dump. */
    static String dumps(HandoverImage img, List<Change> changes) {
        StringBuilder sb = new StringBuilder();
        changes.stream().filter(c -> c.address() >= 0).limit(3).forEach(c -> {
            long start = Math.max(0, (c.address() & ~15L) - 16);
            if (img.inRam(start, 64)) {
                sb.append(String.format("bytes at 0x%x (%s):%n", start, c.field()));
                byte[] b = img.bytes(start, 64);
                for (int line = 0; line < 64; line += 16) {
                    sb.append(String.format("  %016x:", start + line));
                    for (int i = line; i < line + 16; i++) {
                        sb.append(String.format(" %02x", b[i] & 0xFF));
                    }
                    sb.append('\n');
                }
            }
        });
        return sb.toString();
    }
}
