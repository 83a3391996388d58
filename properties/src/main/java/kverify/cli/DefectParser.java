package kverify.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the line-oriented {@code .defect} format (docs/defects.md) into fields, each with the
 * line it starts on: {@code name: value} lines, and blocks ({@code name:} alone, then lines
 * starting with {@code |}). Which fields exist, which are required or repeatable, and which take
 * a block is one table ({@link #FIELDS}); a new optional field is one more row there, and a name
 * that is not in it is an error, so a typo never passes silently. Every error is one
 * {@code FILE:LINE: message} ({@link UsageError}).
 */
final class DefectParser {
    /** Line: one line only. Paragraph: one line or a block, joined into running text. Lines: a block, kept line by line. */
    enum Shape { LINE, PARAGRAPH, LINES }

    record Spec(String name, boolean required, boolean repeatable, Shape shape) {
    }

    /** One occurrence of a field: the line it starts on and its text (a block's lines joined by '\n'). */
    record Value(int line, String text) {
    }

    static final List<Spec> FIELDS = List.of(
            new Spec("id", true, false, Shape.LINE),
            new Spec("title", true, false, Shape.LINE),
            new Spec("subsystem", true, false, Shape.LINE),
            new Spec("class", true, false, Shape.LINE),
            new Spec("severity", true, false, Shape.LINE),
            new Spec("severity-reason", true, false, Shape.PARAGRAPH),
            new Spec("patch", true, false, Shape.LINE),
            new Spec("file", true, false, Shape.LINE),
            new Spec("function", true, false, Shape.LINE),
            new Spec("hunk-source", true, false, Shape.LINE),
            new Spec("hunk", true, false, Shape.LINES),
            new Spec("consequence", true, false, Shape.PARAGRAPH),
            new Spec("fix", true, false, Shape.PARAGRAPH),
            new Spec("decision", false, false, Shape.PARAGRAPH),
            new Spec("note", false, false, Shape.PARAGRAPH),
            new Spec("version", true, true, Shape.LINE),
            new Spec("key", true, true, Shape.LINE));

    private static final Pattern FIELD = Pattern.compile("([a-z][a-z-]*):(?: (.*))?");

    private final String source;
    private final Map<String, List<Value>> fields = new LinkedHashMap<>();
    private String block;
    private int blockLine;
    private final List<String> blockLines = new ArrayList<>();

    private DefectParser(String source) {
        this.source = source;
    }

    /** The fields of one file, every required one present; the values are not interpreted yet. */
    static Map<String, List<Value>> fields(String source, List<String> lines) {
        DefectParser p = new DefectParser(source);
        for (int i = 0; i < lines.size(); i++) {
            p.line(i + 1, lines.get(i));
        }
        p.endBlock();
        p.requireAll(lines.size());
        return p.fields;
    }

    private void line(int n, String text) {
        if (text.startsWith("|")) {
            if (block == null) {
                throw error(n, "a '|' line belongs to a block field ('name:' alone on the line before it)");
            }
            if (text.length() > 1 && text.charAt(1) != ' ') {
                throw error(n, "a block line is '|' alone or '| ' followed by the text");
            }
            blockLines.add(text.length() > 1 ? text.substring(2) : "");
            return;
        }
        endBlock();
        if (text.isBlank() || text.startsWith("#")) {
            return;
        }
        Matcher m = FIELD.matcher(text);
        if (!m.matches()) {
            throw error(n, "expected 'field: value', 'field:' before a block, a '|' block line or a '#' comment, got '" + text + "'");
        }
        field(n, m.group(1), m.group(2) == null ? "" : m.group(2).strip());
    }

    private void field(int n, String name, String value) {
        Spec spec = spec(n, name);
        if (!spec.repeatable() && fields.containsKey(name)) {
            throw error(n, "field '" + name + "' is given twice (first on line " + fields.get(name).get(0).line() + ")");
        }
        if (value.isEmpty()) {
            if (spec.shape() == Shape.LINE) {
                throw error(n, "field '" + name + "' needs a value on its line");
            }
            block = name;
            blockLine = n;
            return;
        }
        if (spec.shape() == Shape.LINES) {
            throw error(n, "field '" + name + "' takes a block: '" + name + ":' alone, then '| ' lines");
        }
        fields.computeIfAbsent(name, k -> new ArrayList<>()).add(new Value(n, value));
    }

    private Spec spec(int n, String name) {
        return FIELDS.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> error(n, "unknown field '"
                + name + "' (known: " + String.join(", ", FIELDS.stream().map(Spec::name).toList()) + ")"));
    }

    private void endBlock() {
        if (block == null) {
            return;
        }
        if (blockLines.stream().allMatch(String::isBlank)) {
            throw error(blockLine, "block field '" + block + "' is empty");
        }
        Spec spec = spec(blockLine, block);
        String text = spec.shape() == Shape.LINES ? String.join("\n", blockLines) : paragraph(blockLines);
        fields.computeIfAbsent(block, k -> new ArrayList<>()).add(new Value(blockLine, text));
        block = null;
        blockLines.clear();
    }

    /** A block's lines as running text; an empty '|' line is a paragraph break. */
    private static String paragraph(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            if (l.isBlank()) {
                sb.append("\n\n");
            } else {
                sb.append(sb.isEmpty() || sb.charAt(sb.length() - 1) == '\n' ? "" : " ").append(l.strip());
            }
        }
        return sb.toString().strip();
    }

    private void requireAll(int lastLine) {
        for (Spec s : FIELDS) {
            if (s.required() && !fields.containsKey(s.name())) {
                throw error(Math.max(1, lastLine), "missing required field '" + s.name() + "'");
            }
        }
    }

    private UsageError error(int line, String message) {
        return new UsageError(source + ":" + line + ": " + message);
    }
}
