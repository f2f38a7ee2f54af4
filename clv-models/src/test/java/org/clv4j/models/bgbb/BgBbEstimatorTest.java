package org.clv4j.models.bgbb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.fit.FitOptions;
import org.clv4j.models.fit.FitResult;
import org.junit.jupiter.api.Test;

/** Input validation, row merging and convergence of the BG/BB estimator. */
class BgBbEstimatorTest {

    private static SummaryColumns rows(double[] x, double[] tx, double[] n) {
        return SummaryColumns.of(x, tx, n, null, null, TimeUnit.YEAR);
    }

    @Test
    void rejectsHistoriesThatAreNotWholePeriodsNamingTheRow() {
        BgBbEstimator estimator = BgBbEstimator.withDefaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> estimator.fit(
                rows(new double[] {1, 2}, new double[] {1, 2.5}, new double[] {6, 6})));
        assertEquals("BG/BB recency (the period of the last transaction) must be a whole number in row 1: "
                + "frequency=2.0, recency=2.5, T=6.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> estimator.fit(
                rows(new double[] {1, 2}, new double[] {1, 2}, new double[] {6, 6.5})));
        assertTrue(e.getMessage().startsWith("BG/BB T (the number of transaction opportunities) must be a whole "
                + "number <= 1000000 in row 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> estimator.fit(
                rows(new double[] {0, 3}, new double[] {0, 2}, new double[] {6, 6})));
        assertEquals("BG/BB frequency must be <= recency (at most one transaction per period) in row 1: "
                + "frequency=3.0, recency=2.0, T=6.0", e.getMessage());
    }

    @Test
    void weightedPatternsAndOneRowPerCustomerGiveTheSameFit() {
        Donations d = Donations.load();
        FitResult<BgBbModel> weighted = BgBbEstimator.withDefaults().fit(d.columns());
        int customers = 0;
        for (double w : d.weight) {
            customers += (int) w;
        }
        double[] x = new double[customers];
        double[] tx = new double[customers];
        double[] n = new double[customers];
        int c = 0;
        for (int i = 0; i < d.rows(); i++) {
            for (int k = 0; k < d.weight[i]; k++) {
                x[c] = d.x[i];
                tx[c] = d.tx[i];
                n[c] = d.n[i];
                c++;
            }
        }
        FitResult<BgBbModel> single = BgBbEstimator.withDefaults().fit(rows(x, tx, n));
        assertEquals(weighted.logLikelihood(), single.logLikelihood(), 1e-6);
        assertEquals(weighted.model().alpha(), single.model().alpha(), 1e-6);
        assertEquals(weighted.model().delta(), single.model().delta(), 1e-6);
        assertEquals(customers, single.optimum().observations(), 0.0);
    }

    /** Simulated cohorts with mixed n, from the default start and without restarts. */
    @Test
    void convergesOnSimulatedDataWithoutRestarts() {
        BgBbModel truth = BgBbModel.of(0.8, 2.5, 1.5, 4.0, TimeUnit.MONTH);
        int[] n = new int[20_000];
        for (int i = 0; i < n.length; i++) {
            n[i] = 4 + i % 21;
        }
        SummaryColumns data = BgBbSimulator.of(truth, 42).simulate(n);
        FitResult<BgBbModel> fit = BgBbEstimator.withDefaults()
                .withOptions(FitOptions.withDefaults().withRestarts(0)).fit(data);
        assertTrue(fit.converged(), fit.toString());
        assertEquals(TimeUnit.MONTH, fit.model().timeUnit());
        double[] se = fit.optimum().standardErrors();
        double[] estimate = fit.optimum().parameters();
        double[] expected = {0.8, 2.5, 1.5, 4.0};
        for (int j = 0; j < 4; j++) {
            assertEquals(expected[j], estimate[j], 4 * se[j], "parameter " + j + ": " + fit);
        }
    }
}
