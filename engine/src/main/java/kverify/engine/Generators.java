package kverify.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Finds the generator a {@link From} names: a field of type {@link Gen} or a method without
 * parameters returning one, in the test class or a superclass, or in the class before '#'.
 * Misuse (no such member, a member of another type, a generator of values the parameter cannot
 * take) is an {@link IllegalArgumentException} naming the parameter, raised before any case runs.
 */
final class Generators {
    private Generators() {
    }

    /** The generator for one parameter, read from {@code instance} for a member that is not static. */
    static Gen<?> resolve(Parameter p, Class<?> testClass, Object instance) {
        String ref = p.getAnnotation(From.class).value();
        int hash = ref.indexOf('#');
        Class<?> owner = hash < 0 ? testClass : load(ref.substring(0, hash), p);
        String name = hash < 0 ? ref : ref.substring(hash + 1);
        Member m = member(owner, name).orElseThrow(() -> misuse(p, "no field or method '" + name + "' in " + owner.getName()));
        boolean isStatic = Modifier.isStatic(m.getModifiers());
        if (!isStatic && (instance == null || !owner.isInstance(instance))) {
            throw misuse(p, "'" + name + "' in " + owner.getName() + " is not static");
        }
        Type type = m instanceof Field f ? f.getGenericType() : ((Method) m).getGenericReturnType();
        checkValueType(p, name, type);
        Object gen = read(m, isStatic ? null : instance, p);
        if (gen == null) {
            throw misuse(p, "'" + name + "' is null");
        }
        return (Gen<?>) gen;
    }

    /** The label of a parameter's value in reports. */
    static String label(Parameter p) {
        From from = p.getAnnotation(From.class);
        if (!from.label().isEmpty()) {
            return from.label();
        }
        return p.isNamePresent() ? p.getName() : from.value().substring(from.value().indexOf('#') + 1);
    }

    private static Class<?> load(String className, Parameter p) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw misuse(p, "no class " + className);
        }
    }

    private static Optional<Member> member(Class<?> owner, String name) {
        for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return Optional.of(f);
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == 0) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

    /** The member must be a Gen; when its type argument is a class, the parameter must accept it. */
    private static void checkValueType(Parameter p, String name, Type type) {
        Class<?> raw = type instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : type instanceof Class<?> c ? c : null;
        if (raw == null || !Gen.class.isAssignableFrom(raw)) {
            throw misuse(p, "'" + name + "' is a " + type.getTypeName() + ", not a Gen");
        }
        if (type instanceof ParameterizedType pt && pt.getRawType() == Gen.class) {
            Type arg = pt.getActualTypeArguments()[0];
            Class<?> value = arg instanceof Class<?> c ? c : arg instanceof ParameterizedType apt ? (Class<?>) apt.getRawType() : null;
            if (value != null && !boxed(p.getType()).isAssignableFrom(value)) {
                throw misuse(p, "'" + name + "' generates " + arg.getTypeName() + ", the parameter is a " + p.getType().getName());
            }
        }
    }

    static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "boolean" -> Boolean.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "char" -> Character.class;
            default -> Void.class;
        };
    }

    private static Object read(Member m, Object target, Parameter p) {
        try {
            if (m instanceof Field f) {
                f.setAccessible(true);
                return f.get(target);
            }
            Method method = (Method) m;
            method.setAccessible(true);
            return method.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw misuse(p, "cannot read '" + m.getName() + "': " + e);
        }
    }

    private static IllegalArgumentException misuse(Parameter p, String why) {
        return new IllegalArgumentException("@From on parameter " + p + " of " + p.getDeclaringExecutable().getName() + ": " + why);
    }
}
