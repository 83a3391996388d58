package kverify.model.luo;

import java.util.Optional;

/**
 * The allocations on LUO's paths that fault data can make fail (docs/luo.md, decision 35), by the
 * allocator the kernel calls. {@code KHO} is kho_alloc_preserve, the zeroed folio allocation plus
 * preservation of a session or file block (the only folio allocation on these paths with the test
 * handlers: failing the Nth folio is failing the Nth kho_alloc_preserve). {@code KZALLOC} is the
 * kernel heap: struct luo_session (luo_session_alloc), the block tracking struct
 * (luo_session_add_block's kzalloc_obj, and its file-block twin) and struct luo_file (in
 * luo_preserve_file and in deserialize, one per entry).
 */
public enum AllocKind {
    KHO("kho"),
    KZALLOC("kzalloc");

    private final String traceName;

    AllocKind(String traceName) {
        this.traceName = traceName;
    }

    public String traceName() {
        return traceName;
    }

    public static Optional<AllocKind> ofTraceName(String name) {
        for (AllocKind k : values()) {
            if (k.traceName.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
