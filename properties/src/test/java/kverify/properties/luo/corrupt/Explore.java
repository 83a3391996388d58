package kverify.properties.luo.corrupt;

import kverify.engine.Failure;
import kverify.engine.Property;
import kverify.engine.PropertyResult;
import kverify.engine.RunSettings;
import kverify.impl.luo.LuoVariant;

/** Scratch: run families on variants and print distinct keys. Not a test. */
public final class Explore {
    public static void main(String[] args) {
        int tries = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        int shrink = Integer.parseInt(args[2]);
        for (String fam : args[3].split(",")) {
            for (String var : args[4].split(",")) {
                LuoVariant v = Variants.parse(var).orElseThrow();
                Property p = fam.equals("mixed") ? CorruptionProperties.mixed(v, c -> { }) : fam.equals("roundtrip")
                        ? RoundTripProperty.of(v) : CorruptionProperties.family(Family.valueOf(fam.toUpperCase()), v);
                RunSettings rs = RunSettings.fromSystemProperties().collectingAllFailures().withTries(tries).withSeed(seed)
                        .withShrinkEvaluations(shrink);
                long t0 = System.nanoTime();
                PropertyResult r = p.run(rs);
                System.out.printf("%s: %d cases, %d discarded, %.1f s, %d failures%n", p.name(), r.validCases(), r.discarded(),
                        (System.nanoTime() - t0) / 1e9, r.failures().size());
                for (Failure f : r.failures()) {
                    System.out.println("   [" + f.occurrences() + "x] " + f.key());
                    if (args.length > 5) {
                        f.shrunk().rendering().forEach(l -> System.out.println("        " + l));
                        System.out.println("        " + f.shrunkError().getMessage().replace("\n", "\n        "));
                    }
                }
                r.coverageFailures().forEach(c -> System.out.println("   coverage: " + c));
                if (r.tooManyDiscards() != null) {
                    System.out.println("   " + r.tooManyDiscards());
                }
            }
        }
    }
}
