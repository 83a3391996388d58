package kverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The defect-by-version table: cells, version order, the plain statements, and the variant-to-version map. */
class VersionTableTest {

    private static Optional<Defect.VersionStatus> s(String version, String status, String fixedBy) {
        return Optional.of(new Defect.VersionStatus(version, status, Optional.ofNullable(fixedBy)));
    }

    @Test
    void aCellNamesTheFixingPatchByItsBracketedSubject() {
        assertThat(VersionTable.cell(s("v7", "fixed-by", "[PATCH v7 10/13] liveupdate: Remove limit (2026-06-03: err_shrink)")))
                .isEqualTo("fixed by [PATCH v7 10/13]");
        assertThat(VersionTable.cell(s("v7", "fixed-by", "the v7 series' base (luo_ioctl_type_valid)"))).isEqualTo("fixed by the v7 series' base");
        assertThat(VersionTable.cell(s("v1", "not-applicable", null))).isEqualTo("not applicable");
        assertThat(VersionTable.cell(Optional.empty())).isEqualTo("-");
    }

    @Test
    void variantsMapToTheirVersions() {
        assertThat(VersionTable.versionOf("luo", "v7-as-applied")).isEqualTo("v7");
        assertThat(VersionTable.versionOf("luo-image", "as-posted")).isEqualTo("v1");
        assertThat(VersionTable.versionOf("mk", "v2-as-posted")).isEqualTo("rfc-v2");
        assertThat(VersionTable.versionOf("mk", "image-tracking")).isEqualTo("rfc-v1");
    }

    @Test
    void theCatalogsVersionsAreInOrderAndTheAppliedV7DefectIsStatedPlainly() {
        DefectCatalog catalog = DefectCatalog.load();
        List<String> luo = VersionTable.versions(VersionTable.bySeries(catalog).get("LUO"));
        assertThat(luo.get(0)).isEqualTo("v1");
        assertThat(luo.get(luo.size() - 1)).isEqualTo("v7");
        assertThat(VersionTable.versions(VersionTable.bySeries(catalog).get("multikernel"))).containsExactly("rfc-v1", "rfc-v2");
        String v7 = VersionTable.statements(catalog).stream().filter(l -> l.startsWith("LUO v7")).findFirst().orElseThrow();
        assertThat(v7).contains("the code applied").contains("New in v7").contains("LUO-12, A duplicate session name");
        assertThat(v7.substring(v7.indexOf("Still there"))).doesNotContain("LUO-12");
        Defect luo12 = catalog.all().stream().filter(d -> d.id().equals("LUO-12")).findFirst().orElseThrow();
        assertThat(VersionTable.sentence(luo12, catalog)).isEqualTo("By version: v1: not applicable; v7: present.");
        assertThat(VersionTable.markdown(catalog, "")).contains("| [LUO-5](properties/src/test/resources/defects/LUO-5.defect) | posted-defect | present |");
    }
}
