package kverify.engine;

import java.util.function.Consumer;

/**
 * The shrink passes, in the order one round runs them. Structure first (fewer choices beat
 * smaller ones under shortlex, and every later pass is cheaper on a shorter case), then values.
 */
enum ShrinkPass {
    /** Delete whole draws, largest first; retry with one earlier choice lowered by one. */
    DELETE_SPANS(Deletions::spans),
    /** Delete runs of 8, 4, 2, 1 adjacent choices regardless of spans, with the same retry. */
    DELETE_CHUNKS(Deletions::chunks),
    /** Delete an element of a run of siblings and lower the later elements' contents by one. */
    DELETE_SHIFTING(Deletions::shifting),
    /** Replace a draw by one of the draws nested inside it (a subtree by a sub-subtree). */
    PROMOTE_DESCENDANTS(Structure::promoteDescendants),
    /** Swap adjacent draws at the same depth when that makes the sequence smaller. */
    SWAP_SIBLINGS(Structure::swapSiblings),
    /** Set all choices of a draw to zero (its simplest value). */
    ZERO_SPANS(Values::zeroSpans),
    /** Minimize each choice alone: 0, 1, then the largest step down that still fails. */
    MINIMIZE_CHOICES(Values::minimizeChoices),
    /** Lower two nearby choices by the same amount (values that must stay equal or close). */
    LOWER_PAIRS(Values::lowerPairs),
    /** Move value from a choice to a later one (the sum stays, the sequence gets smaller). */
    REDISTRIBUTE(Values::redistribute);

    private final Consumer<Shrinker> pass;

    ShrinkPass(Consumer<Shrinker> pass) {
        this.pass = pass;
    }

    void run(Shrinker shrinker) {
        if (!shrinker.exhausted()) {
            pass.accept(shrinker);
        }
    }
}
