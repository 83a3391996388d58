package kverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The review replies: one per posted patch, each defect under its quoted hunk (or its description), nothing from reconstructed code. */
class ReviewTest {
    private static final DefectCatalog CATALOG = DefectCatalog.load();

    @Test
    void onePerPostedPatchWithDefectsAndContractQuestionsOnly() {
        Map<String, List<Defect>> byPatch = Review.byPatch(CATALOG);
        assertThat(byPatch.keySet()).containsExactly("[PATCH 1/5] liveupdate: Remove limit on the number of sessions",
                "[PATCH 2/5] liveupdate: Remove limit on the number of files per session",
                "[PATCH v7 09/13] liveupdate: Remove limit on the number of sessions",
                "[PATCH v7 08/13] liveupdate: defer session block allocation and physical address setting",
                "[RFC Patch 1/7] kexec: Introduce multikernel support via kexec", "[RFC Patch 6/7] kexec: Implement dynamic kimage tracking",
                "[RFC Patch v2 15/16] kexec: Integrate multikernel support with kexec_file_load",
                "[RFC Patch v2 01/16] kexec: Introduce multikernel support via kexec",
                "[RFC Patch v2 08/16] multikernel: Introduce device-tree based kernfs interface",
                "[RFC Patch v2 09/16] kexec: Integrate multikernel instance management with kexec subsystem");
        assertThat(byPatch.values().stream().flatMap(List::stream))
                .allMatch(d -> d.kind().isDefect() || d.kind() == Defect.Kind.CONTRACT_DECISION);
    }

    @Test
    void eachDefectStandsUnderItsQuotedHunkWithReproducerAndFix() {
        String subject = "[PATCH 1/5] liveupdate: Remove limit on the number of sessions";
        String mail = Review.mail(subject, Review.byPatch(CATALOG).get(subject), CATALOG, KnownFindings.load(Campaign.FINDINGS));
        assertThat(mail).startsWith("Subject: Re: " + subject + "\n\n");
        int hunk = mail.indexOf("> + if (i == LUO_SESSION_BLOCK_MAX) {");
        int defect = mail.indexOf("LUO-1 (lost-data): A failed reboot");
        assertThat(hunk).isPositive().isLessThan(defect);
        assertThat(mail.substring(defect)).contains("Reproducer,\nproperties/src/test/resources/findings/luo/stale-block-count")
                .contains("    reboot freeze-fails session=1638 file=0 errno=EIO")
                .contains("Replayed: as-posted: diverges, reboot: state differs in handover;").contains("Suggested fix: CORRECTED writes");
        assertThat(mail).contains("Question, LUO-IMG-5").contains("The same defect also shows as LUO-IMG-2")
                .doesNotContain("LUO-IMG-7").doesNotContain("LUO-IMG-10");
        for (String line : mail.split("\n")) {
            if (!line.startsWith("> ") && !line.startsWith("    ") && !line.startsWith("[") && !line.contains("/")) {
                assertThat(line.length()).as(line).isLessThanOrEqualTo(Review.WIDTH);
            }
        }
    }

    @Test
    void codeNotInTheSeedsIsDescribedNotQuoted() {
        String subject = "[RFC Patch 6/7] kexec: Implement dynamic kimage tracking";
        String mail = Review.mail(subject, Review.byPatch(CATALOG).get(subject), CATALOG, KnownFindings.load(Campaign.FINDINGS));
        assertThat(mail).contains("[kernel/kexec.c, do_kexec_load; not in the seeds:").doesNotContain("\n> ")
                .contains("MK-13 (leak)").contains("image-tracking-unload-mk-images-differs.trace");
    }

    @Test
    void theTranscribedFileChainCodeGetsItsOwnReply() {
        String subject = "[PATCH 2/5] liveupdate: Remove limit on the number of files per session";
        String mail = Review.mail(subject, Review.byPatch(CATALOG).get(subject), CATALOG, KnownFindings.load(Campaign.FINDINGS));
        assertThat(mail).contains("[kernel/liveupdate/luo_file.c, luo_preserve_file; not in the seeds:").doesNotContain("\n> ")
                .contains("LUO-5 (leak)").contains("LUO-IMG-7 (oops)").contains("LUO-IMG-10 (lost-data)")
                .contains("ioctl-invariant-violated-session-file-blocks-n-ceil-files-n-n.trace");
    }
}
