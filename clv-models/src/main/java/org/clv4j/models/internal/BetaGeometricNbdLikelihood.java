package org.clv4j.models.internal;

import org.clv4j.core.summary.SummaryColumns;

import java.util.Arrays;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The total log-likelihood of the BG/NBD ({@code s = 0}) or MBG/NBD ({@code s = 1}) model over primitive columns,
 * with its analytic gradient in (r, α, a, b).
 *
 * <p>Per customer (Fader, Hardie &amp; Lee 2005, eq. (6); Batislam, Denizel &amp; Filiztekin 2007), in log space:
 * <pre>
 *   ln L = ln Γ(r + x) − ln Γ(r) + r ln α + ln B(a, b + x + s) − ln B(a, b) − (r + x) ln(α + T) + ln(1 + e^d)
 *   d    = ln(a / (b + x + s − 1)) + (r + x) ln((α + T) / (α + t_x))      (the term is absent when x + s = 0)
 * </pre>
 * (the second likelihood term divided by the first is e^d, and ln(1 + e^d) is summed as d + ln(1 + e^−d) when
 * d &gt; 0, so nothing overflows). With q = e^d / (1 + e^d), the posterior probability of having dropped out:
 * <pre>
 *   ∂/∂r = ψ(r + x) − ψ(r) + ln α − ln(α + T) + q ln((α + T)/(α + t_x))
 *   ∂/∂α = r/α − (r + x)/(α + T) + q (r + x) (1/(α + T) − 1/(α + t_x))
 *   ∂/∂a = ψ(a + b) − ψ(a + b + x + s) + q / a
 *   ∂/∂b = ψ(b + x + s) − ψ(a + b + x + s) − ψ(b) + ψ(a + b) − q / (b + x + s − 1)
 * </pre>
 * Everything that depends on x alone (ln Γ, ψ, ln B) is computed once per distinct x and weighted by the total
 * weight of that x; the rows, sorted by x at construction, then cost two logarithms, one exponential, one
 * logarithm and two divisions each. Large inputs are summed in parallel with {@link ParallelSum}.
 *
 * <p>Immutable and thread-safe. Not part of the public API.
 */
public final class BetaGeometricNbdLikelihood implements SampledLikelihood {

    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    private final int s;
    private final double[] x;
    private final double[] tx;
    private final double[] bigT;
    private final double[] w;
    private final int[] xIndex;
    private final double[] distinctX;
    private final double[] distinctWeight;
    private final double totalWeight;

    /**
     * A likelihood over summary columns (identical rows merged, rows sorted by x).
     *
     * @param s 0 for BG/NBD, 1 for MBG/NBD
     * @param columns the customers' summaries
     * @return the likelihood
     */
    public static BetaGeometricNbdLikelihood of(int s, SummaryColumns columns) {
        return new BetaGeometricNbdLikelihood(s, columns.frequencyArray(), columns.recencyArray(), columns.tArray(),
                columns.weightArray());
    }

    /**
     * A likelihood over the given rows. Identical rows are merged (their weights added) and the rows are sorted by
     * x; the input arrays are not modified.
     *
     * @param s 0 for BG/NBD, 1 for MBG/NBD
     * @param x repeat purchases, whole numbers below 2^31
     * @param tx recency
     * @param T age
     * @param w row weights
     */
    public BetaGeometricNbdLikelihood(int s, double[] x, double[] tx, double[] T, double[] w) {
        this.s = s;
        int[] rows = distinctRows(x, tx, T);
        int n = rows.length;
        double[] mergedWeight;
        if (n == x.length) {
            mergedWeight = w;
        } else {
            mergedWeight = new double[n];
            mergeWeights(x, tx, T, w, rows, mergedWeight);
        }
        int[] order = orderByX(x, rows);
        this.x = new double[n];
        this.tx = new double[n];
        this.bigT = new double[n];
        this.w = new double[n];
        this.xIndex = new int[n];
        double[] xs = new double[n];
        double[] ws = new double[n];
        int distinct = 0;
        double total = 0.0;
        for (int k = 0; k < n; k++) {
            int row = order[k];
            int i = rows[row];
            double weight = n == x.length ? w[i] : mergedWeight[row];
            this.x[k] = x[i];
            this.tx[k] = tx[i];
            this.bigT[k] = T[i];
            this.w[k] = weight;
            total += weight;
            if (distinct == 0 || xs[distinct - 1] != x[i]) {
                xs[distinct++] = x[i];
            }
            xIndex[k] = distinct - 1;
            ws[distinct - 1] += weight;
        }
        this.distinctX = Arrays.copyOf(xs, distinct);
        this.distinctWeight = Arrays.copyOf(ws, distinct);
        this.totalWeight = total;
    }

