package kverify.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A coverage requirement of a {@link PropertyTest}: the label (given to {@link Source#classify})
 * must occur in at least this fraction of the valid cases, decided as {@link Coverage} decides.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(CoverageAtLeast.All.class)
public @interface CoverageAtLeast {
    String label();

    double fraction();

    /** The container of repeated requirements. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface All {
        CoverageAtLeast[] value();
    }
}
