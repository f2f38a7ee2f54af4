package org.clv4j.models.paretonbd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.CdnowSample;
import org.clv4j.models.fit.FitResult;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/models/pareto-nbd.md and of the package documentation, run as code so that it cannot
 * rot; the numbers are the ones printed there, to the digits printed there.
 */
class ParetoNbdDocumentationExampleTest {

    @Test
    void workedExample() {
        SummaryColumns columns = CdnowSample.calibration();
        FitResult<ParetoNbdModel> fit = ParetoNbdEstimator.withDefaults().fit(columns).requireConverged();
        ParetoNbdModel m = fit.model();
        assertEquals(0.5533, m.r(), 5e-5);
        assertEquals(10.578, m.alpha(), 5e-4);
        assertEquals(0.6062, m.s(), 5e-5);
        assertEquals(11.669, m.beta(), 5e-4);
        assertEquals(-9594.976, fit.logLikelihood(), 5e-4);
        Map<String, Double> se = fit.standardErrors().orElseThrow();
        assertEquals(0.0476, se.get("r"), 5e-5);
        assertEquals(0.843, se.get("alpha"), 5e-4);
        assertEquals(0.187, se.get("s"), 5e-4);
        assertEquals(6.21, se.get("beta"), 5e-3);

        assertEquals(1.2134, m.expectedPurchases(39), 5e-5);
        assertEquals(1.4734, m.expectedPurchases(52), 5e-5);
        assertEquals(0.99792, m.probabilityAlive(26, 30.86, 31), 5e-6);
        assertEquals(25.456, m.conditionalExpectedPurchases(52, 26, 30.86, 31), 5e-4);
        assertEquals(0.2951, m.probabilityAlive(0, 0, 38.86), 5e-5);
        assertEquals(0.8691, m.probabilityAlive(2, 30.43, 38.86), 5e-5);
        assertEquals(1.4551, m.conditionalExpectedPurchases(39, 2, 30.43, 38.86), 5e-5);
        assertEquals(0.5659, m.probabilityAliveAfter(52, 2, 30.43, 38.86), 5e-5);
        double delta = Math.log(1.15) / 52;
        assertEquals(86.26, m.discountedExpectedResidualTransactions(delta, 26, 30.86, 31), 5e-3);
        assertEquals(6.500, m.discountedExpectedResidualTransactions(delta, 2, 30.43, 38.86), 5e-4);
        assertEquals(0.4782, m.discountedExpectedResidualTransactions(delta, 0, 0, 38.86), 5e-5);
        assertEquals(0.5935, m.probabilityOfPurchases(0, 39), 5e-5);
        assertEquals(0.1656, m.probabilityOfPurchases(1, 39), 5e-5);
        assertEquals(0.0825, m.probabilityOfPurchases(2, 39), 5e-5);
        double[] paradox = {0.7059, 0.1442, 0.02249, 0.003090};
        double[] halfUnit = {5e-5, 5e-5, 5e-6, 5e-7};
        for (int k = 0; k < 4; k++) {
            double x = 10 + 5 * k;
            assertEquals(paradox[k], m.conditionalExpectedPurchases(52, x, 20, 39), halfUnit[k], "x=" + x);
        }
    }
}
