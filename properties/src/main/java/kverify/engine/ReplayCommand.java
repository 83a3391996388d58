package kverify.engine;

/**
 * The command line that replays a case: the JUnit test method that called
 * {@link Property#check()}, run through Maven with the case's choices pinned.
 */
record ReplayCommand(String testClass, String testMethod) {

    /**
     * The test that ran the property: the innermost caller whose method carries JUnit's
     * {@code @Test} (looked up by name, JUnit is not a dependency of the engine), else the first
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
        return fallback == null ? new ReplayCommand("UnknownTest", "unknown") : of(fallback);
    }

    private static ReplayCommand of(StackTraceElement e) {
        String simple = e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1);
        return new ReplayCommand(simple.replaceAll("\\$.*", ""), e.getMethodName());
    }

    private static boolean isJUnitTest(StackTraceElement e) {
        try {
            for (java.lang.reflect.Method m : Class.forName(e.getClassName()).getDeclaredMethods()) {
                if (m.getName().equals(e.getMethodName())) {
                    for (java.lang.annotation.Annotation a : m.getAnnotations()) {
                        if (a.annotationType().getName().equals("org.junit.jupiter.api.Test")) {
                            return true;
                        }
                    }
                }
            }
        } catch (ClassNotFoundException | LinkageError ex) {
            return false;
        }
        return false;
    }

    String forChoices(ChoiceSequence choices) {
        return base() + " -D" + RunSettings.REPLAY + "=\"" + choices.format() + "\"";
    }

    String forSeed(long seed, int tries) {
        return base() + " -D" + RunSettings.SEED + "=" + seed + " -D" + RunSettings.TRIES + "=" + tries;
    }

    private String base() {
        return "mvn -q test -pl properties -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest='"
                + testClass + "#" + testMethod + "'";
    }
}
