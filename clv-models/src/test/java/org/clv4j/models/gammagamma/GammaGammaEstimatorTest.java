package org.clv4j.models.gammagamma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.fit.FitOptions;
import org.junit.jupiter.api.Test;

/** Exclusions, merging, validation and convergence of the Gamma-Gamma estimator. */
class GammaGammaEstimatorTest {

    @Test
    void excludesAndCountsCustomersWithoutRepeatTransactionsOrWithZeroMeanValue() {
        CdnowSample data = CdnowSample.load();
        int n = data.size();
        double[] x = java.util.Arrays.copyOf(data.frequency, n + 3);
        double[] m = java.util.Arrays.copyOf(data.monetaryValue, n + 3);
        // three refunded repeat buyers
        x[n] = 2;
        x[n + 1] = 1;
        x[n + 2] = 5;
        GammaGammaFit withZeros = GammaGammaEstimator.withDefaults().fit(x, m, null);
        GammaGammaFit plain = GammaGammaEstimator.withDefaults().fit(data.frequency, data.monetaryValue, null);
        assertEquals(3.0, withZeros.excludedWithZeroMeanValue(), 0.0);
        assertEquals(1411.0, withZeros.excludedWithoutRepeatTransactions(), 0.0);
        assertEquals(946.0, withZeros.customersFitted(), 0.0);
        assertEquals(plain.logLikelihood(), withZeros.logLikelihood(), 0.0);
        assertEquals(plain.model(), withZeros.model());
        assertTrue(withZeros.exclusionSummary().endsWith("and 3 repeat buyers with mean value 0"));
    }

    @Test
    void fitsSummaryColumnsWithWeightsAndMergesIdenticalRows() {
        CdnowSample data = CdnowSample.load();
        GammaGammaFit plain = GammaGammaEstimator.withDefaults().fit(data.frequency, data.monetaryValue, null);
        // every customer twice, once as two rows and once as a row of weight 2: same estimates
        int n = data.size();
        double[] x = new double[2 * n];
        double[] m = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[i] = x[n + i] = data.frequency[i];
            m[i] = m[n + i] = data.monetaryValue[i];
        }
        double[] recency = new double[2 * n];
        double[] bigT = new double[2 * n];
        java.util.Arrays.fill(bigT, 39.0);
        for (int i = 0; i < 2 * n; i++) {
            recency[i] = x[i] > 0 ? 1.0 : 0.0;
        }
        GammaGammaFit doubled = GammaGammaEstimator.withDefaults()
                .fit(SummaryColumns.of(x, recency, bigT, m, null, TimeUnit.WEEK));
        double[] two = new double[n];
        java.util.Arrays.fill(two, 2.0);
        GammaGammaFit weighted = GammaGammaEstimator.withDefaults().fit(data.frequency, data.monetaryValue, two);
        assertEquals(2 * plain.logLikelihood(), doubled.logLikelihood(), 1e-7);
        assertEquals(doubled.logLikelihood(), weighted.logLikelihood(), 1e-7);
        assertEquals(plain.model().p(), doubled.model().p(), 1e-6);
        assertEquals(plain.model().gamma(), weighted.model().gamma(), 1e-6);
        assertEquals(1892.0, doubled.customersFitted(), 0.0);
        assertEquals(946.0, doubled.result().optimum().observations() / 2, 0.0);
    }

    @Test
    void rejectsInvalidRowsAndDataWithoutRepeatBuyers() {
        GammaGammaEstimator estimator = GammaGammaEstimator.withDefaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> estimator.fit(new double[] {1, 2}, new double[] {10, -3}, null));
        assertEquals("monetary value must be finite and >= 0 in row 1: monetaryValue=-3.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> estimator.fit(new double[] {1, 2.5}, new double[] {10, 3}, null));
        assertEquals("frequency must be a whole number >= 0 in row 1: frequency=2.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> estimator.fit(new double[] {1, 2}, new double[] {10, 3}, new double[] {1, 0}));
        assertEquals("weight must be finite and > 0 in row 1: weight=0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> estimator.fit(new double[] {0, 2, 0}, new double[] {0, 0, 0}, null));
        assertTrue(e.getMessage().startsWith("no customer with repeat transactions of positive mean value"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> estimator.fit(new double[] {1}, new double[] {1, 2}, null));
    }

    /** Simulated repeat buyers, from the default start without restarts; estimates within 4 standard errors. */
    @Test
    void convergesOnSimulatedDataWithoutRestarts() {
        GammaGammaModel truth = GammaGammaModel.of(3.0, 5.0, 40.0);
        double[] x = new double[20_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1 + i % 8;
        }
        GammaGammaSimulator.Sample sample = GammaGammaSimulator.of(truth, 99).simulate(x);
        GammaGammaFit fit = GammaGammaEstimator.withDefaults()
                .withOptions(FitOptions.withDefaults().withRestarts(0)).fit(x, sample.meanValue(), null);
        assertTrue(fit.converged(), fit.toString());
        double[] se = fit.result().optimum().standardErrors();
        assertEquals(3.0, fit.model().p(), 4 * se[0]);
        assertEquals(5.0, fit.model().q(), 4 * se[1]);
        assertEquals(40.0, fit.model().gamma(), 4 * se[2]);
    }
}
