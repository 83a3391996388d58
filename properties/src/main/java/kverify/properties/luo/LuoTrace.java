package kverify.properties.luo;

import java.util.List;
import java.util.Objects;
import kverify.impl.luo.LuoVariant;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;

/**
 * A LUO trace: the variant it is about, the geometry, comment lines (without the leading
 * {@code #}), and the operations with the line each came from (0 for traces built in memory).
 */
public record LuoTrace(LuoVariant variant, LuoGeometry geometry, List<String> comments, List<Step> steps) {
    public LuoTrace {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(geometry, "geometry");
        comments = List.copyOf(comments);
        steps = List.copyOf(steps);
    }

    public record Step(int line, LuoOp op) {
    }

    public static LuoTrace of(LuoVariant variant, LuoGeometry geometry, List<String> comments, List<LuoOp> ops) {
        return new LuoTrace(variant, geometry, comments, ops.stream().map(op -> new Step(0, op)).toList());
    }

    public List<LuoOp> ops() {
        return steps.stream().map(Step::op).toList();
    }
}
