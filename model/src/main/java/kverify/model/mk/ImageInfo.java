package kverify.model.mk;

import java.util.List;

/**
 * A loaded kexec image as the kernel keeps a record of it. {@code id} numbers successful loads
 * from 1 in the order they happened, so model and implementation name images alike;
 * {@code instanceId} is the RFC v2 instance it was loaded for (0: none).
 */
public record ImageInfo(int id, ImageType type, long entry, List<PhysRange> segments, boolean preserveContext, int instanceId) {
    public ImageInfo {
        segments = List.copyOf(segments);
    }

    /** An image that belongs to no multikernel instance (every image before RFC v2). */
    public ImageInfo(int id, ImageType type, long entry, List<PhysRange> segments, boolean preserveContext) {
        this(id, type, entry, segments, preserveContext, 0);
    }

    public boolean overlaps(PhysRange r) {
        for (PhysRange s : segments) {
            if (s.overlaps(r)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "#" + id + " " + type + " entry=" + Hex.hex(entry) + " segs=" + segments + (preserveContext ? " preserve_context" : "")
                + (instanceId == 0 ? "" : " instance#" + instanceId);
    }
}
