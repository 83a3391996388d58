package kverify.cli;

import kverify.engine.Failure;

/** Lengths of shrunk counterexamples as a reader counts them: the steps of the rendered trace. */
final class Traces {
    private Traces() {
    }

    /** Number of rendered lines that are steps ("op ..." or "step ..."), else all rendered lines. */
    static int length(Failure f) {
        long steps = f.shrunk().rendering().stream().filter(Traces::isStep).count();
        return (int) (steps > 0 ? steps : f.shrunk().rendering().size());
    }

    static boolean isStep(String line) {
        return line.startsWith("op ") || line.startsWith("step ");
    }
}
