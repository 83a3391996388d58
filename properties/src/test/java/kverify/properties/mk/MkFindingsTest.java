package kverify.properties.mk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kverify.engine.Divergence;
import kverify.impl.mk.MkVariant;
import kverify.model.mk.MkOp;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every checked-in finding still shows its divergence on its variant and none on CORRECTED. */
class MkFindingsTest {

    private static Optional<Divergence> firstDivergence(MkTrace t, MkVariant v) {
        MkDuel duel = MkSubjects.duel(v, t.machine());
        for (MkOp op : t.ops()) {
            Optional<Divergence> d = duel.step(op);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /**
     * The divergence a finding records at its last step: the first one, or for a consequence key
     * the first broken invariant after the first divergence (the rest followed on the implementation
     * only) that another finding of the variant does not already show, as the properties pass over
     * known ones ({@link MkBodies#known}).
     */
    private static Optional<Divergence> recorded(MkTrace t, String key, Set<String> otherKeys) {
        boolean consequence = key.startsWith("consequence: ");
        MkDuel duel = MkSubjects.duel(t.variant(), t.machine());
        for (int i = 0; i < t.ops().size(); i++) {
            Optional<Divergence> d = duel.step(t.ops().get(i));
            boolean last = i == t.ops().size() - 1;
            boolean passedOver = consequence && duel.followingConsequences() && d.isPresent()
                    && !d.get().key().equals(key) && MkBodies.known(otherKeys, d.get().key());
            if (d.isPresent() && (!consequence || duel.followingConsequences()) && !passedOver) {
                return last ? d : Optional.of(new Divergence("before the last step: " + d.get().key(), d.get().getMessage()));
            }
            if (d.isPresent()) {
                duel.followConsequences();
            }
        }
        return Optional.empty();
    }

    @TestFactory
    List<DynamicTest> eachFindingDivergesOnItsVariantAndAgreesOnCorrected() {
        List<MkFindings.Finding> findings = MkFindings.load(MkTestPaths.findings());
        return findings.stream().map(f -> DynamicTest.dynamicTest(f.file().getFileName().toString(), () -> {
            MkTrace t = f.trace();
            assertThat(t.variant().kind()).isNotEqualTo(MkVariant.Kind.CORRECTED);
            // The divergence is at the last step: a shrunk trace carries nothing after it.
            Set<String> otherKeys = new TreeSet<>();
            findings.stream().filter(o -> o != f && o.trace().variant() == t.variant()).forEach(o -> otherKeys.add(o.key()));
            Optional<Divergence> d = recorded(t, f.key(), otherKeys);
            assertThat(d).as("divergence on " + t.variant()).isPresent();
            assertThat(d.get().key()).isEqualTo(f.key());
            Optional<Divergence> corrected = firstDivergence(t, t.variant().corrected());
            assertThat(corrected).as(() -> "CORRECTED: " + corrected.map(Throwable::getMessage).orElse("")).isEmpty();
        })).toList();
    }

    @Test
    void findingsAreDocumentedAndNamedAfterTheirVariantAndSymptom() {
        List<MkFindings.Finding> findings = MkFindings.load(MkTestPaths.findings());
        assertThat(findings).isNotEmpty();
        for (MkFindings.Finding f : findings) {
            MkTrace t = f.trace();
            assertThat(t.comment("explanation")).as(f.file() + " explanation").isNotBlank();
            assertThat(t.comment("property")).as(f.file() + " property").startsWith("mk.");
            assertThat(t.comment("found")).as(f.file() + " seed and tries").contains("seed").contains("kverify.tries");
            assertThat(f.file().getFileName().toString()).isEqualTo(MkFindings.fileName(t.variant(), f.key()));
        }
        assertThat(findings.stream().map(MkFindings.Finding::key).filter(k -> k.startsWith("invariant ")).count())
                .as("invariant findings").isGreaterThan(0);
    }
}
