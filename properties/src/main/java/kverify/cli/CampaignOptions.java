package kverify.cli;

import java.util.List;
import java.util.Optional;

/** Options of {@code kverify campaign}; the budget is the one knob, everything else is fixed. */
record CampaignOptions(Optional<Integer> tries, Optional<Long> seed, Optional<String> only, int powerSeeds) {

    static CampaignOptions parse(List<String> args) {
        Optional<Integer> tries = Optional.empty();
        Optional<Long> seed = Optional.empty();
        Optional<String> only = Optional.empty();
        int powerSeeds = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--tries" -> tries = Optional.of(positiveInt(a, value(args, ++i, a)));
                case "--seed" -> seed = Optional.of(parseLong(a, value(args, ++i, a)));
                case "--only" -> only = Optional.of(value(args, ++i, a));
                case "--power-seeds" -> powerSeeds = positiveInt(a, value(args, ++i, a));
                default -> throw new UsageError("campaign: unknown option '" + a + "'");
            }
        }
        return new CampaignOptions(tries, seed, only, powerSeeds);
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
