package org.clv4j.models.bgbb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.junit.jupiter.api.Test;

/**
 * Monte Carlo checks: customers simulated by the model's story (not by its formulas) at the donations parameters,
 * compared with the model's P(X(n) = x), P(alive) and conditional expectations. Tolerances are 4.5 Monte Carlo
 * standard errors, computed from the simulated data; the seed is fixed, so the test is deterministic.
 */
class BgBbSimulatorTest {

    private static final BgBbModel MODEL = BgBbModel.of(BgBbModelTest.ALPHA, BgBbModelTest.BETA,
            BgBbModelTest.GAMMA, BgBbModelTest.DELTA, TimeUnit.YEAR);

    @Test
    void sameSeedSameCustomers() {
        SummaryColumns a = BgBbSimulator.of(MODEL, 7).simulate(1000, 6);
        SummaryColumns b = BgBbSimulator.of(MODEL, 7).simulate(1000, 6);
        assertArrayEquals(a.frequencyArray(), b.frequencyArray());
        assertArrayEquals(a.recencyArray(), b.recencyArray());
        assertEquals(TimeUnit.YEAR, a.timeUnit());
    }

    @Test
    void repeatFrequencyDistributionMatchesTheModel() {
        int customers = 200_000;
        SummaryColumns data = BgBbSimulator.of(MODEL, 2010).simulate(customers, 6);
        double[] counts = new double[7];
        for (double x : data.frequencyArray()) {
            counts[(int) x]++;
        }
        for (int x = 0; x <= 6; x++) {
            double p = MODEL.probabilityOfPurchases(x, 6);
            double se = Math.sqrt(customers * p * (1 - p));
            assertEquals(customers * p, counts[x], 4.5 * se, "x=" + x);
        }
    }

    @Test
    void aliveFractionsAndHoldoutTransactionsMatchTheModelPerHistory() {
        int customers = 200_000;
        BgBbSimulator.Panel panel = BgBbSimulator.of(MODEL, 1995).simulatePanel(customers, 6, 5);
        double[] x = panel.calibration().frequencyArray();
        double[] tx = panel.calibration().recencyArray();
        int[][] histories = {{0, 0}, {1, 1}, {2, 4}, {4, 5}, {6, 6}, {3, 6}};
        for (int[] h : histories) {
            int count = 0;
            double alive = 0;
            double sum = 0;
            double sumSquares = 0;
            for (int i = 0; i < customers; i++) {
                if (x[i] == h[0] && tx[i] == h[1]) {
                    count++;
                    alive += panel.aliveAtEnd()[i] ? 1 : 0;
                    double y = panel.holdoutTransactions()[i];
                    sum += y;
                    sumSquares += y * y;
                }
            }
            assertTrue(count > 1000, "too few customers with history " + h[0] + "," + h[1] + ": " + count);
            double pAlive = MODEL.probabilityAlive(h[0], h[1], 6);
            double aliveFraction = alive / count;
            assertEquals(pAlive, aliveFraction, 4.5 * Math.sqrt(Math.max(pAlive * (1 - pAlive), 1e-4) / count),
                    "P(alive) for " + h[0] + "," + h[1]);
            double mean = sum / count;
            double variance = sumSquares / count - mean * mean;
            assertEquals(MODEL.conditionalExpectedPurchases(5, h[0], h[1], 6), mean,
                    4.5 * Math.sqrt(variance / count), "E[holdout] for " + h[0] + "," + h[1]);
        }
    }
}
