package kverify.engine.challenge.published;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A position in a text being read, with the steps the readers of published cases share. */
public abstract class TextCursor {
    protected final String text;
    protected int at;

    protected TextCursor(String text) {
        this.text = text;
    }

    protected void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    protected void expect(String s) {
        space();
        if (!text.startsWith(s, at)) {
            throw error("expected '" + s + "'");
        }
        at += s.length();
    }

    /** Items between {@code open} and {@code close}, separated by commas. */
    protected <T> List<T> items(char open, char close, Supplier<T> item) {
        expect(String.valueOf(open));
        List<T> out = new ArrayList<>();
        space();
        while (text.charAt(at) != close) {
            out.add(item.get());
            space();
            if (text.charAt(at) == ',') {
                at++;
                space();
            }
        }
        at++;
        return out;
    }

    /** Fails unless only white space is left. */
    protected void end() {
        space();
        if (at != text.length()) {
            throw error("trailing text");
        }
    }

    protected IllegalArgumentException error(String what) {
        return new IllegalArgumentException("offset " + at + ": " + what + " in "
                + text.substring(Math.max(0, at - 20), Math.min(text.length(), at + 40)));
    }
}
