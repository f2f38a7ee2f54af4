package org.clv4j.models.bgnbd;

import static org.clv4j.models.internal.BetaGeometricNbd.aliveFromLogOdds;
import static org.clv4j.models.internal.BetaGeometricNbd.checkCount;
import static org.clv4j.models.internal.BetaGeometricNbd.checkDuration;
import static org.clv4j.models.internal.BetaGeometricNbd.checkHistory;
import static org.clv4j.models.internal.BetaGeometricNbd.checkParameter;
import static org.clv4j.models.internal.BetaGeometricNbd.checkScoring;
import static org.clv4j.models.internal.BetaGeometricNbd.logOddsDropped;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.TransactionModel;
import org.clv4j.models.internal.BetaGeometricNbd;

/**
 * The BG/NBD ("beta-geometric / negative binomial distribution") model of Fader, Hardie &amp; Lee (2005),
 * "'Counting your customers' the easy way: an alternative to the Pareto/NBD model", Marketing Science 24(2),
 * 275–284.
 *
 * <p>The story: while alive, a customer buys at rate λ (a Poisson process); after each <em>repeat</em> purchase
 * they drop out for good with probability p. Across customers λ ~ Gamma(shape r, rate α) and p ~ Beta(a, b). A
 * customer's history is summarised by x (repeat purchases), t_x (time of the last purchase, measured from the
 * first) and T (time from the first purchase to now), all in {@link #timeUnit()}. Parameter names follow the
 * paper: {@code r} and {@code alpha} (α) for the purchase rates, {@code a} and {@code b} for the drop-out
 * probabilities.
 *
 * <p>A consequence of dropping out only after a repeat purchase: a customer with x = 0 is alive for sure,
 * P(alive) = 1 (the MBG/NBD model in {@code org.clv4j.models.mbgnbd} removes this).
 *
 * <p>Predictions that involve the Gauss hypergeometric function (eqs. (9) and (10)) are summed after a Pfaff
 * transformation by a series that converges for every horizon, every a (also a = 1, where the paper's closed form
 * is 0/0) and every b; horizons beyond 10^4 (α + T) and series whose terms cancel use
 * {@link org.clv4j.models.special.Hypergeometric2F1} instead. Results agree with that independent implementation
 * to 1e-11 relative and with numerical integration of Bayes' rule to 1e-8 (the integration's own accuracy).
 *
 * <p>Immutable and thread-safe.
 */
public final class BgNbdModel implements TransactionModel {

    private static final int S = 0;

    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final TimeUnit timeUnit;

    private BgNbdModel(double r, double alpha, double a, double b, TimeUnit timeUnit) {
        this.r = r;
        this.alpha = alpha;
        this.a = a;
        this.b = b;
        this.timeUnit = timeUnit;
    }

    /**
     * A model with the given parameters.
     *
     * @param r the shape of the Gamma distribution of purchase rates λ, finite and {@code > 0}
     * @param alpha the rate α of that Gamma distribution, in 1/{@code timeUnit}, finite and {@code > 0}
     * @param a the first shape of the Beta distribution of drop-out probabilities p, finite and {@code > 0}
     * @param b the second shape of that Beta distribution, finite and {@code > 0}
     * @param timeUnit the unit of every duration
     * @return the model
     * @throws IllegalArgumentException naming the parameter if a parameter is not finite and positive
     */
    public static BgNbdModel of(double r, double alpha, double a, double b, TimeUnit timeUnit) {
        checkParameter("r", r);
        checkParameter("alpha", alpha);
        checkParameter("a", a);
        checkParameter("b", b);
        return new BgNbdModel(r, alpha, a, b, Objects.requireNonNull(timeUnit, "timeUnit"));
    }

    /**
     * The shape r of the Gamma distribution of purchase rates.
     *
     * @return r
     */
    public double r() {
        return r;
    }

    /**
     * The rate α of the Gamma distribution of purchase rates (the mean purchase rate is r / α).
     *
     * @return α
     */
    public double alpha() {
        return alpha;
    }

    /**
     * The first shape a of the Beta distribution of drop-out probabilities (the mean is a / (a + b)).
     *
     * @return a
     */
    public double a() {
        return a;
    }

    /**
     * The second shape b of the Beta distribution of drop-out probabilities.
     *
     * @return b
     */
    public double b() {
        return b;
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code bg-nbd}
     */
    @Override
    public String name() {
        return "bg-nbd";
    }

