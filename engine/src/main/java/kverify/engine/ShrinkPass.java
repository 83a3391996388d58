package kverify.engine;

import java.util.List;
import java.util.function.Consumer;

/**
 * The shrink passes. The cheap ones (deleting draws, zeroing them, minimizing single choices)
 * cost about one run per draw or choice and do most of the work; the expensive ones try pairs,
 * retries and rearrangements and are run only when the cheap ones are stuck. Structure first
 * (fewer choices beat smaller ones under shortlex, and every later pass is cheaper on a
 * shorter case), then values.
 */
enum ShrinkPass {
    /** Delete whole draws, largest first; after a success, as many following siblings as still fail. */
    DELETE_SPANS(Deletions::spans),
    /** Set all choices of a draw to zero (its simplest value). */
    ZERO_SPANS(Values::zeroSpans),
    /** Minimize each choice alone: 0, 1, then the largest step down that still fails. */
    MINIMIZE_CHOICES(Values::minimizeChoices),
    /** Delete whole draws again, retrying each with one earlier choice lowered by one. */
    DELETE_SPANS_LOWERING(Deletions::spansLowering),
    /** Delete runs of 8, 4, 2, 1 adjacent choices regardless of spans. */
    DELETE_CHUNKS_PLAIN(Deletions::chunksPlain),
    /** Delete runs of 8, 4, 2, 1 adjacent choices regardless of spans, with the same retry. */
    DELETE_CHUNKS(Deletions::chunks),
    /** Delete an element of a run of siblings and lower the later elements' contents by one. */
    DELETE_SHIFTING(Deletions::shifting),
    /** Replace a draw by one of the draws nested inside it (a subtree by a sub-subtree). */
    PROMOTE_DESCENDANTS(Structure::promoteDescendants),
    /** Set a "no more" flag and delete the one or two choices after it (a draw moves to an earlier list). */
    RAISE_FLAG(Deletions::raisingFlag),
    /** Replace a draw by zeros as long as the shortest draw of its kind. */
    REPLACE_BY_SIMPLEST(Structure::replaceBySimplest),
    /** Swap adjacent draws at the same depth when that makes the sequence smaller. */
    SWAP_SIBLINGS(Structure::swapSiblings),
    /** Set a choice to 0 and delete the choice where the reading shifts, so the rest lines up. */
    ZERO_REALIGNING(Values::zeroRealigning),
    /** Move a draw into the place of a shortest draw of its kind, also in front of that place's sibling. */
    MOVE_TO_SIMPLEST_SLOT(Structure::moveToSimplestSlot),
    /** Lower every copy of a repeated multi-choice draw together. */
    LOWER_DUPLICATE_SPANS(Values::lowerDuplicateSpans),
    /** Lower every copy of a repeated value together. */
    LOWER_DUPLICATES(Values::lowerDuplicates),
    /** Lower two nearby choices by the same amount (values that must stay equal or close). */
    LOWER_PAIRS(Values::lowerPairs),
    /** Move value from a choice to a later one (the sum stays, the sequence gets smaller). */
    REDISTRIBUTE(Values::redistribute);

    /** Run as a round while they improve the case. */
    static final List<ShrinkPass> CHEAP = List.of(DELETE_SPANS, DELETE_CHUNKS, PROMOTE_DESCENDANTS, ZERO_SPANS, MINIMIZE_CHOICES);
    /** Run as a round when the cheap passes changed only values, or nothing. */
    static final List<ShrinkPass> EXPENSIVE = List.of(DELETE_SHIFTING, SWAP_SIBLINGS,
            LOWER_DUPLICATES, LOWER_PAIRS, REDISTRIBUTE);
    /** The costliest deletions, run as a round only when no other pass changes anything. */
    static final List<ShrinkPass> LAST = List.of(DELETE_SPANS_LOWERING, ZERO_REALIGNING, REPLACE_BY_SIMPLEST, RAISE_FLAG,
            MOVE_TO_SIMPLEST_SLOT, LOWER_DUPLICATE_SPANS);

    private final Consumer<Shrinker> pass;

    ShrinkPass(Consumer<Shrinker> pass) {
        this.pass = pass;
    }

    void run(Shrinker shrinker) {
        if (!shrinker.exhausted()) {
            shrinker.running(this);
            pass.accept(shrinker);
        }
    }
}
