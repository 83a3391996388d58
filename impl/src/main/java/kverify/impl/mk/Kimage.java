package kverify.impl.mk;

import java.util.List;
import kverify.model.mk.ImageInfo;
import kverify.model.mk.ImageType;
import kverify.model.mk.Segment;

/**
 * struct kimage as far as the RFC uses it: type, entry point (image->start), segments and
 * preserve_context. {@code id} numbers installed images from 1, like the contract.
 */
final class Kimage {
    final int id;
    final ImageType type;
    final long start;
    final List<Segment> segments;
    final boolean preserveContext;

    Kimage(int id, ImageType type, long start, List<Segment> segments, boolean preserveContext) {
        this.id = id;
        this.type = type;
        this.start = start;
        this.segments = List.copyOf(segments);
        this.preserveContext = preserveContext;
    }

    ImageInfo info() {
        return new ImageInfo(id, type, start, segments.stream().map(Segment::range).toList(), preserveContext);
    }
}
