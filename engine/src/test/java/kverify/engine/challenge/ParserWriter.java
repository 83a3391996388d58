package kverify.engine.challenge;

import java.util.List;
import kverify.engine.ChoiceSequence;
import kverify.engine.ChoiceWriter;
import kverify.engine.challenge.ParserChallenge.Exp;
import kverify.engine.challenge.ParserChallenge.Func;
import kverify.engine.challenge.ParserChallenge.Lang;
import kverify.engine.challenge.ParserChallenge.Leaf;
import kverify.engine.challenge.ParserChallenge.Mod;
import kverify.engine.challenge.ParserChallenge.Op;
import kverify.engine.challenge.ParserChallenge.Stmt;

/**
 * The choices that make {@link ParserChallenge#LANGS} generate a given program. The depths the
 * original drew are not printed; the smallest consistent ones are written: 0 for a leaf, one more
 * than the children's for a node (the two children of a node share one depth, so both are leaves
 * or both are nodes in any generated program).
 */
final class ParserWriter {
    private static final int MAX = ListChallenges.MAX_SIZE;

    private ParserWriter() {
    }

    static ChoiceSequence write(Lang l) {
        ChoiceWriter w = new ChoiceWriter();
        w.list(l.modules(), 0, MAX, ParserWriter::mod);
        w.list(l.funcs(), 0, MAX, ParserWriter::func);
        return w.done();
    }

    private static void mod(ChoiceWriter w, Mod m) {
        w.list(m.imports(), 0, MAX, ParserWriter::name);
        w.list(m.exports(), 0, MAX, ParserWriter::name);
    }

    private static void func(ChoiceWriter w, Func f) {
        name(w, f.name());
        w.list(f.args(), 0, MAX, ParserWriter::topExp);
        w.list(f.stmts(), 0, MAX, ParserWriter::stmt);
    }

    private static void stmt(ChoiceWriter w, Stmt s) {
        w.choice(2, List.of("Return", "Assign", "Alloc").indexOf(s.kind()));
        if (s.var() != null) {
            name(w, s.var());
        }
        topExp(w, s.exp());
    }

    private static void name(ChoiceWriter w, String name) {
        List<Character> chars = name.chars().mapToObj(c -> (char) c).toList();
        w.list(chars, 1, MAX, (w2, c) -> w2.choice(ParserChallenge.ALPHABET.length() - 1, ParserChallenge.ALPHABET.indexOf(c)));
    }

    private static void topExp(ChoiceWriter w, Exp e) {
        int d = depth(e);
        w.integer(0, ParserChallenge.MAX_DEPTH, d);
        exp(w, e, d);
    }

    /** An expression drawn with depth d (d >= its own depth). */
    private static void exp(ChoiceWriter w, Exp e, int d) {
        if (e instanceof Leaf l) {
            if (d > 0) {
                throw new IllegalArgumentException("a leaf beside a node: no generated program has one");
            }
            w.choice(1, l.value() instanceof Boolean ? 0 : 1);
            if (l.value() instanceof Boolean b) {
                w.choice(1, b ? 1 : 0);
            } else {
                PyInts.write(w, l.value());
            }
            return;
        }
        Op op = (Op) e;
        int childDepth = op.children().stream().mapToInt(ParserWriter::depth).max().orElse(0);
        w.integer(0, d - 1, childDepth);
        int index = ParserChallenge.PATTERNS.indexOf(op.name());
        int ticket = 0;
        for (int i = 0; i < index; i++) {
            ticket += ParserChallenge.WEIGHTS[i];
        }
        w.choice(ParserChallenge.total() - 1, ticket);
        for (Exp c : op.children()) {
            exp(w, c, childDepth);
        }
    }

    private static int depth(Exp e) {
        return e instanceof Op op ? 1 + op.children().stream().mapToInt(ParserWriter::depth).max().orElse(0) : 0;
    }
}
