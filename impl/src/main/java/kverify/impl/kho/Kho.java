package kverify.impl.kho;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import kverify.impl.memory.PhysicalMemory;
import kverify.impl.memory.RamRange;
import kverify.model.Errno;
import kverify.model.Outcome;

/**
 * Kexec HandOver preservation (kernel/liveupdate/kexec_handover.c @dd03dd60, spec section 5) for
 * one kernel: zeroed allocation plus preservation ({@code kho_alloc_preserve}), unpreserve and
 * free ({@code kho_unpreserve_free}), and in the next kernel restore and free
 * ({@code kho_restore_free}) of the folios the previous kernel preserved.
 *
 * <p>What the kernel only WARNs about is recorded as a violation (double free, unpreserving
 * memory never preserved, restoring memory never preserved or already restored) so invariants
 * can demand there are none. Allocation failure is injectable. Preservation is a set, not a
 * reference count: preserving twice and unpreserving once leaves the folio unpreserved.
 */
public final class Kho {
    /** MAX_PAGE_ORDER on x86_64: kho_alloc_preserve refuses larger sizes with E2BIG. */
    public static final int MAX_PAGE_ORDER = 10;
    /** The first address the allocator hands out; below it nothing is allocated, so PA 0 never is. */
    public static final long ALLOCATOR_START = 1L << 20;

    private final PhysicalMemory memory;
    private final PageAllocator allocator;
    // Folio head PA -> order. TreeMaps so every listing is in address order.
    private final TreeMap<Long, Integer> allocated = new TreeMap<>();
    private final TreeMap<Long, Integer> preserved = new TreeMap<>();
    private final TreeMap<Long, Integer> incoming;
    private final List<String> violations = new ArrayList<>();
    private long allocationsBeforeFailure = -1;
    private final AllocFaults faults = new AllocFaults();

    private Kho(PhysicalMemory memory, PageAllocator allocator, TreeMap<Long, Integer> incoming) {
        this.memory = memory;
        this.allocator = allocator;
        this.incoming = incoming;
        allocated.putAll(incoming);
    }

    /**
     * The next kernel's KHO for a handover loaded from an image: these folios were preserved by
     * the previous kernel and are restorable once each; allocation starts above all of them.
     */
    public static Kho handedOver(PhysicalMemory memory, SortedMap<Long, Integer> preserved) {
        RamRange r = memory.ram().get(memory.ram().size() - 1);
        long start = ALLOCATOR_START;
        if (!preserved.isEmpty()) {
            start = Math.max(start, preserved.lastKey() + ((long) PhysicalMemory.PAGE_SIZE << preserved.get(preserved.lastKey())));
        }
        return new Kho(memory, new PageAllocator(start, Math.max(start, r.end())), new TreeMap<>(preserved));
    }

    /** The first kernel on this memory: nothing handed over. Allocates from the first RAM range. */
    public static Kho boot(PhysicalMemory memory) {
        RamRange r = memory.ram().get(0);
        return new Kho(memory, new PageAllocator(Math.max(r.start(), ALLOCATOR_START), r.end()), new TreeMap<>());
    }

    /**
     * The next kernel's KHO after a kexec: the folios preserved now are handed over (reserved,
     * restorable once each); everything else this kernel allocated is garbage. The next kernel
     * allocates above everything this one ever handed out, so it cannot land on a preserved folio.
     */
    public Kho kexec() {
        PageAllocator next = new PageAllocator(allocator.highWaterMark(), allocator.limit());
        return new Kho(memory, next, new TreeMap<>(preserved));
    }

    public PhysicalMemory memory() {
        return memory;
    }

    /** get_order(size): the smallest order whose folio holds size bytes. */
    public static int orderOf(long size) {
        int order = 0;
        while (((long) PhysicalMemory.PAGE_SIZE << order) < size) {
            order++;
        }
        return order;
    }

    /** kho_alloc_preserve(size): EINVAL for 0, E2BIG above MAX_PAGE_ORDER, ENOMEM; zeroed and preserved. */
    public Outcome<Long> allocPreserve(long size) {
        if (size == 0) {
            return Outcome.err(Errno.EINVAL);
        }
        int order = orderOf(size);
        if (order > MAX_PAGE_ORDER) {
            return Outcome.err(Errno.E2BIG);
        }
        if (allocationsBeforeFailure == 0) {
            allocationsBeforeFailure = -1;
            return Outcome.err(Errno.ENOMEM);
        }
        if (faults.fails(kverify.model.luo.AllocKind.KHO)) {
            return Outcome.err(Errno.ENOMEM);
        }
        long pa = allocator.alloc(order);
        if (pa < 0) {
            return Outcome.err(Errno.ENOMEM);
        }
        if (allocationsBeforeFailure > 0) {
            allocationsBeforeFailure--;
        }
        memory.fill(pa, (long) PhysicalMemory.PAGE_SIZE << order, (byte) 0);
        allocated.put(pa, order);
        preserved.put(pa, order);
        return Outcome.ok(pa);
    }

    /** kho_unpreserve_free(mem): clears the preservation and frees the folio; 0 is a no-op. */
    public void unpreserveFree(long pa) {
        if (pa == 0) {
            return;
        }
        Integer order = allocated.remove(pa);
        if (order == null) {
            violations.add(String.format("kho_unpreserve_free(PA 0x%x): not an allocated folio (double free?)", pa));
            return;
        }
        if (preserved.remove(pa) == null) {
            violations.add(String.format("kho_unpreserve_free(PA 0x%x): folio was not preserved", pa));
        }
        allocator.free(pa, order);
    }

    /**
     * kho_restore_free(mem) in the next kernel: the folio must have been handed over and not yet
     * restored (the magic in page->private is cleared by the first restore); otherwise WARN and
     * nothing is freed.
     */
    public void restoreFree(long pa) {
        if (pa == 0) {
            return;
        }
        Integer order = incoming.remove(pa);
        if (order == null) {
            violations.add(String.format("kho_restore_free(PA 0x%x): no preserved folio here (never preserved, or restored twice)", pa));
            return;
        }
        allocated.remove(pa);
        allocator.free(pa, order);
    }

    /** Makes the allocation after {@code successes} more successful ones fail with ENOMEM (once). */
    public void failAllocationAfter(int successes) {
        if (successes < 0) {
            throw new IllegalArgumentException("successes must be >= 0, got " + successes);
        }
        allocationsBeforeFailure = successes;
    }

    /** This kernel's fault injection: kho_alloc_preserve asks it, and so do LUO's kzalloc sites. */
    public AllocFaults faults() {
        return faults;
    }

    /** Folios this kernel has preserved for the next one: head PA -> order, in address order. */
    public SortedMap<Long, Integer> preserved() {
        return Collections.unmodifiableSortedMap(preserved);
    }

    /** Folios the previous kernel handed over that are not restored yet. */
    public SortedMap<Long, Integer> incoming() {
        return Collections.unmodifiableSortedMap(incoming);
    }

    public boolean isRestorable(long pa) {
        return incoming.containsKey(pa);
    }

    public long preservedPages() {
        return pages(preserved);
    }

    public long incomingPages() {
        return pages(incoming);
    }

    private static long pages(SortedMap<Long, Integer> folios) {
        long n = 0;
        for (int order : folios.values()) {
            n += 1L << order;
        }
        return n;
    }

    /** Every WARN this kernel hit, in order; invariants require none. */
    public List<String> violations() {
        return Collections.unmodifiableList(violations);
    }
}
