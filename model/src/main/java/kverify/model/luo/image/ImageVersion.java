package kverify.model.luo.image;

import java.util.Locale;
import java.util.Optional;

/**
 * Which LUO version wrote a handover, and so how the next kernel finds its root: v1 (patches 1/5
 * and 2/5, April 2026) hands over the FDT node {@code luo-session}; v7 as applied (liveupdate tree
 * {@code next}, 2026-06-03) hands over the KHO subtree "LUO", a raw {@code struct luo_ser}
 * ("[PATCH v7 04/13] liveupdate: register luo_ser as KHO subtree").
 *
 * <p>Each version's kernel also writes, and on the next boot demands, one KHO root compatible
 * (kho_populate refuses a handover whose root is not {@code KHO_FDT_COMPATIBLE}: kexec_handover.c,
 * fdt_node_check_compatible then "setup: handover FDT ... is incompatible"). v7's is "kho-v4":
 * "[PATCH v7 07/13] kho: add support for linked-block serialization" (2026-06-03,
 * {@code <20260603154402.468928-8-pasha.tatashin@soleen.com>}) changes
 * {@code include/linux/kho/abi/kexec_handover.h} from {@code "kho-v3"} to {@code "kho-v4"}. v1's base
 * was not read (docs/versions-luo.md U4); it predates 07/13, so it is not "kho-v4", and the suite
 * takes "kho-v3", the value 07/13 replaces.
 */
public enum ImageVersion {
    V1("kho-v3"),
    V7("kho-v4");

    private final String khoCompatible;

    ImageVersion(String khoCompatible) {
        this.khoCompatible = khoCompatible;
    }

    /** KHO_FDT_COMPATIBLE of this version's kernel: what it writes and what it accepts. */
    public String khoCompatible() {
        return khoCompatible;
    }

    /** "v1" or "v7", as image files and property names write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImageVersion> parse(String text) {
        for (ImageVersion v : values()) {
            if (v.label().equals(text.trim())) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
