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

    /**
     * What makes two failures "the same bug" for shrinking and counting: a {@link Divergence}
     * names its own key; any other throwable is keyed by its type and the place it was thrown.
     */
    static String failureKey(Throwable t) {
        if (t instanceof Divergence d) {
            return d.key();
        }
        StackTraceElement[] trace = t.getStackTrace();
        String where = trace.length == 0 ? "?" : trace[0].getClassName() + ":" + trace[0].getLineNumber();
        return t.getClass().getName() + " at " + where;
    }
}
