package org.clv4j.models.internal;

/**
 * The digamma function ψ(x) = d ln Γ(x)/dx to about 1e-15, for x &gt; 0.
 *
 * <p>Every model's gradient uses this one rather than commons-math3's: commons-math3 3.6.1's
 * {@code Gamma.digamma} carries a sign error in the 1/(120 x⁴) term of its asymptotic series (used from x = 49 down, by recurrence, for every argument), which makes it wrong by
 * 1/(60 x⁴) at its switch point, about 1e-9 absolute. That is harmless in a gradient but not in the closed forms
 * that take differences of ψ. Method: ψ(x) = ψ(x+1) − 1/x up to x ≥ 10, then the asymptotic series
 * ln x − 1/(2x) − Σ_{k=1}^{7} B_{2k}/(2k x^{2k}), whose first omitted term is below 5e-17 at x = 10.
 */
public final class Digamma {

    private Digamma() {
    }

    /**
     * ψ(x).
     *
     * @param x the argument, {@code > 0}
     * @return ψ(x)
     */
    public static double digamma(double x) {
        double shift = 0.0;
        while (x < 10.0) {
            shift -= 1.0 / x;
            x += 1.0;
        }
        double inv = 1.0 / (x * x);
        double series = inv * (1.0 / 12 - inv * (1.0 / 120 - inv * (1.0 / 252 - inv * (1.0 / 240
                - inv * (1.0 / 132 - inv * (691.0 / 32760 - inv / 12))))));
        return shift + Math.log(x) - 0.5 / x - series;
    }
}