    /** The first row of each distinct (x, t_x, T), by an open-addressing hash on the bit patterns. */
    private static int[] distinctRows(double[] x, double[] tx, double[] T) {
        int n = x.length;
        int mask = tableMask(n);
        int[] table = new int[mask + 1];
        Arrays.fill(table, -1);
        int[] first = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            int slot = (int) hash(x[i], tx[i], T[i]) & mask;
            while (true) {
                int r = table[slot];
                if (r < 0) {
                    table[slot] = count;
                    first[count++] = i;
                    break;
                }
                int j = first[r];
                if (same(x, tx, T, i, j)) {
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return count == n ? first : Arrays.copyOf(first, count);
    }

    /** Adds each row's weight to its distinct row's weight (second pass of the same hash). */
    private static void mergeWeights(double[] x, double[] tx, double[] T, double[] w, int[] rows,
                                     double[] merged) {
        int mask = tableMask(x.length);
        int[] table = new int[mask + 1];
        Arrays.fill(table, -1);
        for (int r = 0; r < rows.length; r++) {
            int i = rows[r];
            int slot = (int) hash(x[i], tx[i], T[i]) & mask;
            while (table[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = r;
        }
        for (int i = 0; i < x.length; i++) {
            int slot = (int) hash(x[i], tx[i], T[i]) & mask;
            while (!same(x, tx, T, i, rows[table[slot]])) {
                slot = (slot + 1) & mask;
            }
            merged[table[slot]] += w[i];
        }
    }

    private static int tableMask(int n) {
        int capacity = Integer.highestOneBit(Math.max(1, n - 1)) << 2; // between 2n and 4n slots
        return capacity - 1;
    }

    private static boolean same(double[] x, double[] tx, double[] T, int i, int j) {
        return Double.doubleToLongBits(x[i]) == Double.doubleToLongBits(x[j])
                && Double.doubleToLongBits(tx[i]) == Double.doubleToLongBits(tx[j])
                && Double.doubleToLongBits(T[i]) == Double.doubleToLongBits(T[j]);
    }

    private static long hash(double x, double tx, double T) {
        long h = Double.doubleToLongBits(x) * 0x9E3779B97F4A7C15L;
        h = (h ^ Double.doubleToLongBits(tx)) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ Double.doubleToLongBits(T)) * 0x165667B19E3779F9L;
        return h ^ (h >>> 29);
    }

    /** Positions into {@code rows} ordered by x: a counting sort when x is small, else a sort of packed keys. */
    private static int[] orderByX(double[] x, int[] rows) {
        int n = rows.length;
        double max = 0.0;
        for (int i : rows) {
            max = Math.max(max, x[i]);
        }
        int[] order = new int[n];
        if (max <= Math.max(1 << 16, 4.0 * n)) {
            int[] start = new int[(int) max + 2];
            for (int i : rows) {
                start[(int) x[i] + 1]++;
            }
            for (int v = 1; v < start.length; v++) {
                start[v] += start[v - 1];
            }
            for (int r = 0; r < n; r++) {
                order[start[(int) x[rows[r]]]++] = r;
            }
            return order;
        }
        long[] keys = new long[n];
        for (int r = 0; r < n; r++) {
            keys[r] = ((long) x[rows[r]] << 32) | r;
        }
        Arrays.sort(keys);
        for (int k = 0; k < n; k++) {
            order[k] = (int) keys[k];
        }
        return order;
    }

    /**
     * The total weight.
     *
     * @return Σ w
     */
    @Override
    public String[] parameterNames() {
        return NAMES.clone();
    }

    @Override
    public double observations() {
        return totalWeight;
    }

    /**
     * The total weighted log-likelihood and its gradient.
     *
     * @param theta (r, α, a, b)
     * @param gradient receives ∂/∂(r, α, a, b), or null
     * @return the log-likelihood
     */
    @Override
    public double logLikelihood(double[] theta, double[] gradient) {
        final double r = theta[0];
        final double alpha = theta[1];
        final double a = theta[2];
        final double b = theta[3];
        int d = distinctX.length;
        // per distinct x: log-odds constant and 1/(b + x + s - 1)
        final double[] logOdds = new double[d];
        final double[] inverseB = new double[d];
        double lnAlpha = Math.log(alpha);
        double lgR = Gamma.logGamma(r);
        double psiR = Digamma.digamma(r);
        double lnBab = Beta.logBeta(a, b);
        double psiAB = Digamma.digamma(a + b);
        double psiB = Digamma.digamma(b);
        double lnA = Math.log(a);
        double constant = 0.0;
        double gr = 0.0;
        double ga = 0.0;
        double gb = 0.0;
        for (int j = 0; j < d; j++) {
            double xj = distinctX[j];
            double wj = distinctWeight[j];
            double bx = b + xj + s;
            constant += wj * (Gamma.logGamma(r + xj) - lgR + r * lnAlpha + Beta.logBeta(a, bx) - lnBab);
            if (gradient != null) {
                double psiABX = Digamma.digamma(a + bx);
                gr += wj * (Digamma.digamma(r + xj) - psiR + lnAlpha);
                ga += wj * (psiAB - psiABX);
                gb += wj * (Digamma.digamma(bx) - psiABX - psiB + psiAB);
            }
            if (xj + s > 0.0) {
                logOdds[j] = lnA - Math.log(bx - 1.0);
                inverseB[j] = 1.0 / (bx - 1.0);
            }
        }
        final int shift = s;
        double[] rowGradient = gradient == null ? null : new double[4];
        double rows = ParallelSum.sum(x.length, rowGradient, (from, to, g) -> {
            double ll = 0.0;
            double dr = 0.0;
            double dAlpha = 0.0;
            double dq = 0.0;
            double dqb = 0.0;
            for (int i = from; i < to; i++) {
                double wi = w[i];
                double xi = x[i];
                double rx = r + xi;
                double lnT = Math.log(alpha + bigT[i]);
                double invT = 1.0 / (alpha + bigT[i]);
                double li = -rx * lnT;
                double dri = -lnT;
                double dai = -rx * invT;
                if (xi + shift > 0.0) {
                    int j = xIndex[i];
                    double lnTx = Math.log(alpha + tx[i]);
                    double gap = lnT - lnTx;
                    double odds = logOdds[j] + rx * gap;
                    // ln(1 + e^d) = max(d, 0) + ln(1 + e^−|d|) and q = e^d / (1 + e^d), without a branch on the
                    // sign of d (which is unpredictable from row to row)
                    double e = Math.exp(-Math.abs(odds));
                    double onePlus = 1.0 + e;
                    li += Math.max(odds, 0.0) + Math.log(onePlus);
                    double q = (odds > 0.0 ? 1.0 : e) / onePlus;
                    dri += q * gap;
                    dai += q * rx * (invT - 1.0 / (alpha + tx[i]));
                    dq += wi * q;
                    dqb += wi * q * inverseB[j];
                }
                ll += wi * li;
                dr += wi * dri;
                dAlpha += wi * dai;
            }
            if (g != null) {
                g[0] += dr;
                g[1] += dAlpha;
                g[2] += dq / a;
                g[3] -= dqb;
            }
            return ll;
        });
        if (gradient != null) {
            gradient[0] = gr + rowGradient[0];
            gradient[1] = totalWeight * r / alpha + rowGradient[1];
            gradient[2] = ga + rowGradient[2];
            gradient[3] = gb + rowGradient[3];
        }
        return constant + rows;
    }

    /**
     * The number of distinct rows.
     *
     * @return the row count after merging identical rows
     */
    @Override
    public int rows() {
        return x.length;
    }

    /**
     * A systematic sample: every k-th row of this likelihood's x-sorted rows, k = ⌈rows / size⌉, with its weight.
     * Rows are sorted by x, so the sample keeps the distribution of x.
     *
     * @param size the approximate number of rows wanted
     * @return the sample's likelihood
     */
    @Override
    public BetaGeometricNbdLikelihood sample(int size) {
        int step = Math.max(1, (x.length + size - 1) / size);
        int m = (x.length + step - 1) / step;
        double[] sx = new double[m];
        double[] stx = new double[m];
        double[] sT = new double[m];
        double[] sw = new double[m];
        for (int k = 0; k < m; k++) {
            int i = k * step;
            sx[k] = x[i];
            stx[k] = tx[i];
            sT[k] = bigT[i];
            sw[k] = w[i];
        }
        return new BetaGeometricNbdLikelihood(s, sx, stx, sT, sw);
    }

    /**
     * Starting values for these data: (r, α, a, b) = (1, ΣwT / Σwx, 1, 3), so that the mean purchase rate r/α
     * matches the observed rate.
     *
     * @return the starting values
     */
    @Override
    public double[] defaultStart() {
        return defaultStart(x, bigT, w);
    }

    /**
     * Starting values (r, α, a, b) = (1, ΣwT / Σwx, 1, 3): the mean purchase rate r/α matches the observed rate.
     *
     * @param x repeat purchases
     * @param T ages
     * @param w weights
     * @return the starting values
     */
    public static double[] defaultStart(double[] x, double[] T, double[] w) {
        double purchases = 0.0;
        double age = 0.0;
        for (int i = 0; i < x.length; i++) {
            purchases += w[i] * x[i];
            age += w[i] * T[i];
        }
        double alpha = purchases > 0.0 && age > 0.0 ? age / purchases : 1.0;
        return new double[] {1.0, Math.max(1e-6, Math.min(alpha, 1e6)), 1.0, 3.0};
    }
}
