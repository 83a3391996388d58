package kverify.engine.challenge;

import java.util.List;
import java.util.stream.Collectors;
import kverify.engine.ChoiceWriter;
import kverify.engine.Divergence;
import kverify.engine.Gen;

/**
 * parser (ECOOP 2020 benchmarks, from SmartCheck): programs of a toy language, generated as the
 * Hypothesis version does, must survive a print-and-parse round trip. The toy parser has two
 * bugs, and otherwise round-trips exactly: it reads {@code And a b} as {@code And b a} and
 * {@code Or a b} as {@code And b a}; {@link #roundTrip} applies exactly that. The case prints in
 * the Haskell form the published cases are written in.
 *
 * <p>Generation: an expression draws a depth in [0, 100]; depth 0 is a leaf ({@code Bool} or
 * {@code Int}, a Python integer), else a child depth below it, a pattern by weight (Not 10, And,
 * Or, Add, Sub, Mul, Div 100 each) and one or two children of that depth. Names are 1 or more
 * letters or digits, in code-point order ('0' simplest). The minimum fails in a function's
 * first argument, an And of two different leaves (an Or of equal leaves has a higher pattern
 * choice): {@code Lang {modules=[], funcs=[Func{ fnName = Var "0", args = [And (Bool False)
 * (Bool True)] , stmts = [] }]}}.
 */
final class ParserChallenge {
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final List<String> PATTERNS = List.of("Not", "And", "Or", "Add", "Sub", "Mul", "Div");
    static final int[] WEIGHTS = {10, 100, 100, 100, 100, 100, 100};
    static final int MAX_DEPTH = 100;

    private ParserChallenge() {
    }

    sealed interface Exp {
    }

    record Leaf(Object value) implements Exp {
        @Override
        public String toString() {
            return value instanceof Boolean b ? "Bool " + (b ? "True" : "False") : "Int " + value;
        }
    }

    record Op(String name, List<Exp> children) implements Exp {
        @Override
        public String toString() {
            return name + children.stream().map(c -> " (" + c + ")").collect(Collectors.joining());
        }
    }

    record Stmt(String kind, String var, Exp exp) {
        @Override
        public String toString() {
            return var == null ? kind + " (" + exp + ")" : kind + " (" + ParserChallenge.var(var) + ") (" + exp + ")";
        }
    }

    record Mod(List<String> imports, List<String> exports) {
        @Override
        public String toString() {
            return "Mod { imports = " + vars(imports) + ", exports = " + vars(exports) + " }";
        }
    }

    record Func(String name, List<Exp> args, List<Stmt> stmts) {
        @Override
        public String toString() {
            return "Func{ fnName = " + var(name) + ", args = " + args + " , stmts = " + stmts + " }";
        }
    }

    record Lang(List<Mod> modules, List<Func> funcs) {
        @Override
        public String toString() {
            return "Lang {modules=" + modules + ", funcs=" + funcs + "}";
        }
    }

    static String var(String name) {
        return "Var \"" + name + "\"";
    }

    static String vars(List<String> names) {
        return names.stream().map(ParserChallenge::var).collect(Collectors.joining(", ", "[", "]"));
    }

    static final Gen<String> NAMES = Gen.lists(Gen.elements(ALPHABET.chars().mapToObj(c -> (char) c).toList()), 1,
            ListChallenges.MAX_SIZE).map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));

    static Gen<Exp> exp(int depth) {
        return s -> {
            if (depth <= 0) {
                return s.choice(1) == 0 ? new Leaf(s.choice(1) == 1) : new Leaf(s.draw(PyInts.INTEGERS));
            }
            Gen<Exp> child = exp(s.draw(Gen.ints(0, depth - 1)));
            String pattern = PATTERNS.get(pattern(s.choice(total() - 1)));
            return new Op(pattern, pattern.equals("Not") ? List.of(s.draw(child)) : List.of(s.draw(child), s.draw(child)));
        };
    }

    static final Gen<Exp> EXPS = s -> s.draw(exp(s.draw(Gen.ints(0, MAX_DEPTH))));

    static int total() {
        int t = 0;
        for (int w : WEIGHTS) {
            t += w;
        }
        return t;
    }

    /** The pattern a weight ticket picks. */
    static int pattern(long ticket) {
        for (int i = 0; i < WEIGHTS.length; i++) {
            if (ticket < WEIGHTS[i]) {
                return i;
            }
            ticket -= WEIGHTS[i];
        }
        throw new IllegalArgumentException("ticket beyond the weights");
    }

    static final Gen<Stmt> STMTS = s -> switch ((int) s.choice(2)) {
        case 0 -> new Stmt("Return", null, s.draw(EXPS));
        case 1 -> new Stmt("Assign", s.draw(NAMES), s.draw(EXPS));
        default -> new Stmt("Alloc", s.draw(NAMES), s.draw(EXPS));
    };

    static final Gen<Lang> LANGS = Gen.zip(
            Gen.lists(Gen.zip(Gen.lists(NAMES, 0, ListChallenges.MAX_SIZE), Gen.lists(NAMES, 0, ListChallenges.MAX_SIZE), Mod::new),
                    0, ListChallenges.MAX_SIZE),
            Gen.lists(Gen.zip(NAMES, Gen.lists(EXPS, 0, ListChallenges.MAX_SIZE), Gen.lists(STMTS, 0, ListChallenges.MAX_SIZE), Func::new),
                    0, ListChallenges.MAX_SIZE),
            Lang::new);

    /** What printing then parsing gives: the same, except for the parser's And and Or bugs. */
    static Exp roundTrip(Exp e) {
        if (!(e instanceof Op op)) {
            return e;
        }
        List<Exp> back = op.children().stream().map(ParserChallenge::roundTrip).toList();
        return op.name().equals("And") || op.name().equals("Or") ? new Op("And", List.of(back.get(1), back.get(0)))
                : new Op(op.name(), back);
    }

    static Lang roundTrip(Lang l) {
        return new Lang(l.modules(), l.funcs().stream().map(f -> new Func(f.name(),
                f.args().stream().map(ParserChallenge::roundTrip).toList(),
                f.stmts().stream().map(st -> new Stmt(st.kind(), st.var(), roundTrip(st.exp()))).toList())).toList());
    }

    static Challenge parser() {
        return new Challenge("parser", "Lang {modules=[], funcs=[Func{ fnName = Var \"0\", args = [And (Bool False) (Bool True)] , stmts = [] }]}",
                s -> {
                    Lang l = s.draw(Challenge.LABEL, LANGS);
                    if (!roundTrip(l).equals(l)) {
                        throw new Divergence("round trip differs", l + " reads back as " + roundTrip(l));
                    }
                }).startingFrom(v -> ParserWriter.write(HaskellReader.lang((String) v)));
    }

}
