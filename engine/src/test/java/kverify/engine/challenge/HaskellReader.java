package kverify.engine.challenge;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import kverify.engine.challenge.ParserChallenge.Exp;
import kverify.engine.challenge.ParserChallenge.Func;
import kverify.engine.challenge.ParserChallenge.Lang;
import kverify.engine.challenge.ParserChallenge.Leaf;
import kverify.engine.challenge.ParserChallenge.Mod;
import kverify.engine.challenge.ParserChallenge.Op;
import kverify.engine.challenge.ParserChallenge.Stmt;
import kverify.engine.challenge.published.TextCursor;

/** Reads a published parser case, a program in the Haskell form {@link ParserChallenge} prints. */
final class HaskellReader extends TextCursor {
    private HaskellReader(String text) {
        super(text);
    }

    static Lang lang(String text) {
        HaskellReader r = new HaskellReader(text);
        Lang l = r.lang();
        r.end();
        return l;
    }

    private Lang lang() {
        word("Lang");
        expect("{modules=");
        List<Mod> mods = list(this::mod);
        expect(",");
        expect("funcs=");
        List<Func> funcs = list(this::func);
        expect("}");
        return new Lang(mods, funcs);
    }

    private Mod mod() {
        word("Mod");
        expect("{");
        expect("imports");
        expect("=");
        List<String> imports = list(this::var);
        expect(",");
        expect("exports");
        expect("=");
        List<String> exports = list(this::var);
        expect("}");
        return new Mod(imports, exports);
    }

    private Func func() {
        word("Func");
        expect("{");
        expect("fnName");
        expect("=");
        String name = var();
        expect(",");
        expect("args");
        expect("=");
        List<Exp> args = list(this::exp);
        expect(",");
        expect("stmts");
        expect("=");
        List<Stmt> stmts = list(this::stmt);
        expect("}");
        return new Func(name, args, stmts);
    }

    private Stmt stmt() {
        String kind = name();
        String v = null;
        if (!kind.equals("Return")) {
            expect("(");
            v = var();
            expect(")");
        }
        expect("(");
        Exp e = exp();
        expect(")");
        return new Stmt(kind, v, e);
    }

    private Exp exp() {
        String name = name();
        if (name.equals("Bool")) {
            return new Leaf(name().equals("True"));
        }
        if (name.equals("Int")) {
            space();
            int start = at;
            if (text.charAt(at) == '-') {
                at++;
            }
            while (Character.isDigit(text.charAt(at))) {
                at++;
            }
            return new Leaf(new BigInteger(text.substring(start, at)));
        }
        List<Exp> children = new ArrayList<>();
        int arity = name.equals("Not") ? 1 : 2;
        for (int i = 0; i < arity; i++) {
            expect("(");
            children.add(exp());
            expect(")");
        }
        return new Op(name, children);
    }

    private String var() {
        word("Var");
        expect("\"");
        int end = text.indexOf('"', at);
        String v = text.substring(at, end);
        at = end + 1;
        return v;
    }

    private <T> List<T> list(Supplier<T> item) {
        space();
        return items('[', ']', item);
    }

    private String name() {
        space();
        int start = at;
        while (at < text.length() && Character.isLetter(text.charAt(at))) {
            at++;
        }
        return text.substring(start, at);
    }

    private void word(String w) {
        if (!name().equals(w)) {
            throw error("expected " + w);
        }
    }
}
