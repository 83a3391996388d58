package kverify.impl.luo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The fd table against a sorted map doing the same installs and closes (the plainest fd table:
 * the lowest number from 3 not in the map is the next fd). Sessions of several lists and other
 * files mixed, closes in random order so the freed numbers' heap is reordered, numbers past the
 * arrays' growth, and lookups of numbers that were never open, below 3 and past the end.
 */
class FdTableTest {
    private static int lowestFree(TreeMap<Integer, Object> open) {
        int fd = FdTable.FIRST;
        while (open.containsKey(fd)) {
            fd++;
        }
        return fd;
    }

    @Test
    void behavesAsTheLowestFreeNumberFromThree() {
        for (long seed = 1; seed <= 4; seed++) {
            Random r = new Random(seed);
            FdTable fds = new FdTable();
            TreeMap<Integer, Object> open = new TreeMap<>();
            List<SessionTable> lists = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                lists.add(new SessionTable(0, 1 << 10));
            }
            for (int step = 0; step < 4_000; step++) {
                int what = r.nextInt(10);
                if (what < 3 || open.isEmpty()) {
                    Session s = new Session(lists.get(r.nextInt(1 + step % 4)), r.nextInt(1 << 10));
                    int expected = lowestFree(open);
                    int fd = r.nextBoolean() ? fds.install(s) : fds.installSession(s.table, s.id);
                    assertThat(fd).as("seed %d step %d: session fd", seed, step).isEqualTo(expected);
                    open.put(fd, s);
                } else if (what < 5) {
                    Object file = "file-" + step;
                    int expected = lowestFree(open);
                    assertThat(fds.install(file)).as("seed %d step %d: file fd", seed, step).isEqualTo(expected);
                    open.put(expected, file);
                } else if (what < 8 - (step / 1_000) % 2) {
                    int fd = FdTable.FIRST + r.nextInt(open.lastKey() + 2);
                    assertThat(fds.remove(fd)).as("seed %d step %d: close %d", seed, step, fd).isEqualTo(open.remove(fd));
                } else {
                    int fd = r.nextInt(open.lastKey() + 40) - 1;
                    assertThat(fds.get(fd)).as("seed %d step %d: get %d", seed, step, fd).isEqualTo(open.get(fd));
                }
            }
            for (int fd = -1; fd < open.lastKey() + 3; fd++) {
                assertThat(fds.get(fd)).as("seed %d: fd %d at the end", seed, fd).isEqualTo(open.get(fd));
            }
        }
    }

    @Test
    void aNumberFarPastTheArraysIsFreeAndTheyGrowToHoldIt() {
        FdTable fds = new FdTable();
        for (int i = 0; i < 100; i++) {
            assertThat(fds.install("f" + i)).isEqualTo(FdTable.FIRST + i);
        }
        assertThat(fds.get(FdTable.FIRST + 100)).isNull();
        assertThat(fds.get(1 << 20)).isNull();
        assertThat(fds.get(2)).isNull();
        assertThat(fds.remove(FdTable.FIRST + 50)).isEqualTo("f50");
        assertThat(fds.remove(FdTable.FIRST + 50)).isNull();
        assertThat(fds.remove(FdTable.FIRST + 7)).isEqualTo("f7");
        assertThat(fds.install("g")).isEqualTo(FdTable.FIRST + 7);
        assertThat(fds.install("h")).isEqualTo(FdTable.FIRST + 50);
        assertThat(fds.install("i")).isEqualTo(FdTable.FIRST + 100);
        assertThat(fds.get(FdTable.FIRST + 7)).isEqualTo("g");
    }
}
