package org.clv4j.models.bgnbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.clv4j.core.TimeUnit;
import org.clv4j.models.CdnowSample;
import org.clv4j.models.fit.FitResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every BG/NBD figure in docs/REFERENCES.md. Parameters and log-likelihood of the CDNOW fit are from Fader, Hardie
 * &amp; Lee (2005) (four-decimal values as reproduced by lifetimes and Hardie's spreadsheet); predictions are at the
 * fitted parameters unless the reference names other ones.
 */
class BgNbdReferenceTest {

    private static FitResult<BgNbdModel> fit;

    @BeforeAll
    static void fitCdnow() {
        fit = BgNbdEstimator.withDefaults().fit(CdnowSample.calibration());
    }

    private static BgNbdModel fitted() {
        return fit.model();
    }

    private static void assertRelative(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, Math.abs(expected) * relative, what);
    }

    @Test
    void fitReproducesThePublishedCdnowEstimates() {
        assertTrue(fit.converged(), fit.toString());
        Map<String, Double> p = fit.parameters();
        // published to four decimals: agree to half a unit in the last digit
        assertEquals(0.2426, p.get("r"), 0.00005);
        assertEquals(4.4135, p.get("alpha"), 0.00015); // 4.41360 from our (and scipy's) optimum
        assertEquals(0.7929, p.get("a"), 0.00005);
        assertEquals(2.4259, p.get("b"), 0.00005);
        assertEquals(-9582.43, fit.logLikelihood(), 0.01);
        assertTrue(fit.logLikelihood() >= -9582.43 - 0.005);
        assertEquals(2357.0, fit.optimum().observations(), 0.0);
    }

    @Test
    void unconditionalExpectationsMatchThePaper() {
        // REFERENCES.md: t = 1, 3, 32, 52, 78 -> 0.0532, 0.1506, 1.0437, 1.4440, 1.858 (printed digits)
        double[] t = {1, 3, 32, 52, 78};
        double[] expected = {0.0532, 0.1506, 1.0437, 1.4440, 1.858};
        double[] halfUnit = {0.00005, 0.00005, 0.00005, 0.00005, 0.0005};
        for (int i = 0; i < t.length; i++) {
            assertEquals(expected[i], fitted().expectedPurchases(t[i]), halfUnit[i], "E[X(" + t[i] + ")]");
        }
    }

    @Test
    void conditionalExpectationAndProbabilityAliveOfCustomerOne() {
        // x=2, t_x=30.43, T=38.86: E[Y(39)] = 1.226, P(alive) = 0.7266
        assertEquals(1.226, fitted().conditionalExpectedPurchases(39, 2, 30.43, 38.86), 0.0005);
        assertEquals(0.7266, fitted().probabilityAlive(2, 30.43, 38.86), 0.00005);
    }

    @Test
    void conditionalExpectationAndProbabilityAliveOfAFrequentBuyer() {
        // x=26, t_x=30.85714, T=31: E[Y(52)] = 25.76, P(alive) = 0.96885
        assertEquals(25.76, fitted().conditionalExpectedPurchases(52, 26, 30.85714, 31), 0.005);
        assertEquals(0.96885, fitted().probabilityAlive(26, 30.85714, 31), 0.000005);
    }

    @Test
    void increasingFrequencyParadox() {
        // t_x=20, T=39, next 52 weeks, x = 10, 15, 20, 25. The printed values (lifetimes at its own estimates)
        // differ from ours at the exact optimum by at most 7e-5 relative.
        double[] x = {10, 15, 20, 25};
        double[] expected = {0.34746, 0.042834, 0.0041590, 0.00035837};
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            double e = fitted().conditionalExpectedPurchases(52, x[i], 20, 39);
            assertRelative(expected[i], e, 1e-4, "x=" + x[i]);
            assertTrue(e < previous);
            previous = e;
        }
    }

    @Test
    void probabilityOfPurchasesAtThePapersParameters() {
        BgNbdModel paper = BgNbdModel.of(0.243, 4.414, 0.793, 2.426, TimeUnit.WEEK);
        assertRelative(0.5737864, paper.probabilityOfPurchases(0, 39), 1e-6, "P(X(39)=0)");
        assertRelative(1.07869e-07, paper.probabilityOfPurchases(10, 2), 1e-5, "P(X(2)=10)");
        double[] expected = {0.0019995214, 0.0015170236, 0.0011633150, 0.0009003148, 0.0007023638, 0.0005517902,
            0.0004361913, 0.0003467171, 0.0002769613, 0.0002222260};
        for (int n = 11; n <= 20; n++) {
            // printed to ten decimals: half a unit in the last digit
            assertEquals(expected[n - 11], paper.probabilityOfPurchases(n, 30), 5e-11, "P(X(30)=" + n + ")");
        }
    }

    @Test
    void singleCustomerLogLikelihood() {
        BgNbdModel m = BgNbdModel.of(0.25, 4, 0.8, 2.5, TimeUnit.WEEK);
        assertEquals(-0.59947382, m.logLikelihood(0, 0, 40), 1e-8);
        // the naive product overflows here (Gamma(200.25) alone is about 1e373)
        assertEquals(100.7957, m.logLikelihood(200, 38, 40), 0.00005);
    }

    @Test
    void noRepeatPurchaseMeansAliveByConstruction() {
        assertEquals(1.0, fitted().probabilityAlive(0, 0, 38.86), 0.0);
        assertEquals(1.0, fitted().probabilityAlive(0, 0, 1e6), 0.0);
    }
}
