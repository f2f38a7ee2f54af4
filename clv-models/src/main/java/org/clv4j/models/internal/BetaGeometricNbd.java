package org.clv4j.models.internal;

import java.util.Locale;
import java.util.concurrent.RecursiveAction;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.TransactionModel;
import org.clv4j.models.special.Hypergeometric2F1;

/**
 * The mathematics shared by the BG/NBD (Fader, Hardie &amp; Lee 2005) and MBG/NBD (Batislam, Denizel &amp;
 * Filiztekin 2007) models, which differ only in whether a customer may also drop out right after the first
 * purchase. The flag {@code s} selects the model: {@code s = 0} for BG/NBD (a coin is tossed after each
 * <em>repeat</em> purchase), {@code s = 1} for MBG/NBD (also after the first purchase at time 0).
 *
 * <p>Both models: purchases at rate λ ~ Gamma(r, α) while alive; after each coin toss the customer drops out with
 * probability p ~ Beta(a, b). Given a history (x, t_x, T), the alive customer has posterior λ ~ Gamma(r + x, α + T)
 * and p ~ Beta(a, b + x + s), and every prediction reduces to the two Beta–Gamma mixtures below, Gauss
 * hypergeometric functions that this class sums by series converging for every horizon (see
 * {@link #expectedWhileAlive}).
 *
 * <p>Not part of the public API.
 */
public final class BetaGeometricNbd {

    /** Relative truncation error of the series. */
    private static final double EPSILON = 1e-17;
    /** Σ|terms| / |Σ terms| beyond which a series is deemed to have cancelled. */
    private static final double CANCELLATION = 1e3;
    /** Safety limit on series terms (1 − z = 10^−4 needs a few 10^5). */
    private static final int MAX_TERMS = 5_000_000;
    /** Beyond u = t/(α + T) of this size (1 − z below 10^−4) the series is slow: use Hypergeometric2F1. */
    private static final double FAR = 1e4;
    /** Half-width of the perturbation used where the closed form is 0/0 (a = 1) or has a pole (C = 0). */
    private static final double DELTA = 1e-5;
    /** Rows per parallel scoring task. */
    private static final int SCORE_CHUNK = 8_192;

    private BetaGeometricNbd() {
    }

    // ------------------------------------------------------------------------------------------------ validation

