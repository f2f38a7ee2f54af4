package org.clv4j.models.predictive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.CdnowSample;
import org.clv4j.models.ClvCalculator;
import org.clv4j.models.TransactionModel;
import org.clv4j.models.bgnbd.BgNbdModel;
import org.clv4j.models.gammagamma.GammaGammaModel;
import org.junit.jupiter.api.Test;

/**
 * Probabilistic CLV checked by hand-computable cases (a Poisson process that never ends, whose CLV is a geometric
 * series in closed form), by a published prediction (BG/NBD, Fader, Hardie &amp; Lee 2005) valued with a
 * hand-evaluated Gamma-Gamma mean, by a brute-force re-summation of the discounted sum, and for consistency
 * between the single-customer and the columnar (parallel) paths.
 */
class ProbabilisticClvTest {

    /** BG/NBD fitted to CDNOW (docs/REFERENCES.md). */
    static final BgNbdModel BG_NBD = BgNbdModel.of(0.2426, 4.4135, 0.7929, 2.4259, TimeUnit.WEEK);
    /** Gamma-Gamma fitted to CDNOW (docs/REFERENCES.md). */
    static final GammaGammaModel GAMMA_GAMMA = GammaGammaModel.of(6.2488, 3.7446, 15.448);

    @Test
    void oneStepByHand() {
        // Gamma-Gamma p = 2, q = 3, γ = 10; x = 2, m̄ = 20: m = p (γ + x m̄) / (p x + q − 1) = 2 · 50 / 6 = 50/3.
        // Poisson rate 0.5 per week, one step of 4 weeks: 2 purchases expected; d = 0.25, margin 0.5:
        // CLV = 0.5 · 50/3 · 2 / 1.25 = 40/3.
        ProbabilisticClv clv = ProbabilisticClv.of(new PoissonForever(0.5, TimeUnit.WEEK),
                GammaGammaModel.of(2, 3, 10), ProbabilisticClvOptions.defaults().withSteps(1).withStepLength(4)
                        .withDiscountRate(0.25).withMargin(0.5));
        assertEquals(40.0 / 3.0, clv.customerValue(2, 10, 20, 20), 1e-12);
        assertEquals(4.0, clv.horizon(), 0.0);
    }

    @Test
    void manyStepsOfAConstantRateAreAGeometricSeries() {
        // E[X(i s)] − E[X((i−1) s)] = λ s for every step, so CLV = margin · m · λ s · Σ_{i=1..H} (1+d)^−i
        //                                                     = margin · m · λ s · (1 − (1+d)^−H) / d.
        double lambda = 0.3;
        double s = 30.4375;  // a month in days
        double d = 0.02;
        int h = 36;
        GammaGammaModel spend = GammaGammaModel.of(2, 3, 10);
        ProbabilisticClv clv = ProbabilisticClv.of(new PoissonForever(lambda, TimeUnit.DAY), spend,
                ProbabilisticClvOptions.defaults().withSteps(h).withStep(TimeUnit.MONTH).withDiscountRate(d)
                        .withMargin(0.3));
        assertEquals(s, clv.stepLength(), 1e-12);
        double m = 2.0 * (10 + 3 * 12.5) / (2 * 3 + 3 - 1);  // x = 3, m̄ = 12.5
        double expected = 0.3 * m * lambda * s * (1 - Math.pow(1 + d, -h)) / d;
        assertEquals(expected, clv.customerValue(3, 50, 60, 12.5), 1e-10 * expected);
    }

