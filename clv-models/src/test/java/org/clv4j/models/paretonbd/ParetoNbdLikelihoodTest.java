package org.clv4j.models.paretonbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.CdnowSample;
import org.junit.jupiter.api.Test;

/**
 * {@link ParetoNbdLikelihood}: its value against the sum of {@link ParetoNbdModel#logLikelihood} (computed by the
 * other route, the general {@link org.clv4j.models.special.Hypergeometric2F1}), its analytic gradient against
 * central finite differences on every evaluation path (series, short-interval and adaptive quadrature, α above,
 * below and equal to β), the series against quadrature, and finiteness at extremes.
 */
class ParetoNbdLikelihoodTest {

    /** Parameter points: CDNOW-like, α ≫ β and β ≫ α (quadrature for small t_x), α = β, the stress sets. */
    private static final double[][] POINTS = {
        {0.5533, 10.578, 0.6062, 11.67},
        {0.8, 40.0, 0.4, 2.0},
        {0.3, 0.5, 1.7, 30.0},
        {1.2, 7.0, 0.9, 7.0},
        {10.465, 0.00798565181, 3.0516, 2.820},
        {0.5143, 2.8845, 0.2856, 14.1087},
    };

    private static ParetoNbdLikelihood likelihood(SummaryColumns columns) {
        return ParetoNbdLikelihood.of(columns);
    }

    /** CDNOW plus extreme rows: 10^5 purchases, recency = T, recency 0 with purchases, a tiny age. */
    private static SummaryColumns data() {
        SummaryColumns cdnow = CdnowSample.calibration();
        int n = cdnow.size();
        double[] x = java.util.Arrays.copyOf(cdnow.frequencyArray(), n + 5);
        double[] tx = java.util.Arrays.copyOf(cdnow.recencyArray(), n + 5);
        double[] bigT = java.util.Arrays.copyOf(cdnow.tArray(), n + 5);
        double[][] extra = {{100_000, 30, 39}, {12, 20, 20}, {3, 0, 25}, {0, 0, 1e-6}, {200, 38.5, 38.6}};
        for (int i = 0; i < extra.length; i++) {
            x[n + i] = extra[i][0];
            tx[n + i] = extra[i][1];
            bigT[n + i] = extra[i][2];
        }
        return SummaryColumns.of(x, tx, bigT, null, null, TimeUnit.WEEK);
    }

