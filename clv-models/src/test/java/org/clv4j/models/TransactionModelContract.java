package org.clv4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TransactionModel} keeps. Each model's test extends this class and supplies a fitted
 * model, representative customer histories, and invalid constructions.
 */
public abstract class TransactionModelContract {

    /**
     * The model under test, at realistic parameters.
     *
     * @return the model
     */
    protected abstract TransactionModel model();

    /**
     * Representative histories {x, t_x, T} (or {x, t_x, n} for discrete models), including edge cases: x = 0,
     * t_x = T, many purchases.
     *
     * @return the histories
     */
    protected abstract List<double[]> histories();

    /**
     * Constructions that must be rejected with {@link IllegalArgumentException} (invalid parameters).
     *
     * @return the constructions
     */
    protected abstract List<Runnable> invalidConstructions();

    /**
     * Horizons at which expectations are checked, increasing, starting at 0.
     *
     * @return the horizons
     */
    protected double[] horizons() {
        return new double[] {0, 1, 2, 5, 10, 39, 52, 100};
    }

    @Test
    public void invalidParametersAreRejected() {
        for (Runnable construction : invalidConstructions()) {
            assertThrows(IllegalArgumentException.class, construction::run);
        }
    }

    @Test
    public void probabilityAliveIsAProbability() {
        for (double[] h : histories()) {
            double p = model().probabilityAlive(h[0], h[1], h[2]);
            assertTrue(p >= 0.0 && p <= 1.0, "P(alive) = " + p + " for " + java.util.Arrays.toString(h));
        }
    }

    @Test
    public void logLikelihoodIsFinite() {
        for (double[] h : histories()) {
            double ll = model().logLikelihood(h[0], h[1], h[2]);
            assertTrue(Double.isFinite(ll), "log-likelihood = " + ll + " for " + java.util.Arrays.toString(h));
        }
    }

    @Test
    public void expectationsAreZeroAtZeroAndNonDecreasing() {
        TransactionModel m = model();
        assertEquals(0.0, m.expectedPurchases(0.0), 0.0);
        double previous = 0.0;
        for (double t : horizons()) {
            double e = m.expectedPurchases(t);
            assertTrue(Double.isFinite(e) && e >= previous - 1e-12, "E[X(" + t + ")] = " + e);
            previous = e;
        }
        for (double[] h : histories()) {
            assertEquals(0.0, m.conditionalExpectedPurchases(0.0, h[0], h[1], h[2]), 1e-12);
            double prev = 0.0;
            for (double t : horizons()) {
                double e = m.conditionalExpectedPurchases(t, h[0], h[1], h[2]);
                assertTrue(Double.isFinite(e) && e >= prev - 1e-12,
                        "E[Y(" + t + ")] = " + e + " for " + java.util.Arrays.toString(h));
                prev = e;
            }
        }
    }

    @Test
    public void purchaseCountProbabilitiesAreProbabilities() {
        TransactionModel m = model();
        for (double t : horizons()) {
            double total = 0.0;
            for (int n = 0; n < 200; n++) {
                double p = m.probabilityOfPurchases(n, t);
                assertTrue(p >= 0.0 && p <= 1.0, "P(X(" + t + ") = " + n + ") = " + p);
                total += p;
            }
            assertTrue(total <= 1.0 + 1e-9, "probabilities sum to " + total + " at t=" + t);
        }
        assertEquals(1.0, m.probabilityOfPurchases(0, 0.0), 1e-12);
    }

    @Test
    public void negativeArgumentsAreRejected() {
        TransactionModel m = model();
        assertThrows(IllegalArgumentException.class, () -> m.expectedPurchases(-1.0));
        assertThrows(IllegalArgumentException.class, () -> m.probabilityAlive(-1.0, 0.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> m.probabilityAlive(1.0, 2.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> m.conditionalExpectedPurchases(Double.NaN, 1, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> m.probabilityOfPurchases(-1, 1.0));
    }
}
