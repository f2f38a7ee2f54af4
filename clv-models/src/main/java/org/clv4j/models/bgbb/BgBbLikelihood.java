package org.clv4j.models.bgbb;

import org.clv4j.models.internal.Digamma;
import org.apache.commons.math3.special.Gamma;
import org.clv4j.models.fit.LikelihoodFunction;
import org.clv4j.models.internal.ParallelSum;

/**
 * The BG/BB log-likelihood (Fader, Hardie &amp; Shang 2010) over weighted histories (x, t_x, n), with its
 * analytic gradient.
 *
 * <p>Every term of the likelihood is a product of beta-function ratios B(α+x, β+y)/B(α, β) · B(γ+c, δ+z)/B(γ, δ)
 * with whole-number offsets x, y, z ≤ max n and c ∈ {0, 1}. Each evaluation therefore first tabulates
 * lnΓ and ψ of α+k, β+k, α+β+k, δ+k and γ+δ+k for k = 0..max n (+1); the per-row loop then needs only table
 * look-ups, additions and one exponential per term, and its gradient
 * ∂/∂α ln B(α+x, β+y) = ψ(α+x) − ψ(α+β+x+y) (and likewise for the other parameters) comes from the same tables.
 * Rows are summed in parallel for large inputs.
 */
final class BgBbLikelihood implements LikelihoodFunction {

    private static final String[] NAMES = {"alpha", "beta", "gamma", "delta"};

    private final int[] x;
    private final int[] tx;
    private final int[] n;
    private final double[] weight;
    private final int maxN;
    private final double totalWeight;

    /**
     * A likelihood over validated histories; the arrays are used as given and must not be modified.
     *
     * @param x repeat transactions per row
     * @param tx the period of the last transaction per row
     * @param n the number of opportunities per row
     * @param weight customers per row
     */
    BgBbLikelihood(int[] x, int[] tx, int[] n, double[] weight) {
        this.x = x;
        this.tx = tx;
        this.n = n;
        this.weight = weight;
        int max = 0;
        double total = 0.0;
        for (int i = 0; i < n.length; i++) {
            max = Math.max(max, n[i]);
            total += weight[i];
        }
        this.maxN = max;
        this.totalWeight = total;
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
        Tables t = new Tables(parameters[0], parameters[1], parameters[2], parameters[3], maxN);
        return ParallelSum.sum(x.length, gradient, (from, to, g) -> accumulate(t, from, to, g));
    }

    private double accumulate(Tables t, int from, int to, double[] g) {
        double[] values = new double[maxN + 1];
        double[] da = new double[maxN + 1];
        double[] db = new double[maxN + 1];
        double[] dg = new double[maxN + 1];
        double[] dd = new double[maxN + 1];
        double total = 0.0;
        for (int row = from; row < to; row++) {
            int xi = x[row];
            int txi = tx[row];
            int ni = n[row];
            // term 0: alive through n; terms 1..: dropout at the start of period tx + i + 1, i = 0..n − tx − 1
            int terms = ni - txi + 1;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < terms; k++) {
                int y;
                int z;
                int zs;
                double lgGamma;
                double psGamma;
                if (k == 0) {
                    y = ni - xi;
                    z = ni;
                    zs = ni;
                    lgGamma = t.lgG;
                    psGamma = t.psG;
                } else {
                    y = txi - xi + k - 1;
                    z = txi + k - 1;
                    zs = z + 1;
                    lgGamma = t.lgG1;
                    psGamma = t.psG1;
                }
                int s = xi + y;
                double v = t.lgA[xi] + t.lgB[y] - t.lgAB[s] - t.lbAB
                        + lgGamma + t.lgD[z] - t.lgGD[zs] - t.lbGD;
                values[k] = v;
                if (g != null) {
                    da[k] = t.psA[xi] - t.psAB[s] - t.dA0;
                    db[k] = t.psB[y] - t.psAB[s] - t.dB0;
                    dg[k] = psGamma - t.psGD[zs] - t.dG0;
                    dd[k] = t.psD[z] - t.psGD[zs] - t.dD0;
                }
                max = Math.max(max, v);
            }
            double sum = 0.0;
            for (int k = 0; k < terms; k++) {
                values[k] = Math.exp(values[k] - max);
                sum += values[k];
            }
            double w = weight[row];
            total += w * (max + Math.log(sum));
            if (g != null) {
                // ∂ ln L = Σ_k (term_k / L) ∂ ln term_k
                double ga = 0.0;
                double gb = 0.0;
                double gg = 0.0;
                double gd = 0.0;
                for (int k = 0; k < terms; k++) {
                    ga += values[k] * da[k];
                    gb += values[k] * db[k];
                    gg += values[k] * dg[k];
                    gd += values[k] * dd[k];
                }
                double scale = w / sum;
                g[0] += scale * ga;
                g[1] += scale * gb;
                g[2] += scale * gg;
                g[3] += scale * gd;
            }
        }
        return total;
    }

    /** lnΓ and ψ at the parameters shifted by whole numbers, for one evaluation. */
    private static final class Tables {
        final double[] lgA;
        final double[] psA;
        final double[] lgB;
        final double[] psB;
        final double[] lgAB;
        final double[] psAB;
        final double[] lgD;
        final double[] psD;
        final double[] lgGD;
        final double[] psGD;
        final double lgG;
        final double psG;
        final double lgG1;
        final double psG1;
        final double lbAB;
        final double lbGD;
        final double dA0;
        final double dB0;
        final double dG0;
        final double dD0;

        Tables(double alpha, double beta, double gamma, double delta, int maxN) {
            lgA = new double[maxN + 1];
            psA = new double[maxN + 1];
            lgB = new double[maxN + 1];
            psB = new double[maxN + 1];
            lgAB = new double[maxN + 1];
            psAB = new double[maxN + 1];
            lgD = new double[maxN + 1];
            psD = new double[maxN + 1];
            lgGD = new double[maxN + 2];
            psGD = new double[maxN + 2];
            for (int k = 0; k <= maxN; k++) {
                lgA[k] = Gamma.logGamma(alpha + k);
                psA[k] = Digamma.digamma(alpha + k);
                lgB[k] = Gamma.logGamma(beta + k);
                psB[k] = Digamma.digamma(beta + k);
                lgAB[k] = Gamma.logGamma(alpha + beta + k);
                psAB[k] = Digamma.digamma(alpha + beta + k);
                lgD[k] = Gamma.logGamma(delta + k);
                psD[k] = Digamma.digamma(delta + k);
            }
            for (int k = 0; k <= maxN + 1; k++) {
                lgGD[k] = Gamma.logGamma(gamma + delta + k);
                psGD[k] = Digamma.digamma(gamma + delta + k);
            }
            lgG = Gamma.logGamma(gamma);
            psG = Digamma.digamma(gamma);
            // Γ(γ+1) = γ Γ(γ), ψ(γ+1) = ψ(γ) + 1/γ
            lgG1 = lgG + Math.log(gamma);
            psG1 = psG + 1.0 / gamma;
            lbAB = lgA[0] + lgB[0] - lgAB[0];
            lbGD = lgG + lgD[0] - lgGD[0];
            dA0 = psA[0] - psAB[0];
            dB0 = psB[0] - psAB[0];
            dG0 = psG - psGD[0];
            dD0 = psD[0] - psGD[0];
        }
    }
}
