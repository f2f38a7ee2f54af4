package org.clv4j.models.bgbb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.clv4j.core.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The table-driven likelihood used for fitting against the model's own per-history log-likelihood (computed with
 * log-beta functions and a recurrence), and its analytic gradient against central finite differences.
 */
class BgBbLikelihoodTest {

    private static final double[][] PARAMETERS = {
        {1.2035, 0.7497, 0.6568, 2.7834}, {0.3, 5.0, 2.0, 0.4}, {20.0, 0.05, 0.02, 30.0}, {1.0, 1.0, 1.0, 1.0}};

    /** Random histories with n from 0 to 40, plus weights. */
    private static int[][] histories(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] h = new int[count][];
        for (int i = 0; i < count; i++) {
            int n = random.nextInt(41);
            int tx = random.nextInt(n + 1);
            int x = tx == 0 ? 0 : 1 + random.nextInt(tx);
            h[i] = new int[] {x, tx, n};
        }
        return h;
    }

    private static BgBbLikelihood likelihood(int[][] h, double[] w) {
        int[] x = new int[h.length];
        int[] tx = new int[h.length];
        int[] n = new int[h.length];
        for (int i = 0; i < h.length; i++) {
            x[i] = h[i][0];
            tx[i] = h[i][1];
            n[i] = h[i][2];
        }
        return new BgBbLikelihood(x, tx, n, w);
    }

    @Test
    void equalsTheWeightedSumOfPerHistoryLogLikelihoods() {
        int[][] h = histories(500, 11);
        double[] w = new double[h.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + i % 7;
        }
        BgBbLikelihood likelihood = likelihood(h, w);
        assertEquals(java.util.Arrays.stream(w).sum(), likelihood.observations(), 0.0);
        for (double[] p : PARAMETERS) {
            BgBbModel model = BgBbModel.of(p[0], p[1], p[2], p[3], TimeUnit.YEAR);
            double expected = 0.0;
            for (int i = 0; i < h.length; i++) {
                expected += w[i] * model.logLikelihood(h[i][0], h[i][1], h[i][2]);
            }
            assertEquals(expected, likelihood.logLikelihood(p, null), 1e-11 * Math.abs(expected));
        }
    }

    /** Central differences with step 1e-6 relative; agreement to 1e-6 relative to the gradient's scale. */
    @Test
    void analyticGradientMatchesFiniteDifferences() {
        int[][] h = histories(300, 5);
        double[] w = new double[h.length];
        java.util.Arrays.fill(w, 1.0);
        BgBbLikelihood likelihood = likelihood(h, w);
        for (double[] p : PARAMETERS) {
            double[] g = new double[4];
            likelihood.logLikelihood(p, g);
            double scale = 0.0;
            for (double v : g) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int j = 0; j < 4; j++) {
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
        int[][] h = histories(40_000, 3);
        double[] w = new double[h.length];
        java.util.Arrays.fill(w, 1.0);
        BgBbLikelihood all = likelihood(h, w);
        double[] g = new double[4];
        double[] p = PARAMETERS[0];
        double total = all.logLikelihood(p, g);
        double expected = 0.0;
        for (int from = 0; from < h.length; from += 10_000) { // four sequential parts
            int[][] part = java.util.Arrays.copyOfRange(h, from, from + 10_000);
            double[] wp = java.util.Arrays.copyOfRange(w, from, from + 10_000);
            expected += likelihood(part, wp).logLikelihood(p, null);
        }
        assertEquals(expected, total, 1e-10 * Math.abs(expected));
        assertTrue(Double.isFinite(g[0]) && Double.isFinite(g[3]));
    }

    @Test
    void extremeHistoriesAreFinite() {
        int[][] h = {{0, 0, 0}, {0, 0, 5000}, {5000, 5000, 5000}, {1, 1, 5000}, {2500, 4000, 5000}, {1, 5000, 5000}};
        double[] w = {1, 1, 1, 1, 1, 1};
        BgBbLikelihood likelihood = likelihood(h, w);
        double[][] extreme = {{1e-4, 1e4, 50, 1e-3}, {1e4, 1e-4, 1e-4, 1e4}, {1e-3, 1e-3, 1e-3, 1e-3}};
        for (double[] p : extreme) {
            double[] g = new double[4];
            double ll = likelihood.logLikelihood(p, g);
            assertTrue(Double.isFinite(ll), "ll " + ll);
            for (double v : g) {
                assertTrue(Double.isFinite(v), "gradient " + java.util.Arrays.toString(g));
            }
        }
    }
}
