package org.clv4j.models.bgbb;

import org.clv4j.models.internal.Digamma;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.TransactionModel;
import org.clv4j.models.internal.RowGroups;

/**
 * The beta-geometric/beta-Bernoulli (BG/BB) model of Fader, Hardie &amp; Shang (2010), "Customer-base analysis in
 * a discrete-time noncontractual setting", Marketing Science 29(6), 1086–1108.
 *
 * <p>Time is a sequence of discrete transaction opportunities (periods: yearly fund drives, weekly sessions,
 * ...), numbered 1, 2, ... after the customer's first transaction at period 0. Assumptions:
 * <ul>
 *   <li>while alive, a customer transacts at each opportunity with probability {@code p} (Bernoulli);</li>
 *   <li>a living customer becomes inactive at the beginning of an opportunity with probability {@code θ}
 *       (geometric lifetime), so P(alive at period j | θ) = (1 − θ)^j;</li>
 *   <li>{@code p ~ Beta(α, β)} and {@code θ ~ Beta(γ, δ)} across customers, independently.</li>
 * </ul>
 *
 * <p>A customer's history is (x, t_x, n): {@code x} repeat transactions in the {@code n} opportunities after the
 * first one, {@code t_x} the period of the last of them (0 when {@code x = 0}), so {@code x <= t_x <= n}. All
 * three are whole numbers of periods; in the {@link TransactionModel} methods {@code T} is {@code n} and every
 * duration (horizon {@code t}) is a whole number of periods in {@link #timeUnit()}. Arguments that are not whole
 * numbers, or that break {@code x <= t_x <= n} or {@code x = 0 ⇒ t_x = 0}, are rejected with
 * {@link IllegalArgumentException}.
 *
 * <p>The likelihood of a history is
 * <pre>
 *   L(α, β, γ, δ | x, t_x, n) = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ)
 *       + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α, β) · B(γ+1, δ+t_x+i)/B(γ, δ),
 * </pre>
 * the first term for a customer alive through period {@code n}, the others for one who became inactive at the
 * start of period {@code t_x + i + 1}. Everything is evaluated in log space. The likelihood, P(alive) and the
 * conditional expectations cost O(n − t_x), P(X(n) = x) costs O(n); the model is meant for tens to thousands of
 * periods, not millions.
 *
 * <p>Immutable and thread-safe.
 */
public final class BgBbModel implements TransactionModel {

    /** Horizons up to this many periods are summed term by term; longer ones use the closed form. */
    private static final int DIRECT_SUM_LIMIT = 1000;
    /** The smallest discount rate accepted by the DERT series, whose cost grows as 1/d. */
    private static final double MIN_DISCOUNT_RATE = 1e-6;

    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double delta;
    private final TimeUnit timeUnit;
    private final double logBetaAlphaBeta;
    private final double logBetaGammaDelta;

    private BgBbModel(double alpha, double beta, double gamma, double delta, TimeUnit timeUnit) {
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.delta = delta;
        this.timeUnit = timeUnit;
        this.logBetaAlphaBeta = Beta.logBeta(alpha, beta);
        this.logBetaGammaDelta = Beta.logBeta(gamma, delta);
    }

