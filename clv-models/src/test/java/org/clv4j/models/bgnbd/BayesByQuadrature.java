package org.clv4j.models.bgnbd;

import java.util.function.DoubleBinaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Posterior quantities of the BG/NBD ({@code s = 0}) and MBG/NBD ({@code s = 1}) models by brute-force numerical
 * integration over the latent purchase rate λ and drop-out probability p, straight from Bayes' rule and the
 * individual-level likelihood, with no closed form of the models involved:
 * <pre>
 *   alive(λ, p) = (1 − p)^(x + s) λ^x e^(−λT)
 *   dead(λ, p)  = [x + s &gt; 0] p (1 − p)^(x + s − 1) λ^x e^(−λ t_x)
 *   prior       ∝ λ^(r − 1) e^(−αλ) p^(a − 1) (1 − p)^(b − 1)
 * </pre>
 * Product Gauss–Legendre rules on λ = e^y (y over a wide range in unit panels) and p = w^(1/a) (which absorbs the
 * p^(a − 1) singularity). Accurate to about 1e-10 relative for the test cases used.
 */
public final class BayesByQuadrature {

    private static final GaussIntegrator RULE = new GaussIntegratorFactory().legendre(12, 0.0, 1.0);

    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final int s;

    /**
     * A calculator for the given parameters.
     *
     * @param r r
     * @param alpha α
     * @param a a
     * @param b b
     * @param s 0 for BG/NBD, 1 for MBG/NBD
     */
    public BayesByQuadrature(double r, double alpha, double a, double b, int s) {
        this.r = r;
        this.alpha = alpha;
        this.a = a;
        this.b = b;
        this.s = s;
    }

    /**
     * E[f(λ, p) · 1(alive at T) | x, t_x, T].
     *
     * @param x repeat purchases
     * @param tx recency
     * @param T age
     * @param f the function of the latent variables
     * @return the posterior expectation
     */
    public double aliveExpectation(double x, double tx, double T, DoubleBinaryOperator f) {
        // scale λ so that the integrand's log is O(1) near its peak
        double logScale = Math.log((r + x) / (alpha + tx));
        double[] sums = new double[2];
        double yLow = -300.0 / (r + x) - 5.0;
        double yHigh = Math.log(400.0 + 10.0 * (r + x)) - Math.log(alpha + tx) - logScale;
        int panelsP = 64;
        // panels of width 0.25 near the peak, growing geometrically towards λ → 0 where the integrand is e^((r+x)y)
        double maxWidth = 10.0 / (r + x);
        double y1 = yHigh;
        double width = 0.25;
        while (y1 > yLow) {
            double hy = Math.min(width, y1 - yLow);
            double y0 = y1 - hy;
            y1 = y0;
            width = Math.min(width * 1.1, maxWidth);
            for (int k = 0; k < RULE.getNumberOfPoints(); k++) {
                double y = y0 + hy * RULE.getPoint(k);
                double lambda = Math.exp(y + logScale);
                double wy = hy * RULE.getWeight(k);
                // λ^(r + x) because dλ = λ dy
                double logLambdaPart = (r + x) * Math.log(lambda) - alpha * lambda - (r + x) * logScale;
                for (int j = 0; j < panelsP; j++) {
                    // panels finer near w = 0 and w = 1
                    double u0 = (double) j / panelsP;
                    double u1 = (double) (j + 1) / panelsP;
                    double w0 = 0.5 - 0.5 * Math.cos(Math.PI * u0);
                    double w1 = 0.5 - 0.5 * Math.cos(Math.PI * u1);
                    for (int m = 0; m < RULE.getNumberOfPoints(); m++) {
                        double w = w0 + (w1 - w0) * RULE.getPoint(m);
                        double ww = (w1 - w0) * RULE.getWeight(m);
                        double p = Math.pow(w, 1.0 / a);
                        if (p <= 0.0 || p >= 1.0) {
                            continue;
                        }
                        double log1mp = Math.log1p(-p);
                        double prior = (b - 1.0) * log1mp;
                        double alive = Math.exp(logLambdaPart + prior + (x + s) * log1mp - lambda * T);
                        double dead = 0.0;
                        if (x + s > 0) {
                            dead = Math.exp(logLambdaPart + prior + Math.log(p) + (x + s - 1) * log1mp
                                    - lambda * tx);
                        }
                        double weight = wy * ww;
                        sums[0] += weight * alive * f.applyAsDouble(lambda, p);
                        sums[1] += weight * (alive + dead);
                    }
                }
            }
        }
        return sums[0] / sums[1];
    }

    /**
     * P(alive at T | x, t_x, T).
     *
     * @param x repeat purchases
     * @param tx recency
     * @param T age
     * @return the posterior probability
     */
    public double probabilityAlive(double x, double tx, double T) {
        return aliveExpectation(x, tx, T, (lambda, p) -> 1.0);
    }

    /**
     * E[Y(t) | x, t_x, T]: given λ and p an alive customer makes (1 − e^(−λpt)) / p purchases in t on average.
     *
     * @param t horizon
     * @param x repeat purchases
     * @param tx recency
     * @param T age
     * @return the posterior expectation
     */
    public double conditionalExpectedPurchases(double t, double x, double tx, double T) {
        return aliveExpectation(x, tx, T, (lambda, p) -> -Math.expm1(-lambda * p * t) / p);
    }

    /**
     * P(alive at T + t | x, t_x, T): given λ and p an alive customer survives t with probability e^(−λpt).
     *
     * @param t time after T
     * @param x repeat purchases
     * @param tx recency
     * @param T age
     * @return the posterior probability
     */
    public double probabilityAliveAfter(double t, double x, double tx, double T) {
        return aliveExpectation(x, tx, T, (lambda, p) -> Math.exp(-lambda * p * t));
    }
}
