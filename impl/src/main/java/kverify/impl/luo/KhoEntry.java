package kverify.impl.luo;

import kverify.impl.luo.layout.FdtNode;
import kverify.impl.luo.layout.v7.LuoSubtree;

/**
 * What KHO carries from one kernel to the next for LUO: v1's FDT node {@code luo-session} naming
 * the first session block, or v7's "LUO" subtree, a preserved {@code struct luo_ser}
 * ("[PATCH v7 04/13] liveupdate: register luo_ser as KHO subtree", 2026-06-03).
 */
public sealed interface KhoEntry permits KhoEntry.Fdt, KhoEntry.Subtree {
    record Fdt(FdtNode node) implements KhoEntry {
    }

    record Subtree(LuoSubtree entry) implements KhoEntry {
    }
}
