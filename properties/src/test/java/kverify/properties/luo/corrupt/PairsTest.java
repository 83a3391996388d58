package kverify.properties.luo.corrupt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairsTest {

    /** The k-th pair is the k-th of the nested loops the corruptions listed before (so a seed draws the same pair). */
    @Test
    void pairAtIndexIsTheNestedLoopsPair() {
        SplittableRandom r = new SplittableRandom(12);
        for (int trial = 0; trial < 300; trial++) {
            int[] groups = new int[r.nextInt(0, 12)];
            int g = 0;
            for (int i = 0; i < groups.length; i++) {
                g += r.nextInt(4) == 0 ? r.nextInt(1, 3) : 0;
                groups[i] = g;
            }
            for (boolean same : new boolean[] {true, false}) {
                List<int[]> listed = new ArrayList<>();
                for (int a = 0; a < groups.length; a++) {
                    for (int b = 0; b < groups.length; b++) {
                        if (a != b && (groups[a] == groups[b]) == same) {
                            listed.add(new int[] {a, b});
                        }
                    }
                }
                Pairs p = new Pairs(groups, same);
                assertThat(p.size()).isEqualTo(listed.size());
                for (int k = 0; k < listed.size(); k++) {
                    assertThat(p.at(k)).as("pair %d of groups %s", k, java.util.Arrays.toString(groups)).containsExactly(listed.get(k));
                }
            }
        }
    }
}
