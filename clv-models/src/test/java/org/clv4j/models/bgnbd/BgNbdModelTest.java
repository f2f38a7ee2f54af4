package org.clv4j.models.bgnbd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.CdnowSample;
import org.clv4j.models.TransactionModel;
import org.clv4j.models.TransactionModelContract;
import org.junit.jupiter.api.Test;

/**
 * The BG/NBD model against independent computations: Monte Carlo simulation of the model's story, Bayes' rule by
 * numerical integration over the latent variables, direct summation of the pmf, and hand-computable cases.
 */
class BgNbdModelTest extends TransactionModelContract {

    /** The CDNOW maximum-likelihood estimates (ours, equal to scipy's to 1e-6). */
    static final BgNbdModel CDNOW = BgNbdModel.of(0.24259452, 4.41360223, 0.79292195, 2.42590649, TimeUnit.WEEK);

    @Override
    protected TransactionModel model() {
        return CDNOW;
    }

    @Override
    protected List<double[]> histories() {
        return List.of(new double[] {0, 0, 38.86}, new double[] {2, 30.43, 38.86}, new double[] {26, 30.85714, 31},
                new double[] {10, 20, 39}, new double[] {5, 10, 10}, new double[] {1, 0, 0},
                new double[] {0, 0, 0}, new double[] {200, 38, 40}, new double[] {100_000, 30, 39},
                new double[] {100_000, 39, 39}, new double[] {3, 0, 52});
    }

    @Override
    protected List<Runnable> invalidConstructions() {
        return List.of(() -> BgNbdModel.of(0, 1, 1, 1, TimeUnit.WEEK),
                () -> BgNbdModel.of(1, -1, 1, 1, TimeUnit.WEEK),
                () -> BgNbdModel.of(1, 1, Double.NaN, 1, TimeUnit.WEEK),
                () -> BgNbdModel.of(1, 1, 1, Double.POSITIVE_INFINITY, TimeUnit.WEEK));
    }

