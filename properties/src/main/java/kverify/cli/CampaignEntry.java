package kverify.cli;

import kverify.engine.Property;

/**
 * One property as the campaign sees it: which subsystem and variant it checks, and whether it
 * must pass (the model and CORRECTED) or is expected to find defects (as posted, suggestions).
 */
public record CampaignEntry(String subsystem, String variant, boolean mustPass, Property property) {

    /**
     * Reads subsystem and variant from the property name convention
     * {@code subsystem.kind.variant[.geometry]}: a variant named "corrected" or a property with no
     * variant must pass; every other variant is expected to diverge.
     */
    public static CampaignEntry fromName(Property p) {
        String[] parts = p.name().split("\\.");
        String subsystem = parts[0];
        String variant = parts.length >= 3 ? parts[2] : "-";
        boolean mustPass = variant.equals("-") || variant.equalsIgnoreCase("corrected") || variant.equalsIgnoreCase("model");
        return new CampaignEntry(subsystem, variant, mustPass, p);
    }
}
