package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * The compact session table against a LinkedHashMap doing the same adds and removes: the same
 * live names in the same order, every lookup the same, through index growth and backward-shift
 * deletions. Names come from a small alphabet so removals and re-adds of one name are frequent.
 */
class SessionTableTest {
    @Test
    void behavesAsAnInsertionOrderedMapUnderChurn() {
        churn(new SessionTable(0, 1 << 20), k -> "n" + k);
    }

    /** The create path: a probe, then the add into the slot the failed probe ended on. */
    @Test
    void anAddIntoItsProbedSlotBehavesTheSame() {
        churn(new SessionTable(0, 1 << 20), k -> "n" + k, true);
        churn(new SessionTable(0, 8), k -> "a-long-common-prefix-" + (char) ('0' + k % 75) + (char) ('0' + k / 75), true);
    }

    /** Ids past the limit the slots were laid out for (the id field of a slot widens), names sharing all but the last byte, the empty name. */
    @Test
    void behavesAsAMapPastItsLimitAndForNeighbouringNames() {
        churn(new SessionTable(0, 8), k -> k == 0 ? "" : String.valueOf((char) ('0' + k % 75)) + (char) ('0' + k / 75));
        churn(new SessionTable(0, 8), k -> "a-long-common-prefix-" + (char) ('0' + k % 75) + (char) ('0' + k / 75));
    }

    /**
     * A counter's names, now and then an earlier one again (found and removed, or re-added): the
     * ascending run without an index, its binary search, and the run's end when a name below the
     * greatest one is added or the searches are more than the run is worth.
     */
    @Test
    void behavesAsAMapWhenNamesMostlyAscend() {
        for (int percentNew : new int[] {99, 90, 60}) {
            int[] counter = {0};
            ToIntFunction<Random> keys = r -> r.nextInt(100) < percentNew ? counter[0]++ : r.nextInt(counter[0] + 1);
            churn(new SessionTable(0, 1 << 20), k -> "s" + k, false, keys);
            counter[0] = 0;
            churn(new SessionTable(0, 8), k -> "s" + k, true, keys);
        }
    }

    /** A run of 100,000 ascending names, then every one of them looked up in a shuffled order (the run ends into the index midway). */
    @Test
    void findsEveryNameOfALongRunInAnyOrder() {
        SessionTable t = new SessionTable(0, 1 << 20);
        int n = 100_000;
        for (int k = 0; k < n; k++) {
            byte[] b = ("s" + k).getBytes(StandardCharsets.ISO_8859_1);
            assertThat(t.probe(b, 0, b.length)).isEqualTo(SessionTable.ABOVE);
            assertThat(t.add(b, 0, b.length, FileSet.NONE, SessionTable.ABOVE)).isEqualTo(k);
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            order.add(k);
        }
        Collections.shuffle(order, new Random(5));
        for (int k : order) {
            assertThat(t.find("s" + k)).isEqualTo(k);
        }
        assertThat(t.find("s" + n)).isEqualTo(-1);
        assertThat(t.find("s" + (n - 1) + "x")).isEqualTo(-1);
    }

    private static void churn(SessionTable t, IntFunction<String> names) {
        churn(t, names, false);
    }

    private static void churn(SessionTable t, IntFunction<String> names, boolean viaProbe) {
        churn(t, names, viaProbe, r -> r.nextInt(300));
    }

    private static void churn(SessionTable t, IntFunction<String> names, boolean viaProbe, ToIntFunction<Random> keys) {
        Random r = new Random(12);
        Map<String, Integer> ref = new LinkedHashMap<>();
        for (int step = 0; step < 20_000; step++) {
            String name = names.apply(keys.applyAsInt(r));
            byte[] b = name.getBytes(StandardCharsets.ISO_8859_1);
            int probed = t.probe(b, 0, b.length);
            int id = viaProbe ? Math.max(probed, -1) : t.find(name);
            assertThat(id >= 0).as("step %d: %s present", step, name).isEqualTo(ref.containsKey(name));
            if (id >= 0) {
                assertThat(id).isEqualTo(ref.get(name));
                t.remove(id);
                ref.remove(name);
                assertThat(t.live(id)).isFalse();
                assertThat(t.name(id)).as("a removed id keeps its name").isEqualTo(name);
            } else {
                assertThat(probed).as("step %d: the probe of an absent name ends on a free slot", step).isNegative();
                ref.put(name, viaProbe ? t.add(b, 0, b.length, FileSet.NONE, probed) : t.add(name, FileSet.NONE));
            }
            assertThat(t.size()).isEqualTo(ref.size());
        }
        List<String> order = new ArrayList<>();
        for (int id = t.next(-1); id >= 0; id = t.next(id)) {
            order.add(t.name(id));
        }
        assertThat(order).containsExactlyElementsOf(ref.keySet());
    }

