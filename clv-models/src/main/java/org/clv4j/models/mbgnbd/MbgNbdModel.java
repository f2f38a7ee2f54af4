package org.clv4j.models.mbgnbd;

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
 * The MBG/NBD ("modified beta-geometric / NBD") model of Batislam, Denizel &amp; Filiztekin (2007), "Empirical
 * validation and comparison of models for customer base analysis", International Journal of Research in Marketing
 * 24(3), 201–209, as implemented and published by the R package BTYDplus (Platzer &amp; Reutterer 2016, where it is
 * the MBG/CNBD-k model with k = 1).
 *
 * <p>The story is the BG/NBD's (purchases at rate λ ~ Gamma(r, α) while alive, a drop-out coin with probability
 * p ~ Beta(a, b) after each repeat purchase) with one change: the coin is also tossed right after the first
 * purchase at time 0, so a customer may never come back. Hence a customer with no repeat purchase is no longer alive
 * for sure, P(alive | x = 0) = 1 / (1 + a/b · ((α + T)/α)^r), which fixes the BG/NBD's best-known quirk. A history
 * is (x, t_x, T) as for {@code BgNbdModel}; parameter names follow the paper.
 *
 * <p>Predictions that involve the Gauss hypergeometric function are summed after a Pfaff transformation by a
 * series that converges for every horizon and every a (also a = 1, where the closed form is 0/0); horizons beyond
 * 10^4 (α + T) and series whose terms cancel use {@link org.clv4j.models.special.Hypergeometric2F1} instead.
 * Results agree with that independent implementation to 1e-11 relative.
 *
 * <p>Immutable and thread-safe.
 */
public final class MbgNbdModel implements TransactionModel {

    private static final int S = 1;

    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final TimeUnit timeUnit;

    private MbgNbdModel(double r, double alpha, double a, double b, TimeUnit timeUnit) {
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
    public static MbgNbdModel of(double r, double alpha, double a, double b, TimeUnit timeUnit) {
        checkParameter("r", r);
        checkParameter("alpha", alpha);
        checkParameter("a", a);
        checkParameter("b", b);
        return new MbgNbdModel(r, alpha, a, b, Objects.requireNonNull(timeUnit, "timeUnit"));
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
     * @return {@code mbg-nbd}
     */
    @Override
    public String name() {
        return "mbg-nbd";
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
     * E[X(t)] for a new customer (Batislam, Denizel &amp; Filiztekin 2007): with probability E[p] = a/(a + b) the
     * customer drops out at once, so
     * <pre>
     *   E[X(t)] = b/(a − 1) · [1 − (α/(α + t))^r · 2F1(r, b + 1; a + b; t/(α + t))]
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
        return b / (a + b) * BetaGeometricNbd.expectedWhileAlive(r, a, b + 1.0, t / alpha);
    }

    /**
     * E[Y(t) | x, t_x, T], the expected purchases in (T, T + t] (Batislam, Denizel &amp; Filiztekin 2007; BTYDplus
     * {@code mbgcnbd.ConditionalExpectedTransactions} with k = 1):
     * <pre>
     *   E[Y(t) | x, t_x, T] = (a + b + x)/(a − 1)
     *       · [1 − ((α + T)/(α + T + t))^(r + x) · 2F1(r + x, b + x + 1; a + b + x; t/(α + T + t))]
     *       / [1 + a/(b + x) · ((α + T)/(α + t_x))^(r + x)]
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
        return alive * BetaGeometricNbd.expectedWhileAlive(r + x, a, b + x + 1.0, t / (alpha + T));
    }

    /**
     * P(alive at T | x, t_x, T) (Batislam, Denizel &amp; Filiztekin 2007):
     * <pre>
     *   P(alive) = 1 / (1 + a/(b + x) · ((α + T)/(α + t_x))^(r + x))
     * </pre>
     * computed from the log-odds, so that (r + x) ln(...) never overflows. Below 1 also when x = 0.
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
     * and averaging e^(−λpt) over the posterior λ ~ Gamma(r + x, α + T), p ~ Beta(a, b + x + 1) gives
     * <pre>
     *   P(alive at T + t | x, t_x, T) = P(alive) · 2F1(r + x, a; a + b + x + 1; −t/(α + T))
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
        return alive * BetaGeometricNbd.survival(r + x, a, b + x + 1.0, t / (alpha + T));
    }

    /**
     * P(X(t) = n) for a new customer, the MBG/NBD analogue of Fader, Hardie &amp; Lee's (2005) eq. (8): n purchases
     * and survival of the n coins tossed at time 0 and after purchases 1..n−1, then either no further purchase in
     * (0, t] or a further purchase and a drop-out at the n-th coin:
     * <pre>
     *   P(X(t) = n) = B(a, b + n)/B(a, b) · Γ(r + n)/(Γ(r) n!) · (α/(α + t))^r · (t/(α + t))^n
     *       + B(a + 1, b + n)/B(a, b) · [1 − (α/(α + t))^r Σ_{j=0}^{n} Γ(r + j)/(Γ(r) j!) (t/(α + t))^j]
     * </pre>
     * The bracket, the probability that an immortal customer makes more than n purchases, is summed directly as a
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
     * The log-likelihood of one history (Batislam, Denizel &amp; Filiztekin 2007; BTYDplus {@code mbgcnbd.LL} with
     * k = 1):
     * <pre>
     *   L = B(a, b + x + 1)/B(a, b) · Γ(r + x) α^r / (Γ(r) (α + T)^(r + x))
     *       + B(a + 1, b + x)/B(a, b) · Γ(r + x) α^r / (Γ(r) (α + t_x)^(r + x))
     * </pre>
     * evaluated in log space (log-sum-exp of the two terms), finite where the formula as written overflows.
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
                + Beta.logBeta(a, b + x + 1.0) - Beta.logBeta(a, b) - (r + x) * Math.log(alpha + T);
        double odds = logOddsDropped(r, alpha, a, b, S, x, tx, T);
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
        if (!(o instanceof MbgNbdModel)) {
            return false;
        }
        MbgNbdModel m = (MbgNbdModel) o;
        return Double.compare(r, m.r) == 0 && Double.compare(alpha, m.alpha) == 0 && Double.compare(a, m.a) == 0
                && Double.compare(b, m.b) == 0 && timeUnit.equals(m.timeUnit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(r, alpha, a, b, timeUnit);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MbgNbdModel[r=%s, alpha=%s, a=%s, b=%s, unit=%s]", r, alpha, a, b,
                timeUnit.name());
    }
}
