package org.clv4j.models.paretonbd;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.commons.math3.special.Gamma;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.TransactionModel;
import org.clv4j.models.special.Hypergeometric2F1;
import org.clv4j.models.special.IncompleteGamma;

/**
 * The Pareto/NBD model of Schmittlein, Morrison &amp; Colombo (1987), "Counting your customers: who are they and
 * what will they do next?", Management Science 33(1), with the expressions of Fader &amp; Hardie (2005), "A note
 * on deriving the Pareto/NBD model and related expressions", and Fader, Hardie &amp; Lee (2005), "RFM and CLV:
 * using iso-value curves for customer base analysis", Journal of Marketing Research 42(4).
 *
 * <p>While alive, a customer buys as a Poisson process with rate λ; the customer dies after an exponential
 * lifetime with rate μ, unobserved. Across customers λ ~ Gamma(shape {@code r}, rate {@code alpha}) and
 * μ ~ Gamma(shape {@code s}, rate {@code beta}), independently. Paper symbols: r, α, s, β. A customer's history
 * is (x, t_x, T): x repeat purchases, the last at t_x, observed for T since the first purchase; all durations in
 * {@link #timeUnit()}.
 *
 * <p>Throughout, with a = r + x:
 * <pre>
 *   L(x, t_x, T)  = Γ(a)/Γ(r) α^r β^s [ (α+T)^(−a) (β+T)^(−s) + s J ],  J = ∫_{t_x}^{T} (α+τ)^(−a) (β+τ)^(−(s+1)) dτ
 *   P(alive)      = (α+T)^(−a) (β+T)^(−s) / [ (α+T)^(−a) (β+T)^(−s) + s J ]
 * </pre>
 * (Fader &amp; Hardie 2005, note 009); J has a closed form with the Gauss hypergeometric function, evaluated as
 * described in {@code ParetoNbdIntegral}.
 *
 * <p>Immutable and thread-safe. Every method returns finite values for valid input, including 10^5 purchases and
 * extreme parameters, and throws {@link IllegalArgumentException} naming the argument for invalid input.
 */
public final class ParetoNbdModel implements TransactionModel {

    private final double r;
    private final double alpha;
    private final double s;
    private final double beta;
    private final TimeUnit timeUnit;

    private ParetoNbdModel(double r, double alpha, double s, double beta, TimeUnit timeUnit) {
        this.r = r;
        this.alpha = alpha;
        this.s = s;
        this.beta = beta;
        this.timeUnit = timeUnit;
    }

