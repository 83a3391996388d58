package kverify.properties.luo.corrupt;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import kverify.impl.luo.LuoImpl;
import kverify.impl.luo.LuoVariant;
import kverify.impl.luo.WalkVisit;
import kverify.impl.luo.image.ImageBridge;
import kverify.impl.memory.PhysicalMemory;
import kverify.model.Outcome;
import kverify.model.Outcome.Unit;
import kverify.model.luo.IncomingSession;
import kverify.model.luo.Phase;
import kverify.model.luo.image.HandoverImage;

/**
 * Boots one variant's next kernel on an image and records an {@link Observation}: early setup
 * (reads tracked), then, if the boot did not panic, the first open of /dev/liveupdate (reads
 * tracked), then every restored session retrieved and closed (which finishes it), so that what
 * is still unrestored at the end is exactly what the kernel leaked or never owned.
 */
final class ImageRun {
    private final HandoverImage img;
    private final LuoImpl k;
    private final PhysicalMemory m;
    private Outcome<Unit> setup = Outcome.ok();
    private Optional<Outcome<Unit>> open = Optional.empty();
    private Observation.Work setupWork = Observation.Work.NONE;
    private Observation.Work openWork = Observation.Work.NONE;
    private List<IncomingSession> sessions = List.of();
    private SortedMap<Long, Integer> afterOpen = new TreeMap<>();
    private String step = "boot";

    private ImageRun(HandoverImage img, LuoVariant variant) {
        this.img = img;
        this.k = ImageBridge.boot(img, variant);
        this.m = k.memory();
    }

    static Observation run(HandoverImage img, LuoVariant variant) {
        ImageRun r = new ImageRun(img, variant);
        try {
            r.steps();
            return r.observation(Optional.empty());
        } catch (RuntimeException | StackOverflowError e) {
            return r.observation(Optional.of(e.getClass().getSimpleName() + " in " + r.step + ": " + e.getMessage() + "\n" + trace(e)));
        }
    }

    private void steps() {
        step = "setup";
        int before = 0;
        m.startTrackingReads();
        setup = k.setup();
        setupWork = work(before, true);
        if (k.phase() == Phase.PANICKED) {
            return;
        }
        step = "open";
        before = k.walkVisits().size();
        m.startTrackingReads();
        open = Optional.of(k.openDevice());
        openWork = work(before, false);
        step = "inspect";
        sessions = k.incomingImages();
        afterOpen = new TreeMap<>(k.kho().incoming());
        if (open.get().isOk()) {
            step = "finish";
            for (IncomingSession s : sessions) {
                k.retrieveSession(s.name());
                k.closeSession(s.name());
            }
        }
    }

    /**
     * The step's work. Setup walks only the session chain, so every page it reads outside the
     * preserved folios is read through session blocks, including the reads of v7's cycle
     * pre-pass, which follows next pointers before any header is visited.
     */
    private Observation.Work work(int visitsBefore, boolean sessionChainOnly) {
        m.stopTrackingReads();
        List<WalkVisit> visits = k.walkVisits();
        visits = visits.subList(visitsBefore, visits.size());
        long sessions = visits.stream().filter(WalkVisit::sessionBlock).count();
        List<Long> throughSessions = new ArrayList<>();
        List<Long> throughFiles = new ArrayList<>();
        for (long page : m.pagesRead()) {
            if (!img.isPreservedPage(page)) {
                (sessionChainOnly || touches(visits, page, true) ? throughSessions : throughFiles).add(page);
            }
        }
        return new Observation.Work(sessions, visits.size() - sessions, m.bytesRead(), throughSessions, throughFiles);
    }

    /** True if the page overlaps a block of this kind that the step visited. */
    private boolean touches(List<WalkVisit> visits, long page, boolean sessionBlocks) {
        long bytes = sessionBlocks ? img.geometry().sessionBlockBytes() : img.geometry().fileBlockBytes();
        return visits.stream().anyMatch(v -> v.sessionBlock() == sessionBlocks && v.pa() < page + HandoverImage.PAGE_SIZE
                && page < v.pa() + bytes);
    }

    private Observation observation(Optional<String> exception) {
        m.stopTrackingReads();
        return new Observation(setup, open, k.deserializeResult(), sessions, setupWork, openWork, k.incomingBlocksTracked(),
                afterOpen, new TreeMap<>(k.kho().incoming()), k.kho().violations(), k.readFault(), exception);
    }

    private static String trace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString().lines().limit(8).reduce("", (a, b) -> a + b + "\n");
    }
}