    @Test
    void flagsAndFileSetsArePerSession() {
        SessionTable t = new SessionTable(4, 16);
        int a = t.add("a", FileSet.NONE);
        int b = t.add("b", FileSet.NONE);
        t.setRetrieved(b, true);
        FileSet own = new FileSet(null, null, null);
        t.setFiles(a, own);
        assertThat(t.retrieved(a)).isFalse();
        assertThat(t.retrieved(b)).isTrue();
        assertThat(t.files(a)).isSameAs(own);
        assertThat(t.files(b)).isSameAs(FileSet.NONE);
        assertThat(new Session(t, a)).isEqualTo(new Session(t, a)).isNotEqualTo(new Session(t, b));
    }

    /** Names added in descending order: each is below the greatest, so every id goes into the index, which grows as it fills. */
    @Test
    void findsEveryNameAddedInDescendingOrder() {
        SessionTable t = new SessionTable(0, 1 << 20);
        for (int k = 999; k >= 100; k--) {
            assertThat(t.find("z" + k)).isEqualTo(-1);
            assertThat(t.add("z" + k, FileSet.NONE)).isEqualTo(999 - k);
        }
        for (int k = 100; k <= 999; k++) {
            assertThat(t.find("z" + k)).as("z%d", k).isEqualTo(999 - k);
        }
        for (int k = 100; k <= 999; k += 2) {
            t.remove(999 - k);
        }
        for (int k = 100; k <= 999; k++) {
            assertThat(t.find("z" + k)).as("z%d after the removals", k).isEqualTo(k % 2 == 0 ? -1 : 999 - k);
        }
        assertThat(t.size()).isEqualTo(450);
    }

    /**
     * A lookup of an absent name above every name (ABOVE) followed by the create of a name below
     * them: the create's own probe decides, so the name goes into the index and the run stays ascending.
     */
    @Test
    void anAddAfterALookupAboveEveryNameKeepsTheRunAscending() {
        SessionTable t = new SessionTable(0, 1 << 20);
        t.add("b", FileSet.NONE);
        t.add("c", FileSet.NONE);
        t.add("d", FileSet.NONE);
        assertThat(t.find("z")).isEqualTo(-1);
        byte[] a = "a".getBytes(StandardCharsets.ISO_8859_1);
        int probed = t.probe(a, 0, 1);
        assertThat(probed).isNegative().isNotEqualTo(SessionTable.ABOVE);
        assertThat(t.add(a, 0, 1, FileSet.NONE, probed)).isEqualTo(3);
        assertThat(t.find("c")).isEqualTo(1);
        assertThat(t.find("d")).isEqualTo(2);
        assertThat(t.find("a")).isEqualTo(3);
        assertThat(t.find("b")).isEqualTo(0);
    }

    /** A failed lookup of one name, then the add of another name (looked up inside add): the free slot the lookup ended on is not the other name's. */
    @Test
    void anAddOfANameOtherThanTheOneLastLookedUpFindsItsOwnSlot() {
        SessionTable t = new SessionTable(0, 1 << 20);
        t.add("m", FileSet.NONE);
        t.add("b", FileSet.NONE); // below "m": into the index, so later lookups below "m" use it
        for (String other : new String[] {"c", "d", "e", "f", "g"}) {
            assertThat(t.find("a")).isEqualTo(-1);
            int id = t.add(other, FileSet.NONE);
            assertThat(t.find(other)).as(other).isEqualTo(id);
            assertThat(t.find("a")).isEqualTo(-1);
        }
        assertThat(t.find("b")).isEqualTo(1);
    }

    /**
     * A run of 20 ascending names (the arrays grown to exactly 20 ids) whose binary searches run
     * past their budget: the run ends into the empty index (its first growth), and every name is
     * still found, an absent one still absent.
     */
    @Test
    void aShortRunEndsIntoTheIndexWhenItsSearchesRunOut() {
        SessionTable t = new SessionTable(0, 1 << 20);
        for (int k = 0; k < 20; k++) {
            assertThat(t.add("s" + k, FileSet.NONE)).isEqualTo(k);
        }
        byte[] absent = "s0a".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 40; i++) {
            assertThat(t.find(absent, 0, absent.length)).as("search %d", i).isEqualTo(-1);
        }
        for (int k = 0; k < 20; k++) {
            assertThat(t.find("s" + k)).isEqualTo(k);
        }
        assertThat(t.add("s20", FileSet.NONE)).isEqualTo(20);
        assertThat(t.find("s20")).isEqualTo(20);
        assertThat(t.find("s0a")).isEqualTo(-1);
    }
}
