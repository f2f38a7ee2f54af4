package org.clv4j.models.gammagamma;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The worked example of docs/models/gamma-gamma.md, run as written, its numbers asserted to the digits shown. */
class GammaGammaDocumentationExampleTest {

    @Test
    void workedExample() {
        CdnowSample data = CdnowSample.load();
        double[] frequency = data.frequency;
        double[] monetaryValue = data.monetaryValue;

        // --- docs/models/gamma-gamma.md ---
        GammaGammaFit fit = GammaGammaEstimator.withDefaults().fit(frequency, monetaryValue, null)
                .requireConverged();
        String excluded = fit.exclusionSummary();
        // "fitted 946 customers; excluded 1411 without repeat transactions and 0 repeat buyers with mean value 0"
        GammaGammaModel spend = fit.model();          // p=6.2496, q=3.7442, gamma=15.4435; LL -4055.918

        double customer1 = spend.expectedAverageValue(2, 22.345);      // 24.65: m̄ = 22.35 pulled towards the mean
        double population = spend.populationMeanValue();               // 35.17
        double customer6 = spend.expectedAverageValue(7, 73.74142857); // 71.46: seven purchases, little shrinkage
        // --- end ---

        assertEquals("fitted 946 customers; excluded 1411 without repeat transactions and 0 repeat buyers with "
                + "mean value 0", excluded);
        assertEquals(6.2496, spend.p(), 0.00005);
        assertEquals(3.7442, spend.q(), 0.00005);
        assertEquals(15.4435, spend.gamma(), 0.00005);
        assertEquals(-4055.918, fit.logLikelihood(), 0.0005);
        assertEquals(1.190, fit.standardErrors().orElseThrow().get("p"), 0.0005);
        assertEquals(0.290, fit.standardErrors().orElseThrow().get("q"), 0.0005);
        assertEquals(4.159, fit.standardErrors().orElseThrow().get("gamma"), 0.0005);
        assertEquals(24.65, customer1, 0.005);
        assertEquals(35.17, population, 0.005);
        assertEquals(71.46, customer6, 0.005);
    }
}
