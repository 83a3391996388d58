package kverify.properties.mk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kverify.engine.Property;
import kverify.impl.mk.MkVariant;
import kverify.model.mk.MkVersion;

/**
 * The multikernel properties by name. {@link #properties()} is what the campaign runs: each
 * fails on any divergence, so the campaign counts every distinct one. The JUnit tests use the
 * same bodies, with the posted variants' known findings accepted.
 */
public final class MkCatalog {
    private MkCatalog() {
    }

    public static List<Property> properties() {
        List<Property> out = new ArrayList<>(List.of(modelContract(), modelContractV2(), modelFlagLegality()));
        for (MkVariant v : MkVariant.values()) {
            out.addAll(of(v, Set.of()));
        }
        return out;
    }

    /** Every property of one variant, on its version's interface, with these divergence keys accepted. */
    public static List<Property> of(MkVariant v, Set<String> accepted) {
        List<Property> out = new ArrayList<>(List.of(equivalence(v, accepted), interleavings(v, accepted), flags(v, accepted),
                capacity(v, accepted)));
        if (v.version() == MkVersion.RFC_V2) {
            out.add(fileFlags(v, accepted));
        }
        return out;
    }

    private static boolean mustPass(MkVariant v, Set<String> accepted) {
        return accepted.isEmpty() && v.kind() == MkVariant.Kind.CORRECTED;
    }