    /**
     * Checks a model parameter: finite and {@code > 0}.
     *
     * @param name the parameter name
     * @param value the value
     * @throws IllegalArgumentException naming the parameter and value otherwise
     */
    public static void checkParameter(String name, double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "parameter %s must be finite and > 0: %s=%s", name, name, value));
        }
    }

    /**
     * Checks a duration argument: finite and {@code >= 0}.
     *
     * @param name the argument name
     * @param t the value
     * @throws IllegalArgumentException naming the argument and value otherwise
     */
    public static void checkDuration(String name, double t) {
        if (!(t >= 0.0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must be finite and >= 0: %s=%s", name, name, t));
        }
    }

    /**
     * Checks a history: x a whole number {@code >= 0}, 0 ≤ t_x ≤ T finite, t_x = 0 when x = 0.
     *
     * @param x repeat purchases
     * @param tx recency
     * @param T age
     * @throws IllegalArgumentException naming the argument and value otherwise
     */
    public static void checkHistory(double x, double tx, double T) {
        if (!(x >= 0.0) || x != Math.rint(x) || !Double.isFinite(x)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "x must be a whole number >= 0: x=%s", x));
        }
        if (!(T >= 0.0) || !Double.isFinite(T)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "T must be finite and >= 0: T=%s", T));
        }
        if (!(tx >= 0.0) || !(tx <= T)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "tx must be in [0, T]: tx=%s, T=%s", tx, T));
        }
        if (x == 0.0 && tx != 0.0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "tx must be 0 when x = 0: x=%s, tx=%s", x, tx));
        }
    }

    /**
     * Checks a purchase count: {@code >= 0}.
     *
     * @param n the count
     * @throws IllegalArgumentException naming the argument and value otherwise
     */
    public static void checkCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "n must be >= 0: n=%d", n));
        }
    }

    /**
     * Checks the arguments of {@link TransactionModel#score}.
     *
     * @param model the model
     * @param columns the customers
     * @param horizon the horizon
     * @param expected the expectations' output
     * @param alive the P(alive) output, or null
     * @throws IllegalArgumentException if the time units differ, the horizon is invalid or an array has the
     *         wrong length
     */
    public static void checkScoring(TransactionModel model, SummaryColumns columns, double horizon,
                                    double[] expected, double[] alive) {
        if (!columns.timeUnit().equals(model.timeUnit())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "summaries are in %s but the %s model is in %s", columns.timeUnit().name(), model.name(),
                    model.timeUnit().name()));
        }
        checkDuration("horizon", horizon);
        int n = columns.size();
        if (expected.length != n || (alive != null && alive.length != n)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "output arrays must have length %d: expectedPurchases=%d, probabilityAlive=%s", n,
                    expected.length, alive == null ? "null" : Integer.toString(alive.length)));
        }
    }

    // ---------------------------------------------------------------------------------------------- predictions

    /**
     * The log-odds ln(P(dropped) / P(alive)) of a customer with history (x, t_x, T):
     * ln(a / (b + x + s − 1)) + (r + x) ln((α + T) / (α + t_x)), or −∞ when no coin has been tossed yet
     * (x + s = 0).
     *
     * @param r r
     * @param alpha α
     * @param a a
     * @param b b
     * @param s 0 for BG/NBD, 1 for MBG/NBD
     * @param x repeat purchases
     * @param tx recency
     * @param T age
     * @return the log-odds of having dropped out
     */
    public static double logOddsDropped(double r, double alpha, double a, double b, int s, double x, double tx,
                                        double T) {
        if (x + s == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        return Math.log(a / (b + x + s - 1.0)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
    }

    /**
     * P(alive) = 1 / (1 + e^d) with d the {@link #logOddsDropped log-odds}, computed without overflow.
     *
     * @param logOdds d
     * @return P(alive) in [0, 1]
     */
    public static double aliveFromLogOdds(double logOdds) {
        if (logOdds > 0.0) {
            double e = Math.exp(-logOdds);
            return e / (1.0 + e);
        }
        return 1.0 / (1.0 + Math.exp(logOdds));
    }

    /**
     * G(A, a, β, u) = E[(1 − (1 + p u)^(−A)) / p] over p ~ Beta(a, β): the expected number of purchases in the next
     * t units of a customer who is alive now, with A = r + x, β = b + x + s and u = t / (α + T). It equals
     * (C / (a − 1)) · [1 − 2F1(A, a − 1; C; −u)] with C = a + β − 1, Fader, Hardie &amp; Lee's (2005) eq. (10)
     * numerator after Euler's transformation. To sum it for every u ≥ 0 and every a &gt; 0 (including a = 1 and
     * a + β ≤ 1, where that closed form is 0/0 or has poles) Pfaff's transformation gives, with L = ln(1 + u) and
     * z = u / (1 + u) &lt; 1,
     * <pre>
     *   G = C · expm1((1 − a) L) / (1 − a) − e^((1 − a) L) · Σ_{k≥1} (C − A)_k (a)_(k−1) / ((C + 1)_(k−1) k!) · z^k
     * </pre>
     * whose terms decay like z^k k^(a − A − 2); C + 1 = a + β &gt; 0, so no term has a pole.
     *
     * @param A r + x
     * @param a the Beta parameter a
     * @param beta b + x + s
     * @param u t / (α + T), {@code >= 0}
     * @return G, finite and {@code >= 0}
     */
    public static double expectedWhileAlive(double A, double a, double beta, double u) {
        if (u == 0.0) {
            return 0.0;
        }
        double c = a + beta - 1.0;
        double z = u / (1.0 + u);
        double logOnePlusU = Math.log1p(u);
        double y = (1.0 - a) * logOnePlusU;
        double series = u > FAR ? Double.NaN : seriesFrom((c - A) * z, 1, c - A, a - 1.0, c, z);
        if (Double.isNaN(series)) {
            return expectedWhileAliveFar(A, a, beta, u);
        }
        double first = c * (y == 0.0 ? logOnePlusU : Math.expm1(y) / y * logOnePlusU);
        double g = first - Math.exp(y) * series;
        return g > 0.0 ? g : 0.0;
    }

    /**
     * G for very long horizons (u &gt; 10^4, where the series would need more than 10^5 terms) and where the
     * series' terms cancel (C − A very negative, i.e. r well above a + b − 1): the closed form
     * (C / (a − 1)) · [1 − 2F1(A, a − 1; C; −u)] with {@link Hypergeometric2F1}. Where that form is 0/0 (a within
     * 10^−5 of 1) or has a pole (C within 10^−5 of 0, possible for x = 0 when a + b ≤ 1), G, which is analytic in
     * a and b, is the mean of its values at a = 1 ± 2·10^−5 (or at C = round(C) ± 2·10^−5): error O(10^−9) relative.
     */
    private static double expectedWhileAliveFar(double A, double a, double beta, double u) {
        double c = a + beta - 1.0;
        if (Math.abs(a - 1.0) < DELTA) {
            return 0.5 * (expectedWhileAliveFar(A, 1.0 - 2.0 * DELTA, beta, u)
                    + expectedWhileAliveFar(A, 1.0 + 2.0 * DELTA, beta, u));
        }
        if (Math.abs(c - Math.rint(c)) < DELTA && c < 0.5) {
            double shift = Math.rint(c) - c;
            return 0.5 * (expectedWhileAliveFar(A, a, beta + shift - 2.0 * DELTA, u)
                    + expectedWhileAliveFar(A, a, beta + shift + 2.0 * DELTA, u));
        }
        double f = Hypergeometric2F1.value(A, a - 1.0, c, -u);
        double g = c / (a - 1.0) * (1.0 - f);
        return g > 0.0 && Double.isFinite(g) ? g : 0.0;
    }

    /**
     * S(A, a, β, u) = E[(1 + p u)^(−A)] over p ~ Beta(a, β) = 2F1(A, a; a + β; −u): the probability that a customer
     * alive now is still alive t units later, with A = r + x, β = b + x + s and u = t / (α + T) (dropping out is
     * exponential with rate λp, and E over λ ~ Gamma(A, α + T) of e^(−λ p t) is (1 + p u)^(−A)). Summed after
     * Pfaff's transformation as (1 + u)^(−a) · 2F1(a + β − A, a; a + β; z) with z = u / (1 + u).
     *
     * @param A r + x
     * @param a the Beta parameter a
     * @param beta b + x + s
     * @param u t / (α + T), {@code >= 0}
     * @return S in [0, 1]
     */
    public static double survival(double A, double a, double beta, double u) {
        if (u == 0.0) {
            return 1.0;
        }
        double c = a + beta;
        double z = u / (1.0 + u);
        double f = u > FAR ? Double.NaN : seriesFrom(1.0, 0, c - A, a, c, z);
        double s = Double.isNaN(f) ? Hypergeometric2F1.value(A, a, c, -u) : Math.exp(-a * Math.log1p(u)) * f;
        return Math.min(1.0, Math.max(0.0, s));
    }

    /**
     * Σ_{k ≥ k0} t_k with t_(k+1) = t_k · g1(k) g2(k) z, g1 = (p + k)/(c + k), g2 = (q + k)/(k + 1), for
     * 0 ≤ z &lt; 1 and c + k0 &gt; 0. Once k ≥ −p and k ≥ −q, g1 and g2 are positive and monotone and tend to 1, so
     * every later ratio is at most ρ = z · max(g1(k), 1) · max(g2(k), 1); the sum stops when that bound on the
     * remainder, |t_k| ρ / (1 − ρ), is below {@link #EPSILON} of the sum.
     *
     * @return the sum, or NaN if it has not converged within {@link #MAX_TERMS} terms or its terms cancelled
     *         (Σ|t_k| &gt; {@link #CANCELLATION} · |Σ t_k|)
     */
    static double seriesFrom(double first, int k0, double p, double q, double c, double z) {
        if (first == 0.0) {
            return 0.0;
        }
        double term = first;
        double sum = first;
        double magnitude = Math.abs(first);
        double kPositive = Math.max(0.0, Math.max(-p, -q));
        for (int k = k0; k < MAX_TERMS; k++) {
            double g1 = (p + k) / (c + k);
            double g2 = (q + k) / (k + 1.0);
            term *= g1 * g2 * z;
            sum += term;
            magnitude += Math.abs(term);
            if (term == 0.0) {
                break;
            }
            if (k >= kPositive) {
                double rho = z * Math.max(g1, 1.0) * Math.max(g2, 1.0);
                if (rho < 1.0 && Math.abs(term) * rho <= EPSILON * (1.0 - rho) * Math.abs(sum)) {
                    break;
                }
            }
            if (k == MAX_TERMS - 1) {
                return Double.NaN;
            }
        }
        // terms of both signs (p or q very negative) that cancel to more than 3 digits: let the caller choose
        // another representation
        return magnitude <= CANCELLATION * Math.abs(sum) ? sum : Double.NaN;
    }

    /**
     * P(X(t) = n) for a new customer (Fader, Hardie &amp; Lee 2005, eq. (8) for s = 0; its MBG/NBD analogue for
     * s = 1):
     * <pre>
     *   B(a, b + n)/B(a, b) · NB(n) + [n + s &gt; 0] · B(a + 1, b + n + s − 1)/B(a, b) · P(NB ≥ n + s)
     * </pre>
     * where NB is the negative binomial count of an immortal customer, NB(j) = Γ(r + j)/(Γ(r) j!) ·
     * (α/(α + t))^r (t/(α + t))^j. The tail P(NB ≥ m) is summed directly beyond the mean (no cancellation) and as
     * 1 − Σ_{j&lt;m} NB(j) below it.
     *
     * @param r r
     * @param alpha α
     * @param a a
     * @param b b
     * @param s 0 for BG/NBD, 1 for MBG/NBD
     * @param n purchases
     * @param t duration
     * @return the probability in [0, 1]
     */
    public static double probabilityOfPurchases(double r, double alpha, double a, double b, int s, int n,
                                                double t) {
        if (t == 0.0) {
            return n == 0 ? 1.0 : 0.0;
        }
        double lnB = Beta.logBeta(a, b);
        double logP0 = r * Math.log(alpha / (alpha + t));
        double logZ = Math.log(t / (alpha + t));
        double first = Math.exp(Beta.logBeta(a, b + n) - lnB + logNegativeBinomial(r, logP0, logZ, n));
        double second = 0.0;
        int m = n + s;
        if (m > 0) {
            second = Math.exp(Beta.logBeta(a + 1.0, b + m - 1.0) - lnB) * negativeBinomialTail(r, alpha, t, m);
        }
        return Math.min(1.0, first + second);
    }

    private static double logNegativeBinomial(double r, double logP0, double logZ, int j) {
        return Gamma.logGamma(r + j) - Gamma.logGamma(r) - Gamma.logGamma(j + 1.0) + logP0 + j * logZ;
    }

    /** P(N ≥ m) for N negative binomial with shape r and success probability α / (α + t), m ≥ 1. */
    static double negativeBinomialTail(double r, double alpha, double t, int m) {
        double logP0 = r * Math.log(alpha / (alpha + t));
        double logZ = Math.log(t / (alpha + t));
        double z = t / (alpha + t);
        double mean = r * t / alpha;
        if (m > mean) {
            double pm = Math.exp(logNegativeBinomial(r, logP0, logZ, m));
            double series = seriesFrom(1.0, 0, r + m, 1.0, m + 1.0, z);
            // z within about 10^-6 of 1 (t a million times α): the regularized incomplete beta I_z(m, r)
            return Double.isNaN(series) ? Beta.regularizedBeta(z, m, r) : pm * series;
        }
        double head = 0.0;
        double pmf = Math.exp(logP0);
        for (int j = 0; j < m; j++) {
            head += pmf;
            pmf *= (r + j) / (j + 1.0) * z;
        }
        return Math.max(0.0, 1.0 - head);
    }

    // ------------------------------------------------------------------------------------------------- scoring

    /**
     * Scores many customers in parallel: P(alive)_i and E[Y(t) | x_i, t_x,i, T_i] = P(alive)_i ·
     * G(r + x_i, a, b + x_i + s, t / (α + T_i)).
     *
     * <p>The expensive part, G, depends on a customer only through x and v = ln(α + T). For every x shared by at
     * least {@value #GROUP_MIN} customers, G is replaced by its Chebyshev interpolant in v over that group's range of
     * T (G is analytic in v in the strip |Im v| &lt; π, so the coefficients decay geometrically); the degree grows
     * (16, 32, 64, 128) until the last three coefficients are below 1e-14 of the largest value (the evaluations'
     * own rounding leaves coefficients near 1e-15), which bounds the interpolation error near 1e-13 relative to the
     * group's largest expectation; coefficients below 1e-16 of it are dropped from the end. Other customers are evaluated
     * directly. Per customer that leaves two logarithms, one exponential and a Clenshaw sum.
     *
     * @param r r
     * @param alpha α
     * @param a a
     * @param b b
     * @param s 0 for BG/NBD, 1 for MBG/NBD
     * @param columns the customers (validated by {@link SummaryColumns})
     * @param horizon t
     * @param expected receives the expectations
     * @param alive receives P(alive), or null
     */
    public static void score(double r, double alpha, double a, double b, int s, SummaryColumns columns,
                             double horizon, double[] expected, double[] alive) {
        double[] x = columns.frequencyArray();
        double[] tx = columns.recencyArray();
        double[] bigT = columns.tArray();
        int n = x.length;
        Interpolants table = horizon == 0.0 ? null : Interpolants.build(r, alpha, a, b, s, horizon, x, bigT);
        double logA = Math.log(a);
        RangeScorer scorer = (from, to) -> {
            for (int i = from; i < to; i++) {
                double xi = x[i];
                double v = Math.log(alpha + bigT[i]);
                double p;
                if (xi + s == 0.0) {
                    p = 1.0;
                } else {
                    double logOdds = logA - Math.log(b + xi + s - 1.0) + (r + xi) * (v - Math.log(alpha + tx[i]));
                    p = aliveFromLogOdds(logOdds);
                }
                if (alive != null) {
                    alive[i] = p;
                }
                if (table == null) {
                    expected[i] = 0.0;
                } else {
                    double g = table.value(xi, v);
                    if (Double.isNaN(g)) {
                        g = expectedWhileAlive(r + xi, a, b + xi + s, horizon / (alpha + bigT[i]));
                    }
                    expected[i] = p * g;
                }
            }
        };
        if (n <= 2 * SCORE_CHUNK) {
            scorer.score(0, n);
        } else {
            new ScoreTask(0, n, scorer).invoke();
        }
    }

    /** Customers with one x needed before that x gets an interpolant. */
    private static final int GROUP_MIN = 256;
    /** Largest x with a table entry. */
    private static final int TABLE_X = 1 << 16;

    /** Chebyshev interpolants of G(r + x, a, b + x + s, t e^(−v)) in v, one per frequent x. */
    private static final class Interpolants {
        private final double[] coefficients;
        private final int[] offset;
        private final int[] degree;
        private final double[] middle;
        private final double[] inverseHalfWidth;

        private Interpolants(int[] offset, int[] degree, double[] middle, double[] inverseHalfWidth,
                             double[] coefficients) {
            this.offset = offset;
            this.degree = degree;
            this.middle = middle;
            this.inverseHalfWidth = inverseHalfWidth;
            this.coefficients = coefficients;
        }

        static Interpolants build(double r, double alpha, double a, double b, int s, double horizon, double[] x,
                                  double[] bigT) {
            int size = 0;
            for (double xi : x) {
                if (xi < TABLE_X && xi >= size) {
                    size = (int) xi + 1;
                }
            }
            int[] count = new int[size];
            double[] low = new double[size];
            double[] high = new double[size];
            java.util.Arrays.fill(low, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(high, Double.NEGATIVE_INFINITY);
            for (int i = 0; i < x.length; i++) {
                if (x[i] < TABLE_X) {
                    int k = (int) x[i];
                    count[k]++;
                    low[k] = Math.min(low[k], bigT[i]);
                    high[k] = Math.max(high[k], bigT[i]);
                }
            }
            int[] offset = new int[size];
            int[] degree = new int[size];
            double[] middle = new double[size];
            double[] inverseHalfWidth = new double[size];
            double[] all = new double[1024];
            int used = 0;
            for (int k = 0; k < size; k++) {
                double v0 = Math.log(alpha + low[k]);
                double v1 = Math.log(alpha + high[k]);
                if (count[k] < GROUP_MIN || !(v1 - v0 > 1e-9)) {
                    continue;
                }
                double[] c = interpolate(r + k, a, b + k + s, horizon, v0, v1);
                if (c == null) {
                    continue;
                }
                if (used + c.length > all.length) {
                    all = java.util.Arrays.copyOf(all, Math.max(2 * all.length, used + c.length));
                }
                System.arraycopy(c, 0, all, used, c.length);
                offset[k] = used;
                degree[k] = c.length;
                middle[k] = 0.5 * (v0 + v1);
                inverseHalfWidth[k] = 2.0 / (v1 - v0);
                used += c.length;
            }
            return new Interpolants(offset, degree, middle, inverseHalfWidth, java.util.Arrays.copyOf(all, used));
        }

        /** Chebyshev coefficients of G in v on [v0, v1], or null if 128 points do not resolve it. */
        private static double[] interpolate(double A, double a, double beta, double horizon, double v0, double v1) {
            double mid = 0.5 * (v0 + v1);
            double half = 0.5 * (v1 - v0);
            for (int m = 16; m <= 128; m *= 2) {
                double[] f = new double[m];
                double scale = 0.0;
                for (int j = 0; j < m; j++) {
                    double v = mid + half * Math.cos(Math.PI * (j + 0.5) / m);
                    f[j] = expectedWhileAlive(A, a, beta, horizon * Math.exp(-v));
                    scale = Math.max(scale, Math.abs(f[j]));
                }
                double[] c = new double[m];
                for (int k = 0; k < m; k++) {
                    double sum = 0.0;
                    for (int j = 0; j < m; j++) {
                        sum += f[j] * Math.cos(Math.PI * k * (j + 0.5) / m);
                    }
                    c[k] = (k == 0 ? 1.0 : 2.0) * sum / m;
                }
                double tail = Math.max(Math.abs(c[m - 1]), Math.max(Math.abs(c[m - 2]), Math.abs(c[m - 3])));
                if (tail <= 1e-14 * scale) {
                    int length = m;
                    while (length > 1 && Math.abs(c[length - 1]) <= 1e-16 * scale) {
                        length--;
                    }
                    return java.util.Arrays.copyOf(c, length);
                }
            }
            return null;
        }

        /** The interpolant's value for x at v, or NaN when x has none. */
        double value(double x, double v) {
            if (!(x < degree.length)) {
                return Double.NaN;
            }
            int k = (int) x;
            int m = degree[k];
            if (m == 0) {
                return Double.NaN;
            }
            double y = (v - middle[k]) * inverseHalfWidth[k];
            double y2 = 2.0 * y;
            int base = offset[k];
            double b1 = 0.0;
            double b2 = 0.0;
            for (int j = m - 1; j >= 1; j--) {
                double b0 = coefficients[base + j] + y2 * b1 - b2;
                b2 = b1;
                b1 = b0;
            }
            return coefficients[base] + y * b1 - b2;
        }
    }

    @FunctionalInterface
    private interface RangeScorer {
        void score(int from, int to);
    }

    private static final class ScoreTask extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final int from;
        private final int to;
        private final transient RangeScorer scorer;

        ScoreTask(int from, int to, RangeScorer scorer) {
            this.from = from;
            this.to = to;
            this.scorer = scorer;
        }

        @Override
        protected void compute() {
            if (to - from <= SCORE_CHUNK) {
                scorer.score(from, to);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new ScoreTask(from, mid, scorer), new ScoreTask(mid, to, scorer));
        }
    }
}
