package kverify.engine;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a {@link PropertyTest} method as a property. Jupiter calls a test method once; this
 * extension takes that one call over and calls the method once per case instead, with the
 * parameters drawn from their generators, and fails the test with the engine's report.
 */
public final class PropertyExtension implements ParameterResolver, InvocationInterceptor {

    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
        return pc.isAnnotated(From.class) || pc.getParameter().getType() == Source.class;
    }

    /**
     * Jupiter resolves every parameter before it offers the call to the interceptor, so each gets
     * a placeholder (null, or zero for a primitive); the method never sees it, because the
     * interceptor skips Jupiter's call and makes its own with drawn values.
     */
    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
        Class<?> type = pc.getParameter().getType();
        return type.isPrimitive() ? Array.get(Array.newInstance(type, 1), 0) : null;
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext ec) {
        invocation.skip();
        Method method = call.getExecutable();
        Class<?> testClass = ec.getRequiredTestClass();
        PropertyTest spec = AnnotationSupport.findAnnotation(method, PropertyTest.class)
                .orElseThrow(() -> new IllegalStateException(method + " lacks @PropertyTest"));
        Property property = property(spec, method, testClass, call.getTarget().orElse(null));
        property.check(settings(spec), ReplayCommand.forTest(testClass, method.getName()));
    }

    /** The property a method describes; misused generators fail here, before any case runs. */
    static Property property(PropertyTest spec, Method method, Class<?> testClass, Object target) {
        Parameter[] params = method.getParameters();
        Gen<?>[] gens = new Gen<?>[params.length];
        String[] labels = new String[params.length];
        for (int i = 0; i < params.length; i++) {
            if (params[i].isAnnotationPresent(From.class)) {
                gens[i] = Generators.resolve(params[i], testClass, target);
                labels[i] = Generators.label(params[i]);
            } else if (params[i].getType() != Source.class) {
                throw new IllegalArgumentException("parameter " + params[i] + " of " + method.getName()
                        + " needs @From or the type Source");
            }
        }
        String name = spec.name().isEmpty() ? defaultName(testClass, method) : spec.name();
        Property.Builder b = Property.named(name).body(body(method, target, gens, labels)).triesScale(spec.triesScale());
        for (CoverageAtLeast c : method.getAnnotationsByType(CoverageAtLeast.class)) {
            b.requireCoverage(c.label(), c.fraction());
        }
        return b.build();
    }

    /** Class.method, the class named without its package, a nested class as Outer.Inner. */
    private static String defaultName(Class<?> testClass, Method method) {
        String binary = testClass.getName().substring(testClass.getName().lastIndexOf('.') + 1);
        return binary.replace('$', '.') + "." + method.getName();
    }

    private static Consumer<Source> body(Method method, Object target, Gen<?>[] gens, String[] labels) {
        method.setAccessible(true);
        return s -> {
            Object[] args = new Object[gens.length];
            for (int i = 0; i < gens.length; i++) {
                args[i] = gens[i] == null ? s : s.draw(labels[i], gens[i]);
            }
            try {
                method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw PropertyExtension.<RuntimeException>rethrow(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot call " + method, e);
            }
        };
    }

    /** Lets the method's own exception (checked or not) reach the engine unwrapped: it keys the failure. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E rethrow(Throwable t) throws E {
        throw (E) t;
    }

    /** System properties first, then the annotation, then the budget file. */
    static RunSettings settings(PropertyTest spec) {
        RunSettings s = RunSettings.fromSystemProperties();
        if (spec.tries() > 0 && unset(RunSettings.TRIES)) {
            s = s.withTries(spec.tries());
        }
        if (!spec.seed().isBlank() && unset(RunSettings.SEED)) {
            s = s.withSeed(Long.parseLong(spec.seed().trim()));
        }
        if (spec.shrinkEvaluations() > 0) {
            s = s.withShrinkEvaluations(spec.shrinkEvaluations());
        }
        if (!spec.regressions().isBlank() && unset(RunSettings.REGRESSIONS)) {
            s = s.withRegressionsDir(RunSettings.moduleDir().resolve(spec.regressions().trim()));
        }
        return s;
    }

    private static boolean unset(String systemProperty) {
        String v = System.getProperty(systemProperty);
        return v == null || v.isBlank();
    }
}
