package kverify.properties.luo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kverify.impl.luo.LuoVariant;
import kverify.model.luo.LuoCall;
import kverify.model.luo.LuoGeometry;
import kverify.model.luo.LuoOp;

/**
 * A LUO trace: its format version (1: the name-based operations of one user program; 2: system
 * calls with handles), the variant it is about, the geometry, comment lines (without the leading
 * {@code #}), and the operations with the line each came from (0 for traces built in memory) and
 * the outcome the step expects, if the trace states one ({@code => ...}, as a conformance trace
 * states a selftest's assertion).
 */
public record LuoTrace(int version, LuoVariant variant, LuoGeometry geometry, List<String> comments, List<Step> steps) {
    public LuoTrace {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(geometry, "geometry");
        comments = List.copyOf(comments);
        steps = List.copyOf(steps);
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("trace format version 1 or 2, got " + version);
        }
    }

    public LuoTrace(LuoVariant variant, LuoGeometry geometry, List<String> comments, List<Step> steps) {
        this(1, variant, geometry, comments, steps);
    }

    public record Step(int line, LuoOp op, Optional<Expect> expect) {
        public Step(int line, LuoOp op) {
            this(line, op, Optional.empty());
        }
    }

    /** A trace of the given ops: format 2 if any is a system call of v2, else 1. */
    public static LuoTrace of(LuoVariant variant, LuoGeometry geometry, List<String> comments, List<LuoOp> ops) {
        int version = ops.stream().anyMatch(op -> op instanceof LuoCall || op instanceof kverify.model.luo.LuoFault) ? 2 : 1;
        return new LuoTrace(version, variant, geometry, comments, ops.stream().map(op -> new Step(0, op)).toList());
    }

    public List<LuoOp> ops() {
        return steps.stream().map(Step::op).toList();
    }
}
