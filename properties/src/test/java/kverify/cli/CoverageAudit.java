package kverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kverify.engine.Coverage;
import kverify.engine.Property;
import kverify.engine.RunSettings;
import kverify.engine.TestCase;
import kverify.impl.mk.MkVariant;
import kverify.properties.mk.MkCatalog;
import kverify.properties.mk.MkFindings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How likely a random-seed {@code mvn test} run is to fail a coverage requirement by chance.
 * Every property with requirements (the campaign's catalog, plus the posted multikernel variants
 * with their known findings accepted, as MkProperties runs them) is sampled at many cases from a
 * fixed seed; for each requirement it prints the measured rate and the probability that a run at
 * the property's default tries fails it. A run decides coverage only when none of its cases failed
 * (posted variants), so that probability is P(no failing case) times the binomial probability
 * that the label's rate among passing cases puts the whole Wilson interval below the requirement.
 * The test fails when any probability exceeds {@link #LIMIT}.
 *
 * <p>Run: {@code mvn -B -q test -o -Pslow -pl properties -am -Dtest=CoverageAudit
 * -Dsurefire.failIfNoSpecifiedTests=false} (options {@code -Dkverify.audit.cases=2000},
 * {@code -Dkverify.audit.seed=1}, {@code -Dkverify.audit.only=REGEX} on property names). The table
 * is printed and written to {@code properties/target/coverage-audit.md}; docs/campaign.md holds the
 * checked-in one.
 */
@Tag("slow")
class CoverageAudit {
    /** The highest acceptable chance that one run fails one requirement by chance. */
    static final double LIMIT = 1e-4;

    record Row(String property, String label, double required, int cases, int sampled, int hits, int passing,
            int passingHits, double probability) {
        double rate() {
            return (double) hits / sampled;
        }

        String markdown() {
            int failsAt = Coverage.highestFailingHits(required, cases);
            return String.format(Locale.ROOT, "| %s | %s | %.3f | %d | %s | %.1f%% (%d/%d) | %.1f%% | %s |", property, label,
                    required, cases, failsAt < 0 ? "never" : "<= " + failsAt, 100 * rate(), hits, sampled,
                    100.0 * (sampled - passing) / sampled, formatProbability(probability));
        }
    }

    static String formatProbability(double p) {
        return p == 0 ? "0" : p < 1e-12 ? "< 1e-12" : String.format(Locale.ROOT, "%.1e", p);
    }

    /** The properties whose requirements a default run can decide, each once by name. */
    static List<Property> audited() {
        Map<String, Property> byName = new java.util.LinkedHashMap<>();
        for (CampaignEntry e : Catalog.all()) {
            byName.putIfAbsent(e.property().name() + " (campaign)", e.property());
        }
        Path findings = RunSettings.moduleDir().resolve(MkFindings.DIR);
        for (MkVariant v : MkVariant.values()) {
            if (v.kind() != MkVariant.Kind.CORRECTED) {
                Set<String> known = MkFindings.knownKeys(findings, v);
                for (Property p : MkCatalog.of(v, known)) {
                    byName.putIfAbsent(p.name() + " (known accepted)", p);
                }
            }
        }
        List<Property> out = new ArrayList<>();
        byName.forEach((key, p) -> {
            if (!p.requirements().isEmpty()) {
                out.add(p);
            }
        });
        return out;
    }

    static List<Row> audit(Property p, long seed, int sampled, int baseTries) {
        Map<String, Integer> hits = new HashMap<>();
        Map<String, Integer> passingHits = new HashMap<>();
        int[] passing = {0};
        p.sample(seed, sampled, tc -> {
            tc.labels().forEach(l -> hits.merge(l, 1, Integer::sum));
            if (tc.status() == TestCase.Status.PASSED) {
                passing[0]++;
                tc.labels().forEach(l -> passingHits.merge(l, 1, Integer::sum));
            }
        });
        int cases = p.triesAt(baseTries);
        double noFailure = Math.pow((double) passing[0] / sampled, cases);
        List<Row> rows = new ArrayList<>();
        for (Coverage.Requirement r : p.requirements()) {
            int ph = passingHits.getOrDefault(r.label(), 0);
            double rateAmongPassing = passing[0] == 0 ? 0 : (double) ph / passing[0];
            double prob = noFailure * Coverage.failureProbability(r.minFraction(), rateAmongPassing, cases);
            rows.add(new Row(p.name(), r.label(), r.minFraction(), cases, sampled, hits.getOrDefault(r.label(), 0),
                    passing[0], ph, prob));
        }
        return rows;
    }

    @Test
    void everyCoverageRequirementFailsARandomSeedRunRarely() throws IOException {
        int sampled = Integer.getInteger("kverify.audit.cases", 2000);
        long seed = Long.getLong("kverify.audit.seed", 1L);
        Pattern only = Pattern.compile(System.getProperty("kverify.audit.only", ".*"));
        int baseTries = RunSettings.fromSystemProperties().tries();
        List<String> lines = new ArrayList<>(List.of(
                String.format(Locale.ROOT, "Coverage audit: %d cases per property from seed %d; runs of %d base tries", sampled,
                        seed, baseTries),
                "",
                "| property | label | required | cases per run | run fails at hits | measured rate | failing cases | P(run fails it) |",
                "|---|---|---|---|---|---|---|---|"));
        List<Row> tooLikely = new ArrayList<>();
        for (Property p : audited()) {
            if (!only.matcher(p.name()).find()) {
                continue;
            }
            long start = System.nanoTime();
            for (Row row : audit(p, seed, sampled, baseTries)) {
                lines.add(row.markdown());
                System.out.println(row.markdown());
                if (row.probability() > LIMIT) {
                    tooLikely.add(row);
                }
            }
            System.out.printf(Locale.ROOT, "  (%s: %.1f s)%n", p.name(), (System.nanoTime() - start) / 1e9);
        }
        Path out = RunSettings.moduleDir().resolve("target/coverage-audit.md");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
        assertThat(tooLikely).as("requirements a random-seed run fails with probability above " + LIMIT
                + " (table in " + out + ")").extracting(Row::markdown).isEmpty();
    }
}
