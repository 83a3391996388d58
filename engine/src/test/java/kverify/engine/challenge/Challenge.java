package kverify.engine.challenge;

import java.util.function.Consumer;
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
record Challenge(String name, String normalForm, Consumer<Source> body) {

    /** The label of the one draw that holds the whole case; its rendered line is what we compare. */
    static final String LABEL = "counterexample";

    Property property() {
        return Property.named("challenge." + name).body(body).build();
    }

    /** The rendered line a run must end with to count as having reached the normal form. */
    String normalFormLine() {
        return LABEL + ": " + normalForm;
    }
}
