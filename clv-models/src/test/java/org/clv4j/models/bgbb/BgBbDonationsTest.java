package org.clv4j.models.bgbb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.clv4j.core.TimeUnit;
import org.clv4j.models.fit.FitOptions;
import org.clv4j.models.fit.FitResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every BG/BB figure of docs/REFERENCES.md, from the donations data of Fader, Hardie &amp; Shang (2010),
 * "Customer-base analysis in a discrete-time noncontractual setting", Marketing Science 29(6): 11,104 donors of
 * the 1995 cohort, n = 6 annual opportunities (1996..2001), data/donations_bgbb_summary.csv.
 *
 * <p>Published figures are rounded; each is checked to half a unit of its last printed digit, at the parameters
 * this library fits (which agree with the published ones to the printed digits).
 */
class BgBbDonationsTest {

    private static Donations data;
    private static FitResult<BgBbModel> fit;
    private static BgBbModel model;

    @BeforeAll
    static void fit() {
        data = Donations.load();
        fit = BgBbEstimator.withDefaults().withOptions(FitOptions.withDefaults().withRestarts(0)).fit(data.columns());
        model = fit.requireConverged().model();
    }

    private static void assertPrinted(double printed, double decimals, double actual, String what) {
        double halfUnit = 0.5 * Math.pow(10, -decimals);
        assertEquals(printed, actual, halfUnit * (1 + 1e-9), what);
    }

    /**
     * The paper prints α=1.204, β=0.750, γ=0.657, δ=2.783, matched to half a unit of the third decimal.
     * docs/REFERENCES.md adds a fourth decimal (1.2035, 0.7497, 0.6568, 2.7834, from R BTYD); the maximum is at
     * γ = 0.65672, 8e-5 from 0.6568 (a 0.002 standard-error difference), and the log-likelihood there is higher than
     * at the four-decimal values, so those are matched to 1e-4 and the likelihood comparison is asserted. The
     * maximum was confirmed independently with 30-digit arithmetic (mpmath): the gradient of the total
     * log-likelihood at this fit is below 2e-7.
     */
    @Test
    void fitReproducesThePublishedParametersAndLogLikelihood() {
        assertEquals(Donations.DONORS, fit.optimum().observations(), 0.0);
        assertEquals(TimeUnit.YEAR, model.timeUnit());
        assertPrinted(1.204, 3, model.alpha(), "alpha");
        assertPrinted(0.750, 3, model.beta(), "beta");
        assertPrinted(0.657, 3, model.gamma(), "gamma");
        assertPrinted(2.783, 3, model.delta(), "delta");
        assertEquals(1.2035, model.alpha(), 1e-4);
        assertEquals(0.7497, model.beta(), 1e-4);
        assertEquals(0.6568, model.gamma(), 1e-4);
        assertEquals(2.7834, model.delta(), 1e-4);
        assertPrinted(-33225.58, 2, fit.logLikelihood(), "log-likelihood");
        assertTrue(fit.logLikelihood() >= -33225.58 - 0.005, "LL " + fit.logLikelihood());
        BgBbModel published = BgBbModel.of(1.2035, 0.7497, 0.6568, 2.7834, TimeUnit.YEAR);
        double publishedLogLikelihood = 0.0;
        for (int i = 0; i < data.rows(); i++) {
            publishedLogLikelihood += data.weight[i] * published.logLikelihood(data.x[i], data.tx[i], data.n[i]);
        }
        assertTrue(fit.logLikelihood() > publishedLogLikelihood, fit.logLikelihood() + " vs " + publishedLogLikelihood);
        assertTrue(fit.optimum().gradientNorm() < 1e-9, "gradient norm " + fit.optimum().gradientNorm());
        assertTrue(fit.standardErrors().isPresent(), "standard errors");
    }

    @Test
    void probabilityAliveAtTheEndOfTheCalibrationAndOnePeriodLater() {
        // P(alive at the end of period 6)
        assertPrinted(0.116, 3, model.probabilityAlive(0, 0, 6), "P(alive | 0, 0, 6)");
        assertPrinted(0.634, 3, model.probabilityAlive(2, 4, 6), "P(alive | 2, 4, 6)");
        assertEquals(1.0, model.probabilityAlive(6, 6, 6), 0.0);
        // paper's Table 6, "P(alive in 2002)"
        assertPrinted(0.11, 2, model.probabilityAliveAfter(1, 0, 0, 6), "P(alive in 2002 | 0, 0, 6)");
        assertPrinted(0.59, 2, model.probabilityAliveAfter(1, 2, 4, 6), "P(alive in 2002 | 2, 4, 6)");
        assertPrinted(0.93, 2, model.probabilityAliveAfter(1, 6, 6, 6), "P(alive in 2002 | 6, 6, 6)");
    }