    @Test
    void oneStepOfTheBgNbdPublishedPrediction() {
        // Fader, Hardie & Lee (2005): x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in the next 39 weeks.
        // Gamma-Gamma at x = 2, m̄ = 22.35 by hand: 6.2488 (15.448 + 44.7) / (12.4976 + 2.7446) = 375.8528 / 15.2422
        // = 24.6587. One undiscounted step of 39 weeks: CLV = 24.6587 × 1.226 = 30.23 (to the 4 digits of 1.226).
        double m = 6.2488 * (15.448 + 2 * 22.35) / (6.2488 * 2 + 3.7446 - 1);
        assertEquals(24.6587, m, 1e-4);
        ProbabilisticClv clv = ProbabilisticClv.of(BG_NBD, GAMMA_GAMMA,
                ProbabilisticClvOptions.defaults().withSteps(1).withStepLength(39));
        assertEquals(m * 1.226, clv.customerValue(2, 30.43, 38.86, 22.35), m * 0.0005);
        // discounted at 10% for the one step, and at margin 0.2
        ProbabilisticClv discounted = ProbabilisticClv.of(BG_NBD, GAMMA_GAMMA, ProbabilisticClvOptions.defaults()
                .withSteps(1).withStepLength(39).withDiscountRate(0.1).withMargin(0.2));
        assertEquals(0.2 * m * 1.226 / 1.1, discounted.customerValue(2, 30.43, 38.86, 22.35), m * 0.0005);
    }

    @Test
    void discountedSumAgreesWithSummationByParts() {
        // Σ_{i=1..H} (E_i − E_{i−1}) v_i = E_H v_H + Σ_{i=1..H−1} E_i (v_i − v_{i+1}) with v_i = (1+d)^−i:
        // the same value from the cumulative expectations alone, summed in another order.
        int h = 24;
        double s = 4.345;
        double d = 0.01;
        ProbabilisticClv clv = ProbabilisticClv.of(BG_NBD, GAMMA_GAMMA, ProbabilisticClvOptions.defaults()
                .withSteps(h).withStepLength(s).withDiscountRate(d).withMargin(0.35));
        double[][] customers = {{2, 30.43, 38.86, 22.35}, {0, 0, 38.86, 0}, {10, 37, 38, 50}, {29, 37.71, 38, 30},
                {5, 10, 39, 100}};
        for (double[] c : customers) {
            double m = c[0] == 0 ? 6.2488 * 15.448 / (3.7446 - 1)
                    : 6.2488 * (15.448 + c[0] * c[3]) / (6.2488 * c[0] + 3.7446 - 1);
            double byParts = BG_NBD.conditionalExpectedPurchases(h * s, c[0], c[1], c[2]) * Math.pow(1 + d, -h);
            for (int i = 1; i < h; i++) {
                double e = BG_NBD.conditionalExpectedPurchases(i * s, c[0], c[1], c[2]);
                byParts += e * (Math.pow(1 + d, -i) - Math.pow(1 + d, -(i + 1)));
            }
            double expected = 0.35 * m * byParts;
            assertEquals(expected, clv.customerValue(c[0], c[1], c[2], c[3]), 1e-12 * expected,
                    () -> java.util.Arrays.toString(c));
        }
    }

    @Test
    void withoutDiscountingTheSumTelescopes() {
        ProbabilisticClv clv = ProbabilisticClv.of(BG_NBD, GAMMA_GAMMA,
                ProbabilisticClvOptions.defaults().withSteps(12).withStepLength(4.345));
        double m = GAMMA_GAMMA.expectedAverageValue(10, 50);
        double e = BG_NBD.conditionalExpectedPurchases(12 * 4.345, 10, 37, 38);
        assertEquals(m * e, clv.customerValue(10, 37, 38, 50), 1e-12 * m * e);
    }

