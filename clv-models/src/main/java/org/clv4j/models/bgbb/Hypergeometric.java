package org.clv4j.models.bgbb;

import java.util.Locale;

/**
 * The Gauss hypergeometric function with first parameter 1, the case the BG/BB closed form for discounted
 * expected residual transactions needs (Fader, Hardie &amp; Shang 2010).
 */
final class Hypergeometric {

    /** Upper bound on series terms; with the rate rule of {@link #f21(double, double, double)} never reached. */
    private static final long MAX_TERMS = 2_000_000_000L;

    private Hypergeometric() {
    }

    /**
     * {@code 2F1(1, b; c; z) = Σ_{j≥0} (b)_j / (c)_j · z^j} for {@code 0 < b <= c} and {@code 0 <= z < 1}.
     *
     * <p>Every term is positive and the ratio of consecutive terms, {@code z (b + j) / (c + j)}, is below {@code z},
     * so the tail after a term {@code t} is below {@code t z / (1 − z)}; the series is summed until that bound is
     * below {@code 1e-17} of the sum. Relative accuracy about {@code 1e-15 + n · 1e-16} for {@code n} terms;
     * about {@code (37 + ln(1/(1−z))) / (1 − z)} terms are needed.
     *
     * @param b the second parameter, {@code > 0}
     * @param c the third parameter, {@code >= b}
     * @param z the argument, {@code 0 <= z < 1}
     * @return the value, finite and {@code >= 1}
     */
    static double f21(double b, double c, double z) {
        if (!(b > 0.0) || !(c >= b) || !(z >= 0.0) || !(z < 1.0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "2F1(1, b; c; z) needs 0 < b <= c and 0 <= z < 1: b=%s, c=%s, z=%s", b, c, z));
        }
        double tailFactor = z / (1.0 - z);
        double sum = 1.0;
        double term = 1.0;
        for (long j = 0; j < MAX_TERMS; j++) {
            term *= z * (b + j) / (c + j);
            sum += term;
            if (term * tailFactor <= 1e-17 * sum) {
                return sum;
            }
        }
        throw new ArithmeticException(String.format(Locale.ROOT,
                "2F1(1, b; c; z) series did not converge in %d terms: b=%s, c=%s, z=%s", MAX_TERMS, b, c, z));
    }
}
