package kverify.impl.kho;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageAllocatorTest {

    @Test
    void theRangeMustStartAboveZeroPageAlignedAndNotEndBeforeItStarts() {
        assertThatThrownBy(() -> new PageAllocator(0, 0x10000)).hasMessage("bad allocator range start=0x0 limit=0x10000");
        assertThatThrownBy(() -> new PageAllocator(0x1800, 0x10000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageAllocator(0x2000, 0x1000)).isInstanceOf(IllegalArgumentException.class);
        PageAllocator empty = new PageAllocator(0x1000, 0x1000);
        assertThat(empty.alloc(0)).as("an empty range is legal and exhausted").isEqualTo(-1);
    }

    @Test
    void everyOrderUpToTheMaximumHasAFreeList() {
        PageAllocator a = new PageAllocator(0x1000, 0x1000 + (0x2000L << Kho.MAX_PAGE_ORDER));
        long big = a.alloc(Kho.MAX_PAGE_ORDER);
        assertThat(big).isEqualTo(0x1000L << Kho.MAX_PAGE_ORDER);
        assertThat(a.alloc(Kho.MAX_PAGE_ORDER)).as("no second aligned slot before the limit").isEqualTo(-1);
        a.free(big, Kho.MAX_PAGE_ORDER);
        assertThat(a.alloc(Kho.MAX_PAGE_ORDER)).isEqualTo(big);
        assertThat(a.highWaterMark()).isEqualTo(big + (0x1000L << Kho.MAX_PAGE_ORDER));
    }
}
