package kverify.engine.challenge;

import java.math.BigInteger;
import kverify.engine.ChoiceWriter;
import kverify.engine.Gen;

/**
 * Python's unbounded integers, as far as the published cases go (Hypothesis draws up to 128
 * bits): up to four 63-bit limbs (so a 128-bit value still ends with its "no more" flag), least
 * significant first, each further limb announced by a
 * "one more?" choice that forms one span with it, then the side (0 positive, 1 negative; read
 * and ignored for zero). Zero is three zero choices, and values order 0, 1, -1, 2, -2, ... like
 * {@link Gen#longs} around zero; a value needing fewer limbs is shorter, so shortlex prefers it,
 * and deleting a limb's span while raising the limb before it turns a wide value into the widest
 * narrow one. Random runs take a further limb one time in eight.
 */
final class PyInts {
    private static final int MAX_LIMBS = 4;
    private static final int LIMB_BITS = 63;
    private static final Gen<Long> LIMB = Gen.longs(0, Long.MAX_VALUE);
    /** A further limb, or -1 for none; random runs take one one time in eight. */
    private static final Gen<Long> MORE = s -> s.forcedChoice(1, s.hint(2) == 0 ? 1 : 0) == 1 ? s.draw(LIMB) : -1L;
    static final Gen<BigInteger> INTEGERS = s -> {
        BigInteger m = BigInteger.valueOf(s.draw(LIMB));
        for (int i = 1; i < MAX_LIMBS; i++) {
            long limb = s.draw(MORE);
            if (limb < 0) {
                break;
            }
            m = m.add(BigInteger.valueOf(limb).shiftLeft(LIMB_BITS * i));
        }
        return s.choice(1) == 1 ? m.negate() : m;
    };

    private PyInts() {
    }

    /** The choices of {@link #INTEGERS} for {@code v}. */
    static void write(ChoiceWriter w, BigInteger v) {
        BigInteger m = v.abs();
        int limbs = Math.max(1, (m.bitLength() + LIMB_BITS - 1) / LIMB_BITS);
        if (limbs > MAX_LIMBS) {
            throw new IllegalArgumentException(v + " needs more than " + MAX_LIMBS + " limbs");
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(LIMB_BITS).subtract(BigInteger.ONE);
        for (int i = 0; i < limbs; i++) {
            if (i > 0) {
                w.choice(1, 1);
            }
            w.integer(0, Long.MAX_VALUE, m.shiftRight(LIMB_BITS * i).and(mask).longValueExact());
        }
        if (limbs < MAX_LIMBS) {
            w.choice(1, 0);
        }
        w.choice(1, v.signum() < 0 ? 1 : 0);
    }

    static void write(ChoiceWriter w, Object pyValue) {
        write(w, (BigInteger) pyValue);
    }
}
