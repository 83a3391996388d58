package kverify.bench;

/**
 * Part 3: checked operation steps per second of the equivalence properties, corrupted images
 * checked per second, and the shrinker's time per finding. The properties are not on main yet.
 */
final class PropertyThroughput {
    private PropertyThroughput() {
    }

    static void run(Table t) {
        t.add("3 throughput", "LUO / multikernel equivalence properties, corruption property, shrinker",
                "not measured", "the properties are not on main yet");
    }
}
