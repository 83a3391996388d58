package kverify.impl.mk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kverify.model.mk.PhysRange;
import kverify.model.mk.Segment;
import kverify.model.mk.UserBuffer;
import org.junit.jupiter.api.Test;

/** The sorted sweeps against the kernel's pairwise overlap test, over every small arrangement (enumerated). */
class SegmentSanityTest {
    private static final UserBuffer B = new UserBuffer(0, UserBuffer.NO_FAULT);

    private static boolean pairwise(List<Segment> segs) {
        for (int i = 0; i < segs.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (segs.get(i).memEnd() > segs.get(j).mem() && segs.get(i).mem() < segs.get(j).memEnd()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void sweepAgreesWithThePairwiseLoopOnEveryArrangementOfThreeSegments() {
        List<Segment> shapes = new ArrayList<>();
        for (long start = 0; start < 4; start++) {
            for (long size = 0; size < 3; size++) {
                shapes.add(new Segment(start * 4096, size * 4096, 0, B));
            }
        }
        int overlapping = 0;
        for (Segment a : shapes) {
            for (Segment b : shapes) {
                for (Segment c : shapes) {
                    List<Segment> segs = List.of(a, b, c);
                    boolean want = pairwise(segs);
                    assertThat(SegmentSanity.anyOverlap(segs)).as(segs.toString()).isEqualTo(want);
                    overlapping += want ? 1 : 0;
                    PhysRange q = c.range();
                    Placement.SortedRanges sorted = new Placement.SortedRanges(List.of(a.range(), b.range()));
                    assertThat(sorted.anyOverlaps(q)).as(q + " vs " + a + b).isEqualTo(a.range().overlaps(q) || b.range().overlaps(q));
                }
            }
        }
        assertThat(overlapping).isBetween(1, shapes.size() * shapes.size() * shapes.size() - 1);
    }

    @Test
    void aZeroSizeSegmentStrictlyInsideAnotherOverlapsIt() {
        Segment big = new Segment(0x1000, 0x2000, 0, B);
        assertThat(SegmentSanity.anyOverlap(List.of(big, new Segment(0x2000, 0, 0, B)))).isTrue();
        assertThat(SegmentSanity.anyOverlap(List.of(big, new Segment(0x1000, 0, 0, B)))).isFalse();
        assertThat(SegmentSanity.anyOverlap(List.of(big, new Segment(0x3000, 0, 0, B)))).isFalse();
    }
}
