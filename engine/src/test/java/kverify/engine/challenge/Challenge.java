package kverify.engine.challenge;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import kverify.engine.ChoiceSequence;
import kverify.engine.Property;
import kverify.engine.Source;

/**
 * One problem of the public shrinking challenge (github.com/jlink/shrinking-challenge): a
 * property that draws its whole case as one value labelled {@link #LABEL}, and the known
 * minimal counterexample ("normal form") rendered the way that value prints.
 *
 * <p>"Minimal" is taken in the engine's own order: shortlex on the choice sequence. Where the
 * published normal form is written differently (a sign convention, an order), the problem's
 * comment says what the engine's minimum is and why.
 */
record Challenge(String name, String normalForm, Consumer<Source> body, Optional<Function<Object, ChoiceSequence>> translator) {

    Challenge(String name, String normalForm, Consumer<Source> body) {
        this(name, normalForm, body, Optional.empty());
    }

    /**
     * The same problem, able to start from a published case: {@code translate} takes the case
     * as read by {@link kverify.engine.challenge.published.PyValue} (or the text itself, for a
     * problem whose cases are not Python literals) and writes the choices our generators read.
     */
    Challenge startingFrom(Function<Object, ChoiceSequence> translate) {
        return new Challenge(name, normalForm, body, Optional.of(translate));
    }

    /** The label of the one draw that holds the whole case; its rendered line is what we compare. */
    static final String LABEL = "counterexample";

    Property property() {
        return Property.named("challenge." + name).body(body).build();
    }

    /**
     * Problems whose normal form the engine need not reach from every start (the measured share
     * is in docs/shrinking-challenge.md). None now: binheap_faithful, the last, ended in a second
     * local minimum before the passes MOVE_TO_SIMPLEST_SLOT and LOWER_DUPLICATE_SPANS.
     */
    static final java.util.Set<String> MAY_MISS = java.util.Set.of();

    boolean alwaysReached() {
        return !MAY_MISS.contains(name);
    }

    /** The rendered line a run must end with to count as having reached the normal form. */
    String normalFormLine() {
        return LABEL + ": " + normalForm;
    }
}
