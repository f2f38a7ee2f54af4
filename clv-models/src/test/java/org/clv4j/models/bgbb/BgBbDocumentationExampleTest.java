package org.clv4j.models.bgbb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.fit.FitResult;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/models/bg-bb.md, run as written; its printed numbers are asserted to the digits shown
 * there. (The published ones are checked in {@link BgBbDonationsTest}; DERT against Bayes integration in
 * {@link BgBbModelTest}.)
 */
class BgBbDocumentationExampleTest {

    @Test
    void workedExample() {
        Donations d = Donations.load();
        double[] x = d.x;
        double[] tx = d.tx;
        double[] n = d.n;
        double[] donors = d.weight;

        // --- docs/models/bg-bb.md ---
        SummaryColumns columns = SummaryColumns.of(x, tx, n, null, donors, TimeUnit.YEAR);
        FitResult<BgBbModel> fit = BgBbEstimator.withDefaults().fit(columns).requireConverged();
        BgBbModel model = fit.model();

        double alive = model.probabilityAlive(2, 4, 6);                    // 0.634
        double aliveNextYear = model.probabilityAliveAfter(1, 2, 4, 6);   // 0.590
        double next5 = model.conditionalExpectedPurchases(5, 4, 5, 6);   // 2.0300
        double newDonor = model.expectedPurchases(11);                     // 3.3887
        double[] histogram = model.expectedCustomersByFrequency(11_104, 6); // 3454.9, 1888.7, ...
        double dert = model.discountedExpectedResidualTransactions(0.10, 6, 6, 6); // 5.910
        // --- end ---

        assertEquals(-33225.58, fit.logLikelihood(), 0.005);
        assertEquals(0.0694, fit.standardErrors().orElseThrow().get("alpha"), 0.00005);
        assertEquals(0.0294, fit.standardErrors().orElseThrow().get("beta"), 0.00005);
        assertEquals(0.0510, fit.standardErrors().orElseThrow().get("gamma"), 0.00005);
        assertEquals(0.3208, fit.standardErrors().orElseThrow().get("delta"), 0.00005);
        assertEquals(0.634, alive, 0.0005);
        assertEquals(0.590, aliveNextYear, 0.0005);
        assertEquals(2.0300, next5, 0.00005);
        assertEquals(3.3887, newDonor, 0.00005);
        assertEquals(3454.9, histogram[0], 0.05);
        assertEquals(1888.7, histogram[1], 0.05);
        assertEquals(5.910, dert, 0.0005);
        assertEquals(0.115, model.discountedExpectedResidualTransactions(0.10, 0, 0, 6), 0.0005);
        assertEquals(3.197, model.discountedExpectedResidualTransactions(0.10, 4, 5, 6), 0.0005);
    }
}
