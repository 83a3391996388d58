package kverify.impl.mk;

import java.util.List;
import kverify.model.mk.ImageInfo;
import kverify.model.mk.ImageType;
import kverify.model.mk.Segment;

/**
 * struct kimage as far as the RFC uses it: type, entry point (image->start), segments,
 * preserve_context and where control_code_page is. {@code id} numbers installed images from 1,
 * like the contract.
 */
final class Kimage {
    /** control_code_page is NULL: RFC 1/7 skips the allocation for a multikernel image. */
    static final long NULL_PAGE = -1;
    /** A page from the buddy allocator, outside every region the machine describes (D19). */
    static final long BUDDY_PAGE = -2;

    final int id;
    final ImageType type;
    final long start;
    final List<Segment> segments;
    final boolean preserveContext;
    /** Physical address of control_code_page, or NULL_PAGE / BUDDY_PAGE. */
    final long controlPage;
    /** RFC v2: image->mk_id, the instance it was loaded for (0: none). */
    final int instanceId;
    /** What the contract sees of it; made once, since every snapshot of the state lists it. */
    private final ImageInfo info;

    Kimage(int id, ImageType type, long start, List<Segment> segments, boolean preserveContext, long controlPage, int instanceId) {
        this.id = id;
        this.instanceId = instanceId;
        this.type = type;
        this.start = start;
        this.segments = List.copyOf(segments);
        this.preserveContext = preserveContext;
        this.controlPage = controlPage;
        this.info = new ImageInfo(id, type, start, this.segments.stream().map(Segment::range).toList(), preserveContext, instanceId);
    }

    Kimage(int id, ImageType type, long start, List<Segment> segments, boolean preserveContext, long controlPage) {
        this(id, type, start, segments, preserveContext, controlPage, 0);
    }

    Kimage(int id, ImageType type, long start, List<Segment> segments, boolean preserveContext) {
        this(id, type, start, segments, preserveContext, BUDDY_PAGE);
    }

    ImageInfo info() {
        return info;
    }
}