    /**
     * A BG/BB model.
     *
     * @param alpha α, the first shape parameter of the beta distribution of the transaction probability p
     * @param beta β, the second shape parameter of the beta distribution of p
     * @param gamma γ, the first shape parameter of the beta distribution of the dropout probability θ
     * @param delta δ, the second shape parameter of the beta distribution of θ
     * @param period the length of one transaction opportunity (e.g. {@link TimeUnit#YEAR} for annual drives)
     * @return the model
     * @throws IllegalArgumentException if a parameter is not finite and {@code > 0}, naming it and its value
     */
    public static BgBbModel of(double alpha, double beta, double gamma, double delta, TimeUnit period) {
        requirePositive("alpha", alpha);
        requirePositive("beta", beta);
        requirePositive("gamma", gamma);
        requirePositive("delta", delta);
        Objects.requireNonNull(period, "period");
        return new BgBbModel(alpha, beta, gamma, delta, period);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "BG/BB parameter %s must be finite and > 0: %s=%s", name, name, value));
        }
    }

    /**
     * α, the first shape parameter of the beta distribution of the per-period transaction probability p.
     *
     * @return α
     */
    public double alpha() {
        return alpha;
    }

    /**
     * β, the second shape parameter of the beta distribution of p; the mean of p is α / (α + β).
     *
     * @return β
     */
    public double beta() {
        return beta;
    }

    /**
     * γ, the first shape parameter of the beta distribution of the per-period dropout probability θ.
     *
     * @return γ
     */
    public double gamma() {
        return gamma;
    }

    /**
     * δ, the second shape parameter of the beta distribution of θ; the mean of θ is γ / (γ + δ).
     *
     * @return δ
     */
    public double delta() {
        return delta;
    }

    /**
     * {@code bg-bb}.
     *
     * @return the model's short name
     */
    @Override
    public String name() {
        return "bg-bb";
    }

    /**
     * The length of one transaction opportunity.
     *
     * @return the period
     */
    @Override
    public TimeUnit timeUnit() {
        return timeUnit;
    }

    /**
     * The parameters α, β, γ, δ, keyed {@code alpha}, {@code beta}, {@code gamma}, {@code delta}.
     *
     * @return an ordered, unmodifiable map
     */
    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("alpha", alpha);
        map.put("beta", beta);
        map.put("gamma", gamma);
        map.put("delta", delta);
        return Collections.unmodifiableMap(map);
    }

    /**
     * The expected number of repeat transactions of a new customer in its first {@code n} opportunities:
     * <pre>
     *   E[X(n)] = α/(α+β) · δ/(γ−1) · [1 − Γ(γ+δ) Γ(1+δ+n) / (Γ(γ+δ+n) Γ(1+δ))]
     *           = α/(α+β) · Σ_{j=1}^{n} B(γ, δ+j)/B(γ, δ),
     * </pre>
     * the second form being the mean transaction probability times the expected number of periods alive; it is
     * also the limit at γ = 1.
     *
     * @param t the number of opportunities n, a whole number {@code >= 0}
     * @return E[X(n)], 0 at n = 0, increasing in n
     * @throws IllegalArgumentException if {@code t} is not a whole number {@code >= 0}
     */
    @Override
    public double expectedPurchases(double t) {
        int n = Periods.count("t", t);
        return alpha / (alpha + beta) * survivalSum(0, n);
    }

    /**
     * The expected number of transactions in the {@code t} periods after period {@code n} of a customer with
     * history (x, t_x, n), E[X(n, n + n*) | x, t_x, n] with n* = t:
     * <pre>
     *   E = 1/L · B(α+x+1, β+n−x)/B(α, β) · δ/(γ−1) · Γ(γ+δ)/Γ(1+δ)
     *           · [Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+n*)/Γ(γ+δ+n+n*)]
     *     = P(alive at n) · (α+x)/(α+β+n) · Σ_{j=1}^{n*} B(γ, δ+n+j)/B(γ, δ+n).
     * </pre>
     *
     * @param t the horizon n*, a whole number of periods {@code >= 0}
     * @param x repeat transactions
     * @param tx the period of the last transaction
     * @param T the number of opportunities n
     * @return the expected number of transactions in periods n+1 .. n+n*, 0 at n* = 0
     * @throws IllegalArgumentException if an argument is not a whole number or the history is inconsistent
     */
    @Override
    public double conditionalExpectedPurchases(double t, double x, double tx, double T) {
        int horizon = Periods.count("t", t);
        int[] h = Periods.history(x, tx, T);
        if (horizon == 0) {
            return 0.0;
        }
        return aliveAt(h[0], h[1], h[2]) * (alpha + h[0]) / (alpha + beta + h[2]) * survivalSum(h[2], horizon);
    }

    /**
     * The probability that a customer with history (x, t_x, n) is alive at period {@code n}:
     * <pre>
     *   P(alive at n | x, t_x, n) = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ) / L(α, β, γ, δ | x, t_x, n).
     * </pre>
     * A customer who transacted at period n ({@code t_x = n}) is alive with certainty.
     *
     * @param x repeat transactions
     * @param tx the period of the last transaction
     * @param T the number of opportunities n
     * @return P(alive at n) in [0, 1]
     * @throws IllegalArgumentException if an argument is not a whole number or the history is inconsistent
     */
    @Override
    public double probabilityAlive(double x, double tx, double T) {
        int[] h = Periods.history(x, tx, T);
        return aliveAt(h[0], h[1], h[2]);
    }

    /**
     * The probability that a customer with history (x, t_x, n) is still alive {@code m} periods later, at period
     * {@code n + m}:
     * <pre>
     *   P(alive at n + m | x, t_x, n) = P(alive at n | x, t_x, n) · B(γ, δ+n+m)/B(γ, δ+n).
     * </pre>
     * With {@code m = 1} this is the paper's "P(alive in 2002)" of Table 6 for the 1995 cohort observed through
     * 2001 ({@code n = 6}).
     *
     * @param m the number of periods after n, a whole number {@code >= 0}
     * @param x repeat transactions
     * @param tx the period of the last transaction
     * @param n the number of opportunities
     * @return the probability in [0, 1], equal to {@link #probabilityAlive(double, double, double)} at m = 0
     * @throws IllegalArgumentException if an argument is not a whole number or the history is inconsistent
     */
    public double probabilityAliveAfter(double m, double x, double tx, double n) {
        int periods = Periods.count("m", m);
        int[] h = Periods.history(x, tx, n);
        double survival = Math.exp(Beta.logBeta(gamma, delta + h[2] + (double) periods)
                - Beta.logBeta(gamma, delta + h[2]));
        return aliveAt(h[0], h[1], h[2]) * survival;
    }

    /**
     * The probability that a new customer makes exactly {@code x} repeat transactions in its first {@code n}
     * opportunities:
     * <pre>
     *   P(X(n) = x) = C(n, x) B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ)
     *       + Σ_{i=x}^{n−1} C(i, x) B(α+x, β+i−x)/B(α, β) · B(γ+1, δ+i)/B(γ, δ).
     * </pre>
     * Cost O(n).
     *
     * @param n the number of transactions x, {@code >= 0}
     * @param t the number of opportunities n, a whole number {@code >= 0}
     * @return the probability in [0, 1]; 0 when {@code x > n}; the values for x = 0..n sum to 1
     * @throws IllegalArgumentException if {@code x < 0} or {@code t} is not a whole number {@code >= 0}
     */
    @Override
    public double probabilityOfPurchases(int n, double t) {
        if (n < 0) {
            throw new IllegalArgumentException("x (the number of transactions) must be >= 0: x=" + n);
        }
        int periods = Periods.count("t", t);
        return probabilityOfCount(n, periods);
    }

    private double probabilityOfCount(int x, int n) {
        if (x > n) {
            return 0.0;
        }
        double logFactorialX = Gamma.logGamma(x + 1.0);
        double alive = logChoose(n, x, logFactorialX) + Beta.logBeta(alpha + x, beta + n - x) - logBetaAlphaBeta
                + Beta.logBeta(gamma, delta + n) - logBetaGammaDelta;
        // log-sum-exp in one pass, rescaling the running sum whenever a larger term appears
        double max = alive;
        double sum = 1.0;
        for (int i = x; i < n; i++) {
            double term = logChoose(i, x, logFactorialX) + Beta.logBeta(alpha + x, beta + i - x) - logBetaAlphaBeta
                    + Beta.logBeta(gamma + 1.0, delta + i) - logBetaGammaDelta;
            if (term > max) {
                sum = sum * Math.exp(max - term) + 1.0;
                max = term;
            } else {
                sum += Math.exp(term - max);
            }
        }
        return Math.min(1.0, Math.exp(max + Math.log(sum)));
    }

    private static double logChoose(int n, int k, double logFactorialK) {
        return Gamma.logGamma(n + 1.0) - logFactorialK - Gamma.logGamma(n - k + 1.0);
    }

    /**
     * The expected number of customers of a cohort of {@code cohortSize} new customers who make exactly
     * x = 0, 1, ..., n repeat transactions in their first {@code n} opportunities: {@code cohortSize · P(X(n) = x)}
     * (paper Figure 3, the histogram of repeat transactions). Cost O(n²).
     *
     * @param cohortSize the number of customers in the cohort, finite and {@code >= 0}
     * @param n the number of opportunities, {@code >= 0}
     * @return an array of length {@code n + 1} whose element x is the expected number of customers with x repeat
     *         transactions; the elements sum to {@code cohortSize}
     * @throws IllegalArgumentException if {@code cohortSize} is negative or not finite, or {@code n < 0}
     */
    public double[] expectedCustomersByFrequency(double cohortSize, int n) {
        if (!(cohortSize >= 0.0) || !Double.isFinite(cohortSize)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cohort size must be finite and >= 0: cohortSize=%s", cohortSize));
        }
        if (n < 0) {
            throw new IllegalArgumentException("n (the number of opportunities) must be >= 0: n=" + n);
        }
        double[] counts = new double[n + 1];
        for (int x = 0; x <= n; x++) {
            counts[x] = cohortSize * probabilityOfCount(x, n);
        }
        return counts;
    }

    /**
     * The discounted expected residual transactions of a customer with history (x, t_x, n): the present value, at
     * the end of period n, of all its future transactions, each counting one unit and discounted by
     * {@code (1 + d)^k} when it happens k periods after n:
     * <pre>
     *   DERT(d | x, t_x, n) = Σ_{k≥1} P(transaction at n + k | x, t_x, n) / (1 + d)^k
     *     = B(α+x+1, β+n−x)/B(α, β) · B(γ, δ+n+1) / (B(γ, δ) (1 + d))
     *       · ₂F₁(1, δ+n+1; γ+δ+n+1; 1/(1+d)) / L(α, β, γ, δ | x, t_x, n).
     * </pre>
     * Multiplied by the value of a transaction this is the customer's residual lifetime value. The hypergeometric
     * series is summed to a relative accuracy of about 1e-14 with O(ln(1/d)/d) terms, so very small rates are
     * refused.
     *
     * @param d the discount rate per period, finite and {@code >= 1e-6}
     * @param x repeat transactions
     * @param tx the period of the last transaction
     * @param n the number of opportunities
     * @return DERT, finite and {@code >= 0}
     * @throws IllegalArgumentException if {@code d} is out of range, an argument is not a whole number or the
     *         history is inconsistent
     */
    public double discountedExpectedResidualTransactions(double d, double x, double tx, double n) {
        if (!(d >= MIN_DISCOUNT_RATE) || !Double.isFinite(d)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "discount rate d must be finite and >= %s per period: d=%s", MIN_DISCOUNT_RATE, d));
        }
        int[] h = Periods.history(x, tx, n);
        double b = delta + h[2];
        // B(γ, δ+n+1)/B(γ, δ+n) = (δ+n)/(γ+δ+n)
        double firstSurvival = b / (gamma + b);
        double series = firstSurvival / (1.0 + d) * Hypergeometric.f21(b + 1.0, gamma + b + 1.0, 1.0 / (1.0 + d));
        return aliveAt(h[0], h[1], h[2]) * (alpha + h[0]) / (alpha + beta + h[2]) * series;
    }

    /**
     * The log-likelihood of one history, ln L(α, β, γ, δ | x, t_x, n) (see the class description).
     *
     * @param x repeat transactions
     * @param tx the period of the last transaction
     * @param T the number of opportunities n
     * @return the log-likelihood, finite and {@code <= 0}
     * @throws IllegalArgumentException if an argument is not a whole number or the history is inconsistent
     */
    @Override
    public double logLikelihood(double x, double tx, double T) {
        int[] h = Periods.history(x, tx, T);
        double alive = logAliveTerm(h[0], h[2]);
        double dropout = logDropoutSum(h[0], h[1], h[2]);
        if (dropout == Double.NEGATIVE_INFINITY) {
            return alive;
        }
        double max = Math.max(alive, dropout);
        return max + Math.log1p(Math.exp(-Math.abs(alive - dropout)));
    }

    /**
     * Scores many customers: E[X(n, n + horizon) | x, t_x, n] and P(alive at n). Identical histories are computed
     * once, which for data in whole periods makes scoring of millions of customers nearly free.
     *
     * @param columns the customers, with frequency = x, recency = t_x and T = n (weights are ignored)
     * @param horizon the horizon n*, a whole number of periods
     * @param expectedPurchases receives the conditional expectations; length {@code columns.size()}
     * @param probabilityAlive receives P(alive at n); length {@code columns.size()}, or null when not wanted
     * @throws IllegalArgumentException if the time units differ, an array has the wrong length or a row is not a
     *         valid history (naming the row)
     */
    @Override
    public void score(SummaryColumns columns, double horizon, double[] expectedPurchases,
                      double[] probabilityAlive) {
        if (!columns.timeUnit().equals(timeUnit)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "summaries are in %s but the %s model is in %s", columns.timeUnit(), name(), timeUnit));
        }
        int rows = columns.size();
        if (expectedPurchases.length != rows || (probabilityAlive != null && probabilityAlive.length != rows)) {
            throw new IllegalArgumentException("output arrays must have length " + rows);
        }
        int nStar = Periods.count("horizon", horizon);
        double[] x = columns.frequencyArray();
        double[] tx = columns.recencyArray();
        double[] bigN = columns.tArray();
        long[] key = new long[rows];
        for (int i = 0; i < rows; i++) {
            int[] h;
            try {
                h = Periods.history(x[i], tx[i], bigN[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("row " + i + ": " + e.getMessage(), e);
            }
            if (h[2] >= (1 << 21)) {
                key = null;
                break;
            }
            key[i] = ((long) h[0] << 42) | ((long) h[1] << 21) | h[2];
        }
        if (key == null) {
            // too many periods to pack a history into a long: score row by row
            for (int i = 0; i < rows; i++) {
                double[] scores = scoreOne(nStar, Periods.history(x[i], tx[i], bigN[i]));
                expectedPurchases[i] = scores[0];
                if (probabilityAlive != null) {
                    probabilityAlive[i] = scores[1];
                }
            }
            return;
        }
        RowGroups groups = RowGroups.of(key, new long[rows]);
        double[][] scores = new double[groups.groups()][];
        for (int g = 0; g < scores.length; g++) {
            int row = groups.firstRow(g);
            scores[g] = scoreOne(nStar, new int[] {(int) x[row], (int) tx[row], (int) bigN[row]});
        }
        for (int i = 0; i < rows; i++) {
            double[] s = scores[groups.groupOf(i)];
            expectedPurchases[i] = s[0];
            if (probabilityAlive != null) {
                probabilityAlive[i] = s[1];
            }
        }
    }

    private double[] scoreOne(int nStar, int[] h) {
        double alive = aliveAt(h[0], h[1], h[2]);
        double expected = nStar == 0 ? 0.0
                : alive * (alpha + h[0]) / (alpha + beta + h[2]) * survivalSum(h[2], nStar);
        return new double[] {expected, alive};
    }

    /** ln of the likelihood's first term: alive through period n with x transactions. */
    private double logAliveTerm(int x, int n) {
        return Beta.logBeta(alpha + x, beta + n - x) - logBetaAlphaBeta + Beta.logBeta(gamma, delta + n)
                - logBetaGammaDelta;
    }

    /**
     * ln Σ_{i=0}^{n−t_x−1} B_i, the log of the likelihood's dropout terms (−∞ when t_x = n), by the recurrence
     * ln B_{i+1} − ln B_i = −log1p((α+x)/(β+t_x−x+i)) − log1p((γ+1)/(δ+t_x+i)). The terms decrease in i, so B_0 is
     * the largest and the scaled sum cannot overflow.
     */
    private double logDropoutSum(int x, int tx, int n) {
        int terms = n - tx;
        if (terms == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double logFirst = Beta.logBeta(alpha + x, beta + tx - x) - logBetaAlphaBeta
                + Beta.logBeta(gamma + 1.0, delta + tx) - logBetaGammaDelta;
        double relative = 0.0;
        double sum = 0.0;
        for (int i = 0; ; i++) {
            sum += Math.exp(relative);
            if (i + 1 == terms) {
                return logFirst + Math.log(sum);
            }
            relative -= Math.log1p((alpha + x) / (beta + tx - x + i)) + Math.log1p((gamma + 1.0) / (delta + tx + i));
        }
    }

    /** P(alive at n | x, t_x, n) = A / (A + Σ B_i) for a validated history. */
    private double aliveAt(int x, int tx, int n) {
        double logDropout = logDropoutSum(x, tx, n);
        if (logDropout == Double.NEGATIVE_INFINITY) {
            return 1.0;
        }
        return 1.0 / (1.0 + Math.exp(logDropout - logAliveTerm(x, n)));
    }

    /**
     * S(m, k) = Σ_{j=1}^{k} B(γ, δ+m+j)/B(γ, δ+m): the expected number of the next k periods in which a customer
     * alive at period m is still alive (averaged over the posterior of θ given survival to m, Beta(γ, δ+m)).
     *
     * <p>Short horizons are summed term by term (each term is the previous one times (δ+m+j−1)/(γ+δ+m+j−1)).
     * Longer ones use the telescoping closed form behind the paper's E[X(n)] and conditional expectation: with
     * b = δ+m and ε = 1−γ, S = b · expm1(D)/ε where D = ln((b+k)/b) + ln B(γ, b+k) − ln B(γ, b); for |ε| &lt; 1e-5 D is replaced by its
     * expansion ε[ψ(b+k+1) − ψ(b+1)] − ε²/2 [ψ'(b+k+1) − ψ'(b+1)], and at γ = 1 S = b [ψ(b+k+1) − ψ(b+1)].
     */
    double survivalSum(int m, int k) {
        if (k == 0) {
            return 0.0;
        }
        double b = delta + m;
        if (k <= DIRECT_SUM_LIMIT) {
            double term = 1.0;
            double sum = 0.0;
            for (int j = 0; j < k; j++) {
                term *= (b + j) / (gamma + b + j);
                sum += term;
            }
            return sum;
        }
        double eps = 1.0 - gamma;
        if (Math.abs(eps) < 1e-5) {
            double a = b + 1.0;
            double digammaDifference = Digamma.digamma(a + k) - Digamma.digamma(a);
            if (eps == 0.0) {
                return b * digammaDifference;
            }
            double d = eps * digammaDifference - 0.5 * eps * eps * (Gamma.trigamma(a + k) - Gamma.trigamma(a));
            return b * Math.expm1(d) / eps;
        }
        double d = Math.log1p(k / b) + Beta.logBeta(gamma, b + k) - Beta.logBeta(gamma, b);
        return b * Math.expm1(d) / eps;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BgBbModel)) {
            return false;
        }
        BgBbModel other = (BgBbModel) o;
        return alpha == other.alpha && beta == other.beta && gamma == other.gamma && delta == other.delta
                && timeUnit.equals(other.timeUnit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alpha, beta, gamma, delta, timeUnit);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BgBbModel[alpha=%s, beta=%s, gamma=%s, delta=%s, period=%s]", alpha, beta,
                gamma, delta, timeUnit);
    }
}