    /**
     * A model with the given parameters.
     *
     * @param r the shape r of the purchase-rate distribution Gamma(r, α), finite and &gt; 0
     * @param alpha the rate α of the purchase-rate distribution (in {@code timeUnit}), finite and &gt; 0
     * @param s the shape s of the dropout-rate distribution Gamma(s, β), finite and &gt; 0
     * @param beta the rate β of the dropout-rate distribution (in {@code timeUnit}), finite and &gt; 0
     * @param timeUnit the unit of every duration
     * @return the model
     * @throws IllegalArgumentException if a parameter is not finite and positive, naming it and its value
     */
    public static ParetoNbdModel of(double r, double alpha, double s, double beta, TimeUnit timeUnit) {
        Objects.requireNonNull(timeUnit, "timeUnit");
        requirePositive("r", r);
        requirePositive("alpha", alpha);
        requirePositive("s", s);
        requirePositive("beta", beta);
        return new ParetoNbdModel(r, alpha, s, beta, timeUnit);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Pareto/NBD parameter %s must be finite and > 0: %s=%s", name, name, value));
        }
    }

    /**
     * The shape r of the purchase-rate distribution.
     *
     * @return r
     */
    public double r() {
        return r;
    }

    /**
     * The rate α of the purchase-rate distribution.
     *
     * @return α
     */
    public double alpha() {
        return alpha;
    }

    /**
     * The shape s of the dropout-rate distribution.
     *
     * @return s
     */
    public double s() {
        return s;
    }

    /**
     * The rate β of the dropout-rate distribution.
     *
     * @return β
     */
    public double beta() {
        return beta;
    }

    @Override
    public String name() {
        return "pareto-nbd";
    }

    @Override
    public TimeUnit timeUnit() {
        return timeUnit;
    }

    /**
     * The parameters {r, alpha, s, beta}.
     *
     * @return an ordered, unmodifiable map
     */
    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("r", r);
        map.put("alpha", alpha);
        map.put("s", s);
        map.put("beta", beta);
        return Collections.unmodifiableMap(map);
    }

    /**
     * E[X(t)] for a new customer (Schmittlein, Morrison &amp; Colombo 1987; Fader &amp; Hardie 2005, note 009):
     * <pre>
     *   E[X(t)] = r β / (α (s − 1)) · [1 − (β/(β+t))^(s−1)],   and (r β/α) ln(1 + t/β) at s = 1,
     * </pre>
     * computed as (rβ/α) · (1 − e^(−(s−1)L))/(s−1) with L = ln(1 + t/β), continuous through s = 1.
     *
     * @param t the duration, finite and {@code >= 0}
     * @return E[X(t)]
     * @throws IllegalArgumentException if t is negative or not finite
     */
    @Override
    public double expectedPurchases(double t) {
        requireDuration("t", t);
        return r * beta / alpha * survivalIntegral(s - 1.0, Math.log1p(t / beta));
    }

    /** (1 − e^(−cL))/c, L at c = 0 (exp instead of the slower expm1 where that loses nothing). */
    private static double survivalIntegral(double c, double lnRatio) {
        double u = c * lnRatio;
        if (u == 0.0) {
            return lnRatio;
        }
        return (Math.abs(u) < 0.01 ? -Math.expm1(-u) : 1.0 - Math.exp(-u)) / c;
    }

    /** ln(1 + u) for u &gt;= 0, with log1p only where log(1 + u) would lose relative accuracy. */
    private static double log1pFast(double u) {
        return u < 0.01 ? Math.log1p(u) : Math.log(1.0 + u);
    }

    /**
     * E[Y(t) | x, t_x, T], the expected purchases in (T, T + t] (Fader &amp; Hardie 2005, note 009):
     * <pre>
     *   E[Y(t) | x, t_x, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive | x, t_x, T),
     * </pre>
     * continuous through s = 1 as in {@link #expectedPurchases(double)}.
     *
     * @param t the horizon, finite and {@code >= 0}
     * @param x the number of repeat purchases, a whole number {@code >= 0}
     * @param tx the recency, {@code 0 <= tx <= T}, 0 when x = 0
     * @param T the age
     * @return the conditional expectation
     * @throws IllegalArgumentException if an argument is invalid, naming it and its value
     */
    @Override
    public double conditionalExpectedPurchases(double t, double x, double tx, double T) {
        requireDuration("t", t);
        requireHistory(x, tx, T);
        return expectedWhileAlive(t, x, T) * probabilityAlive(x, tx, T);
    }

    private double expectedWhileAlive(double t, double x, double bigT) {
        double bt = beta + bigT;
        return (r + x) / (alpha + bigT) * bt * survivalIntegral(s - 1.0, log1pFast(t / bt));
    }

    /**
     * P(alive | x, t_x, T), the probability that the customer is still alive at T (Fader &amp; Hardie 2005,
     * note 009):
     * <pre>
     *   P(alive) = 1 / (1 + s (α+T)^(r+x) (β+T)^s J)
     * </pre>
     * with J the integral of the class description; 1 when t_x = T.
     *
     * @param x the number of repeat purchases
     * @param tx the recency
     * @param T the age
     * @return P(alive) in [0, 1]
     * @throws IllegalArgumentException if an argument is invalid, naming it and its value
     */
    @Override
    public double probabilityAlive(double x, double tx, double T) {
        requireHistory(x, tx, T);
        return aliveProbability(x, tx, T);
    }

    private double aliveProbability(double x, double tx, double bigT) {
        double logOdds = logDeadOverAlive(x, tx, bigT);
        return logOdds > 0.0 ? Math.exp(-logOdds) / (1.0 + Math.exp(-logOdds)) : 1.0 / (1.0 + Math.exp(logOdds));
    }

    /** ln( s J / ((α+T)^(−(r+x)) (β+T)^(−s)) ); −∞ when t_x = T. */
    private double logDeadOverAlive(double x, double tx, double bigT) {
        return ParetoNbdIntegral.logDeadOverAlive(r, alpha, s, beta, x, tx, bigT);
    }

    /**
     * P(alive at T + t | x, t_x, T): alive now and surviving t more. Given alive at T, μ ~ Gamma(s, β + T), so
     * <pre>
     *   P(alive at T + t) = P(alive | x, t_x, T) · ((β+T)/(β+T+t))^s.
     * </pre>
     *
     * @param t the time after T, finite and {@code >= 0}
     * @param x the number of repeat purchases
     * @param tx the recency
     * @param T the age
     * @return the probability in [0, 1]
     * @throws IllegalArgumentException if an argument is invalid, naming it and its value
     */
    public double probabilityAliveAfter(double t, double x, double tx, double T) {
        requireDuration("t", t);
        return probabilityAlive(x, tx, T) * Math.exp(-s * Math.log1p(t / (beta + T)));
    }

    /**
     * P(X(t) = n) for a new customer (Fader &amp; Hardie 2006, "Deriving an expression for P(X(t) = x) under the
     * Pareto/NBD model", Hardie's note 012):
     * <pre>
     *   P(X(t)=n) = Γ(r+n)/(Γ(r) n!) (α/(α+t))^r (t/(α+t))^n (β/(β+t))^s
     *             + α^r β^s B(r+n, s+1)/B(r, s) · [ B1 − Σ_{i=0..n} (r+s)_i/i! · t^i · B2(i) ],
     * </pre>
     * with, for α ≥ β, B1 = 2F1(r+s, s+1; r+s+n+1; (α−β)/α)/α^(r+s) and
     * B2(i) = 2F1(r+s+i, s+1; r+s+n+1; (α−β)/(α+t))/(α+t)^(r+s+i); for α &lt; β the same with β in place of α in
     * the arguments and powers, and r+n in place of s+1. The first term is "alive at t with n purchases", the
     * second "died at τ &lt; t after n purchases" (an integral that the bracket evaluates). The bracket is a
     * difference of nearly equal terms for small t; its rounding error is below 1e-15 relative to B1, and a
     * result below zero by rounding is returned as 0.
     *
     * @param n the number of purchases, {@code >= 0}
     * @param t the duration, finite and {@code >= 0}
     * @return the probability in [0, 1]
     * @throws IllegalArgumentException if n is negative or t invalid
     */
    @Override
    public double probabilityOfPurchases(int n, double t) {
        if (n < 0) {
            throw new IllegalArgumentException("number of purchases must be >= 0: n=" + n);
        }
        requireDuration("t", t);
        if (t == 0.0) {
            return n == 0 ? 1.0 : 0.0;
        }
        double lnAlphaT = Math.log(alpha + t);
        double lnBetaT = Math.log(beta + t);
        double lnPrefix = Gamma.logGamma(r + n) - Gamma.logGamma(r) - Gamma.logGamma(n + 1.0);
        double alive = Math.exp(lnPrefix + r * (Math.log(alpha) - lnAlphaT) + n * (Math.log(t) - lnAlphaT)
                + s * (Math.log(beta) - lnBetaT));
        boolean alphaLarger = alpha >= beta;
        double m = alphaLarger ? alpha : beta;
        double other = alphaLarger ? s + 1.0 : r + n;
        double diff = Math.abs(alpha - beta);
        double rs = r + s;
        double c = rs + n + 1.0;
        // everything relative to B1
        double lnB1 = Hypergeometric2F1.log2F1(rs, other, c, diff / m) - rs * Math.log(m);
        double lnMt = Math.log(m + t);
        double zt = diff / (m + t);
        double lnT = Math.log(t);
        double sum = 0.0;
        double lnCoefficient = 0.0; // ln((r+s)_i / i!)
        for (int i = 0; i <= n; i++) {
            double lnB2 = Hypergeometric2F1.log2F1(rs + i, other, c, zt) - (rs + i) * lnMt;
            sum += Math.exp(lnCoefficient + i * lnT + lnB2 - lnB1);
            lnCoefficient += Math.log((rs + i) / (i + 1.0));
        }
        double bracket = 1.0 - sum;
        double lnFactor = r * Math.log(alpha) + s * Math.log(beta) + Gamma.logGamma(r + n) + Gamma.logGamma(s + 1.0)
                - Gamma.logGamma(r + s + n + 1.0) - Gamma.logGamma(r) - Gamma.logGamma(s) + Gamma.logGamma(r + s)
                + lnB1;
        double dead = bracket > 0.0 ? Math.exp(lnFactor) * bracket : 0.0;
        return Math.min(1.0, alive + dead);
    }

    /**
     * The log-likelihood of one customer's history, ln L(r, α, s, β | x, t_x, T) (Fader &amp; Hardie 2005,
     * note 009); see the class description.
     *
     * @param x the number of repeat purchases
     * @param tx the recency
     * @param T the age
     * @return the log-likelihood, finite
     * @throws IllegalArgumentException if an argument is invalid, naming it and its value
     */
    @Override
    public double logLikelihood(double x, double tx, double T) {
        requireHistory(x, tx, T);
        double alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
        double base = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
        double logJ = ParetoNbdIntegral.logJ(r, alpha, s, beta, x, tx, T);
        if (logJ == Double.NEGATIVE_INFINITY) {
            return base + alive;
        }
        double dead = Math.log(s) + logJ;
        return base + Math.max(alive, dead) + Math.log1p(Math.exp(-Math.abs(alive - dead)));
    }

    /**
     * Discounted expected residual transactions, DERT (Fader, Hardie &amp; Lee 2005, "RFM and CLV"): the
     * expected number of purchases after T, each discounted continuously at rate δ,
     * E[∫_T^∞ e^(−δ(u−T)) dX(u) | x, t_x, T]. Given alive at T, λ ~ Gamma(r+x, α+T) and μ ~ Gamma(s, β+T), so
     * <pre>
     *   DERT = P(alive) · (r+x)/(α+T) · E[1/(δ+μ)]
     *        = P(alive) · (r+x)/(α+T) · (β+T)^s δ^(s−1) U(s, s; δ(β+T))
     *        = α^r β^s δ^(s−1) Γ(r+x+1) U(s, s; δ(β+T)) / (Γ(r) (α+T)^(r+x+1) L(r, α, s, β | x, t_x, T)),
     * </pre>
     * with U Tricomi's confluent hypergeometric function of the second kind, here U(s, s; z) = e^z Γ(1−s, z)
     * ({@link IncompleteGamma#logTricomiUEqualParameters}); relative accuracy about 1e-12. Multiply by the
     * expected margin per transaction for a customer's residual lifetime value.
     *
     * @param delta the continuously compounded discount rate per {@link #timeUnit()}, finite and &gt; 0 (e.g.
     *        ln(1.15)/52 ≈ 0.00269 per week for 15% a year)
     * @param x the number of repeat purchases
     * @param tx the recency
     * @param T the age
     * @return DERT, finite and {@code >= 0}
     * @throws IllegalArgumentException if an argument is invalid, naming it and its value
     */
    public double discountedExpectedResidualTransactions(double delta, double x, double tx, double T) {
        if (!(delta > 0.0) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "discount rate must be finite and > 0: delta=%s", delta));
        }
        requireHistory(x, tx, T);
        double bt = beta + T;
        double z = delta * bt;
        double lnExpectedInverse = s * Math.log(bt) + (s - 1.0) * Math.log(delta)
                + IncompleteGamma.logTricomiUEqualParameters(s, z);
        return probabilityAlive(x, tx, T) * Math.exp(Math.log(r + x) - Math.log(alpha + T) + lnExpectedInverse);
    }

    /**
     * Scores many customers in parallel: E[Y(horizon) | x, t_x, T] and P(alive).
     *
     * @param columns the customers (weights are ignored)
     * @param horizon the horizon, finite and {@code >= 0}
     * @param expectedPurchases receives the conditional expectations; length {@code columns.size()}
     * @param probabilityAlive receives P(alive); length {@code columns.size()}, or null
     * @throws IllegalArgumentException if the time units differ, an array has the wrong length or the horizon
     *         is invalid
     */
    @Override
    public void score(SummaryColumns columns, double horizon, double[] expectedPurchases,
                      double[] probabilityAlive) {
        if (!columns.timeUnit().equals(timeUnit)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "summaries are in %s but the %s model is in %s", columns.timeUnit(), name(), timeUnit));
        }
        requireDuration("horizon", horizon);
        int n = columns.size();
        if (expectedPurchases.length != n || (probabilityAlive != null && probabilityAlive.length != n)) {
            throw new IllegalArgumentException("output arrays must have length " + n);
        }
        double[] x = columns.frequencyArray();
        double[] tx = columns.recencyArray();
        double[] bigT = columns.tArray();
        for (int i = 0; i < n; i++) {
            requireHistory(x[i], tx[i], bigT[i]);
        }
        double lnAlpha = Math.log(alpha);
        double lnBeta = Math.log(beta);
        int chunk = 8192;
        int chunks = (n + chunk - 1) / chunk;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int to = Math.min(n, (c + 1) * chunk);
            for (int i = c * chunk; i < to; i++) {
                double p = 1.0 / (1.0 + ParetoNbdIntegral.deadOverAlive(r, alpha, s, beta, lnAlpha, lnBeta, x[i],
                        tx[i], bigT[i]));
                expectedPurchases[i] = expectedWhileAlive(horizon, x[i], bigT[i]) * p;
                if (probabilityAlive != null) {
                    probabilityAlive[i] = p;
                }
            }
        });
    }

    private static void requireDuration(String name, double t) {
        if (!(t >= 0.0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must be finite and >= 0: %s=%s", name, name, t));
        }
    }

    static void requireHistory(double x, double tx, double bigT) {
        if (!(x >= 0.0) || x != Math.rint(x) || !Double.isFinite(x)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "x must be a whole number >= 0: x=%s", x));
        }
        if (!(tx >= 0.0) || !Double.isFinite(tx)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "t_x must be finite and >= 0: tx=%s", tx));
        }
        if (!(bigT >= tx) || !Double.isFinite(bigT)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "T must be finite and >= t_x: tx=%s, T=%s", tx, bigT));
        }
        if (x == 0.0 && tx != 0.0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "t_x must be 0 when x = 0: x=%s, tx=%s", x, tx));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ParetoNbdModel[r=%s, alpha=%s, s=%s, beta=%s, unit=%s]", r, alpha, s,
                beta, timeUnit);
    }
}
