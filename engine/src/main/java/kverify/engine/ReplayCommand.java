package kverify.engine;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line that replays a case: the JUnit test method that ran the property, run through
 * Maven from the build root with the case's choices pinned. {@code module} is the Maven module
 * holding the test, relative to the build root ({@code -pl module -am}), or empty for a project
 * of one module.
 */
record ReplayCommand(String testClass, String testMethod, String module) {

    /** Annotations that make a method a test Surefire can select. */
    private static final String[] TEST_ANNOTATIONS = {"org.junit.jupiter.api.Test"};

    /**
     * The test that ran the property: the innermost caller whose method carries JUnit's
     * {@code @Test} (looked up by name, JUnit is not needed to build a command), else the first
     * caller outside the engine, the JDK, JUnit and AssertJ.
     */
    static ReplayCommand forCaller() {
        StackTraceElement fallback = null;
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            String c = e.getClassName();
            if (isJUnitTest(e)) {
                return of(e);
            }
            if (c.startsWith("kverify.engine.") || c.startsWith("java.") || c.startsWith("jdk.")
                    || c.startsWith("sun.") || c.startsWith("org.junit.") || c.startsWith("org.assertj.")) {
                continue;
            }
            if (fallback == null) {
                fallback = e;
            }
        }
        return fallback == null ? new ReplayCommand("UnknownTest", "unknown", moduleOf(null)) : of(fallback);
    }

    /** The command for a given test method (the JUnit extension knows it without a stack walk). */
    static ReplayCommand forTest(Class<?> testClass, String method) {
        return new ReplayCommand(simpleName(testClass.getName()), method, moduleOf(testClass));
    }

    private static ReplayCommand of(StackTraceElement e) {
        return new ReplayCommand(simpleName(e.getClassName()), e.getMethodName(), moduleOf(load(e.getClassName()).orElse(null)));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replaceAll("\\$.*", "");
    }

    private static Optional<Class<?>> load(String className) {
        try {
            return Optional.of(Class.forName(className));
        } catch (ClassNotFoundException | LinkageError ex) {
            return Optional.empty();
        }
    }

    private static boolean isJUnitTest(StackTraceElement e) {
        Optional<Class<?>> c = load(e.getClassName());
        if (c.isEmpty()) {
            return false;
        }
        for (Method m : c.get().getDeclaredMethods()) {
            if (m.getName().equals(e.getMethodName())) {
                for (java.lang.annotation.Annotation a : m.getAnnotations()) {
                    for (String name : TEST_ANNOTATIONS) {
                        if (a.annotationType().getName().equals(name)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * The module of a test class: the directory above the {@code target/...-classes} it was
     * loaded from, relative to the outermost directory whose pom.xml lists it as a module (so
     * nested modules give "a/b"). Without a class or a Maven layout, the module directory of
     * {@link RunSettings#moduleDir()} relative to the working directory.
     */
    static String moduleOf(Class<?> testClass) {
        Optional<Path> dir = testClass == null ? Optional.empty() : classesDir(testClass).map(p -> p.getParent().getParent());
        if (dir.isPresent() && Files.isRegularFile(dir.get().resolve("pom.xml"))) {
            Path root = dir.get();
            while (root.getParent() != null && lists(root.getParent(), root.getFileName().toString())) {
                root = root.getParent();
            }
            return slashes(root.relativize(dir.get()));
        }
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        return slashes(here.relativize(RunSettings.moduleDir().toAbsolutePath()));
    }

    private static Optional<Path> classesDir(Class<?> c) {
        try {
            URL url = c.getProtectionDomain().getCodeSource() == null ? null : c.getProtectionDomain().getCodeSource().getLocation();
            if (url == null || !"file".equals(url.getProtocol())) {
                return Optional.empty();
            }
            Path p = Path.of(url.toURI()).toAbsolutePath();
            boolean maven = p.getParent() != null && p.getParent().getFileName() != null
                    && p.getParent().getFileName().toString().equals("target") && Files.isDirectory(p);
            return maven ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether dir's pom.xml lists {@code child} as a module. */
    private static boolean lists(Path dir, String child) {
        Path pom = dir.resolve("pom.xml");
        try {
            return Files.isRegularFile(pom)
                    && Files.readString(pom, StandardCharsets.UTF_8).contains("<module>" + child + "</module>");
        } catch (IOException e) {
            return false;
        }
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    String forChoices(ChoiceSequence choices) {
        return base() + " -D" + RunSettings.REPLAY + "=\"" + choices.format() + "\"";
    }

    String forSeed(long seed, int tries) {
        return base() + " -D" + RunSettings.SEED + "=" + seed + " -D" + RunSettings.TRIES + "=" + tries;
    }

    private String base() {
        String modules = module.isEmpty() ? "" : " -pl " + module + " -am";
        return "mvn -q test" + modules + " -Dsurefire.failIfNoSpecifiedTests=false -Dtest='" + testClass + "#" + testMethod + "'";
    }
}
