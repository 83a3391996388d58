package kverify.model.mk;

import java.util.List;

/**
 * A loaded kexec image as the kernel keeps a record of it. {@code id} numbers successful loads
 * from 1 in the order they happened, so model and implementation name images alike.
 */
public record ImageInfo(int id, ImageType type, long entry, List<PhysRange> segments, boolean preserveContext) {
    public ImageInfo {
        segments = List.copyOf(segments);
    }

    public boolean overlaps(PhysRange r) {
        return segments.stream().anyMatch(s -> s.overlaps(r));
    }

    @Override
    public String toString() {
        return "#" + id + " " + type + " entry=" + Hex.hex(entry) + " segs=" + segments + (preserveContext ? " preserve_context" : "");
    }
}
