package org.clv4j.models.bgbb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.special.Beta;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.TransactionModel;
import org.clv4j.models.TransactionModelContract;
import org.junit.jupiter.api.Test;

/**
 * The BG/BB model: the {@link TransactionModelContract}, argument validation, and every prediction checked against
 * an independent computation — Bayes' rule integrated numerically over (p, θ) ({@link BayesIntegration}), direct
 * summation of the series behind the closed forms, and hand-computable cases.
 *
 * <p>Parameters: the donations fit of Fader, Hardie &amp; Shang (2010) as printed in docs/REFERENCES.md.
 */
class BgBbModelTest extends TransactionModelContract {

    static final double ALPHA = 1.2035;
    static final double BETA = 0.7497;
    static final double GAMMA = 0.6568;
    static final double DELTA = 2.7834;
    private static final BgBbModel MODEL = BgBbModel.of(ALPHA, BETA, GAMMA, DELTA, TimeUnit.YEAR);
    private static final BayesIntegration BAYES = new BayesIntegration(ALPHA, BETA, GAMMA, DELTA);

    @Override
    protected TransactionModel model() {
        return MODEL;
    }

    @Override
    protected List<double[]> histories() {
        return List.of(
                new double[] {0, 0, 6}, new double[] {2, 4, 6}, new double[] {6, 6, 6}, new double[] {0, 0, 0},
                new double[] {1, 1, 100}, new double[] {50, 100, 200}, new double[] {3, 3, 1000},
                new double[] {100_000, 100_000, 100_000}, new double[] {1, 1, 100_000},
                new double[] {50_000, 60_000, 100_000}, new double[] {0, 0, 100_000});
    }

    @Override
    protected List<Runnable> invalidConstructions() {
        return List.of(
                () -> BgBbModel.of(0, BETA, GAMMA, DELTA, TimeUnit.YEAR),
                () -> BgBbModel.of(ALPHA, -1, GAMMA, DELTA, TimeUnit.YEAR),
                () -> BgBbModel.of(ALPHA, BETA, Double.NaN, DELTA, TimeUnit.YEAR),
                () -> BgBbModel.of(ALPHA, BETA, GAMMA, Double.POSITIVE_INFINITY, TimeUnit.YEAR),
                () -> BgBbModel.of(Double.NEGATIVE_INFINITY, BETA, GAMMA, DELTA, TimeUnit.YEAR));
    }