    @Override
    public TimeUnit timeUnit() {
        return timeUnit;
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code r, alpha, a, b}
     */
    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("r", r);
        map.put("alpha", alpha);
        map.put("a", a);
        map.put("b", b);
        return java.util.Collections.unmodifiableMap(map);
    }

    /**
     * E[X(t)] for a new customer, Fader, Hardie &amp; Lee (2005) eq. (9):
     * <pre>
     *   E[X(t)] = (a + b − 1)/(a − 1) · [1 − (α/(α + t))^r · 2F1(r, b; a + b − 1; t/(α + t))]
     * </pre>
     * (summed in a form without the singularity at a = 1; see the class description).
     *
     * @param t the duration, finite and {@code >= 0}
     * @return E[X(t)]
     * @throws IllegalArgumentException if t is negative or not finite
     */
    @Override
    public double expectedPurchases(double t) {
        checkDuration("t", t);
        return BetaGeometricNbd.expectedWhileAlive(r, a, b, t / alpha);
    }

    /**
     * E[Y(t) | x, t_x, T], the expected purchases in (T, T + t], Fader, Hardie &amp; Lee (2005) eq. (10):
     * <pre>
     *   E[Y(t) | x, t_x, T] = (a + b + x − 1)/(a − 1)
     *       · [1 − ((α + T)/(α + T + t))^(r + x) · 2F1(r + x, b + x; a + b + x − 1; t/(α + T + t))]
     *       / [1 + δ(x &gt; 0) · a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x)]
     * </pre>
     * that is, P(alive) times the expectation of a customer known to be alive.
     *
     * @param t the horizon, finite and {@code >= 0}
     * @param x the number of repeat purchases, a whole number {@code >= 0}
     * @param tx the recency, {@code 0 <= tx <= T}, 0 when x = 0
     * @param T the age, finite
     * @return the conditional expectation, 0 at t = 0
     * @throws IllegalArgumentException naming the argument if an argument is invalid
     */
    @Override
    public double conditionalExpectedPurchases(double t, double x, double tx, double T) {
        checkDuration("t", t);
        checkHistory(x, tx, T);
        if (t == 0.0) {
            return 0.0;
        }
        double alive = aliveFromLogOdds(logOddsDropped(r, alpha, a, b, S, x, tx, T));
        return alive * BetaGeometricNbd.expectedWhileAlive(r + x, a, b + x, t / (alpha + T));
    }

    /**
     * P(alive at T | x, t_x, T), Fader, Hardie &amp; Lee (2008), "Computing P(alive) using the BG/NBD model"
     * (Hardie's note 021):
     * <pre>
     *   P(alive) = 1 / (1 + δ(x &gt; 0) · a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x))
     * </pre>
     * computed from the log-odds, so that (r + x) ln(...) never overflows. Equals 1 when x = 0.
     *
     * @param x the number of repeat purchases
     * @param tx the recency
     * @param T the age
     * @return P(alive) in [0, 1]
     * @throws IllegalArgumentException naming the argument if an argument is invalid
     */
    @Override
    public double probabilityAlive(double x, double tx, double T) {
        checkHistory(x, tx, T);
        return aliveFromLogOdds(logOddsDropped(r, alpha, a, b, S, x, tx, T));
    }

    /**
     * P(alive at T + t | x, t_x, T): P(alive at T) times the probability that an alive customer makes no purchase
     * followed by a drop-out in the next t units. Given λ and p the time to drop out is exponential with rate λp,
     * and averaging e^(−λpt) over the posterior λ ~ Gamma(r + x, α + T), p ~ Beta(a, b + x) gives
     * <pre>
     *   P(alive at T + t | x, t_x, T) = P(alive) · 2F1(r + x, a; a + b + x; −t/(α + T))
     * </pre>
     *
     * @param t the time after T, finite and {@code >= 0}
     * @param x the number of repeat purchases
     * @param tx the recency
     * @param T the age
     * @return the probability in [0, 1], P(alive) at t = 0, decreasing to 0 as t grows
     * @throws IllegalArgumentException naming the argument if an argument is invalid
     */
    public double probabilityAliveAfter(double t, double x, double tx, double T) {
        checkDuration("t", t);
        double alive = probabilityAlive(x, tx, T);
        return alive * BetaGeometricNbd.survival(r + x, a, b + x, t / (alpha + T));
    }

    /**
     * P(X(t) = n) for a new customer, Fader, Hardie &amp; Lee (2005) eq. (8):
     * <pre>
     *   P(X(t) = n) = B(a, b + n)/B(a, b) · Γ(r + n)/(Γ(r) n!) · (α/(α + t))^r · (t/(α + t))^n
     *       + δ(n &gt; 0) · B(a + 1, b + n − 1)/B(a, b) · [1 − (α/(α + t))^r Σ_{j=0}^{n−1} Γ(r + j)/(Γ(r) j!)
     *         (t/(α + t))^j]
     * </pre>
     * The bracket, the probability that an immortal customer makes at least n purchases, is summed directly as a
     * tail when it is small, so that tiny probabilities keep their relative accuracy.
     *
     * @param n the number of purchases, {@code >= 0}
     * @param t the duration, finite and {@code >= 0}
     * @return the probability in [0, 1]
     * @throws IllegalArgumentException if n is negative or t invalid
     */
    @Override
    public double probabilityOfPurchases(int n, double t) {
        checkCount(n);
        checkDuration("t", t);
        return BetaGeometricNbd.probabilityOfPurchases(r, alpha, a, b, S, n, t);
    }

    /**
     * The log-likelihood of one history, the logarithm of Fader, Hardie &amp; Lee (2005) eq. (6):
     * <pre>
     *   L = B(a, b + x)/B(a, b) · Γ(r + x) α^r / (Γ(r) (α + T)^(r + x))
     *       + δ(x &gt; 0) · B(a + 1, b + x − 1)/B(a, b) · Γ(r + x) α^r / (Γ(r) (α + t_x)^(r + x))
     * </pre>
     * evaluated in log space (log-sum-exp of the two terms), finite where the formula as written overflows
     * (Fader &amp; Hardie 2013, "Overcoming the BG/NBD model's #NUM! error problem", note 027).
     *
     * @param x the number of repeat purchases
     * @param tx the recency
     * @param T the age
     * @return ln L, finite
     * @throws IllegalArgumentException naming the argument if an argument is invalid
     */
    @Override
    public double logLikelihood(double x, double tx, double T) {
        checkHistory(x, tx, T);
        double base = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha)
                + Beta.logBeta(a, b + x) - Beta.logBeta(a, b) - (r + x) * Math.log(alpha + T);
        double odds = logOddsDropped(r, alpha, a, b, S, x, tx, T);
        if (odds == Double.NEGATIVE_INFINITY) {
            return base;
        }
        return base + (odds > 0.0 ? odds + Math.log1p(Math.exp(-odds)) : Math.log1p(Math.exp(odds)));
    }

    /**
     * Scores all customers in parallel (the common fork-join pool): E[Y(horizon) | x_i, t_x,i, T_i] as in
     * {@link #conditionalExpectedPurchases} and P(alive)_i as in {@link #probabilityAlive}.
     *
     * @param columns the customers (weights are ignored)
     * @param horizon the horizon, finite and {@code >= 0}, in {@link #timeUnit()}
     * @param expectedPurchases receives the expectations; length {@code columns.size()}
     * @param probabilityAlive receives P(alive); length {@code columns.size()}, or null
     * @throws IllegalArgumentException if the time units differ, the horizon is invalid or an array has the wrong
     *         length
     */
    @Override
    public void score(SummaryColumns columns, double horizon, double[] expectedPurchases,
                      double[] probabilityAlive) {
        checkScoring(this, columns, horizon, expectedPurchases, probabilityAlive);
        BetaGeometricNbd.score(r, alpha, a, b, S, columns, horizon, expectedPurchases, probabilityAlive);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof BgNbdModel)) {
            return false;
        }
        BgNbdModel m = (BgNbdModel) o;
        return Double.compare(r, m.r) == 0 && Double.compare(alpha, m.alpha) == 0 && Double.compare(a, m.a) == 0
                && Double.compare(b, m.b) == 0 && timeUnit.equals(m.timeUnit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(r, alpha, a, b, timeUnit);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BgNbdModel[r=%s, alpha=%s, a=%s, b=%s, unit=%s]", r, alpha, a, b,
                timeUnit.name());
    }
}
