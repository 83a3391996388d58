package kverify.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kverify.cli.DefectParser.Value;

/**
 * Turns the fields of one {@code .defect} file into a {@link Defect}, checking every value:
 * the id (and that the file is named after it), the subsystem, the class, the severity, each
 * version status and each key. Errors are {@code FILE:LINE: message}.
 */
final class DefectReader {
    static final Pattern ID = Pattern.compile("[A-Z]+(-[A-Z]+)*-[1-9][0-9]*");
    static final Set<String> SUBSYSTEMS = Set.of("luo", "luo-image", "mk");
    private static final Pattern VERSION = Pattern.compile("(v[1-9][0-9]*|rfc-v[1-9][0-9]*) (present|not-applicable|not-checked|fixed-by (.+))");
    private static final Pattern KEY = Pattern.compile("(\\S+) (\\S+) (.+)");
    private static final Pattern CLASS = Pattern.compile("(posted-defect|suggestion-defect|contract-decision|reconstructed-code|symptom-of (\\S+))");

    private final Path path;
    private final Map<String, List<Value>> fields;

    private DefectReader(Path path, Map<String, List<Value>> fields) {
        this.path = path;
        this.fields = fields;
    }

    static Defect read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UsageError(path + ":1: cannot read: " + e.getMessage());
        }
        return new DefectReader(path, DefectParser.fields(path.toString(), lines)).defect();
    }

    private Defect defect() {
        String id = id();
        Matcher cls = match(CLASS, "class", "posted-defect, suggestion-defect, contract-decision, reconstructed-code or symptom-of ID");
        Defect.Kind kind = cls.group(2) != null ? Defect.Kind.SYMPTOM_OF
                : Defect.Kind.valueOf(cls.group(1).toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        if (kind == Defect.Kind.CONTRACT_DECISION && !fields.containsKey("decision")) {
            throw error(one("class").line(), "a contract-decision names the decision it follows ('decision:', e.g. docs/luo.md decision 14)");
        }
        List<String> hunk = List.of(text("hunk").split("\n", -1));
        if (hunk.get(0).equals(DefectHunks.ELISION) || hunk.get(hunk.size() - 1).equals(DefectHunks.ELISION)) {
            throw error(one("hunk").line(), "a hunk starts and ends with quoted lines; '...' stands only between them");
        }
        Defect.Location where = new Defect.Location(text("patch"), text("file"), text("function"), text("hunk-source"), hunk);
        return new Defect(path, id, text("title"), subsystem(), kind, Optional.ofNullable(cls.group(2)), severity(),
                text("severity-reason"), where, text("consequence"), text("fix"), optional("decision"), optional("note"),
                versions(), keys());
    }

    private String id() {
        Value v = one("id");
        if (!ID.matcher(v.text()).matches()) {
            throw error(v.line(), "id '" + v.text() + "' is not of the form LUO-1, LUO-IMG-3, MK-7");
        }
        if (!path.getFileName().toString().equals(v.text() + ".defect")) {
            throw error(v.line(), "the file of defect " + v.text() + " must be named " + v.text() + ".defect");
        }
        return v.text();
    }

    private String subsystem() {
        Value v = one("subsystem");
        if (!SUBSYSTEMS.contains(v.text())) {
            throw error(v.line(), "subsystem '" + v.text() + "' is none of " + new java.util.TreeSet<>(SUBSYSTEMS));
        }
        return v.text();
    }

    private Defect.Severity severity() {
        Value v = one("severity");
        for (Defect.Severity s : Defect.Severity.values()) {
            if (s.label().equals(v.text())) {
                return s;
            }
        }
        throw error(v.line(), "severity '" + v.text() + "' is none of "
                + java.util.Arrays.stream(Defect.Severity.values()).map(Defect.Severity::label).toList());
    }

    private List<Defect.VersionStatus> versions() {
        List<Defect.VersionStatus> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Value v : fields.get("version")) {
            Matcher m = VERSION.matcher(v.text());
            if (!m.matches()) {
                throw error(v.line(), "version is 'VERSION STATUS' (v1, v7, rfc-v1, rfc-v2; present, fixed-by PATCH,"
                        + " not-applicable, not-checked), got '" + v.text() + "'");
            }
            if (!seen.add(m.group(1))) {
                throw error(v.line(), "version " + m.group(1) + " is given twice");
            }
            String status = m.group(3) == null ? m.group(2) : "fixed-by";
            out.add(new Defect.VersionStatus(m.group(1), status, Optional.ofNullable(m.group(3))));
        }
        return out;
    }

    private List<Defect.Key> keys() {
        List<Defect.Key> out = new ArrayList<>();
        for (Value v : fields.get("key")) {
            Matcher m = KEY.matcher(v.text());
            if (!m.matches() || !SUBSYSTEMS.contains(m.group(1)) || !CampaignEntry.POSTED_VARIANTS.contains(m.group(2))) {
                throw error(v.line(), "key is 'SUBSYSTEM VARIANT DIVERGENCE-KEY' with a subsystem of " + new java.util.TreeSet<>(SUBSYSTEMS)
                        + " and a posted variant of " + new java.util.TreeSet<>(CampaignEntry.POSTED_VARIANTS) + ", got '" + v.text() + "'");
            }
            Defect.Key k = new Defect.Key(m.group(1), m.group(2), m.group(3));
            if (out.contains(k)) {
                throw error(v.line(), "key '" + v.text() + "' is given twice");
            }
            out.add(k);
        }
        return out;
    }

    private Matcher match(Pattern p, String field, String expected) {
        Value v = one(field);
        Matcher m = p.matcher(v.text());
        if (!m.matches()) {
            throw error(v.line(), field + " '" + v.text() + "' is not " + expected);
        }
        return m;
    }

    private Value one(String field) {
        return fields.get(field).get(0);
    }

    private String text(String field) {
        return one(field).text();
    }

    private Optional<String> optional(String field) {
        return Optional.ofNullable(fields.get(field)).map(l -> l.get(0).text());
    }

    private UsageError error(int line, String message) {
        return new UsageError(path + ":" + line + ": " + message);
    }

    /** The line a field starts on (for the catalog's cross-file checks). */
    static int lineOf(Path path, String prefix) {
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(prefix)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            return 1;
        }
        return 1;
    }
}
