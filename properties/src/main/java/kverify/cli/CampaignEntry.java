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
        String variant = parts.length >= 2 && parts[1].equals("model") ? "model" : parts.length >= 3 ? parts[2] : "-";
        return new CampaignEntry(subsystem, variant, !POSTED_VARIANTS.contains(variant), p);
    }
}
