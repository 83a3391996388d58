package kverify.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RangesTest {
    private static final long[][] RANGES = {
        {-5, 5}, {-3, 1000}, {-1000, 3}, {0, 9}, {5, 10}, {-10, -5}, {Integer.MIN_VALUE, Integer.MAX_VALUE},
        {Long.MIN_VALUE, Long.MAX_VALUE}, {Long.MIN_VALUE, 0}, {Long.MIN_VALUE, -1}, {0, Long.MAX_VALUE}, {7, 7},
    };

    /** The value the choices decode to in [min, max]. */
    private static long decode(long min, long max, long... choices) {
        return Ranges.drawLong(Source.replay(ChoiceSequence.of(choices)), min, max);
    }

    private static List<Long> probes(long min, long max, SplittableRandom random) {
        List<Long> out = new ArrayList<>();
        for (long e : Ranges.edges(min, max)) {
            out.add(e);
        }
        Source source = Source.random(random.nextLong());
        for (int i = 0; i < 50; i++) {
            out.add(source.uniform(min, max));
        }
        return out;
    }

    @Test
    void everyValueRoundTripsThroughItsChoices() {
        SplittableRandom random = new SplittableRandom(1);
        for (long[] r : RANGES) {
            boolean straddles = r[0] < 0 && r[1] > 0;
            for (long v : probes(r[0], r[1], random)) {
                assertThat(v).isBetween(r[0], r[1]);
                Source writer = Source.random(2);
                assertThat(Ranges.forceLong(writer, r[0], r[1], v)).isEqualTo(v);
                ChoiceSequence choices = writer.recorded();
                assertThat(decode(r[0], r[1], choices.toArray())).as("%d in [%d, %d] via %s", v, r[0], r[1], choices)
                        .isEqualTo(v);
                // A straddling range costs two choices for every value, so no value is shorter than another.
                assertThat(choices.length()).isEqualTo(straddles || (r[0] == Long.MIN_VALUE && r[1] == 0) ? 2 : 1);
            }
        }
    }

    @Test
    void straddlingRangesOrderValuesByMagnitudeThenSign() {
        assertThat(List.of(decode(-9, 9, 0, 0), decode(-9, 9, 1, 0), decode(-9, 9, 1, 1), decode(-9, 9, 2, 0),
                decode(-9, 9, 2, 1))).containsExactly(0L, 1L, -1L, 2L, -2L);
        // Beyond the short side of a lopsided range both sides give the long side's value.
        assertThat(decode(-3, 1000, 5, 1)).isEqualTo(5);
        assertThat(decode(-1000, 3, 5, 0)).isEqualTo(-5);
    }

    @Test
    void longMinValueIsTheThirdSideOfTheTopMagnitude() {
        assertThat(decode(Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 0)).isEqualTo(Long.MAX_VALUE);
        assertThat(decode(Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 1)).isEqualTo(-Long.MAX_VALUE);
        assertThat(decode(Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 2)).isEqualTo(Long.MIN_VALUE);
        assertThat(decode(Long.MIN_VALUE, 0, Long.MAX_VALUE, 2)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void edgesHoldTheEndsTheirInnerNeighboursZeroAndBoundaries() {
        assertThat(Ranges.edges(-100, 100, 64)).containsExactly(-100, -99, -1, 0, 1, 63, 64, 65, 99, 100);
        assertThat(Ranges.edges(1, Integer.MAX_VALUE)).containsExactly(1, 2, Integer.MAX_VALUE - 1, Integer.MAX_VALUE);
        assertThat(Ranges.edges(7, 7)).containsExactly(7);
    }
}
