package kverify.engine.challenge;

import java.math.BigInteger;
import kverify.engine.ChoiceWriter;
import kverify.engine.Gen;

/**
 * Python's unbounded integers, as far as the published cases go (Hypothesis draws up to 128
 * bits): a limb count in [1, 3], that many 63-bit limbs, most significant first, then the side
 * (0 positive, 1 negative; read and ignored for zero). Zero is three zero choices, and values
 * order 0, 1, -1, 2, -2, ... like {@link Gen#longs} around zero; a value needing fewer limbs is
 * shorter, so shortlex prefers it. Random runs take one limb half the time.
 */
final class PyInts {
    private static final int MAX_LIMBS = 3;
    private static final int LIMB_BITS = 63;
    private static final Gen<Long> LIMB = Gen.longs(0, Long.MAX_VALUE);
    static final Gen<BigInteger> INTEGERS = s -> {
        int limbs = 1 + (int) s.choice(MAX_LIMBS - 1, 0);
        BigInteger m = BigInteger.ZERO;
        for (int i = 0; i < limbs; i++) {
            m = m.shiftLeft(LIMB_BITS).add(BigInteger.valueOf(s.draw(LIMB)));
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
        w.choice(MAX_LIMBS - 1, limbs - 1);
        BigInteger mask = BigInteger.ONE.shiftLeft(LIMB_BITS).subtract(BigInteger.ONE);
        for (int i = limbs - 1; i >= 0; i--) {
            w.integer(0, Long.MAX_VALUE, m.shiftRight(LIMB_BITS * i).and(mask).longValueExact());
        }
        w.choice(1, v.signum() < 0 ? 1 : 0);
    }

    static void write(ChoiceWriter w, Object pyValue) {
        write(w, (BigInteger) pyValue);
    }
}
