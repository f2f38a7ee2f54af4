package org.clv4j.models.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * The optimiser on a likelihood whose maximum is known independently: the gamma distribution (shape k, rate β),
 * whose MLE satisfies β = k / mean and ln k − ψ(k) = ln(mean) − mean(ln x), solved here by bisection.
 */
class MaximumLikelihoodTest {

    /** Gamma(k, β) log-likelihood of weighted observations. */
    static final class GammaLikelihood implements LikelihoodFunction {
        final double[] x;
        final double[] w;

        GammaLikelihood(double[] x, double[] w) {
            this.x = x;
            this.w = w;
        }

        @Override
        public String[] parameterNames() {
            return new String[] {"k", "beta"};
        }

        @Override
        public double observations() {
            double s = 0;
            for (double v : w) {
                s += v;
            }
            return s;
        }

        @Override
        public double logLikelihood(double[] p, double[] g) {
            double k = p[0];
            double beta = p[1];
            double ll = 0;
            double dk = 0;
            double db = 0;
            for (int i = 0; i < x.length; i++) {
                ll += w[i] * (k * Math.log(beta) - Gamma.logGamma(k) + (k - 1) * Math.log(x[i]) - beta * x[i]);
                dk += w[i] * (Math.log(beta) - Gamma.digamma(k) + Math.log(x[i]));
                db += w[i] * (k / beta - x[i]);
            }
            if (g != null) {
                g[0] = dk;
                g[1] = db;
            }
            return ll;
        }
    }

    @Test
    void findsTheGammaMaximumLikelihoodEstimate() {
        Random random = new Random(7);
        int n = 5000;
        double[] x = new double[n];
        double[] w = new double[n];
        double sum = 0;
        double sumLog = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            // Gamma(shape 3, rate 2) as a sum of three exponentials
            x[i] = (-Math.log(random.nextDouble()) - Math.log(random.nextDouble()) - Math.log(random.nextDouble()))
                    / 2.0;
            w[i] = 1 + (i % 3);
            sum += w[i] * x[i];
            sumLog += w[i] * Math.log(x[i]);
            total += w[i];
        }
        double mean = sum / total;
        double meanLog = sumLog / total;
        double target = Math.log(mean) - meanLog;
        double lo = 1e-3;
        double hi = 1e3;
        for (int i = 0; i < 200; i++) {
            double mid = Math.sqrt(lo * hi);
            if (Math.log(mid) - Gamma.digamma(mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double k = Math.sqrt(lo * hi);

        Optimum optimum = MaximumLikelihood.maximize(new GammaLikelihood(x, w), new double[] {1.0, 1.0},
                FitOptions.withDefaults());
        assertTrue(optimum.converged());
        assertEquals(k, optimum.parameters()[0], 1e-7 * k);
        assertEquals(k / mean, optimum.parameters()[1], 1e-7 * k / mean);
        // the standard errors from the observed information: Var(k) asymptotics from the Fisher information
        // of the gamma distribution, I = N [[ψ'(k), −1/β], [−1/β, k/β²]]
        double beta = k / mean;
        double i11 = total * Gamma.trigamma(k);
        double i12 = -total / beta;
        double i22 = total * k / (beta * beta);
        double det = i11 * i22 - i12 * i12;
        assertEquals(Math.sqrt(i22 / det), optimum.standardErrors()[0], 1e-4 * Math.sqrt(i22 / det));
        assertEquals(Math.sqrt(i11 / det), optimum.standardErrors()[1], 1e-4 * Math.sqrt(i11 / det));
        assertEquals(2 * 2 - 2 * optimum.logLikelihood(), optimum.aic(), 1e-9);
        assertEquals(total, optimum.observations());
    }

    @Test
    void startingValuesOfTheWrongLengthAreRejected() {
        GammaLikelihood likelihood = new GammaLikelihood(new double[] {1.0}, new double[] {1.0});
        assertThrows(IllegalArgumentException.class,
                () -> MaximumLikelihood.maximize(likelihood, new double[] {1.0}, FitOptions.withDefaults()));
        assertThrows(IllegalArgumentException.class, () -> FitOptions.withDefaults().withStart(1.0, -2.0));
    }
}
