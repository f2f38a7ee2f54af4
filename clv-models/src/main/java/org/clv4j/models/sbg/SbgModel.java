package org.clv4j.models.sbg;

import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.special.Beta;

/**
 * The shifted-beta-geometric (sBG) model of contractual retention (Fader &amp; Hardie 2007, "How to project
 * customer retention", Journal of Interactive Marketing 21(1)).
 *
 * <p>At the end of each contract period an active customer renews with probability {@code 1 − θ} and churns with
 * probability θ, so her lifetime T (the period in which she is lost) is shifted-geometric:
 * {@code P(T = t | θ) = θ (1 − θ)^{t−1}}, {@code t = 1, 2, …}. Customers differ: θ follows a beta distribution
 * with parameters {@code alpha} (the paper's α) and {@code beta} (the paper's β), mean {@code α / (α + β)}. Mixing
 * gives (B the beta function)
 *
 * <pre>
 *   P(T = t) = B(α + 1, β + t − 1) / B(α, β)         t = 1, 2, …
 *   S(t)     = P(T &gt; t) = B(α, β + t) / B(α, β)      t = 0, 1, …
 *   r_t      = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1)
 * </pre>
 *
 * <p>The aggregate retention rate {@code r_t} rises with tenure although no individual's churn probability
 * changes: the customers who stay are increasingly the loyal ones (the paper's point).
 *
 * <p>Periods are the contract's renewal periods (years, months, …) and are counted from the acquisition at
 * period 0; {@code S(t)} is the fraction of a cohort still active at the start of period {@code t}, i.e. after
 * {@code t} renewal decisions. Discount rates are per period.
 *
 * <p>Valuation (Fader &amp; Hardie 2010, "Customer-base valuation in a contractual setting: the perils of ignoring
 * heterogeneity", Marketing Science 29(1)): a payment {@code m} is received at the <em>start</em> of every period
 * in which the customer is active, and cash flows are discounted by {@code 1/(1 + d)} per period. A new customer is
 * valued at acquisition, her first payment undiscounted ({@link #discountedExpectedLifetime(double)}); an existing
 * customer who has made {@code n − 1} renewals is valued at the end of her {@code n}-th period, just before her
 * next renewal decision, so the payment of the current period is excluded and the next one, if she renews, is
 * undiscounted ({@link #discountedExpectedResidualLifetime(double, int)}). For payments at the end of each period
 * instead, multiply by {@code 1/(1 + d)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SbgModel {

    /** The smallest discount rate per period accepted by the discounted-lifetime methods. */
    public static final double MIN_DISCOUNT_RATE = 1e-6;

    private final double alpha;
    private final double beta;
    private final double logBetaAB;

    private SbgModel(double alpha, double beta) {
        this.alpha = alpha;
        this.beta = beta;
        this.logBetaAB = Beta.logBeta(alpha, beta);
    }

    /**
     * A model with the given beta-distribution parameters of the churn probability θ.
     *
     * @param alpha the paper's α, finite and {@code > 0}
     * @param beta the paper's β, finite and {@code > 0}
     * @return the model
     * @throws IllegalArgumentException if a parameter is not finite and positive; the message names it
     */
    public static SbgModel of(double alpha, double beta) {
        requirePositive("alpha", alpha);
        requirePositive("beta", beta);
        return new SbgModel(alpha, beta);
    }

    /**
     * The paper's α.
     *
     * @return α
     */
    public double alpha() {
        return alpha;
    }

    /**
     * The paper's β.
     *
     * @return β
     */
    public double beta() {
        return beta;
    }

    /**
     * The survival function {@code S(t) = P(T > t) = B(α, β + t) / B(α, β)} (Fader &amp; Hardie 2007): the
     * probability that a new customer is still active at the start of period {@code t}, i.e. the expected fraction
     * of a cohort alive then.
     *
     * @param t the period, {@code >= 0}
     * @return {@code S(t)} in {@code (0, 1]}; {@code S(0) = 1}
     * @throws IllegalArgumentException if {@code t < 0}
     */
    public double survival(int t) {
        requirePeriod("t", t, 0);
        return t == 0 ? 1.0 : Math.exp(Beta.logBeta(alpha, beta + t) - logBetaAB);
    }

    /**
     * The survival curve {@code S(0), S(1), …, S(lastPeriod)}: the projected fraction of a cohort alive at the
     * start of each period (multiply by 100 for the "% alive" of the paper's Table 1).
     *
     * @param lastPeriod the last period, {@code >= 0}
     * @return an array of {@code lastPeriod + 1} values, non-increasing from 1
     * @throws IllegalArgumentException if {@code lastPeriod < 0}
     */
    public double[] survivalCurve(int lastPeriod) {
        requirePeriod("lastPeriod", lastPeriod, 0);
        double[] curve = new double[lastPeriod + 1];
        for (int t = 0; t <= lastPeriod; t++) {
            curve[t] = survival(t);
        }
        return curve;
    }

    /**
     * The expected number of a cohort's customers alive at the start of period {@code t}: {@code size · S(t)}.
     *
     * @param size the cohort size at period 0, finite and {@code >= 0}
     * @param t the period, {@code >= 0}
     * @return the expected survivors
     * @throws IllegalArgumentException if {@code size} is negative or not finite, or {@code t < 0}
     */
    public double expectedSurvivors(double size, int t) {
        requireSize(size);
        return size * survival(t);
    }

    /**
     * The projected survivors of a cohort for periods {@code 0..lastPeriod}: {@code size · S(t)}.
     *
     * @param size the cohort size at period 0, finite and {@code >= 0}
     * @param lastPeriod the last period, {@code >= 0}
     * @return an array of {@code lastPeriod + 1} expected counts, starting at {@code size}
     * @throws IllegalArgumentException if {@code size} is negative or not finite, or {@code lastPeriod < 0}
     */
    public double[] projectSurvivors(double size, int lastPeriod) {
        requireSize(size);
        double[] curve = survivalCurve(lastPeriod);
        for (int t = 0; t < curve.length; t++) {
            curve[t] *= size;
        }
        return curve;
    }

    /**
     * The retention rate of period {@code t}, {@code r_t = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1)}
     * (Fader &amp; Hardie 2007): the fraction of the customers active in period {@code t} who renew at its
     * end. Increases with {@code t} towards 1.
     *
     * @param t the period, {@code >= 1}
     * @return {@code r_t} in {@code (0, 1)}
     * @throws IllegalArgumentException if {@code t < 1}
     */
    public double retentionRate(int t) {
        requirePeriod("t", t, 1);
        return (beta + t - 1.0) / (alpha + beta + t - 1.0);
    }

    /**
     * The probability that a new customer is lost in period {@code t}, {@code P(T = t) = B(α + 1, β + t − 1) /
     * B(α, β)} (Fader &amp; Hardie 2007): active at period {@code t − 1}, gone at period {@code t}. Equals
     * {@code S(t − 1) − S(t)}.
     *
     * @param t the period, {@code >= 1}
     * @return {@code P(T = t)} in {@code (0, 1)}
     * @throws IllegalArgumentException if {@code t < 1}
     */
    public double probabilityOfChurnInPeriod(int t) {
        requirePeriod("t", t, 1);
        return Math.exp(Beta.logBeta(alpha + 1.0, beta + t - 1.0) - logBetaAB);
    }

    /**
     * The expected lifetime of a new customer in periods, {@code E[T] = Σ_{t≥0} S(t) = (α + β − 1) / (α − 1)}
     * (the mean of {@code 1/θ} under the beta distribution).
     *
     * @return {@code E[T] >= 1}, or {@link Double#POSITIVE_INFINITY} when {@code α <= 1}: the beta density then
     *         puts so much weight near θ = 0 that the mean lifetime diverges (use the discounted lifetime instead)
     */
    public double expectedLifetime() {
        return alpha > 1.0 ? (alpha + beta - 1.0) / (alpha - 1.0) : Double.POSITIVE_INFINITY;
    }

    /**
     * The discounted expected lifetime of a customer at acquisition (Fader &amp; Hardie 2010):
     *
     * <pre>
     *   DEL(d) = Σ_{t≥0} S(t) / (1 + d)^t = 2F1(1, β; α + β; 1/(1 + d))
     * </pre>
     *
     * the present value, in payments, of one payment at the start of every active period, the first one now.
     *
     * @param d the discount rate per period, finite and {@code >= }{@value #MIN_DISCOUNT_RATE}
     * @return DEL, {@code >= 1}
     * @throws IllegalArgumentException if {@code d} is not finite or below {@value #MIN_DISCOUNT_RATE}
     */
    public double discountedExpectedLifetime(double d) {
        requireDiscountRate(d);
        return Hypergeometric.unitA(beta, alpha + beta, 1.0 / (1.0 + d));
    }

    /**
     * The discounted expected residual lifetime of a customer who has made {@code n − 1} renewals (tenure
     * {@code n} periods), valued at the end of period {@code n} just before her next renewal decision
     * (Fader &amp; Hardie 2010, eq. 6):
     *
     * <pre>
     *   DERL(d | n) = Σ_{t≥n} [S(t) / S(n − 1)] / (1 + d)^{t−n}
     *               = (β + n − 1) / (α + β + n − 1) · 2F1(1, β + n; α + β + n; 1/(1 + d))
     * </pre>
     *
     * the present value, in payments, of her future payments at the start of each period she stays. Grows with
     * {@code n}: the customers who have stayed longer are the ones with a lower churn probability.
     *
     * @param d the discount rate per period, finite and {@code >= }{@value #MIN_DISCOUNT_RATE}
     * @param n the customer's tenure in periods, {@code >= 1} ({@code n − 1} renewals made)
     * @return DERL, {@code > 0}
     * @throws IllegalArgumentException if {@code d} is not finite or below {@value #MIN_DISCOUNT_RATE}, or
     *         {@code n < 1}
     */
    public double discountedExpectedResidualLifetime(double d, int n) {
        requireDiscountRate(d);
        requirePeriod("n", n, 1);
        double renewal = (beta + n - 1.0) / (alpha + beta + n - 1.0);
        return renewal * Hypergeometric.unitA(beta + n, alpha + beta + n, 1.0 / (1.0 + d));
    }

    /**
     * The expected lifetime value of a customer at acquisition, {@code m · DEL(d)}: margin {@code m} received at
     * the start of every active period, the first one now (see {@link #discountedExpectedLifetime(double)}).
     *
     * @param margin the net cash flow per period, finite
     * @param d the discount rate per period, finite and {@code >= }{@value #MIN_DISCOUNT_RATE}
     * @return the expected lifetime value
     * @throws IllegalArgumentException if {@code margin} is not finite or {@code d} is invalid
     */
    public double expectedLifetimeValue(double margin, double d) {
        requireFinite("margin", margin);
        return margin * discountedExpectedLifetime(d);
    }

    /**
     * The expected residual lifetime value of a customer who has made {@code n − 1} renewals,
     * {@code m · DERL(d | n)} (Fader &amp; Hardie 2010, eq. 6 scaled by the margin): the value of her future
     * payments, at the start of each period she stays, valued just before her next renewal decision (see
     * {@link #discountedExpectedResidualLifetime(double, int)}).
     *
     * @param margin the net cash flow per period, finite
     * @param d the discount rate per period, finite and {@code >= }{@value #MIN_DISCOUNT_RATE}
     * @param n the customer's tenure in periods, {@code >= 1}
     * @return the expected residual lifetime value
     * @throws IllegalArgumentException if {@code margin} is not finite, {@code d} is invalid or {@code n < 1}
     */
    public double expectedResidualLifetimeValue(double margin, double d, int n) {
        requireFinite("margin", margin);
        return margin * discountedExpectedResidualLifetime(d, n);
    }

    /**
     * The log-likelihood of survivor counts under this model, pooled over the cohorts (Fader &amp; Hardie 2007,
     * eq. 5–7): {@code Σ_t L_t ln P(T = t) + Σ_cohorts A_n ln S(n)}, with {@code L_t} the customers lost in
     * period {@code t} and {@code A_n} those still alive at a cohort's last period {@code n}.
     *
     * @param data the survivor counts
     * @return the log-likelihood, {@code <= 0}
     */
    public double logLikelihood(SurvivalData data) {
        Objects.requireNonNull(data, "data");
        return SbgLikelihood.of(data.cohorts()).logLikelihood(new double[] {alpha, beta}, null);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must be finite and > 0: %s=%s", name, name, value));
        }
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must be finite: %s=%s", name, name, value));
        }
    }

    private static void requirePeriod(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must be >= %d: %s=%d", name, min, name, value));
        }
    }

    private static void requireSize(double size) {
        if (!(size >= 0.0) || !Double.isFinite(size)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cohort size must be finite and >= 0: size=%s", size));
        }
    }

    private static void requireDiscountRate(double d) {
        if (!(d >= MIN_DISCOUNT_RATE) || !Double.isFinite(d)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "discount rate must be finite and >= %s per period: d=%s (for d = 0 see expectedLifetime())",
                    MIN_DISCOUNT_RATE, d));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SbgModel
                && Double.compare(alpha, ((SbgModel) other).alpha) == 0
                && Double.compare(beta, ((SbgModel) other).beta) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(alpha) + Double.hashCode(beta);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SbgModel[alpha=%s, beta=%s]", alpha, beta);
    }
}
