package kverify.model.mk;

/** Number parsing for traces: 0x-prefixed hexadecimal (unsigned 64-bit) or signed decimal. */
public final class Hex {
    private Hex() {
    }

    public static long parseLong(String text) {
        String t = text.trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            if (t.startsWith("-0x")) {
                return -Long.parseUnsignedLong(t.substring(3), 16);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + text + "'");
        }
    }

    /** A 32-bit value given as hex (any bit pattern) or as a signed decimal int. */
    public static int parseInt(String text) {
        long v = parseLong(text);
        String t = text.trim();
        boolean hex = t.startsWith("0x") || t.startsWith("0X") || t.startsWith("-0x");
        if (hex ? (v < Integer.MIN_VALUE || v > 0xFFFFFFFFL) : (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("not a 32-bit value: '" + text + "'");
        }
        return (int) v;
    }

    public static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