    @Test
    void conditionalExpectationsForTheNextFiveAndTenYears() {
        assertPrinted(0.0729, 4, model.conditionalExpectedPurchases(5, 0, 0, 6), "E[5 | 0, 0, 6]");
        assertPrinted(2.0300, 4, model.conditionalExpectedPurchases(5, 4, 5, 6), "E[5 | 4, 5, 6]");
        assertPrinted(3.7525, 4, model.conditionalExpectedPurchases(5, 6, 6, 6), "E[5 | 6, 6, 6]");
        assertPrinted(3.628, 3, model.conditionalExpectedPurchases(10, 4, 5, 6), "E[10 | 4, 5, 6]");
        double total = 0.0;
        for (int i = 0; i < data.rows(); i++) {
            total += data.weight[i] * model.conditionalExpectedPurchases(5, data.x[i], data.tx[i], data.n[i]);
        }
        assertPrinted(12_884.2, 1, total, "expected repeat donations 2002..2006 of all 11,104 donors");
    }

    @Test
    void expectedDonorsPerRepeatFrequency() {
        double[] published = {3454.9, 1888.7, 1348.9, 1113.4, 1017.9, 1027.2, 1253.1};
        double[] counts = model.expectedCustomersByFrequency(Donations.DONORS, 6);
        assertEquals(published.length, counts.length);
        for (int x = 0; x < counts.length; x++) {
            assertPrinted(published[x], 1, counts[x], "donors with x = " + x);
        }
    }

    @Test
    void newDonorCumulativeExpectations() {
        double[] published = {0.4985, 0.9233, 1.2969, 1.6323, 1.9381, 2.2202, 2.4826, 2.7285, 2.9603, 3.1798,
            3.3887};
        for (int n = 1; n <= published.length; n++) {
            assertPrinted(published[n - 1], 4, model.expectedPurchases(n), "E[X(" + n + ")]");
        }
    }

    /**
     * Sanity check against what the donors actually did in 2002..2006 (holdout_transactions per pattern). The model
     * is not expected to match each pattern: Fader, Hardie &amp; Shang report it tracks the totals and the
     * frequent, recent donors well and under-predicts lapsed donors who came back. Asserted loosely: the total
     * within 5% (12,884 vs 13,260, −2.8%), patterns with at least 300 predicted donations within 15%, and a
     * correlation above 0.95 between predicted and actual donations per donor across the 22 patterns.
     */
    @Test
    void holdoutDonationsAreTrackedLoosely() {
        double predictedTotal = 0.0;
        double actualTotal = 0.0;
        int rows = data.rows();
        double[] predicted = new double[rows];
        double[] actual = new double[rows];
        for (int i = 0; i < rows; i++) {
            double perDonor = model.conditionalExpectedPurchases(5, data.x[i], data.tx[i], data.n[i]);
            double patternTotal = data.weight[i] * perDonor;
            predictedTotal += patternTotal;
            actualTotal += data.holdoutTransactions[i];
            predicted[i] = perDonor;
            actual[i] = data.holdoutTransactions[i] / data.weight[i];
            if (patternTotal >= 300) {
                assertEquals(data.holdoutTransactions[i], patternTotal, 0.15 * data.holdoutTransactions[i],
                        "pattern x=" + data.x[i] + ", t_x=" + data.tx[i]);
            }
        }
        assertEquals(13_260.0, actualTotal, 0.0);
        assertEquals(actualTotal, predictedTotal, 0.05 * actualTotal);
        assertTrue(correlation(predicted, actual) > 0.95, "correlation " + correlation(predicted, actual));
    }

    /**
     * The cohort's repeat donations per year against the model's 11,104 · (E[X(k)] − E[X(k−1)]). Loose on purpose:
     * years 1996..2005 within 10% (the model is 4–7% low in 2000 and 2002..2005), the ten-year total within 3%;
     * 2006 is 20% below the model and not asserted.
     */
    @Test
    void annualRepeatDonationsAreTrackedLoosely() {
        double[] annual = Donations.annualTransactions();
        assertEquals(11, annual.length);
        double modelTotal = 0.0;
        double actualTotal = 0.0;
        for (int k = 1; k <= 10; k++) {
            double expected = Donations.DONORS * (model.expectedPurchases(k) - model.expectedPurchases(k - 1));
            assertEquals(annual[k - 1], expected, 0.10 * annual[k - 1], "year " + (1995 + k));
            modelTotal += expected;
            actualTotal += annual[k - 1];
        }
        assertEquals(actualTotal, modelTotal, 0.03 * actualTotal);
    }

    private static double correlation(double[] a, double[] b) {
        int n = a.length;
        double ma = 0.0;
        double mb = 0.0;
        for (int i = 0; i < n; i++) {
            ma += a[i] / n;
            mb += b[i] / n;
        }
        double sab = 0.0;
        double saa = 0.0;
        double sbb = 0.0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
