package kverify.engine;

import java.util.List;
import java.util.function.Consumer;

/** Runs a property body against a source and captures the outcome as a {@link TestCase}. */
final class Execution {
    private Execution() {
    }

    static TestCase run(Consumer<Source> body, Source source) {
        TestCase.Status status = TestCase.Status.PASSED;
        Throwable failure = null;
        String key = null;
        try {
            body.accept(source);
        } catch (Source.Discard | Gen.FilterExhausted e) {
            status = TestCase.Status.DISCARDED;
            failure = e;
        } catch (Source.Overrun e) {
            status = TestCase.Status.OVERRUN;
        } catch (OutOfMemoryError | StackOverflowError e) {
            status = TestCase.Status.FAILED;
            failure = e;
            key = e.getClass().getName();
        } catch (Throwable t) {
            status = TestCase.Status.FAILED;
            failure = t;
            key = failureKey(t);
        }
        return new TestCase(source.recorded(), List.copyOf(source.spans()), List.copyOf(source.log()),
                source.labels(), status, failure, key);
    }

    /** Marks the key of a throwable that carries no stack trace (see {@link #sameFailure}). */
    static final String NO_TRACE = " (no stack trace)";

    /**
     * What makes two failures "the same bug" for shrinking and counting: a {@link Divergence}
     * names its own key; any other throwable is keyed by its type and the place it was thrown.
     */
    static String failureKey(Throwable t) {
        if (t instanceof Divergence d) {
            return d.key();
        }
        StackTraceElement[] trace = t.getStackTrace();
        if (trace.length == 0) {
            return t.getClass().getName() + NO_TRACE;
        }
        return t.getClass().getName() + " at " + trace[0].getClassName() + ":" + trace[0].getLineNumber();
    }

    /**
     * Whether a failure keyed {@code candidate} is the failure keyed {@code target}. Equal keys
     * are; so are a key without a stack trace and a key of the same exception type, because
     * HotSpot, once it has compiled a method that keeps throwing an implicit exception (division
     * by zero, a null dereference, an index out of bounds), may throw a preallocated instance
     * without a trace (-XX:-OmitStackTraceInFastThrow turns that off; the test JVMs use it).
     * Without the tolerance a long shrink would stop accepting cases halfway, depending on
     * when the compiler ran.
     */
    static boolean sameFailure(String target, String candidate) {
        if (target.equals(candidate)) {
            return true;
        }
        boolean traceless = target.endsWith(NO_TRACE) || candidate.endsWith(NO_TRACE);
        return traceless && exceptionType(target).equals(exceptionType(candidate));
    }

    private static String exceptionType(String key) {
        int cut = key.endsWith(NO_TRACE) ? key.length() - NO_TRACE.length() : key.indexOf(" at ");
        return cut < 0 ? key : key.substring(0, cut);
    }
}
