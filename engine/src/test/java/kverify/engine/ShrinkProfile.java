package kverify.engine;

import java.util.EnumMap;
import java.util.Map;

/** Development aid for the shrinking benchmarks: evaluations per pass since the last call. */
public final class ShrinkProfile {
    private ShrinkProfile() {
    }

    public static String takeAndReset() {
        Map<ShrinkPass, Integer> copy = new EnumMap<>(Shrinker.PROFILE);
        Shrinker.PROFILE.clear();
        return copy.toString();
    }
}
