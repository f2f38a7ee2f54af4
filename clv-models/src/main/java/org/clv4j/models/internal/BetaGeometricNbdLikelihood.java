package org.clv4j.models.internal;

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
public final class BetaGeometricNbdLikelihood {

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
     * A likelihood over the given rows (copied and sorted by x).
     *
     * @param s 0 for BG/NBD, 1 for MBG/NBD
     * @param x repeat purchases, whole numbers
     * @param tx recency
     * @param T age
     * @param w row weights
     */
    public BetaGeometricNbdLikelihood(int s, double[] x, double[] tx, double[] T, double[] w) {
        this.s = s;
        int n = x.length;
        // sort rows by x (x is a whole number below 2^31): key = x in the high bits, row in the low bits
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) x[i] << 32) | i;
        }
        Arrays.sort(keys);
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
            int i = (int) keys[k];
            this.x[k] = x[i];
            this.tx[k] = tx[i];
            this.bigT[k] = T[i];
            this.w[k] = w[i];
            total += w[i];
            if (distinct == 0 || xs[distinct - 1] != x[i]) {
                xs[distinct++] = x[i];
            }
            xIndex[k] = distinct - 1;
            ws[distinct - 1] += w[i];
        }
        this.distinctX = Arrays.copyOf(xs, distinct);
        this.distinctWeight = Arrays.copyOf(ws, distinct);
        this.totalWeight = total;
    }

    /**
     * The total weight.
     *
     * @return Σ w
     */
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
        double psiR = Gamma.digamma(r);
        double lnBab = Beta.logBeta(a, b);
        double psiAB = Gamma.digamma(a + b);
        double psiB = Gamma.digamma(b);
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
                double psiABX = Gamma.digamma(a + bx);
                gr += wj * (Gamma.digamma(r + xj) - psiR + lnAlpha);
                ga += wj * (psiAB - psiABX);
                gb += wj * (Gamma.digamma(bx) - psiABX - psiB + psiAB);
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
                    double q;
                    if (odds > 0.0) {
                        double e = Math.exp(-odds);
                        li += odds + Math.log(1.0 + e);
                        q = 1.0 / (1.0 + e);
                    } else {
                        double e = Math.exp(odds);
                        li += Math.log(1.0 + e);
                        q = e / (1.0 + e);
                    }
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