    @Test
    void columnsAgreeWithSingleCustomersAndWeightsCountInTheTotal() {
        SummaryColumns cdnow = CdnowSample.calibrationWithMonetaryValue();
        ProbabilisticClvOptions options = ProbabilisticClvOptions.defaults().withSteps(12).withStepLength(4.345)
                .withDiscountRate(0.01).withMargin(0.4);
        ProbabilisticClvResult result = ClvCalculator.probabilistic(BG_NBD, GAMMA_GAMMA, cdnow, options);
        ProbabilisticClv one = ProbabilisticClv.of(BG_NBD, GAMMA_GAMMA, options);
        double[] x = cdnow.frequency();
        double[] tx = cdnow.recency();
        double[] bigT = cdnow.T();
        double[] m = cdnow.monetaryValue();
        double sum = 0.0;
        for (int i = 0; i < cdnow.size(); i++) {
            double expected = one.customerValue(x[i], tx[i], bigT[i], m[i]);
            assertEquals(expected, result.clv(i), 1e-12 * Math.max(1.0, expected), "row " + i);
            assertEquals(BG_NBD.conditionalExpectedPurchases(12 * 4.345, x[i], tx[i], bigT[i]),
                    result.expectedPurchases(i), 1e-12, "row " + i);
            assertEquals(BG_NBD.probabilityAlive(x[i], tx[i], bigT[i]), result.probabilityAlive(i), 1e-12);
            assertEquals(GAMMA_GAMMA.expectedAverageValue(x[i], m[i]), result.expectedAverageValue(i), 1e-12);
            sum += expected;
        }
        assertEquals(2357, result.size());
        assertEquals(2357.0, result.customers(), 0.0);
        assertEquals(sum, result.total(), 1e-9 * sum);
        assertEquals(sum / 2357, result.mean(), 1e-9 * sum);
        assertEquals(12 * 4.345, result.horizon(), 1e-12);
        assertEquals(TimeUnit.WEEK, result.timeUnit());

        // the same customers as weighted, distinct rows: the total counts each row weight times
        double[] w = new double[cdnow.size()];
        java.util.Arrays.fill(w, 3.0);
        SummaryColumns tripled = SummaryColumns.of(x, tx, bigT, m, w, TimeUnit.WEEK);
        ProbabilisticClvResult weighted = ClvCalculator.probabilistic(BG_NBD, GAMMA_GAMMA, tripled, options);
        assertEquals(3 * sum, weighted.total(), 1e-9 * sum);
        assertEquals(result.mean(), weighted.mean(), 1e-9 * sum);
    }

