package kverify.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The generator of a {@link PropertyTest} parameter: the name of a field of type {@link Gen}, or
 * of a method without parameters returning one, in the test class or its superclasses (static or
 * not), or {@code "fully.qualified.Class#member"} for one elsewhere. The drawn value is rendered
 * in reports as {@code label: value}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface From {
    /** The generator's field or method name, or {@code Class#member}. */
    String value();

    /** The name the value has in reports; default the parameter's name (with -parameters), else the generator's. */
    String label() default "";
}
