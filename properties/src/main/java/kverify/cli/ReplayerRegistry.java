package kverify.cli;

import java.util.List;

/**
 * Which replayer handles which file type, by the first line's prefix: the side-by-side printer
 * ({@code kverify replay}) and the per-variant first divergence keys its exit code is judged by.
 */
final class ReplayerRegistry {
    private ReplayerRegistry() {
    }

    record Entry(String headerPrefix, String subsystem, Replay.Replayer replayer, ReplayVerdicts.Reader verdicts) {
    }

    static List<Entry> entries() {
        return List.of(new Entry("kverify-trace luo", "luo", kverify.properties.luo.LuoTraceReplay::run, ReplayVerdicts::luo),
                new Entry("kverify-trace multikernel", "mk", kverify.properties.mk.MkTraceReplay::run, ReplayVerdicts::mk),
                new Entry("kverify-image luo", "luo-image", kverify.properties.luo.corrupt.ImageReplay::run, ReplayVerdicts::image));
    }
}
