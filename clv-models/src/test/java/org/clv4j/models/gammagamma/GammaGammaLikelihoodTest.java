package org.clv4j.models.gammagamma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fitting likelihood against the model's per-customer log-density, and its gradient against finite differences. */
class GammaGammaLikelihoodTest {

    private static final double[][] PARAMETERS = {{6.25, 3.74, 15.44}, {0.5, 20.0, 300.0}, {50.0, 1.2, 0.5}};

    private static double[][] observations(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[count];
        double[] m = new double[count];
        double[] w = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = 1 + random.nextInt(30);
            m[i] = Math.exp(random.nextDouble(-2, 7));
            w[i] = 1 + random.nextInt(3);
        }
        return new double[][] {x, m, w};
    }

    @Test
    void equalsTheWeightedSumOfPerCustomerLogDensities() {
        double[][] o = observations(2000, 1);
        GammaGammaLikelihood likelihood = new GammaGammaLikelihood(o[0], o[1], o[2]);
        assertEquals(java.util.Arrays.stream(o[2]).sum(), likelihood.observations(), 0.0);
        for (double[] p : PARAMETERS) {
            GammaGammaModel model = GammaGammaModel.of(p[0], p[1], p[2]);
            double expected = 0.0;
            for (int i = 0; i < o[0].length; i++) {
                expected += o[2][i] * model.logLikelihood(o[0][i], o[1][i]);
            }
            assertEquals(expected, likelihood.logLikelihood(p, null), 1e-11 * Math.abs(expected));
        }
    }

    /** Central differences with step 1e-6 relative, agreement to 1e-6 of the gradient's scale. */
    @Test
    void analyticGradientMatchesFiniteDifferences() {
        double[][] o = observations(500, 2);
        GammaGammaLikelihood likelihood = new GammaGammaLikelihood(o[0], o[1], o[2]);
        for (double[] p : PARAMETERS) {
            double[] g = new double[3];
            likelihood.logLikelihood(p, g);
            double scale = 0.0;
            for (double v : g) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int j = 0; j < 3; j++) {
                double step = 1e-6 * p[j];
                double[] up = p.clone();
                double[] down = p.clone();
                up[j] += step;
                down[j] -= step;
                double numeric = (likelihood.logLikelihood(up, null) - likelihood.logLikelihood(down, null))
                        / (2 * step);
                assertEquals(numeric, g[j], 1e-6 * Math.max(scale, 1.0) + 1e-5 * Math.abs(numeric),
                        "parameter " + j + " at " + java.util.Arrays.toString(p));
            }
        }
    }

    @Test
    void largeInputsAreSummedInParallelToTheSameValue() {
        double[][] o = observations(100_000, 3);
        double[] g = new double[3];
        double total = new GammaGammaLikelihood(o[0], o[1], o[2]).logLikelihood(PARAMETERS[0], g);
        double expected = 0.0;
        for (int from = 0; from < 100_000; from += 20_000) {
            expected += new GammaGammaLikelihood(java.util.Arrays.copyOfRange(o[0], from, from + 20_000),
                    java.util.Arrays.copyOfRange(o[1], from, from + 20_000),
                    java.util.Arrays.copyOfRange(o[2], from, from + 20_000)).logLikelihood(PARAMETERS[0], null);
        }
        assertEquals(expected, total, 1e-10 * Math.abs(expected));
        assertTrue(Double.isFinite(g[0]) && Double.isFinite(g[1]) && Double.isFinite(g[2]));
    }
}
