package org.clv4j.models.mbgnbd;

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
import org.clv4j.models.bgnbd.BayesByQuadrature;
import org.junit.jupiter.api.Test;

/**
 * The MBG/NBD model against independent computations: Monte Carlo simulation of the model's story, Bayes' rule by
 * numerical integration over the latent variables, direct summation of the pmf, and hand-computable cases.
 */
class MbgNbdModelTest extends TransactionModelContract {

    /** The CDNOW maximum-likelihood estimates (ours, equal to scipy's to 1e-6). */
    static final MbgNbdModel CDNOW = MbgNbdModel.of(0.5248431, 6.18308454, 0.89135932, 1.61400222, TimeUnit.WEEK);

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
        return List.of(() -> MbgNbdModel.of(0, 1, 1, 1, TimeUnit.WEEK),
                () -> MbgNbdModel.of(1, -1, 1, 1, TimeUnit.WEEK),
                () -> MbgNbdModel.of(1, 1, Double.NaN, 1, TimeUnit.WEEK),
                () -> MbgNbdModel.of(1, 1, 1, Double.POSITIVE_INFINITY, TimeUnit.WEEK));
    }

    @Test
    void invalidArgumentsNameTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MbgNbdModel.of(1, 1, -2, 1, TimeUnit.WEEK));
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
        BayesByQuadrature bayes = new BayesByQuadrature(CDNOW.r(), CDNOW.alpha(), CDNOW.a(), CDNOW.b(), 1);
        double[][] cases = {{2, 30.43, 38.86}, {26, 30.85714, 31}, {10, 20, 39}, {1, 2, 30}};
        for (double[] c : cases) {
            assertEquals(bayes.probabilityAlive(c[0], c[1], c[2]), CDNOW.probabilityAlive(c[0], c[1], c[2]), 1e-8,
                    Arrays.toString(c));
        }
        assertEquals(bayes.probabilityAlive(0, 0, 38.86), CDNOW.probabilityAlive(0, 0, 38.86), 1e-8);
    }

    @Test
    void conditionalExpectationMatchesBayesByNumericalIntegration() {
        BayesByQuadrature bayes = new BayesByQuadrature(CDNOW.r(), CDNOW.alpha(), CDNOW.a(), CDNOW.b(), 1);
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
        BayesByQuadrature bayes = new BayesByQuadrature(CDNOW.r(), CDNOW.alpha(), CDNOW.a(), CDNOW.b(), 1);
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
        double[] x = MbgNbdSimulator.of(CDNOW).simulate(windows, 20_070_901L).frequencyArray();
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
        MbgNbdModel m = MbgNbdModel.of(2, 3, 4, 5, TimeUnit.DAY);
        // P(alive) = 1 / (1 + a/(b + x) ((α + T)/(α + t_x))^(r + x)) with x=1, t_x=2, T=7: 1/(1 + (4/6) * 2^3)
        assertEquals(1.0 / (1.0 + 4.0 / 6.0 * 8.0), m.probabilityAlive(1, 2, 7), 1e-15);
        // x = 0, T = 0: the coin at time 0 alone, P(alive) = b/(a + b)
        assertEquals(5.0 / 9.0, m.probabilityAlive(0, 0, 0), 1e-15);
        // P(X(t) = 0) -> E[p] + E[1-p] P(no purchase) ; at t -> 0 it tends to 1, for huge t to E[p] = a/(a+b)
        assertEquals(4.0 / 9.0, m.probabilityOfPurchases(0, 1e12), 1e-4);
        // a = 1 is not special: E[X(t)] is continuous through it
        double below = MbgNbdModel.of(0.5, 3, 1 - 1e-7, 2, TimeUnit.DAY).expectedPurchases(10);
        double at = MbgNbdModel.of(0.5, 3, 1, 2, TimeUnit.DAY).expectedPurchases(10);
        double above = MbgNbdModel.of(0.5, 3, 1 + 1e-7, 2, TimeUnit.DAY).expectedPurchases(10);
        assertEquals(at, below, 1e-6 * at);
        assertEquals(at, above, 1e-6 * at);
        // small t: E[X(t)] ≈ P(survive the first coin) r t / α = b/(a+b) · r t / α
        assertEquals(2.0 / 3.0 * 0.5 * 1e-6 / 3, MbgNbdModel.of(0.5, 3, 1, 2, TimeUnit.DAY).expectedPurchases(1e-6),
                1e-12);
    }

    @Test
    void extremeInputsStayFinite() {
        MbgNbdModel[] models = {CDNOW, MbgNbdModel.of(1e-6, 1e-6, 1e-6, 1e-6, TimeUnit.WEEK),
            MbgNbdModel.of(1e6, 1e6, 1e6, 1e6, TimeUnit.WEEK), MbgNbdModel.of(50, 0.01, 0.02, 80, TimeUnit.WEEK),
            MbgNbdModel.of(0.01, 500, 30, 0.05, TimeUnit.WEEK)};
        double[][] histories = {{0, 0, 0}, {0, 0, 1e4}, {100_000, 0, 1e4}, {100_000, 1e4, 1e4}, {1, 1e-9, 1e-9},
            {100_000, 39, 39}, {7, 3, 1e5}};
        for (MbgNbdModel m : models) {
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
        SummaryColumns columns = MbgNbdSimulator.of(CDNOW).simulate(ages, 8);
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
        assertEquals("mbg-nbd", CDNOW.name());
        assertEquals(TimeUnit.WEEK, CDNOW.timeUnit());
    }
}
