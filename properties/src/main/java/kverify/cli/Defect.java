package kverify.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of the defect catalog ({@code properties/src/test/resources/defects/<ID>.defect},
 * format in docs/defects.md): what is wrong in a posted patch, where, how bad, what CORRECTED
 * does instead, in which versions, and the divergence keys that show it on each variant. Several
 * keys (first symptoms) belong to one defect; a key belongs to one entry only.
 */
public record Defect(Path path, String id, String title, String subsystem, Kind kind, Optional<String> parent,
        Severity severity, String severityReason, Location where, String consequence, String fix,
        Optional<String> decision, Optional<String> note, List<VersionStatus> versions, List<Key> keys) {

    /** Where in the series the defect is: the patch, file and function, and the quoted hunk with its source. */
    public record Location(String patch, String file, String function, String hunkSource, List<String> hunk) {
    }

    /** A divergence key as the campaign and the findings report it, on one subsystem and variant. */
    public record Key(String subsystem, String variant, String key) {
        String scope() {
            return subsystem + " " + variant;
        }
    }

    /** The defect's status in one version of the series: present, fixed-by PATCH, not-applicable, not-checked. */
    public record VersionStatus(String version, String status, Optional<String> fixedBy) {
        String render() {
            return version + " " + status + fixedBy.map(p -> " " + p).orElse("");
        }
    }

    /**
     * What kind of entry this is. Only POSTED_DEFECT and SUGGESTION_DEFECT are defects of code
     * that was read; a contract decision is behaviour the contract chooses where the posted code
     * is not wrong by its own standard; a symptom shows another entry's defect (often only a
     * different error code); reconstructed code is code the suite had to reconstruct, so the
     * finding says what that reconstruction does, not what the posted patch does.
     */
    public enum Kind {
        POSTED_DEFECT, SUGGESTION_DEFECT, CONTRACT_DECISION, SYMPTOM_OF, RECONSTRUCTED_CODE;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** A defect of code that was read: counted as a defect of the posted series (or of a suggestion on it). */
        public boolean isDefect() {
            return this == POSTED_DEFECT || this == SUGGESTION_DEFECT;
        }
    }

    /** How bad, most serious first; the catalog sorts and the review orders by it. */
    public enum Severity {
        KERNEL_MEMORY_CORRUPTION, OOPS, HANG, LOST_DATA, LEAK, WRONG_RESULT, WRONG_ERRNO;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** "symptom-of LUO-IMG-1", "posted-defect", ...: the class as written in the file. */
    public String classLabel() {
        return kind.label() + parent.map(p -> " " + p).orElse("");
    }

    /** The distinct "subsystem variant" scopes this entry has keys on, in file order. */
    public List<String> scopes() {
        return keys.stream().map(Key::scope).distinct().toList();
    }

    /** The distinct variants this entry has keys on, in file order. */
    public List<String> variants() {
        return keys.stream().map(Key::variant).distinct().toList();
    }
}