    public static String slug(MkVariant v) {
        return v.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The contract on RFC v2's interface keeps its own promises too. */
    public static Property modelContractV2() {
        return Property.named("mk.model.contract.rfc-v2").body(MkBodies.modelContract(MkVersion.RFC_V2))
                .requireCoverage(MkCoverage.V2_START_LOADED, 0.05).build();
    }

    public static Property modelContract() {
        return Property.named("mk.model.contract").body(MkBodies.modelContract(MkVersion.RFC_V1))
                // Measured over 2000 cases from seed 1 (CoverageAudit): started 12.8%, given away 3.4%
                // (0.03 cannot fail a run of 100 cases: it only documents the rate).
                .requireCoverage(MkCoverage.STARTED, 0.07)
                .requireCoverage(MkCoverage.CPU_GIVEN_AWAY, 0.03)
                .build();
    }

    public static Property modelFlagLegality() {
        return Property.named("mk.model.flag-legality").body(MkBodies.modelFlagLegality()).build();
    }

    /** Random sequences; coverage on the inputs the issue names (on the variant that must pass). */
    public static Property equivalence(MkVariant v, Set<String> accepted) {
        Property.Builder b = Property.named("mk.equivalence." + slug(v)).body(MkBodies.equivalence(v, accepted));
        // The must-pass runs take twice the tries: at 100 cases no requirement that can fail holds
        // labels seen in 6-7% of cases with a chance of failing a random seed below 1e-4. Rates
        // measured over 2000 cases from seed 1 (CoverageAudit, docs/campaign.md); each requirement
        // fails a 200-case run with probability below 1e-4 at its rate. Requirements of 0.015 cannot
        // fail a 200-case run (labels under 4%): they document the rate, not a check.
        if (mustPass(v, accepted) && v.version() == MkVersion.RFC_V2) {
            b.triesScale(2.0).requireCoverage(MkCoverage.V2_UPLOAD_NEW, 0.3).requireCoverage(MkCoverage.V2_UPLOAD_CLASH, 0.1)
                    .requireCoverage(MkCoverage.V2_FILE_LOAD_INSTANCE, 0.2).requireCoverage(MkCoverage.V2_FILE_LOAD_ID_ZERO, 0.05)
                    .requireCoverage(MkCoverage.V2_FILE_LOAD_HIGH_ID, 0.1)
                    .requireCoverage(MkCoverage.V2_START_LOADED, 0.06) // 11.1%
                    .requireCoverage(MkCoverage.STARTED, 0.025) // 5.8%
                    .requireCoverage(MkCoverage.V2_RMDIR, 0.05)
                    .requireCoverage(MkCoverage.CONCURRENT, 0.1);
        } else if (mustPass(v, accepted)) {
            b.triesScale(2.0).requireCoverage(MkCoverage.CPU_OUT_OF_RANGE, 0.2).requireCoverage(MkCoverage.CPU_ONLINE, 0.2)
                    .requireCoverage(MkCoverage.CPU_GIVEN_AWAY, 0.015) // 3.3%
                    .requireCoverage(MkCoverage.STARTED, 0.07) // 12.4%
                    .requireCoverage(MkCoverage.FAULTING_BUFFER, 0.1).requireCoverage(MkCoverage.OVERLAPPING, 0.05)
                    .requireCoverage(MkCoverage.MISPLACED, 0.2)
                    .requireCoverage(MkCoverage.CONFLICTING_FLAGS, 0.06) // 11.1%
                    .requireCoverage(MkCoverage.MK_WITHOUT_JUMP, 0.2)
                    .requireCoverage(MkCoverage.UNKNOWN_FLAG, 0.08) // 14.2%
                    .requireCoverage(MkCoverage.CONCURRENT, 0.3)
                    .requireCoverage(MkCoverage.CPU_MINUS_ONE, 0.05).requireCoverage(MkCoverage.CPU_NR_CPU_IDS, 0.05)
                    .requireCoverage(MkCoverage.CPU_LAST, 0.2).requireCoverage(MkCoverage.CPU_NR_CPUS_OR_ABOVE, 0.1)
                    .requireCoverage(MkCoverage.CPU_INT_EXTREME, 0.1)
                    .requireCoverage(MkCoverage.OUTSIDE_RAM_MAPPABLE, 0.035) // 7.4%
                    .requireCoverage(MkCoverage.BEYOND_PHYS_BITS, 0.015) // 1.8%
                    .requireCoverage(MkCoverage.UNREADABLE_ARRAY, 0.1)
                    .requireCoverage(MkCoverage.CRASH_IMAGE_LOADED, 0.025) // 6.6%
                    .requireCoverage(MkCoverage.HOST_ALLOC, 0.2)
                    .requireCoverage(MkCoverage.HOST_ALLOC_WITH_IMAGE, 0.09) // 15.3%
                    .requireCoverage(MkCoverage.PANIC_NONE, 0.05)
                    .requireCoverage(MkCoverage.PANIC_CRASH_KERNEL, 0.015); // 2.7%
        }
        return knownShown(b, accepted).build();
    }

    /** With known findings accepted, most cases must still show one (else the run proves nothing). */
    private static Property.Builder knownShown(Property.Builder b, Set<String> accepted) {
        return accepted.isEmpty() ? b : b.requireCoverage(MkCoverage.KNOWN_DIVERGENCE, 0.3);
    }

    /** Concurrent starts; coverage on every interleaving point of the variant's start path. */
    public static Property interleavings(MkVariant v, Set<String> accepted) {
        Property.Builder b = Property.named("mk.interleavings." + slug(v)).body(MkBodies.interleavings(v, accepted));
        if (mustPass(v, accepted)) {
            // Twice the tries and 0.035: on RFC v2 the wake-up point is reached in 6.9% of cases
            // (2000 cases from seed 1, CoverageAudit), which 0.05 at 100 cases failed in about one
            // random seed in a thousand; the other points are at 12% or more.
            b.triesScale(2.0);
            for (String step : v.startStepNames()) {
                b.requireCoverage(MkCoverage.INTERLEAVED_BEFORE + step, 0.035);
            }
        }
        return knownShown(b, accepted).build();
    }

    /** Many images at once; coverage on holding more than 10. */
    public static Property capacity(MkVariant v, Set<String> accepted) {
        Property.Builder b = Property.named("mk.capacity." + slug(v)).body(MkBodies.capacity(v, accepted)).triesScale(0.5);
        if (mustPass(v, accepted)) {
            b.requireCoverage(v.version() == MkVersion.RFC_V2 ? MkCoverage.REPEATED_FILE_LOADS : MkCoverage.OVER_TEN_IMAGES, 0.05);
        }
        return knownShown(b, accepted).build();
    }

    /** RFC v2's file-load flags: a few cases suffice since each case tries all 192. */
    public static Property fileFlags(MkVariant v, Set<String> accepted) {
        return knownShown(Property.named("mk.file-flags." + slug(v)).body(MkBodies.fileFlags(v, accepted)).triesScale(0.1), accepted).build();
    }

    /** Every flag combination; a few cases suffice since each case tries all 384. */
    public static Property flags(MkVariant v, Set<String> accepted) {
        return knownShown(Property.named("mk.flags." + slug(v)).body(MkBodies.flags(v, accepted)).triesScale(0.1), accepted).build();
    }
}