    @Test
    void largeInputsTakeTheParallelPathWithTheSameValues() {
        // 100,000 rows (> 2 chunks of ParallelSum): rows checked against the single-customer formula
        int n = 100_000;
        SplittableRandom random = new SplittableRandom(20240501L);
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] bigT = new double[n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            bigT[i] = 1 + 77 * random.nextDouble();
            x[i] = random.nextInt(12);
            tx[i] = x[i] == 0 ? 0 : bigT[i] * random.nextDouble();
            m[i] = x[i] == 0 ? 0 : 5 + 100 * random.nextDouble();
        }
        SummaryColumns columns = SummaryColumns.of(x, tx, bigT, m, null, TimeUnit.WEEK);
        ProbabilisticClvOptions options = ProbabilisticClvOptions.defaults().withSteps(6).withStepLength(4.345)
                .withDiscountRate(0.01);
        ProbabilisticClvResult result = ProbabilisticClv.of(BG_NBD, GAMMA_GAMMA, options).calculate(columns);
        ProbabilisticClv one = ProbabilisticClv.of(BG_NBD, GAMMA_GAMMA, options);
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double expected = one.customerValue(x[i], tx[i], bigT[i], m[i]);
            if (i % 97 == 0) {
                assertEquals(expected, result.clv(i), 1e-12 * Math.max(1.0, expected), "row " + i);
            }
            sum += expected;
        }
        assertEquals(sum, result.total(), 1e-9 * sum);
    }

    @Test
    void aSpendModelWithoutAMeanIsRefused() {
        GammaGammaModel heavyTailed = GammaGammaModel.of(6.0, 0.9, 15.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProbabilisticClv.of(BG_NBD,
                heavyTailed, ProbabilisticClvOptions.defaults()));
        assertTrue(e.getMessage().contains("q > 1") && e.getMessage().contains("q=0.9"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProbabilisticClv.of(BG_NBD,
                GammaGammaModel.of(6.0, 1.0, 15.0), ProbabilisticClvOptions.defaults()));
    }

    @Test
    void anInvalidModelValueIsNeverReturnedSilently() {
        // a broken transaction model that answers NaN for customers with x = 7
        PoissonForever poisson = new PoissonForever(0.5, TimeUnit.WEEK);
        TransactionModel broken = new TransactionModel() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public TimeUnit timeUnit() {
                return TimeUnit.WEEK;
            }

            @Override
            public java.util.Map<String, Double> parameters() {
                return poisson.parameters();
            }

            @Override
            public double expectedPurchases(double t) {
                return poisson.expectedPurchases(t);
            }

            @Override
            public double conditionalExpectedPurchases(double t, double x, double tx, double T) {
                return x == 7 ? Double.NaN : poisson.conditionalExpectedPurchases(t, x, tx, T);
            }

            @Override
            public double probabilityAlive(double x, double tx, double T) {
                return 1.0;
            }

            @Override
            public double probabilityOfPurchases(int n, double t) {
                return poisson.probabilityOfPurchases(n, t);
            }

            @Override
            public double logLikelihood(double x, double tx, double T) {
                return poisson.logLikelihood(x, tx, T);
            }
        };
        SummaryColumns columns = SummaryColumns.of(new double[] {1, 7, 2}, new double[] {3, 8, 4},
                new double[] {10, 10, 10}, new double[] {5, 6, 7}, null, TimeUnit.WEEK);
        ProbabilisticClv clv = ProbabilisticClv.of(broken, GAMMA_GAMMA, ProbabilisticClvOptions.defaults());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> clv.calculate(columns));
        assertTrue(e.getMessage().contains("the CLV of row 1 is not finite"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> clv.customerValue(7, 8, 10, 6));
    }

    @Test
    void timeUnitsMustMatch() {
        SummaryColumns days = SummaryColumns.of(new double[] {1}, new double[] {10}, new double[] {20}, new double[] {
                5}, null, TimeUnit.DAY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClvCalculator.probabilistic(BG_NBD, GAMMA_GAMMA, days, ProbabilisticClvOptions.defaults()));
        assertTrue(e.getMessage().contains("summaries are in day") && e.getMessage().contains("in week"),
                e.getMessage());
    }

    @Test
    void stepUnitsAreConvertedToTheModelUnit() {
        TransactionModel weekly = new PoissonForever(1.0, TimeUnit.WEEK);
        ProbabilisticClv monthly = ProbabilisticClv.of(weekly, GAMMA_GAMMA, ProbabilisticClvOptions.defaults());
        assertEquals(30.4375 / 7.0, monthly.stepLength(), 1e-15);
        assertEquals(12 * 30.4375 / 7.0, monthly.horizon(), 1e-12);
        ProbabilisticClv yearly = ProbabilisticClv.of(weekly, GAMMA_GAMMA,
                ProbabilisticClvOptions.defaults().withStep(TimeUnit.YEAR).withSteps(3));
        assertEquals(365.25 / 7.0, yearly.stepLength(), 1e-15);
    }

    @Test
    void invalidOptionsAreRejected() {
        ProbabilisticClvOptions o = ProbabilisticClvOptions.defaults();
        assertThrows(IllegalArgumentException.class, () -> o.withSteps(0));
        assertThrows(IllegalArgumentException.class, () -> o.withSteps(ProbabilisticClvOptions.MAX_STEPS + 1));
        assertThrows(IllegalArgumentException.class, () -> o.withStepLength(0));
        assertThrows(IllegalArgumentException.class, () -> o.withStepLength(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> o.withStepLength(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> o.withDiscountRate(-0.01));
        assertThrows(IllegalArgumentException.class, () -> o.withDiscountRate(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> o.withMargin(1.5));
        assertThrows(IllegalArgumentException.class, () -> o.withMargin(-0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> o.withMargin(2));
        assertTrue(e.getMessage().contains("margin=2.0"), e.getMessage());
        assertEquals(12, o.steps());
        assertEquals(0.0, o.discountRate());
        assertEquals(1.0, o.margin());
        ProbabilisticClv bad = ProbabilisticClv.of(BG_NBD, GAMMA_GAMMA, o);
        assertThrows(IllegalArgumentException.class, () -> bad.customerValue(-1, 0, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> bad.customerValue(2, 11, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> bad.customerValue(2, 5, 10, -5));
    }
}