    @Test
    void invalidParameterIsNamedInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BgBbModel.of(ALPHA, BETA, -0.5, DELTA, TimeUnit.YEAR));
        assertEquals("BG/BB parameter gamma must be finite and > 0: gamma=-0.5", e.getMessage());
    }

    @Test
    void historiesMustBeWholeNumbersWithXAtMostTxAtMostN() {
        assertMessage("x must be a whole number >= 0: x=1.5", () -> MODEL.probabilityAlive(1.5, 2, 6));
        assertMessage("tx must be a whole number >= 0: tx=2.5", () -> MODEL.probabilityAlive(1, 2.5, 6));
        assertMessage("n must be a whole number >= 0: n=6.1", () -> MODEL.logLikelihood(1, 2, 6.1));
        assertMessage("tx (the period of the last transaction) must be <= n: x=1, tx=7, n=6",
                () -> MODEL.probabilityAlive(1, 7, 6));
        assertMessage("x must be <= tx (at most one transaction per period): x=3, tx=2, n=6",
                () -> MODEL.conditionalExpectedPurchases(1, 3, 2, 6));
        assertMessage("tx must be 0 when x is 0: x=0, tx=2, n=6", () -> MODEL.probabilityAlive(0, 2, 6));
        assertMessage("t must be a whole number >= 0: t=2.5", () -> MODEL.expectedPurchases(2.5));
        assertMessage("t must be a whole number >= 0: t=1.5", () -> MODEL.conditionalExpectedPurchases(1.5, 1, 1, 6));
        assertMessage("m must be a whole number >= 0: m=-1.0", () -> MODEL.probabilityAliveAfter(-1, 1, 1, 6));
        assertThrows(IllegalArgumentException.class, () -> MODEL.expectedPurchases(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> MODEL.probabilityOfPurchases(1, 3.5));
        assertThrows(IllegalArgumentException.class, () -> MODEL.expectedCustomersByFrequency(-1, 6));
        assertThrows(IllegalArgumentException.class, () -> MODEL.expectedCustomersByFrequency(100, -1));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void describesItself() {
        assertEquals("bg-bb", MODEL.name());
        assertEquals(TimeUnit.YEAR, MODEL.timeUnit());
        assertEquals(List.of("alpha", "beta", "gamma", "delta"), List.copyOf(MODEL.parameters().keySet()));
        assertEquals(DELTA, MODEL.parameters().get("delta"), 0.0);
        assertEquals(MODEL, BgBbModel.of(ALPHA, BETA, GAMMA, DELTA, TimeUnit.YEAR));
    }

    /** Direct Bayes integration over (p, θ), relative 1e-8 (the quadrature is good to about 1e-12). */
    @Test
    void probabilityAliveMatchesBayesRuleIntegratedNumerically() {
        int[][] cases = {{0, 0, 6}, {2, 4, 6}, {1, 1, 6}, {4, 5, 6}, {3, 7, 12}, {0, 0, 1}};
        for (int[] c : cases) {
            assertEquals(BAYES.probabilityAlive(c[0], c[1], c[2]), MODEL.probabilityAlive(c[0], c[1], c[2]),
                    1e-8 * BAYES.probabilityAlive(c[0], c[1], c[2]), () -> java.util.Arrays.toString(c));
        }
    }

    @Test
    void conditionalExpectationMatchesBayesRuleIntegratedNumerically() {
        int[][] cases = {{5, 0, 0, 6}, {5, 4, 5, 6}, {10, 4, 5, 6}, {3, 2, 4, 6}, {1, 6, 6, 6}, {8, 3, 7, 12}};
        for (int[] c : cases) {
            double expected = BAYES.conditionalExpected(c[0], c[1], c[2], c[3]);
            assertEquals(expected, MODEL.conditionalExpectedPurchases(c[0], c[1], c[2], c[3]), 1e-8 * expected,
                    () -> java.util.Arrays.toString(c));
        }
    }

    @Test
    void unconditionalExpectationAndCountProbabilitiesMatchBayesRuleIntegratedNumerically() {
        for (int n : new int[] {1, 2, 6, 11}) {
            assertEquals(BAYES.expected(n), MODEL.expectedPurchases(n), 1e-8 * BAYES.expected(n));
        }
        for (int x = 0; x <= 6; x++) {
            double expected = BAYES.probabilityOfCount(x, 6);
            assertEquals(expected, MODEL.probabilityOfPurchases(x, 6), 1e-8 * expected);
        }
    }

    @Test
    void discountedResidualTransactionsMatchBayesRuleIntegratedNumerically() {
        int[][] cases = {{0, 0, 6}, {4, 5, 6}, {6, 6, 6}, {3, 7, 12}};
        for (double d : new double[] {0.1, 0.01}) {
            for (int[] c : cases) {
                double expected = BAYES.discountedResidual(d, c[0], c[1], c[2]);
                assertEquals(expected, MODEL.discountedExpectedResidualTransactions(d, c[0], c[1], c[2]),
                        1e-8 * expected, () -> d + " " + java.util.Arrays.toString(c));
            }
        }
    }

    /** DERT as the sum of discounted increments of the model's own conditional expectations, to 1e-10. */
    @Test
    void discountedResidualTransactionsEqualTheDirectSumOfDiscountedExpectations() {
        for (double d : new double[] {0.1, 0.3}) {
            double direct = 0.0;
            double previous = 0.0;
            for (int k = 1; k <= 600; k++) {
                double cumulative = MODEL.conditionalExpectedPurchases(k, 4, 5, 6);
                direct += (cumulative - previous) / Math.pow(1.0 + d, k);
                previous = cumulative;
            }
            assertEquals(direct, MODEL.discountedExpectedResidualTransactions(d, 4, 5, 6), 1e-10 * direct);
        }
        assertThrows(IllegalArgumentException.class, () -> MODEL.discountedExpectedResidualTransactions(0, 1, 1, 6));
        assertThrows(IllegalArgumentException.class,
                () -> MODEL.discountedExpectedResidualTransactions(Double.NaN, 1, 1, 6));
    }

    /**
     * The closed form used for horizons beyond 1000 periods against term-by-term summation of
     * B(γ, δ+m+j)/B(γ, δ+m), j = 1..k (each term from the previous by the factor (δ+m+j−1)/(γ+δ+m+j−1)), on both
     * sides of γ = 1, at γ = 1 and within 1e-5 of it (the series branch).
     */
    @Test
    void longHorizonClosedFormMatchesDirectSummation() {
        double[] gammas = {GAMMA, 2.5, 1.0, 1.0 + 3e-6, 1.0 - 4e-7, 0.999, 1.0 + 2e-5, 0.05};
        for (double g : gammas) {
            BgBbModel model = BgBbModel.of(ALPHA, BETA, g, DELTA, TimeUnit.YEAR);
            for (int m : new int[] {0, 6, 500}) {
                for (int k : new int[] {1001, 5000, 200_000}) {
                    double term = 1.0;
                    double direct = 0.0;
                    for (int j = 0; j < k; j++) {
                        term *= (DELTA + m + j) / (g + DELTA + m + j);
                        direct += term;
                    }
                    double closed = model.survivalSum(m, k);
                    assertEquals(direct, closed, 1e-10 * direct, "gamma=" + g + " m=" + m + " k=" + k);
                }
            }
        }
    }

    @Test
    void futureAliveProbabilityDecaysByTheSurvivalRatio() {
        assertEquals(MODEL.probabilityAlive(2, 4, 6), MODEL.probabilityAliveAfter(0, 2, 4, 6), 1e-15);
        // customer who transacted in the last period: alive now; one period later (δ+6)/(γ+δ+6)
        assertEquals(1.0, MODEL.probabilityAlive(6, 6, 6), 0.0);
        assertEquals((DELTA + 6) / (GAMMA + DELTA + 6), MODEL.probabilityAliveAfter(1, 6, 6, 6), 1e-14);
        double twoAhead = (DELTA + 6) / (GAMMA + DELTA + 6) * (DELTA + 7) / (GAMMA + DELTA + 7);
        assertEquals(twoAhead, MODEL.probabilityAliveAfter(2, 3, 6, 6), 1e-14);
    }

    /** Hand-computable: E[X(1)] = E[p] P(alive at 1) = α/(α+β) · δ/(γ+δ). */
    @Test
    void firstPeriodExpectationByHand() {
        assertEquals(ALPHA / (ALPHA + BETA) * DELTA / (GAMMA + DELTA), MODEL.expectedPurchases(1), 1e-15);
        assertEquals(0.0, MODEL.expectedPurchases(0), 0.0);
    }

    /** Hand-computable: one opportunity. L(x=0, n=1) = B(α, β+1)B(γ, δ+1)/(B(α,β)B(γ,δ)) + B(γ+1, δ)/B(γ,δ). */
    @Test
    void oneOpportunityLikelihoodByHand() {
        double noPurchaseAlive = BETA / (ALPHA + BETA) * DELTA / (GAMMA + DELTA);
        double droppedAtOnce = GAMMA / (GAMMA + DELTA);
        assertEquals(Math.log(noPurchaseAlive + droppedAtOnce), MODEL.logLikelihood(0, 0, 1), 1e-14);
        assertEquals(Math.log(ALPHA / (ALPHA + BETA) * DELTA / (GAMMA + DELTA)), MODEL.logLikelihood(1, 1, 1),
                1e-14);
        assertEquals(noPurchaseAlive / (noPurchaseAlive + droppedAtOnce), MODEL.probabilityAlive(0, 0, 1), 1e-14);
        assertEquals(0.0, MODEL.logLikelihood(0, 0, 0), 0.0);
    }

    @Test
    void countProbabilitiesSumToOneAndHaveMeanEqualToTheExpectation() {
        for (int n : new int[] {1, 6, 20, 150}) {
            double total = 0.0;
            double mean = 0.0;
            for (int x = 0; x <= n; x++) {
                double p = MODEL.probabilityOfPurchases(x, n);
                total += p;
                mean += x * p;
            }
            assertEquals(1.0, total, 1e-12, "n=" + n);
            assertEquals(MODEL.expectedPurchases(n), mean, 1e-11 * mean, "n=" + n);
            assertEquals(0.0, MODEL.probabilityOfPurchases(n + 1, n), 0.0);
        }
        double[] counts = MODEL.expectedCustomersByFrequency(1000, 8);
        assertEquals(9, counts.length);
        assertEquals(1000.0, java.util.Arrays.stream(counts).sum(), 1e-9);
        assertEquals(1000 * MODEL.probabilityOfPurchases(3, 8), counts[3], 1e-12);
    }

    @Test
    void extremeParametersAndHistoriesStayFinite() {
        BgBbModel[] models = {
            BgBbModel.of(1e-4, 1e4, 50, 1e-3, TimeUnit.YEAR), BgBbModel.of(1e4, 1e-4, 1e-4, 1e4, TimeUnit.YEAR),
            BgBbModel.of(1e-3, 1e-3, 1e-3, 1e-3, TimeUnit.YEAR), BgBbModel.of(500, 500, 500, 500, TimeUnit.YEAR)};
        for (BgBbModel m : models) {
            for (double[] h : histories()) {
                double ll = m.logLikelihood(h[0], h[1], h[2]);
                double alive = m.probabilityAlive(h[0], h[1], h[2]);
                double expected = m.conditionalExpectedPurchases(10, h[0], h[1], h[2]);
                double longRun = m.conditionalExpectedPurchases(1e6, h[0], h[1], h[2]);
                double dert = m.discountedExpectedResidualTransactions(0.05, h[0], h[1], h[2]);
                String where = m + " " + java.util.Arrays.toString(h);
                assertTrue(Double.isFinite(ll) && ll <= 1e-12, where + " ll=" + ll);
                assertTrue(alive >= 0.0 && alive <= 1.0, where + " alive=" + alive);
                assertTrue(Double.isFinite(expected) && expected >= 0.0 && expected <= 10.0, where + " " + expected);
                assertTrue(Double.isFinite(longRun) && longRun >= expected, where + " " + longRun);
                assertTrue(Double.isFinite(dert) && dert >= 0.0, where + " dert=" + dert);
            }
            assertTrue(Double.isFinite(m.expectedPurchases(1e6)));
        }
    }

    /** A history far from the alive branch: the dropout terms dominate by e^700 and nothing overflows. */
    @Test
    void longSilenceAfterManyTransactionsIsFinite() {
        BgBbModel m = BgBbModel.of(50, 0.5, 0.5, 50, TimeUnit.DAY);
        double ll = m.logLikelihood(5000, 5000, 100_000);
        assertTrue(Double.isFinite(ll), "ll=" + ll);
        assertEquals(0.0, m.probabilityAlive(5000, 5000, 100_000), 1e-300);
    }

    @Test
    void scoringMatchesOneByOneAndRejectsBadRows() {
        Donations d = Donations.load();
        SummaryColumns columns = d.columns();
        double[] expected = new double[columns.size()];
        double[] alive = new double[columns.size()];
        MODEL.score(columns, 5, expected, alive);
        for (int i = 0; i < columns.size(); i++) {
            assertEquals(MODEL.conditionalExpectedPurchases(5, d.x[i], d.tx[i], d.n[i]), expected[i], 0.0);
            assertEquals(MODEL.probabilityAlive(d.x[i], d.tx[i], d.n[i]), alive[i], 0.0);
        }
        double[] onlyExpected = new double[columns.size()];
        MODEL.score(columns, 5, onlyExpected, null);
        assertArrayEquals(expected, onlyExpected, 0.0);
        SummaryColumns weeks = SummaryColumns.of(d.x, d.tx, d.n, null, null, TimeUnit.WEEK);
        assertThrows(IllegalArgumentException.class, () -> MODEL.score(weeks, 5, expected, alive));
        SummaryColumns bad = SummaryColumns.of(new double[] {1, 3}, new double[] {1, 2}, new double[] {6, 6}, null,
                null, TimeUnit.YEAR);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MODEL.score(bad, 5, new double[2], null));
        assertTrue(e.getMessage().startsWith("row 1: x must be <= tx"), e.getMessage());
    }

    /** The DERT closed form of the paper, written with B(γ, δ+n+1) and 2F1, against the implementation. */
    @Test
    void dertClosedFormOfThePaper() {
        double d = 0.1;
        int x = 4;
        int tx = 5;
        int n = 6;
        double logL = MODEL.logLikelihood(x, tx, n);
        double paper = Math.exp(Beta.logBeta(ALPHA + x + 1, BETA + n - x) - Beta.logBeta(ALPHA, BETA)
                + Beta.logBeta(GAMMA, DELTA + n + 1) - Beta.logBeta(GAMMA, DELTA) - logL) / (1 + d)
                * Hypergeometric.f21(DELTA + n + 1, GAMMA + DELTA + n + 1, 1 / (1 + d));
        assertEquals(paper, MODEL.discountedExpectedResidualTransactions(d, x, tx, n), 1e-13 * paper);
    }
}
