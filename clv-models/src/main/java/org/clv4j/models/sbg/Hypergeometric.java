package org.clv4j.models.sbg;

import java.util.Locale;

/**
 * The Gauss hypergeometric function with first parameter 1, {@code 2F1(1, b; c; z)}, for {@code 0 < b < c} and
 * {@code 0 <= z < 1}: the only case the sBG's discounted expected lifetimes need.
 *
 * <p>Evaluated as its power series {@code Σ_{k≥0} u_k} with {@code u_0 = 1} and
 * {@code u_{k+1} = u_k · z (b + k) / (c + k)}. Every term is positive and the ratio of successive terms is below
 * {@code z}, so the remainder after term {@code u_K} is at most {@code u_K · z / (1 − z)}; the sum stops when that
 * bound falls below {@code 2^-53} of the partial sum. With compensated (Kahan) summation the relative error is a
 * few units in the last place (tests compare with 22-digit reference values to 1e-13). The number of terms grows
 * like {@code (37 + ln(1/(1 − z))) / (1 − z)}, about 4·10^5 for {@code 1 − z = 10^-4}.
 */
final class Hypergeometric {

    /** Upper bound on the number of series terms; {@link #unitA} rejects z that would need more. */
    static final long MAX_TERMS = 200_000_000L;
    private static final double EPSILON = 0x1p-53;

    private Hypergeometric() {
    }

    /**
     * {@code 2F1(1, b; c; z)}.
     *
     * @param b second parameter, {@code > 0}
     * @param c third parameter, {@code > b}
     * @param z argument, {@code 0 <= z < 1}
     * @return the value, {@code >= 1}
     * @throws IllegalArgumentException if the arguments are outside the domain, or z is so close to 1 that the
     *         series would need more than {@link #MAX_TERMS} terms
     */
    static double unitA(double b, double c, double z) {
        if (!(b > 0.0) || !(c > b) || !Double.isFinite(c) || !(z >= 0.0) || !(z < 1.0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "2F1(1, b; c; z) needs 0 < b < c and 0 <= z < 1: b=%s, c=%s, z=%s", b, c, z));
        }
        double oneMinusZ = 1.0 - z;
        double tailFactor = z / oneMinusZ;
        double sum = 1.0;
        double compensation = 0.0;
        double term = 1.0;
        for (long k = 0; k < MAX_TERMS; k++) {
            if (term * tailFactor <= EPSILON * sum) {
                return sum;
            }
            term *= z * (b + k) / (c + k);
            double y = term - compensation;
            double t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "2F1(1, b; c; z) needs more than %d series terms for z this close to 1: b=%s, c=%s, z=%s",
                MAX_TERMS, b, c, z));
    }
}
