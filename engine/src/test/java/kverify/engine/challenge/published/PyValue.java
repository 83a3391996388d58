package kverify.engine.challenge.published;

import java.math.BigInteger;
import java.util.List;

/**
 * Reads the Python literals published cases are printed as: integers, None, quoted strings,
 * lists [..] and tuples (..). Integers become BigInteger, None null, strings String, lists a
 * List, tuples a {@link Tuple}.
 */
public final class PyValue extends TextCursor {
    /** A Python tuple. */
    public record Tuple(List<Object> items) {
        public Object get(int i) {
            return items.get(i);
        }
    }

    private PyValue(String text) {
        super(text);
    }

    public static Object parse(String text) {
        PyValue p = new PyValue(text);
        Object v = p.value();
        p.end();
        return v;
    }

    public static long asLong(Object v) {
        return ((BigInteger) v).longValueExact();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> asList(Object v) {
        return (List<Object>) v;
    }

    private Object value() {
        space();
        char c = text.charAt(at);
        if (c == '[') {
            return items('[', ']', this::value);
        }
        if (c == '(') {
            return new Tuple(items('(', ')', this::value));
        }
        if (c == '\'' || c == '"') {
            int end = text.indexOf(c, at + 1);
            String s = text.substring(at + 1, end);
            at = end + 1;
            return s;
        }
        if (text.startsWith("None", at)) {
            at += 4;
            return null;
        }
        int start = at;
        if (c == '-') {
            at++;
        }
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (start == at) {
            throw new IllegalArgumentException("offset " + at + ": unexpected '" + c + "' in " + text);
        }
        return new BigInteger(text.substring(start, at));
    }
}
