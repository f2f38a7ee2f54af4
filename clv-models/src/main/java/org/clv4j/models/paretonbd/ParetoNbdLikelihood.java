package org.clv4j.models.paretonbd;

import org.clv4j.models.internal.SampledLikelihood;
import org.apache.commons.math3.special.Gamma;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.internal.ParallelSum;

/**
 * The Pareto/NBD log-likelihood over weighted customers (Fader &amp; Hardie 2005, "A note on deriving the
 * Pareto/NBD model and related expressions", Hardie's note 009):
 * <pre>
 *   L(r, α, s, β | x, t_x, T) = Γ(r+x)/Γ(r) · α^r β^s · [ (α+T)^(−(r+x)) (β+T)^(−s) + s·J ],
 *   J = ∫_{t_x}^{T} (α+τ)^(−(r+x)) (β+τ)^(−(s+1)) dτ,
 * </pre>
 * the first bracketed term for a customer still alive at T, the second for one who died in (t_x, T]. The two are
 * added in log space (log-sum-exp), and J with its derivatives comes from {@link ParetoNbdIntegral} in one pass of
 * a positive series, so the analytic gradient costs little more than the value. Γ(r+x)/Γ(r) and
 * ψ(r+x) − ψ(r) = Σ_{k&lt;x} 1/(r+k) are computed once per distinct x; large inputs are summed in parallel.
 *
 * <p>Rows are (x, t_x, T, weight) with integer x; identical rows should be merged by the caller.
 */
final class ParetoNbdLikelihood implements SampledLikelihood {

    private static final String[] NAMES = {"r", "alpha", "s", "beta"};

    private final int[] x;
    private final double[] tx;
    private final double[] bigT;
    private final double[] weight;
    private final int maxX;
    private final boolean[] present;
    private final double totalWeight;