    @Test
    void valueEqualsTheSumOfTheModelsPerCustomerLogLikelihoods() {
        SummaryColumns columns = data();
        ParetoNbdLikelihood likelihood = likelihood(columns);
        for (double[] p : POINTS) {
            ParetoNbdModel model = ParetoNbdModel.of(p[0], p[1], p[2], p[3], TimeUnit.WEEK);
            double sum = 0;
            double scale = 0;
            for (int i = 0; i < columns.size(); i++) {
                double ll = model.logLikelihood(columns.frequencyArray()[i], columns.recencyArray()[i],
                        columns.tArray()[i]);
                sum += ll;
                scale += Math.abs(ll);
            }
            double value = likelihood.logLikelihood(p, null);
            assertTrue(Double.isFinite(value), "finite at " + java.util.Arrays.toString(p));
            // two independent routes: agree to rounding of the sum
            assertEquals(sum, value, 1e-12 * scale, java.util.Arrays.toString(p));
            assertEquals(value, likelihood.logLikelihood(p, new double[4]), 0.0, "value with and without gradient");
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        ParetoNbdLikelihood likelihood = likelihood(data());
        for (double[] p : POINTS) {
            double[] gradient = new double[4];
            likelihood.logLikelihood(p, gradient);
            for (int j = 0; j < 4; j++) {
                double h = 1e-6 * p[j];
                double[] plus = p.clone();
                double[] minus = p.clone();
                plus[j] += h;
                minus[j] -= h;
                double numeric = (likelihood.logLikelihood(plus, null) - likelihood.logLikelihood(minus, null))
                        / (2 * h);
                // central differences: truncation O(h²) and rounding ~1e-16 |LL| / h
                double tolerance = 1e-6 * Math.max(Math.abs(numeric), 1.0) + 1e-8 * Math.abs(
                        likelihood.logLikelihood(p, null)) / p[j];
                assertEquals(numeric, gradient[j], tolerance,
                        "∂/∂" + likelihood.parameterNames()[j] + " at " + java.util.Arrays.toString(p));
            }
        }
    }

    @Test
    void gradientPerRowOnEveryPath() {
        // single rows, so that each evaluation path is checked on its own
        double[][] rows = {{0, 0, 30}, {4, 10, 30}, {4, 29.9, 30}, {150, 3, 40}, {2, 1e-3, 0.5}, {1, 0, 10}};
        for (double[] p : POINTS) {
            for (double[] row : rows) {
                ParetoNbdLikelihood one = new ParetoNbdLikelihood(new int[] {(int) row[0]}, new double[] {row[1]},
                        new double[] {row[2]}, new double[] {1.0});
                double[] gradient = new double[4];
                double value = one.logLikelihood(p, gradient);
                for (int j = 0; j < 4; j++) {
                    double h = 1e-6 * p[j];
                    double[] plus = p.clone();
                    double[] minus = p.clone();
                    plus[j] += h;
                    minus[j] -= h;
                    double numeric = (one.logLikelihood(plus, null) - one.logLikelihood(minus, null)) / (2 * h);
                    double tolerance = 1e-6 * Math.max(Math.abs(numeric), 1.0)
                            + 1e-9 * Math.max(1, Math.abs(value)) / p[j];
                    assertEquals(numeric, gradient[j], tolerance, "∂/∂" + one.parameterNames()[j] + " at "
                            + java.util.Arrays.toString(p) + " row " + java.util.Arrays.toString(row));
                }
            }
        }
    }

    @Test
    void seriesAgreesWithQuadrature() {
        // random parameters and histories in the series' domain: ln J from the difference of the two tails
        // against adaptive Gauss–Legendre quadrature of the integral itself
        SplittableRandom random = new SplittableRandom(99);
        double[] out = new double[5];
        int checked = 0;
        for (int k = 0; k < 400; k++) {
            double r = Math.exp(random.nextDouble(-3, 3));
            double alpha = Math.exp(random.nextDouble(-3, 5));
            double s = Math.exp(random.nextDouble(-3, 2));
            double beta = Math.exp(random.nextDouble(-3, 5));
            int x = (int) Math.exp(random.nextDouble(0, 7)) - 1;
            double bigT = random.nextDouble(0.1, 100);
            double tx = x == 0 ? 0 : random.nextDouble(0, bigT);
            if (ParetoNbdIntegral.zeta(alpha, beta, tx) > ParetoNbdIntegral.SERIES_LIMIT || tx == bigT) {
                continue;
            }
            double h1 = ParetoNbdIntegral.logH(r, alpha, s, beta, x, tx);
            double h2 = ParetoNbdIntegral.logH(r, alpha, s, beta, x, bigT);
            if (Math.exp(h2 - h1) > ParetoNbdIntegral.DIFFERENCE_LIMIT) {
                continue;
            }
            double series = h1 + Math.log1p(-Math.exp(h2 - h1));
            ParetoNbdIntegral.logJByQuadrature(r + x, s + 1, alpha, beta, tx, bigT, false, out);
            assertEquals(out[0], series, 1e-12 * Math.max(1, Math.abs(series)),
                    String.format("r=%s alpha=%s s=%s beta=%s x=%d tx=%s T=%s", r, alpha, s, beta, x, tx, bigT));
            checked++;
        }
        assertTrue(checked > 200, "cases checked: " + checked);
    }

    @Test
    void shortIntervalRuleAgreesWithAdaptiveQuadrature() {
        // where H(T)/H(t_x) > 0.9 the likelihood integrates J with one 8-point rule; check it on such rows
        SplittableRandom random = new SplittableRandom(5);
        double[] fixed = new double[5];
        double[] adaptive = new double[5];
        int checked = 0;
        for (int k = 0; k < 2000 && checked < 300; k++) {
            double r = Math.exp(random.nextDouble(-3, 3));
            double alpha = Math.exp(random.nextDouble(-3, 5));
            double s = Math.exp(random.nextDouble(-3, 2));
            double beta = Math.exp(random.nextDouble(-3, 5));
            int x = (int) Math.exp(random.nextDouble(0, 6));
            double bigT = random.nextDouble(0.1, 100);
            double tx = bigT * (1 - Math.exp(random.nextDouble(-12, -1)));
            double h1 = ParetoNbdIntegral.logH(r, alpha, s, beta, x, tx);
            double h2 = ParetoNbdIntegral.logH(r, alpha, s, beta, x, bigT);
            if (Math.exp(h2 - h1) <= ParetoNbdIntegral.DIFFERENCE_LIMIT) {
                continue;
            }
            ParetoNbdIntegral.logJByQuadrature(r + x, s + 1, alpha, beta, tx, bigT, true, fixed);
            ParetoNbdIntegral.logJByQuadrature(r + x, s + 1, alpha, beta, tx, bigT, false, adaptive);
            for (int j = 0; j < 5; j++) {
                assertEquals(adaptive[j], fixed[j], 1e-12 * Math.max(1, Math.abs(adaptive[j])), "component " + j);
            }
            checked++;
        }
        assertTrue(checked >= 100, "cases checked: " + checked);
    }

    @Test
    void extremeParametersStayFinite() {
        ParetoNbdLikelihood likelihood = likelihood(data());
        double[][] extremes = {{1e-4, 1e-4, 1e-4, 1e-4}, {1e3, 1e4, 1e3, 1e4}, {1e-3, 1e5, 50, 1e-3},
            {50, 1e-3, 1e-3, 1e5}, {1, 1e-8, 1, 1e8}};
        for (double[] p : extremes) {
            double[] gradient = new double[4];
            double value = likelihood.logLikelihood(p, gradient);
            assertTrue(Double.isFinite(value), "LL at " + java.util.Arrays.toString(p) + " = " + value);
            for (double g : gradient) {
                assertTrue(Double.isFinite(g), "gradient at " + java.util.Arrays.toString(p));
            }
        }
    }

    @Test
    void weightsCountIdenticalRows() {
        SummaryColumns cdnow = CdnowSample.calibration();
        ParetoNbdLikelihood merged = likelihood(cdnow);
        assertTrue(merged.rows() < cdnow.size(), "CDNOW has repeated rows");
        assertEquals(cdnow.size(), merged.observations(), 0.0);
        // the same data given row by row (no merging possible: distinct weights) gives the same value
        double[] p = POINTS[0];
        double[] x = cdnow.frequencyArray();
        int[] xi = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            xi[i] = (int) x[i];
        }
        double[] ones = new double[x.length];
        java.util.Arrays.fill(ones, 1.0);
        ParetoNbdLikelihood rowByRow = new ParetoNbdLikelihood(xi, cdnow.recencyArray(), cdnow.tArray(), ones);
        assertEquals(rowByRow.logLikelihood(p, null), merged.logLikelihood(p, null), 1e-9);
    }
}
