package kverify.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kverify.impl.luo.LuoVariant;
import kverify.impl.mk.MkVariant;
import kverify.properties.luo.LuoDuel;
import kverify.properties.luo.LuoTrace;
import kverify.properties.luo.LuoTraceFormat;
import kverify.properties.mk.MkTrace;
import kverify.properties.mk.MkTraceParser;

/**
 * What a trace or image does on every variant: the first divergence key from the model, or none,
 * by variant name ({@code as-posted}, {@code corrected}, ...). The replay's exit code and the
 * catalog's consistency test are judged by it. Bad input is a {@code FILE:LINE} {@link UsageError}.
 */
final class ReplayVerdicts {
    private ReplayVerdicts() {
    }

    @FunctionalInterface
    interface Reader {
        Map<String, Optional<String>> firstKeys(Path file);
    }

    /** The verdicts of any finding file, by its header. */
    static Map<String, Optional<String>> of(Path file) {
        String header = Replay.header(file);
        return ReplayerRegistry.entries().stream().filter(e -> header.startsWith(e.headerPrefix())).findFirst()
                .orElseThrow(() -> new UsageError(file + ": unknown file type '" + header + "'")).verdicts().firstKeys(file);
    }

    static Map<String, Optional<String>> luo(Path file) {
        LuoTrace t;
        try {
            t = LuoTraceFormat.parse(file.toString(), read(file));
        } catch (kverify.properties.luo.MalformedTrace e) {
            throw new UsageError(e.getMessage());
        }
        Map<String, Optional<String>> out = new LinkedHashMap<>();
        for (LuoVariant v : LuoVariant.at(t.geometry())) {
            LuoDuel duel = new LuoDuel(v, t.geometry());
            Optional<String> key = Optional.empty();
            for (LuoTrace.Step s : t.steps()) {
                LuoDuel.StepResult r = step(file, duel, s, t.steps().get(t.steps().size() - 1));
                if (!r.agrees()) {
                    key = Optional.of(r.key());
                    break;
                }
            }
            out.put(name(v.name()), key);
        }
        return out;
    }

    private static LuoDuel.StepResult step(Path file, LuoDuel duel, LuoTrace.Step s, LuoTrace.Step last) {
        try {
            return duel.step(s.op(), s == last);
        } catch (IllegalArgumentException e) {
            throw new UsageError(file + ":" + s.line() + ": " + e.getMessage());
        }
    }

    static Map<String, Optional<String>> mk(Path file) {
        MkTrace t;
        try {
            t = MkTraceParser.parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (kverify.properties.mk.MalformedTrace e) {
            throw new UsageError(e.located(file.toString()));
        } catch (IOException | UncheckedIOException e) {
            throw new UsageError(file + ":1: cannot read: " + e.getMessage());
        }
        Map<String, Optional<String>> out = new LinkedHashMap<>();
        for (MkVariant v : MkVariant.values()) {
            // The multikernel package knows the variant's interface and which key a finding records.
            Optional<String> key = kverify.properties.mk.MkFindings.recordedKey(t, v);
            out.put(name(v.name()), key);
        }
        return out;
    }

    static Map<String, Optional<String>> image(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new UsageError(file + ":1: cannot read: " + e.getMessage());
        }
        try {
            return kverify.properties.luo.corrupt.ImageReplay.firstKeys(kverify.impl.luo.image.ImageText.parse(lines));
        } catch (kverify.impl.luo.image.ImageFormatException e) {
            throw new UsageError(e.located(file.toString()));
        } catch (IllegalArgumentException e) {
            throw new UsageError(file + ":" + lines.size() + ": " + e.getMessage());
        }
    }

    /** AS_POSTED -> as-posted: the variant names of property names and the catalog. */
    static String name(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new UsageError(file + ":1: cannot read: " + e.getMessage());
        }
    }
}