    /** Rows (taken over, not copied), reordered by x so that the per-x series coefficients are built once. */
    ParetoNbdLikelihood(int[] x, double[] tx, double[] bigT, double[] weight) {
        int n = x.length;
        int max = 0;
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[i]);
            total += weight[i];
        }
        // counting sort by x (stable)
        int[] start = new int[max + 2];
        for (int v : x) {
            start[v + 1]++;
        }
        for (int v = 0; v <= max; v++) {
            start[v + 1] += start[v];
        }
        this.x = new int[n];
        this.tx = new double[n];
        this.bigT = new double[n];
        this.weight = new double[n];
        for (int i = 0; i < n; i++) {
            int j = start[x[i]]++;
            this.x[j] = x[i];
            this.tx[j] = tx[i];
            this.bigT[j] = bigT[i];
            this.weight[j] = weight[i];
        }
        this.maxX = max;
        this.present = new boolean[max + 1];
        for (int v : this.x) {
            present[v] = true;
        }
        this.totalWeight = total;
    }

    /**
     * The likelihood of summary columns, merging identical (x, t_x, T) rows.
     *
     * @param columns the customers
     * @return the likelihood
     */
    static ParetoNbdLikelihood of(SummaryColumns columns) {
        SummaryColumns merged = columns.compress();
        double[] frequency = merged.frequencyArray();
        int[] x = new int[frequency.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (int) frequency[i];
        }
        return new ParetoNbdLikelihood(x, merged.recencyArray(), merged.tArray(), merged.weightArray());
    }

    @Override
    public int rows() {
        return x.length;
    }

    /** A systematic sample of about {@code size} rows (every k-th row, weights kept), for a pilot fit. */
    @Override
    public ParetoNbdLikelihood sample(int size) {
        int step = Math.max(1, x.length / size);
        int n = (x.length + step - 1) / step;
        int[] sx = new int[n];
        double[] stx = new double[n];
        double[] sT = new double[n];
        double[] sw = new double[n];
        for (int i = 0, j = 0; j < n; i += step, j++) {
            sx[j] = x[i];
            stx[j] = tx[i];
            sT[j] = bigT[i];
            sw[j] = weight[i];
        }
        return new ParetoNbdLikelihood(sx, stx, sT, sw);
    }

    /**
     * Starting values: r = 1 and α = Σ w T / Σ w x (so that r/α is the observed purchase rate), s = 1 and β = the
     * weighted mean age (a mean lifetime of the order of the observation window).
     *
     * @return {r, α, s, β}
     */
    @Override
    public double[] defaultStart() {
        double sumT = 0.0;
        double sumX = 0.0;
        for (int i = 0; i < x.length; i++) {
            sumT += weight[i] * bigT[i];
            sumX += weight[i] * x[i];
        }
        double meanT = sumT / totalWeight;
        double alpha = sumX > 0.0 ? sumT / sumX : Math.max(1.0, meanT);
        return new double[] {1.0, alpha, 1.0, Math.max(meanT, 1e-3)};
    }

    @Override
    public String[] parameterNames() {
        return NAMES.clone();
    }

    @Override
    public double observations() {
        return totalWeight;
    }

    @Override
    public double logLikelihood(double[] parameters, double[] gradient) {
        double r = parameters[0];
        double alpha = parameters[1];
        double s = parameters[2];
        double beta = parameters[3];
        ParetoNbdIntegral.Tables tables = new ParetoNbdIntegral.Tables(r, s, maxX);
        // ln Γ(r+x) − ln Γ(r) for the x present, ψ(r+x) − ψ(r) = Σ_{k<x} 1/(r+k) for all x up to the largest
        double[] lnGammaRatio = new double[maxX + 1];
        double[] digammaDiff = new double[maxX + 1];
        double lnGammaR = Gamma.logGamma(r);
        double acc = 0.0;
        for (int v = 0; v <= maxX; v++) {
            digammaDiff[v] = acc;
            acc += tables.invR[v];
            if (present[v] && v > 0) {
                lnGammaRatio[v] = Gamma.logGamma(r + v) - lnGammaR;
            }
        }
        Evaluation ev = new Evaluation(r, alpha, s, beta, tables, lnGammaRatio, digammaDiff);
        return ParallelSum.sum(x.length, gradient, (from, to, g) -> ev.accumulate(from, to, g));
    }

    /** One evaluation's parameters and tables; {@link #accumulate} sums a range of rows. */
    private final class Evaluation {
        final double r;
        final double alpha;
        final double s;
        final double beta;
        final double b;
        final double lnAlpha;
        final double lnBeta;
        final double lnS;
        final double invS;
        final double m;
        final boolean alphaLarger;
        final ParetoNbdIntegral.Tables tables;
        final double[] lnGammaRatio;
        final double[] digammaDiff;
        /** The largest ζ any row's series is evaluated at: ζ(0), capped at the series limit. */
        final double zetaMax;

        Evaluation(double r, double alpha, double s, double beta, ParetoNbdIntegral.Tables tables,
                   double[] lnGammaRatio, double[] digammaDiff) {
            this.r = r;
            this.alpha = alpha;
            this.s = s;
            this.beta = beta;
            this.b = s + 1.0;
            this.lnAlpha = Math.log(alpha);
            this.lnBeta = Math.log(beta);
            this.lnS = Math.log(s);
            this.invS = 1.0 / s;
            this.m = Math.min(alpha, beta);
            this.alphaLarger = alpha >= beta;
            this.tables = tables;
            this.lnGammaRatio = lnGammaRatio;
            this.digammaDiff = digammaDiff;
            this.zetaMax = Math.min(ParetoNbdIntegral.zeta(alpha, beta, 0.0), ParetoNbdIntegral.SERIES_LIMIT);
        }

        double accumulate(int from, int to, double[] g) {
            ParetoNbdIntegral.Coefficients coefficients = new ParetoNbdIntegral.Coefficients();
            double[] zeroRow = new double[4];
            double[] sums = new double[8];
            double[] g1 = new double[5];
            double[] g2 = new double[5];
            double[] gJ = new double[5];
            double sum = 0.0;
            double gr = 0.0;
            double ga = 0.0;
            double gs = 0.0;
            double gb = 0.0;
            boolean wantGradient = g != null;
            double[] invA = tables.invA;
            int currentX = -1;
            for (int i = from; i < to; i++) {
                int xi = x[i];
                if (xi != currentX) {
                    currentX = xi;
                    coefficients.build(tables, xi, alphaLarger ? r + xi : b, alphaLarger, zetaMax);
                    coefficients.sums(ParetoNbdIntegral.zeta(alpha, beta, 0.0), zeroRow, 0);
                }
                double a = r + xi;
                double t = bigT[i];
                double txi = tx[i];
                double at = alpha + t;
                double bt = beta + t;
                double lnAt = Math.log(at);
                double lnBt = Math.log(bt);
                double alive = -a * lnAt - s * lnBt;
                double wi = weight[i];
                double ll = lnGammaRatio[xi] + r * lnAlpha + s * lnBeta + alive;
                // ∂ alive
                double aliveR = -lnAt;
                double aliveAlpha = -a / at;
                double aliveS = -lnBt;
                double aliveBeta = -s / bt;
                double dr = digammaDiff[xi] + lnAlpha;
                double dAlpha = r / alpha;
                double ds = lnBeta;
                double dBeta = s / beta;
                if (txi == t) {
                    dr += aliveR;
                    dAlpha += aliveAlpha;
                    ds += aliveS;
                    dBeta += aliveBeta;
                } else {
                    double z1 = alphaLarger ? (alpha - beta) / (alpha + txi) : (beta - alpha) / (beta + txi);
                    double lnQ = Double.NaN; // ln(s J / e^alive) on the log paths
                    boolean done = false;
                    if (z1 <= ParetoNbdIntegral.SERIES_LIMIT) {
                        double lnAtx;
                        double lnBtx;
                        if (txi == 0.0) {
                            lnAtx = lnAlpha;
                            lnBtx = lnBeta;
                            System.arraycopy(zeroRow, 0, sums, 0, 4);
                        } else {
                            lnAtx = Math.log(alpha + txi);
                            lnBtx = Math.log(beta + txi);
                            coefficients.sums(z1, sums, 0);
                        }
                        double z2 = alphaLarger ? (alpha - beta) / at : (beta - alpha) / bt;
                        coefficients.sums(z2, sums, 4);
                        double invBigA = invA[xi];
                        double lnR = -a * (lnAtx - lnAt) - b * (lnBtx - lnBt);
                        double c1 = (m + txi) / bt * sums[0] * invBigA;
                        double h2 = (m + t) / bt * sums[4] * invBigA;
                        if (wantGradient) {
                            ParetoNbdIntegral.logHGradient(a, b, invBigA, alpha, beta, txi, lnAtx, lnBtx,
                                    alphaLarger, sums, 0, g1);
                            ParetoNbdIntegral.logHGradient(a, b, invBigA, alpha, beta, t, lnAt, lnBt, alphaLarger,
                                    sums, 4, g2);
                        }
                        if (lnR < 600.0) {
                            double h1 = Math.exp(lnR) * c1;
                            if (h2 <= ParetoNbdIntegral.DIFFERENCE_LIMIT * h1) {
                                double q = s * (h1 - h2);
                                double inv = 1.0 / (1.0 + q);
                                ll += Math.log(1.0 + q); // absolute error 1e-16, as good as log1p here
                                if (wantGradient) {
                                    double w1 = s * h1 * inv;
                                    double w2 = s * h2 * inv;
                                    dr += inv * aliveR + w1 * g1[1] - w2 * g2[1];
                                    dAlpha += inv * aliveAlpha + w1 * g1[2] - w2 * g2[2];
                                    ds += inv * aliveS + w1 * g1[3] - w2 * g2[3] + (h1 - h2) * inv;
                                    dBeta += inv * aliveBeta + w1 * g1[4] - w2 * g2[4];
                                }
                                done = true;
                            }
                        } else {
                            double lnH1 = lnR + Math.log(c1);
                            double rho = Math.exp(Math.log(h2) - lnH1);
                            if (rho <= ParetoNbdIntegral.DIFFERENCE_LIMIT) {
                                lnQ = lnS + lnH1 + Math.log1p(-rho);
                                double inv = 1.0 / (1.0 - rho);
                                for (int j = 1; j < 5; j++) {
                                    gJ[j] = (g1[j] - rho * g2[j]) * inv;
                                }
                            }
                        }
                    }
                    if (!done) {
                        if (Double.isNaN(lnQ)) {
                            ParetoNbdIntegral.logJByQuadrature(a, b, alpha, beta, txi, t,
                                    z1 <= ParetoNbdIntegral.SERIES_LIMIT, gJ);
                            lnQ = lnS + gJ[0] - alive;
                        }
                        // ln(1 + Q) and the weights 1/(1+Q), Q/(1+Q) without overflow
                        double pAlive;
                        double pDead;
                        if (lnQ > 0.0) {
                            double u = Math.exp(-lnQ);
                            ll += lnQ + Math.log1p(u);
                            pAlive = u / (1.0 + u);
                            pDead = 1.0 / (1.0 + u);
                        } else {
                            double u = Math.exp(lnQ);
                            ll += Math.log1p(u);
                            pAlive = 1.0 / (1.0 + u);
                            pDead = u / (1.0 + u);
                        }
                        dr += pAlive * aliveR + pDead * gJ[1];
                        dAlpha += pAlive * aliveAlpha + pDead * gJ[2];
                        ds += pAlive * aliveS + pDead * (invS + gJ[3]);
                        dBeta += pAlive * aliveBeta + pDead * gJ[4];
                    }
                }
                sum += wi * ll;
                if (wantGradient) {
                    gr += wi * dr;
                    ga += wi * dAlpha;
                    gs += wi * ds;
                    gb += wi * dBeta;
                }
            }
            if (g != null) {
                g[0] += gr;
                g[1] += ga;
                g[2] += gs;
                g[3] += gb;
            }
            return sum;
        }
    }
}
