package org.clv4j.models.gammagamma;

import org.clv4j.models.internal.Digamma;
import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;
import org.clv4j.models.fit.LikelihoodFunction;
import org.clv4j.models.internal.ParallelSum;

/**
 * The Gamma-Gamma log-likelihood of weighted (x, m̄) observations, x ≥ 1 and m̄ &gt; 0 (Fader &amp; Hardie 2013,
 * note 025), with its analytic gradient. With s = γ/(x m̄):
 * <pre>
 *   ln f = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln s − (px+q) log1p(s) − ln m̄
 *   ∂/∂p = x [ψ(px+q) − ψ(px) − log1p(s)]
 *   ∂/∂q = ψ(px+q) − ψ(q) + ln s − log1p(s)
 *   ∂/∂γ = [q − (px+q) s/(1+s)] / γ
 * </pre>
 * The gamma-function terms depend only on x and are computed once per distinct x and evaluation; the per-row work
 * is one logarithm. The data-only terms ln(x m̄) and Σ w ln m̄ are precomputed.
 */
final class GammaGammaLikelihood implements LikelihoodFunction {

    private static final String[] NAMES = {"p", "q", "gamma"};

    private final double[] distinctX;
    private final int[] xIndex;
    private final double[] inverseTotal;
    private final double[] logTotal;
    private final double[] weight;
    private final double weightedLogMean;
    private final double totalWeight;

    /**
     * A likelihood over validated observations.
     *
     * @param x repeat transactions per row, whole numbers {@code >= 1}
     * @param mbar mean transaction value per row, {@code > 0}
     * @param weight customers per row, {@code > 0}
     */
    GammaGammaLikelihood(double[] x, double[] mbar, double[] weight) {
        int rows = x.length;
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < rows; i++) {
            if (i == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        this.distinctX = Arrays.copyOf(sorted, distinct);
        this.xIndex = new int[rows];
        this.inverseTotal = new double[rows];
        this.logTotal = new double[rows];
        this.weight = weight.clone();
        double logMean = 0.0;
        double total = 0.0;
        for (int i = 0; i < rows; i++) {
            xIndex[i] = Arrays.binarySearch(distinctX, x[i]);
            double sum = x[i] * mbar[i];
            inverseTotal[i] = 1.0 / sum;
            logTotal[i] = Math.log(sum);
            logMean += weight[i] * Math.log(mbar[i]);
            total += weight[i];
        }
        this.weightedLogMean = logMean;
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
        double p = parameters[0];
        double q = parameters[1];
        double gamma = parameters[2];
        int k = distinctX.length;
        // per distinct x: lnΓ(px+q) − lnΓ(px), ψ(px+q) − ψ(px), ψ(px+q)
        double[] logRatio = new double[k];
        double[] digammaDifference = new double[k];
        double[] digammaSum = new double[k];
        for (int j = 0; j < k; j++) {
            double px = p * distinctX[j];
            logRatio[j] = Gamma.logGamma(px + q) - Gamma.logGamma(px);
            digammaSum[j] = Digamma.digamma(px + q);
            digammaDifference[j] = digammaSum[j] - Digamma.digamma(px);
        }
        double logGammaQ = Gamma.logGamma(q);
        double digammaQ = Digamma.digamma(q);
        double logG = Math.log(gamma);
        double sum = ParallelSum.sum(weight.length, gradient, (from, to, g) -> {
            double total = 0.0;
            double gp = 0.0;
            double gq = 0.0;
            double gg = 0.0;
            for (int i = from; i < to; i++) {
                int j = xIndex[i];
                double x = distinctX[j];
                double pxq = p * x + q;
                double s = gamma * inverseTotal[i];
                // ln(1 + s) to about 2e-16 absolute, which is what a sum of log-densities needs (Math.log is an
                // intrinsic; Math.log1p costs several times more and its relative accuracy buys nothing here)
                double log1pS = Math.log(1.0 + s);
                double logS = logG - logTotal[i];
                double w = weight[i];
                total += w * (logRatio[j] - logGammaQ + q * logS - pxq * log1pS);
                if (g != null) {
                    gp += w * x * (digammaDifference[j] - log1pS);
                    gq += w * (digammaSum[j] - digammaQ + logS - log1pS);
                    gg += w * (q - pxq * s / (1.0 + s));
                }
            }
            if (g != null) {
                g[0] += gp;
                g[1] += gq;
                g[2] += gg / gamma;
            }
            return total;
        });
        return sum - weightedLogMean;
    }
}
