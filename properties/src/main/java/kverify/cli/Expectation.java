package kverify.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a finding file says must happen on replay: the variants it names must diverge from the
 * model (a trace's {@code variant:} header line, an image's {@code # diverges on:} comment), with
 * the divergence key of its {@code # key:} comment when it has one, and CORRECTED must agree with
 * the model at every step. Other variants are shown by the replay but not judged.
 */
record Expectation(List<String> diverging, Optional<String> key, boolean correctedShares) {
    static final String CORRECTED = "corrected";
    /** A finding CORRECTED shares because it corrects nothing on that path (the LUO races, docs/luo.md decision 39). */
    static final String CORRECTED_SHARES = "# corrected shares it: ";

    static Expectation of(List<String> lines) {
        List<String> variants = new ArrayList<>();
        Optional<String> key = Optional.empty();
        boolean shares = false;
        for (String raw : lines) {
            String l = raw.trim();
            shares |= l.startsWith(CORRECTED_SHARES);
            if (l.startsWith("# key: ") && key.isEmpty()) {
                key = Optional.of(l.substring("# key: ".length()).trim());
            } else if (l.startsWith("variant: ")) {
                variants.add(ReplayVerdicts.name(l.substring("variant: ".length()).split("\\s")[0]));
            } else if (l.startsWith("# diverges on: ")) {
                variants.addAll(List.of(l.substring("# diverges on: ".length()).trim().split("\\s+")));
            }
        }
        variants.remove(CORRECTED);
        return new Expectation(List.copyOf(variants), key, shares);
    }

    /** One line per judged variant; each starts with "ok" or "NOT AS EXPECTED". */
    List<String> judge(Map<String, Optional<String>> firstKeys) {
        List<String> out = new ArrayList<>();
        for (String v : diverging) {
            Optional<String> got = firstKeys.getOrDefault(v, Optional.empty());
            String want = "diverges" + key.map(k -> " with '" + k + "'").orElse("");
            boolean ok = got.isPresent() && key.map(got.get()::equals).orElse(true);
            out.add((ok ? "ok: " : "NOT AS EXPECTED: ") + v + " " + want
                    + (ok ? "" : got.map(k -> ", but diverges with '" + k + "'").orElse(", but agrees with the model")));
        }
        if (correctedShares) {
            Optional<String> corrected = firstKeys.getOrDefault(CORRECTED, Optional.empty());
            boolean ok = corrected.isPresent() && key.map(corrected.get()::equals).orElse(true);
            out.add((ok ? "ok: corrected shares it" : "NOT AS EXPECTED: corrected shares it") + key.map(k -> " ('" + k + "')").orElse("")
                    + (ok ? "" : corrected.map(k -> ", but diverges with '" + k + "'").orElse(", but agrees with the model")));
            return out;
        }
        // A file of another version (a v7 image) is judged without "corrected": its version's corrected variant must agree.
        List<String> correctedNames = firstKeys.containsKey(CORRECTED) ? List.of(CORRECTED)
                : firstKeys.keySet().stream().filter(n -> n.endsWith("-" + CORRECTED)).toList();
        for (String name : correctedNames.isEmpty() ? List.of(CORRECTED) : correctedNames) {
            Optional<String> corrected = firstKeys.getOrDefault(name, Optional.empty());
            out.add(corrected.isEmpty() ? "ok: " + name + " agrees with the model at every step"
                    : "NOT AS EXPECTED: " + name + " must agree with the model, but diverges with '" + corrected.get() + "'");
        }
        return out;
    }
}
