package kverify.cli;

import java.util.ArrayList;
import java.util.List;

/** Every property the campaign runs, from each subsystem's own catalog. */
final class Catalog {
    private Catalog() {
    }

    static List<CampaignEntry> all() {
        List<CampaignEntry> out = new ArrayList<>();
        for (kverify.engine.Property p : EngineSelfCheck.properties()) {
            out.add(CampaignEntry.fromName(p));
        }
        for (kverify.engine.Property p : kverify.properties.luo.LuoCatalog.properties()) {
            out.add(CampaignEntry.fromName(p));
        }
        for (kverify.engine.Property p : kverify.properties.luo.corrupt.CorruptionCatalog.properties()) {
            out.add(CampaignEntry.fromName(p));
        }
        for (kverify.engine.Property p : kverify.properties.mk.MkCatalog.properties()) {
            out.add(CampaignEntry.fromName(p));
        }
        return out;
    }
}
