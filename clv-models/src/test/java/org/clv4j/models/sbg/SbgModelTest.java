package org.clv4j.models.sbg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sBG model's predictions against independent computations. */
class SbgModelTest {

    private static final SbgModel REGULAR = SbgModel.of(0.704, 1.182);
    private static final SbgModel HIGH_END = SbgModel.of(0.668, 3.806);
    private static final SbgModel[] MODELS = {REGULAR, HIGH_END, SbgModel.of(0.02, 0.05), SbgModel.of(3.5, 0.4),
        SbgModel.of(40.0, 250.0), SbgModel.of(1.0, 1.0)};

    @ParameterizedTest
    @CsvSource({"0, 1", "-1, 1", "NaN, 1", "Infinity, 1", "1, 0", "1, -2", "1, NaN", "1, Infinity"})
    void rejectsInvalidParameters(double alpha, double beta) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SbgModel.of(alpha, beta));
        String name = alpha > 0 && Double.isFinite(alpha) ? "beta" : "alpha";
        double value = name.equals("alpha") ? alpha : beta;
        assertTrue(e.getMessage().startsWith(name + " must be finite and > 0: " + name + "=" + value),
                e.getMessage());
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> REGULAR.survival(-1));
        assertThrows(IllegalArgumentException.class, () -> REGULAR.survivalCurve(-1));
        assertThrows(IllegalArgumentException.class, () -> REGULAR.retentionRate(0));
        assertThrows(IllegalArgumentException.class, () -> REGULAR.probabilityOfChurnInPeriod(0));
        assertThrows(IllegalArgumentException.class, () -> REGULAR.expectedSurvivors(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> REGULAR.projectSurvivors(Double.NaN, 2));
        assertThrows(IllegalArgumentException.class, () -> REGULAR.discountedExpectedResidualLifetime(0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> REGULAR.discountedExpectedLifetime(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> REGULAR.expectedLifetimeValue(Double.NaN, 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> REGULAR.expectedResidualLifetimeValue(Double.POSITIVE_INFINITY, 0.1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> REGULAR.discountedExpectedResidualLifetime(0.0, 3));
        assertEquals("discount rate must be finite and >= 1.0E-6 per period: d=0.0 (for d = 0 see "
                + "expectedLifetime())", e.getMessage());
        assertEquals("n must be >= 1: n=0", assertThrows(IllegalArgumentException.class,
                () -> REGULAR.discountedExpectedResidualLifetime(0.1, 0)).getMessage());
    }

    /** Beta-function form of S(t) and P(T = t) against the product of retention rates, to period 2000. */
    @Test
    void survivalMatchesProductOfRetentionRates() {
        for (SbgModel m : MODELS) {
            double product = 1.0;
            assertEquals(1.0, m.survival(0));
            for (int t = 1; t <= 2000; t++) {
                double previous = product;
                double r = (m.beta() + t - 1) / (m.alpha() + m.beta() + t - 1);
                product *= r;
                assertEquals(r, m.retentionRate(t), 1e-15);
                assertEquals(product, m.survival(t), 1e-12 * product, m + " t=" + t);
                assertEquals(previous - product, m.probabilityOfChurnInPeriod(t), 1e-12 * previous,
                        m + " t=" + t);
            }
        }
    }

    /** Hand computation: S(1) = β/(α+β), S(2) = β(β+1)/((α+β)(α+β+1)), P(T=1) = α/(α+β). */
    @Test
    void handComputedCase() {
        SbgModel m = SbgModel.of(1.0, 3.0);
        assertEquals(0.75, m.survival(1), 1e-15);
        assertEquals(0.6, m.survival(2), 1e-15);
        assertEquals(0.25, m.probabilityOfChurnInPeriod(1), 1e-15);
        assertEquals(0.15, m.probabilityOfChurnInPeriod(2), 1e-15);
        assertEquals(0.8, m.retentionRate(2), 1e-15);
        assertArrayEquals(new double[] {200, 150, 120}, m.projectSurvivors(200, 2), 1e-12);
        assertEquals(120, m.expectedSurvivors(200, 2), 1e-12);
        // α = β = 1: θ uniform, S(t) = 1/(t + 1)
        assertEquals(1.0 / 11.0, SbgModel.of(1.0, 1.0).survival(10), 1e-15);
    }

    /** P(T = t) summed over t = 1..n plus S(n) is 1. */
    @Test
    void probabilitiesSumToOne() {
        for (SbgModel m : MODELS) {
            double sum = 0.0;
            for (int t = 1; t <= 300; t++) {
                sum += m.probabilityOfChurnInPeriod(t);
            }
            assertEquals(1.0, sum + m.survival(300), 1e-12, m.toString());
        }
    }

    /** E[T] = (α+β−1)/(α−1) against the direct sum Σ S(t) (α = 3.5: the tail after 10^6 terms is below 1e-9). */
    @Test
    void expectedLifetimeMatchesDirectSummation() {
        SbgModel m = SbgModel.of(3.5, 0.4);
        double sum = 0.0;
        double s = 1.0;
        for (int t = 0; t < 1_000_000; t++) {
            sum += s;
            s *= (m.beta() + t) / (m.alpha() + m.beta() + t);
        }
        assertEquals(sum, m.expectedLifetime(), 1e-8);
        assertEquals(2.9 / 2.5, m.expectedLifetime(), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, REGULAR.expectedLifetime());
        assertEquals(Double.POSITIVE_INFINITY, SbgModel.of(1.0, 2.0).expectedLifetime());
    }

    /**
     * DERL and DEL (2F1 series) against direct summation of S(t)/S(n−1)/(1+d)^(t−n) with S from the product of
     * retention rates, summed until the terms are below 1e-18 of the sum.
     */
    @Test
    void discountedLifetimesMatchDirectSummation() {
        double[] rates = {0.01, 0.1, 0.25, 1.0, 5.0};
        for (SbgModel m : MODELS) {
            for (double d : rates) {
                assertEquals(directDerl(m, d, 1, true), m.discountedExpectedLifetime(d),
                        1e-12 * m.discountedExpectedLifetime(d), m + " d=" + d);
                for (int n : new int[] {1, 2, 5, 13, 100}) {
                    double expected = directDerl(m, d, n, false);
                    assertEquals(expected, m.discountedExpectedResidualLifetime(d, n), 1e-12 * expected,
                            m + " d=" + d + " n=" + n);
                }
            }
        }
    }

    /** Σ_{t≥n} S(t)/S(n−1) z^(t−n), or for DEL Σ_{t≥0} S(t) z^t. */
    private static double directDerl(SbgModel m, double d, int n, boolean del) {
        double z = 1.0 / (1.0 + d);
        int first = del ? 0 : n;
        // conditional survival S(t)/S(n-1) as a product of retention rates r_n ... r_t
        double conditional = 1.0;
        int start = del ? 1 : n;
        double sum = 0.0;
        double discount = 1.0;
        for (int t = first; ; t++) {
            if (!del || t > 0) {
                conditional *= (m.beta() + t - 1) / (m.alpha() + m.beta() + t - 1);
            }
            double term = conditional * discount;
            sum += term;
            if (t > start + 10 && term < 1e-18 * sum) {
                return sum;
            }
            discount *= z;
        }
    }

    /**
     * 30-digit references from mpmath 1.3.0 {@code hyp2f1(1, b+n, a+b+n, z)} times (β+n−1)/(α+β+n−1) at the
     * paper's regular and high-end parameters, z = 1/(1+d).
     */
    @Test
    void derlMatchesHighPrecisionReferences() {
        assertEquals(2.9646621461320315, REGULAR.discountedExpectedResidualLifetime(0.1, 1), 1e-13);
        assertEquals(4.1034586195985724, REGULAR.discountedExpectedResidualLifetime(0.1, 2), 1e-13);
        assertEquals(5.8944228598441600, REGULAR.discountedExpectedResidualLifetime(0.1, 5), 1e-13);
        assertEquals(7.2786182342018969, REGULAR.discountedExpectedResidualLifetime(0.1, 10), 1e-13);
        assertEquals(3.6951474055745741, REGULAR.discountedExpectedLifetime(0.1), 1e-13);
        assertEquals(8.5029471720112698, REGULAR.discountedExpectedResidualLifetime(0.01, 1), 1e-12);
        assertEquals(29.714523614328990, REGULAR.discountedExpectedResidualLifetime(0.01, 10), 1e-11);
        assertEquals(9.4187595762487820, REGULAR.discountedExpectedLifetime(0.01), 1e-12);
        assertEquals(4.8701373665342008, REGULAR.discountedExpectedResidualLifetime(0.1, 3), 1e-13);
        assertEquals(5.4423913221203944, REGULAR.discountedExpectedResidualLifetime(0.1, 4), 1e-13);
        assertEquals(5.4148560483740392, HIGH_END.discountedExpectedResidualLifetime(0.1, 1), 1e-13);
        assertEquals(5.9017531677530209, HIGH_END.discountedExpectedResidualLifetime(0.1, 2), 1e-13);
        assertEquals(6.8970573977460890, HIGH_END.discountedExpectedResidualLifetime(0.1, 5), 1e-13);
        assertEquals(7.8434047532126414, HIGH_END.discountedExpectedResidualLifetime(0.1, 10), 1e-13);
        assertEquals(5.9225964076127628, HIGH_END.discountedExpectedLifetime(0.1), 1e-13);
    }

    /** DEL = 1 + DERL(d, 1)/(1 + d): the first payment now, the rest one renewal later. CLV = margin × DERL. */
    @Test
    void lifetimeValuesFollowFromDiscountedLifetimes() {
        for (SbgModel m : MODELS) {
            double d = 0.1;
            assertEquals(m.discountedExpectedLifetime(d), 1.0 + m.discountedExpectedResidualLifetime(d, 1) / 1.1,
                    1e-12 * m.discountedExpectedLifetime(d));
            assertEquals(50.0 * m.discountedExpectedResidualLifetime(d, 4),
                    m.expectedResidualLifetimeValue(50.0, d, 4), 1e-12 * m.expectedResidualLifetimeValue(50.0, d, 4));
            assertEquals(50.0 * m.discountedExpectedLifetime(d), m.expectedLifetimeValue(50.0, d), 1e-10);
            // DERL grows with tenure: survivors are the loyal ones
            for (int n = 1; n < 20; n++) {
                assertTrue(m.discountedExpectedResidualLifetime(d, n + 1) > m.discountedExpectedResidualLifetime(d, n));
            }
        }
        // homogeneous limit: for a constant churn θ, DERL = (1 − θ)/(1 − (1 − θ)/(1 + d)) for every n
        SbgModel nearlyHomogeneous = SbgModel.of(2e5, 6e5);
        double retention = 0.75;
        double expected = retention / (1.0 - retention / 1.1);
        assertEquals(expected, nearlyHomogeneous.discountedExpectedResidualLifetime(0.1, 3), 1e-4);
    }

    /** Small discount rates stay finite and accurate (the series needs about 40/d terms). */
    @Test
    void smallDiscountRate() {
        double d = 1e-4;
        double expected = directDerl(HIGH_END, d, 3, false);
        assertEquals(expected, HIGH_END.discountedExpectedResidualLifetime(d, 3), 1e-10 * expected);
        // α > 1: DERL(d → 0) tends to the undiscounted residual lifetime (β + n − 1)/(α − 1)
        SbgModel m = SbgModel.of(3.5, 0.4);
        assertEquals((0.4 + 2.0) / 2.5, m.discountedExpectedResidualLifetime(SbgModel.MIN_DISCOUNT_RATE, 3), 1e-4);
    }

    /** Survival against a seeded simulation of 100,000 customers: within 4 binomial standard errors. */
    @Test
    void survivalMatchesSimulation() {
        int size = 100_000;
        for (SbgModel m : new SbgModel[] {REGULAR, HIGH_END, SbgModel.of(3.5, 0.4)}) {
            SurvivalCohort cohort = SbgSimulator.of(m).simulateCohort("sim", size, 12, 20240607L);
            assertEquals(size, cohort.size());
            for (int t = 1; t <= 12; t++) {
                double p = m.survival(t);
                double se = Math.sqrt(p * (1 - p) / size);
                double observed = (double) cohort.alive(t) / size;
                assertEquals(p, observed, 4 * se, m + " t=" + t);
            }
        }
    }

    @Test
    void simulationIsReproducibleFromTheSeed() {
        SbgSimulator simulator = SbgSimulator.of(REGULAR);
        assertEquals(simulator.simulateCohort("x", 1000, 8, 7L), simulator.simulateCohort("x", 1000, 8, 7L));
        assertThrows(IllegalArgumentException.class, () -> simulator.simulateCohort("x", 0, 8, 7L));
        assertThrows(IllegalArgumentException.class, () -> simulator.simulateCohort("x", 10, -1, 7L));
    }

    /** Extreme parameters stay finite and in range. */
    @Test
    void extremeParametersStayFinite() {
        SbgModel[] extremes = {SbgModel.of(1e-8, 1e-8), SbgModel.of(1e8, 1e-3), SbgModel.of(1e-3, 1e8),
            SbgModel.of(1e7, 1e7)};
        for (SbgModel m : extremes) {
            for (int t : new int[] {1, 2, 10, 1000, 1_000_000}) {
                double s = m.survival(t);
                double p = m.probabilityOfChurnInPeriod(t);
                assertTrue(s >= 0 && s <= 1 && Double.isFinite(s), m + " S(" + t + ")=" + s);
                assertTrue(p >= 0 && p <= 1 && Double.isFinite(p), m + " P(" + t + ")=" + p);
            }
            double derl = m.discountedExpectedResidualLifetime(0.1, 5);
            assertTrue(derl >= 0 && derl <= 11.0 + 1e-9, m + " DERL=" + derl);
        }
    }

    /** The package-info example: projected survivors of a regular cohort of 1000 (at the fitted values). */
    @Test
    void packageExample() {
        SurvivalData data = SurvivalData.of("regular", 1000, 631, 468, 382, 326, 289, 262, 241);
        SbgModel model = SbgEstimator.withDefaults().fit(data).requireConverged().model();
        double[] alive = model.projectSurvivors(1000, 12);
        assertEquals(1000.0, alive[0]);
        assertEquals(626.7, alive[1], 0.05);
        assertEquals(473.8, alive[2], 0.05);
        assertEquals(170.0, alive[12], 0.05);
        double value = model.expectedResidualLifetimeValue(100.0, 0.10, 5);
        assertEquals(589.4, value, 0.05);
        assertEquals(296.4, model.expectedResidualLifetimeValue(100.0, 0.10, 1), 0.05); // docs/models/sbg.md
    }
}
