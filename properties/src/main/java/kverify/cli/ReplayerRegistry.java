package kverify.cli;

import java.util.List;

/** Which replayer handles which file type, by the first line's prefix. */
final class ReplayerRegistry {
    private ReplayerRegistry() {
    }

    record Entry(String headerPrefix, Replay.Replayer replayer) {
    }

    static List<Entry> entries() {
        return List.of(new Entry("kverify-trace luo", kverify.properties.luo.LuoTraceReplay::run),
                new Entry("kverify-trace multikernel", kverify.properties.mk.MkTraceReplay::run),
                new Entry("kverify-image luo", kverify.properties.luo.corrupt.ImageReplay::run));
    }
}
