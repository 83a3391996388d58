package kverify.cli;

import kverify.engine.Property;

/**
 * One property as the campaign sees it: which subsystem and variant it checks, and whether it
 * must pass (the model and CORRECTED) or is expected to find defects (as posted, suggestions).
 */
public record CampaignEntry(String subsystem, String variant, boolean mustPass, Property property) {

    /** The variants that reproduce posted code or review suggestions: their divergences are findings. */
    static final java.util.Set<String> POSTED_VARIANTS = java.util.Set.of("as-posted", "review-suggestion", "image-tracking", "v2-as-posted", "v7-as-applied");

    /**
     * Reads subsystem and variant from the property name convention
     * {@code subsystem.kind.variant[.geometry]} ({@code subsystem.model.check} for the model's own
     * contract properties): posted variants are expected to diverge; the model, CORRECTED and
     * the engine's self-checks must pass.
     */
    public static CampaignEntry fromName(Property p) {
        String[] parts = p.name().split("\\.");
        String subsystem = parts[0];
        String variant = parts.length >= 2 && parts[1].equals("model") ? "model" : variantPart(parts);
        return new CampaignEntry(subsystem, variant, !POSTED_VARIANTS.contains(variant), p);
    }

    /**
     * The variant is the third part, unless the kind has two parts (as in
     * {@code luo.interface.faults.as-posted.small}): then it is the first later part that names a
     * variant, so such a property is not taken for a must-pass one.
     */
    private static String variantPart(String[] parts) {
        for (int i = 2; i < parts.length; i++) {
            if (POSTED_VARIANTS.contains(parts[i]) || parts[i].endsWith("corrected")) {
                return parts[i];
            }
        }
        return parts.length >= 3 ? parts[2] : "-";
    }
}
