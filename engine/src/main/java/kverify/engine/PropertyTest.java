package kverify.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a method a property: a JUnit Jupiter test whose parameters are generated. Each parameter
 * is annotated {@link From} (drawn from a named generator) or has type {@link Source} (the body
 * draws more itself, e.g. a stateful sequence). The method throws on failure, like any test.
 * A run replays the property's stored regressions first, then generates cases, shrinks the first
 * failure and fails the test with the report (original and shrunk case, seed, choices, the
 * one-line replay command).
 *
 * <p>Budget: {@code -Dkverify.tries}, {@code -Dkverify.seed} and {@code -Dkverify.replay} win over
 * the attributes, which win over the optional budget file (see {@link RunSettings}); so one knob
 * still scales every property and any printed seed replays.
 *
 * <pre>
 * static final Gen&lt;List&lt;Integer&gt;&gt; LISTS = Gen.lists(Gen.ints(0, 9), 0, 10);
 *
 * &#64;PropertyTest(tries = 200)
 * void reversingTwiceGivesTheList(&#64;From("LISTS") List&lt;Integer&gt; xs) { ... }
 * </pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(PropertyExtension.class)
public @interface PropertyTest {
    /** The property name (a file name: it names the regression directory); default Class.method. */
    String name() default "";

    /** Cases to generate when {@code -Dkverify.tries} is not given; 0: the budget file's default. */
    int tries() default 0;

    /** This fraction of the tries (for expensive properties); at least one try. */
    double triesScale() default 1.0;

    /** The seed when {@code -Dkverify.seed} is not given; empty: a random seed (printed on failure). */
    String seed() default "";

    /** Property evaluations the shrinker may spend on one failure; 0: the budget file's default. */
    int shrinkEvaluations() default 0;

    /**
     * Where stored regressions are read, relative to the module directory, unless
     * {@code -Dkverify.regressions} is given; empty: {@code src/test/resources/regressions}.
     */
    String regressions() default "";
}
