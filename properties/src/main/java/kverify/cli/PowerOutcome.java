package kverify.cli;

import java.util.List;
import kverify.engine.PropertyResult;

/**
 * One property's run on one blind seed for the power table: per distinct key found, the try
 * that first hit it and its shrunk length (all the table needs).
 */
record PowerOutcome(String property, long seed, List<Detection> detections) {

    record Detection(String key, int firstTry, int length) {
    }

    static PowerOutcome of(PropertyResult r, long seed) {
        return new PowerOutcome(r.property(), seed, r.failures().stream()
                .map(f -> new Detection(f.key(), f.foundAtTry(), Traces.length(f.shrunk().rendering()))).toList());
    }
}
