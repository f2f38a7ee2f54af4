package org.clv4j.models.mbgnbd;

import org.clv4j.models.CdnowSample;
import org.clv4j.models.internal.BetaGeometricNbdLikelihood;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.junit.jupiter.api.Test;

/** The MBG/NBD total log-likelihood: sum of the per-customer values, analytic gradient, finiteness. */
class MbgNbdLikelihoodTest {

    /** CDNOW plus extreme rows: 10^5 purchases, t_x = T, t_x = 0 with x &gt; 0, T = 0. */
    static SummaryColumns data() {
        SummaryColumns cdnow = CdnowSample.calibration();
        int n = cdnow.size();
        double[] x = java.util.Arrays.copyOf(cdnow.frequencyArray(), n + 4);
        double[] tx = java.util.Arrays.copyOf(cdnow.recencyArray(), n + 4);
        double[] bigT = java.util.Arrays.copyOf(cdnow.tArray(), n + 4);
        double[][] extra = {{100_000, 30, 39}, {100_000, 39, 39}, {3, 0, 20}, {0, 0, 0}};
        for (int k = 0; k < extra.length; k++) {
            x[n + k] = extra[k][0];
            tx[n + k] = extra[k][1];
            bigT[n + k] = extra[k][2];
        }
        return SummaryColumns.of(x, tx, bigT, null, null, TimeUnit.WEEK);
    }

    @Test
    void totalIsTheSumOfTheCustomersLogLikelihoods() {
        SummaryColumns data = data();
        double[] theta = {0.2426, 4.4135, 0.7929, 2.4259};
        MbgNbdModel model = MbgNbdModel.of(theta[0], theta[1], theta[2], theta[3], TimeUnit.WEEK);
        double sum = 0.0;
        for (int i = 0; i < data.size(); i++) {
            sum += model.logLikelihood(data.frequencyArray()[i], data.recencyArray()[i], data.tArray()[i]);
        }
        assertEquals(sum, BetaGeometricNbdLikelihood.of(1, data).logLikelihood(theta, null), 1e-9 * Math.abs(sum));
    }

    @Test
    void analyticGradientMatchesCentralDifferences() {
        BetaGeometricNbdLikelihood likelihood = BetaGeometricNbdLikelihood.of(1, data());
        double[][] points = {{0.2426, 4.4135, 0.7929, 2.4259}, {1.0, 20.0, 1.0, 3.0}, {0.05, 0.5, 5.0, 0.7},
            {3.0, 100.0, 0.2, 40.0}};
        for (double[] theta : points) {
            double[] gradient = new double[4];
            likelihood.logLikelihood(theta, gradient);
            for (int j = 0; j < 4; j++) {
                // five-point central differences with h = 1e-3 θ: truncation O(h^4) is negligible, and the
                // rounding error of totals near 10^6 (the 10^5-purchase rows) divided by h stays below 1e-6
                double h = 1e-3 * theta[j];
                double numeric = (8 * (shifted(likelihood, theta, j, h) - shifted(likelihood, theta, j, -h))
                        - (shifted(likelihood, theta, j, 2 * h) - shifted(likelihood, theta, j, -2 * h))) / (12 * h);
                assertEquals(numeric, gradient[j], 1e-6 * Math.max(1.0, Math.abs(numeric)),
                        "d/d" + likelihood.parameterNames()[j] + " at " + java.util.Arrays.toString(theta));
            }
        }
    }

    private static double shifted(org.clv4j.models.fit.LikelihoodFunction likelihood, double[] theta, int j,
                                  double h) {
        double[] moved = theta.clone();
        moved[j] += h;
        return likelihood.logLikelihood(moved, null);
    }

    @Test
    void finiteAtExtremeParameters() {
        BetaGeometricNbdLikelihood likelihood = BetaGeometricNbdLikelihood.of(1, data());
        double[][] points = {{1e-8, 1e-8, 1e-8, 1e-8}, {1e8, 1e8, 1e8, 1e8}, {1e-8, 1e8, 1e8, 1e-8},
            {1e8, 1e-8, 1e-8, 1e8}};
        for (double[] theta : points) {
            double[] gradient = new double[4];
            double ll = likelihood.logLikelihood(theta, gradient);
            assertTrue(Double.isFinite(ll), java.util.Arrays.toString(theta));
            for (double g : gradient) {
                assertTrue(Double.isFinite(g), java.util.Arrays.toString(theta));
            }
        }
    }

    @Test
    void identicalRowsAreMergedWithoutChangingTheLikelihood() {
        SummaryColumns cdnow = CdnowSample.calibration();
        double[] theta = {0.3, 5.0, 0.9, 2.0};
        double merged = BetaGeometricNbdLikelihood.of(1, cdnow).logLikelihood(theta, null);
        double byRows = BetaGeometricNbdLikelihood.of(1, cdnow.compress()).logLikelihood(theta, null);
        assertEquals(byRows, merged, 1e-9 * Math.abs(byRows));
        assertEquals(2357.0, BetaGeometricNbdLikelihood.of(1, cdnow).observations(), 0.0);
    }
}