    @Test
    void invalidArgumentsNameTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BgNbdModel.of(1, 1, -2, 1, TimeUnit.WEEK));
        assertEquals("parameter a must be finite and > 0: a=-2.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CDNOW.probabilityAlive(1.5, 1, 2));
        assertEquals("x must be a whole number >= 0: x=1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CDNOW.probabilityAlive(0, 1, 2));
        assertEquals("tx must be 0 when x = 0: x=0.0, tx=1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CDNOW.conditionalExpectedPurchases(1, 2, 3, 2));
        assertEquals("tx must be in [0, T]: tx=3.0, T=2.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CDNOW.expectedPurchases(Double.POSITIVE_INFINITY));
        assertEquals("t must be finite and >= 0: t=Infinity", e.getMessage());
    }

    @Test
    void probabilityAliveMatchesBayesByNumericalIntegration() {
        BayesByQuadrature bayes = new BayesByQuadrature(CDNOW.r(), CDNOW.alpha(), CDNOW.a(), CDNOW.b(), 0);
        double[][] cases = {{2, 30.43, 38.86}, {26, 30.85714, 31}, {10, 20, 39}, {1, 2, 30}};
        for (double[] c : cases) {
            assertEquals(bayes.probabilityAlive(c[0], c[1], c[2]), CDNOW.probabilityAlive(c[0], c[1], c[2]), 1e-8,
                    Arrays.toString(c));
        }
        assertEquals(1.0, bayes.probabilityAlive(0, 0, 38.86), 1e-12);
    }

    @Test
    void conditionalExpectationMatchesBayesByNumericalIntegration() {
        BayesByQuadrature bayes = new BayesByQuadrature(CDNOW.r(), CDNOW.alpha(), CDNOW.a(), CDNOW.b(), 0);
        double[][] cases = {{39, 2, 30.43, 38.86}, {52, 26, 30.85714, 31}, {52, 10, 20, 39}, {52, 0, 0, 5},
            {1, 1, 2, 30}, {500, 3, 10, 12}};
        for (double[] c : cases) {
            double expected = bayes.conditionalExpectedPurchases(c[0], c[1], c[2], c[3]);
            assertEquals(expected, CDNOW.conditionalExpectedPurchases(c[0], c[1], c[2], c[3]),
                    1e-8 * Math.max(1.0, expected), Arrays.toString(c));
        }
    }

    @Test
    void futureProbabilityAliveMatchesBayesByNumericalIntegration() {
        BayesByQuadrature bayes = new BayesByQuadrature(CDNOW.r(), CDNOW.alpha(), CDNOW.a(), CDNOW.b(), 0);
        double[][] cases = {{39, 2, 30.43, 38.86}, {52, 26, 30.85714, 31}, {10, 0, 0, 20}, {1000, 4, 10, 12}};
        for (double[] c : cases) {
            assertEquals(bayes.probabilityAliveAfter(c[0], c[1], c[2], c[3]),
                    CDNOW.probabilityAliveAfter(c[0], c[1], c[2], c[3]), 1e-8, Arrays.toString(c));
        }
        assertEquals(CDNOW.probabilityAlive(2, 30.43, 38.86), CDNOW.probabilityAliveAfter(0, 2, 30.43, 38.86), 0.0);
    }

    @Test
    void newCustomerExpectationIsTheConditionalOneAtZero() {
        for (double t : new double[] {0.5, 1, 39, 78, 1000}) {
            assertEquals(CDNOW.expectedPurchases(t), CDNOW.conditionalExpectedPurchases(t, 0, 0, 0),
                    1e-14 * CDNOW.expectedPurchases(t));
        }
    }

    @Test
    void purchaseCountDistributionSumsToOneAndHasTheExpectedMean() {
        // direct summation of eq. (8) over n against eq. (9)
        for (double t : new double[] {1, 30, 78}) {
            double total = 0.0;
            double mean = 0.0;
            for (int n = 0; n < 3000; n++) {
                double p = CDNOW.probabilityOfPurchases(n, t);
                total += p;
                mean += n * p;
            }
            assertEquals(1.0, total, 1e-10, "t=" + t);
            assertEquals(CDNOW.expectedPurchases(t), mean, 1e-8, "t=" + t);
        }
    }

    @Test
    void monteCarloAgreesWithExpectationAndPurchaseCountDistribution() {
        // 400,000 customers simulated for t = 39 weeks; tolerances are 4 standard errors
        int n = 400_000;
        double t = 39.0;
        double[] windows = new double[n];
        Arrays.fill(windows, t);
        double[] x = BgNbdSimulator.of(CDNOW).simulate(windows, 20_050_524L).frequencyArray();
        double sum = 0.0;
        double sumSquares = 0.0;
        int[] counts = new int[6];
        for (double xi : x) {
            sum += xi;
            sumSquares += xi * xi;
            if (xi < counts.length) {
                counts[(int) xi]++;
            }
        }
        double mean = sum / n;
        double se = Math.sqrt((sumSquares / n - mean * mean) / n);
        assertEquals(CDNOW.expectedPurchases(t), mean, 4 * se);
        for (int k = 0; k < counts.length; k++) {
            double p = CDNOW.probabilityOfPurchases(k, t);
            assertEquals(p, counts[k] / (double) n, 4 * Math.sqrt(p * (1 - p) / n), "P(X(39)=" + k + ")");
        }
    }

    @Test
    void handComputableCases() {
        BgNbdModel m = BgNbdModel.of(2, 3, 4, 5, TimeUnit.DAY);
        // P(alive) = 1 / (1 + a/(b + x - 1) ((α + T)/(α + t_x))^(r + x)) with x=1, t_x=2, T=7: 1/(1 + 0.8 * 2^3)
        assertEquals(1.0 / (1.0 + 0.8 * 8.0), m.probabilityAlive(1, 2, 7), 1e-15);
        // a = 1 is not special: E[X(t)] is continuous through it
        double below = BgNbdModel.of(0.5, 3, 1 - 1e-7, 2, TimeUnit.DAY).expectedPurchases(10);
        double at = BgNbdModel.of(0.5, 3, 1, 2, TimeUnit.DAY).expectedPurchases(10);
        double above = BgNbdModel.of(0.5, 3, 1 + 1e-7, 2, TimeUnit.DAY).expectedPurchases(10);
        assertEquals(at, below, 1e-6 * at);
        assertEquals(at, above, 1e-6 * at);
        // small t: E[X(t)] ≈ r t / α (every customer is alive at the start)
        assertEquals(0.5 * 1e-6 / 3, BgNbdModel.of(0.5, 3, 1, 2, TimeUnit.DAY).expectedPurchases(1e-6), 1e-12);
    }

    @Test
    void extremeInputsStayFinite() {
        BgNbdModel[] models = {CDNOW, BgNbdModel.of(1e-6, 1e-6, 1e-6, 1e-6, TimeUnit.WEEK),
            BgNbdModel.of(1e6, 1e6, 1e6, 1e6, TimeUnit.WEEK), BgNbdModel.of(50, 0.01, 0.02, 80, TimeUnit.WEEK),
            BgNbdModel.of(0.01, 500, 30, 0.05, TimeUnit.WEEK)};
        double[][] histories = {{0, 0, 0}, {0, 0, 1e4}, {100_000, 0, 1e4}, {100_000, 1e4, 1e4}, {1, 1e-9, 1e-9},
            {100_000, 39, 39}, {7, 3, 1e5}};
        for (BgNbdModel m : models) {
            for (double[] h : histories) {
                String what = m + " " + Arrays.toString(h);
                assertTrue(Double.isFinite(m.logLikelihood(h[0], h[1], h[2])), what);
                double p = m.probabilityAlive(h[0], h[1], h[2]);
                assertTrue(p >= 0 && p <= 1, what);
                double e = m.conditionalExpectedPurchases(52, h[0], h[1], h[2]);
                assertTrue(Double.isFinite(e) && e >= 0, what + " E=" + e);
                double q = m.probabilityAliveAfter(52, h[0], h[1], h[2]);
                assertTrue(q >= 0 && q <= p, what);
            }
            assertTrue(Double.isFinite(m.expectedPurchases(1e4)), m.toString());
            double pmf = m.probabilityOfPurchases(1000, 52);
            assertTrue(pmf >= 0 && pmf <= 1, m.toString());
        }
    }

    @Test
    void scoreMatchesTheSingleCustomerMethods() {
        SummaryColumns columns = CdnowSample.calibration();
        double[] expected = new double[columns.size()];
        double[] alive = new double[columns.size()];
        CDNOW.score(columns, 52, expected, alive);
        double[] x = columns.frequencyArray();
        double[] tx = columns.recencyArray();
        double[] bigT = columns.tArray();
        for (int i = 0; i < columns.size(); i++) {
            // frequent x use the Chebyshev interpolant (documented accuracy about 1e-14 of the group's largest value)
            double direct = CDNOW.conditionalExpectedPurchases(52, x[i], tx[i], bigT[i]);
            assertEquals(direct, expected[i], 1e-12 * Math.max(direct, 1e-2));
            assertEquals(CDNOW.probabilityAlive(x[i], tx[i], bigT[i]), alive[i], 1e-14);
        }
        assertThrows(IllegalArgumentException.class, () -> CDNOW.score(columns, 52, new double[3], null));
        SummaryColumns days = SummaryColumns.of(new double[] {1}, new double[] {1}, new double[] {2}, null, null,
                TimeUnit.DAY);
        assertThrows(IllegalArgumentException.class, () -> CDNOW.score(days, 52, new double[1], null));
    }

    @Test
    void scoreOfManySimulatedCustomersMatchesDirectEvaluation() {
        int n = 30_000;
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        double[] ages = new double[n];
        for (int i = 0; i < n; i++) {
            ages[i] = 0.5 + 77.5 * random.nextDouble();
        }
        SummaryColumns columns = BgNbdSimulator.of(CDNOW).simulate(ages, 8);
        double[] expected = new double[n];
        double[] alive = new double[n];
        for (double horizon : new double[] {0, 4, 52, 520}) {
            CDNOW.score(columns, horizon, expected, alive);
            double[] x = columns.frequencyArray();
            double[] tx = columns.recencyArray();
            double worst = 0.0;
            for (int i = 0; i < n; i++) {
                double direct = CDNOW.conditionalExpectedPurchases(horizon, x[i], tx[i], ages[i]);
                if (direct > 1e-3) {
                    worst = Math.max(worst, Math.abs(expected[i] - direct) / direct);
                } else {
                    assertEquals(direct, expected[i], 1e-15);
                }
                assertEquals(CDNOW.probabilityAlive(x[i], tx[i], ages[i]), alive[i], 1e-14);
            }
            assertTrue(worst <= 1e-12, "worst relative error " + worst + " at horizon " + horizon);
        }
    }

    @Test
    void parametersAreInPaperOrder() {
        assertArrayEquals(new String[] {"r", "alpha", "a", "b"}, CDNOW.parameters().keySet().toArray());
        assertEquals("bg-nbd", CDNOW.name());
        assertEquals(TimeUnit.WEEK, CDNOW.timeUnit());
    }
}
