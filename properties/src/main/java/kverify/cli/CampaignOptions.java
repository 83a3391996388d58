package kverify.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Options of {@code kverify campaign}; the budget is the one knob, everything else is fixed.
 * {@code jobs} and {@code shard} say where the work runs (how many worker threads, which slice),
 * never what it computes: the outputs do not depend on them.
 */
record CampaignOptions(Optional<Integer> tries, Optional<Long> seed, List<String> only, int powerSeeds, int jobs,
        Optional<Shard> shard, Optional<Path> shardOut) {

    static CampaignOptions parse(List<String> args) {
        Optional<Integer> tries = Optional.empty();
        Optional<Long> seed = Optional.empty();
        List<String> only = new ArrayList<>();
        int powerSeeds = 0;
        int jobs = Runtime.getRuntime().availableProcessors();
        Optional<Shard> shard = Optional.empty();
        Optional<Path> shardOut = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--tries" -> tries = Optional.of(positiveInt(a, value(args, ++i, a)));
                case "--seed" -> seed = Optional.of(parseLong(a, value(args, ++i, a)));
                case "--only" -> only.add(value(args, ++i, a));
                case "--power-seeds" -> powerSeeds = positiveInt(a, value(args, ++i, a));
                case "--jobs" -> jobs = positiveInt(a, value(args, ++i, a));
                case "--shard" -> shard = Optional.of(Shard.parse(value(args, ++i, a)));
                case "--shard-out" -> shardOut = Optional.of(Paths.get(value(args, ++i, a)));
                default -> throw new UsageError("campaign: unknown option '" + a + "'");
            }
        }
        if (shardOut.isPresent() && shard.isEmpty()) {
            throw new UsageError("campaign: --shard-out needs --shard K/N");
        }
        return new CampaignOptions(tries, seed, List.copyOf(only), powerSeeds, jobs, shard, shardOut);
    }

    static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageError(option + " needs a value");
        }
        return args.get(i);
    }

    static int positiveInt(String option, String text) {
        try {
            int v = Integer.parseInt(text);
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageError(option + " takes a positive whole number, got '" + text + "'");
        }
    }

    static long parseLong(String option, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageError(option + " takes a whole number, got '" + text + "'");
        }
    }
}
