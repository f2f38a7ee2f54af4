package org.clv4j.models.gammagamma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.junit.jupiter.api.Test;

/**
 * The Gamma-Gamma model's contract (it is not a TransactionModel, so this is the equivalent of
 * TransactionModelContract): invalid parameters rejected, finite outputs over a wide range of inputs, the expected
 * value shrinks m̄ towards the population mean, and models without a population mean refuse to value customers.
 * The formulas are checked against numerical integration of the model's definition.
 */
class GammaGammaModelTest {

    private static final GammaGammaModel MODEL = GammaGammaModel.of(6.25, 3.74, 15.44);

    private static final List<double[]> INPUTS = List.of(
            new double[] {1, 22.35}, new double[] {2, 11.77}, new double[] {7, 73.74}, new double[] {1, 1e-6},
            new double[] {1, 1e9}, new double[] {100_000, 35.0}, new double[] {100_000, 1e-9}, new double[] {3, 35.0});

    @Test
    void invalidParametersAreRejected() {
        List<Runnable> constructions = List.of(
                () -> GammaGammaModel.of(0, 3.74, 15.44), () -> GammaGammaModel.of(-1, 3.74, 15.44),
                () -> GammaGammaModel.of(6.25, Double.NaN, 15.44), () -> GammaGammaModel.of(6.25, 0, 15.44),
                () -> GammaGammaModel.of(6.25, 3.74, Double.POSITIVE_INFINITY),
                () -> GammaGammaModel.of(6.25, 3.74, -15.44));
        for (Runnable r : constructions) {
            assertThrows(IllegalArgumentException.class, r::run);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GammaGammaModel.of(6.25, 3.74, 0));
        assertEquals("Gamma-Gamma parameter gamma must be finite and > 0: gamma=0.0", e.getMessage());
    }

    @Test
    void invalidArgumentsAreRejectedNamingThem() {
        assertMessage("x (the number of repeat transactions) must be a whole number >= 0: x=1.5",
                () -> MODEL.expectedAverageValue(1.5, 10));
        assertMessage("x (the number of repeat transactions) must be a whole number >= 0: x=-1.0",
                () -> MODEL.expectedAverageValue(-1, 10));
        assertMessage("mbar (the mean transaction value) must be finite and >= 0: mbar=NaN",
                () -> MODEL.expectedAverageValue(1, Double.NaN));
        assertMessage("mbar (the mean transaction value) must be finite and >= 0: mbar=-2.0",
                () -> MODEL.expectedAverageValue(1, -2));
        assertMessage("x (the number of repeat transactions) must be a whole number >= 1: x=0.0",
                () -> MODEL.logLikelihood(0, 10));
        assertMessage("mbar (the mean transaction value) must be finite and > 0: mbar=0.0",
                () -> MODEL.logLikelihood(1, 0));
    }

    private static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void outputsAreFinite() {
        for (double[] in : INPUTS) {
            double value = MODEL.expectedAverageValue(in[0], in[1]);
            double ll = MODEL.logLikelihood(in[0], in[1]);
            assertTrue(Double.isFinite(value) && value > 0, "E[M] = " + value + " for " + in[0] + ", " + in[1]);
            assertTrue(Double.isFinite(ll), "ln f = " + ll + " for " + in[0] + ", " + in[1]);
        }
        GammaGammaModel extreme = GammaGammaModel.of(1e-4, 1e4, 1e-6);
        assertTrue(Double.isFinite(extreme.logLikelihood(100_000, 1e9)));
        assertTrue(Double.isFinite(extreme.expectedAverageValue(100_000, 1e9)));
    }

    /** E[M | x, m̄] lies between m̄ and the population mean, and moves towards m̄ as x grows. */
    @Test
    void expectationShrinksTheCustomerMeanTowardsThePopulationMean() {
        double population = MODEL.populationMeanValue();
        assertEquals(6.25 * 15.44 / 2.74, population, 1e-12);
        for (double[] in : INPUTS) {
            double value = MODEL.expectedAverageValue(in[0], in[1]);
            double low = Math.min(in[1], population);
            double high = Math.max(in[1], population);
            assertTrue(value >= low * (1 - 1e-12) && value <= high * (1 + 1e-12),
                    value + " outside [" + low + ", " + high + "]");
        }
        double previous = population;
        for (int x = 1; x <= 50; x++) {
            double value = MODEL.expectedAverageValue(x, 100.0);
            assertTrue(value > previous && value < 100.0, "x=" + x + ": " + value);
            previous = value;
        }
        assertEquals(population, MODEL.expectedAverageValue(0, 0), 0.0);
        assertEquals(population, MODEL.expectedAverageValue(0, 50), 0.0);
        // m̄ = 0 for a repeat buyer: the formula's limit p γ / (p x + q − 1)
        assertEquals(6.25 * 15.44 / (6.25 + 2.74), MODEL.expectedAverageValue(1, 0), 1e-12);
    }

    @Test
    void modelsWithoutAPopulationMeanRefuseToValueCustomers() {
        GammaGammaModel heavyTailed = GammaGammaModel.of(2.0, 0.8, 10.0);
        assertTrue(!heavyTailed.hasPopulationMean() && MODEL.hasPopulationMean());
        IllegalStateException e = assertThrows(IllegalStateException.class, heavyTailed::populationMeanValue);
        assertTrue(e.getMessage().contains("does not exist for q <= 1: q=0.8"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> heavyTailed.expectedAverageValue(0, 0));
        // with x repeat transactions the posterior mean exists when p x + q > 1
        assertEquals(2.0 * (10 + 3 * 20.0) / (2 * 3 + 0.8 - 1), heavyTailed.expectedAverageValue(3, 20.0), 1e-12);
        GammaGammaModel tiny = GammaGammaModel.of(0.05, 0.5, 10.0);
        IllegalStateException e2 = assertThrows(IllegalStateException.class,
                () -> tiny.expectedAverageValue(2, 20.0));
        assertTrue(e2.getMessage().contains("p*x + q <= 1"), e2.getMessage());
    }

    /**
     * The density f(m̄ | x) integrates to 1 and has mean E[p/ν] = pγ/(q−1) (composite Simpson on ln m̄ over
     * [−25, 25] with 40,000 intervals, where the integrand is smooth and negligible at the ends).
     */
    @Test
    void densityIntegratesToOneWithThePopulationMean() {
        for (int x : new int[] {1, 3, 20}) {
            double mass = simpson(u -> Math.exp(MODEL.logLikelihood(x, Math.exp(u)) + u), -25, 25, 40_000);
            double mean = simpson(u -> Math.exp(MODEL.logLikelihood(x, Math.exp(u)) + 2 * u), -25, 25, 40_000);
            assertEquals(1.0, mass, 1e-10, "x=" + x);
            assertEquals(MODEL.populationMeanValue(), mean, 1e-8 * mean, "x=" + x);
        }
    }

    /**
     * E[M | x, m̄] = E[p/ν | x, m̄] by Bayes' rule integrated numerically over ν: prior Gamma(q, γ) times the
     * Gamma(px, xν) density of m̄, both written out (composite Simpson on ln ν over [−40, 20]).
     */
    @Test
    void expectedValueMatchesBayesRuleIntegratedNumerically() {
        double p = MODEL.p();
        double q = MODEL.q();
        double g = MODEL.gamma();
        for (double[] in : List.of(new double[] {1, 22.35}, new double[] {2, 11.77}, new double[] {7, 73.74},
                new double[] {30, 5.0})) {
            double x = in[0];
            double m = in[1];
            // ln of prior(ν) · f(m̄ | ν) · ν (the Jacobian of ν = e^u), constants dropped
            java.util.function.DoubleUnaryOperator logPosterior = u -> {
                double nu = Math.exp(u);
                return (q - 1) * u - g * nu + p * x * u - x * nu * m + u;
            };
            double mode = Math.log((q + p * x) / (g + x * m));
            double evidence = simpson(u -> Math.exp(logPosterior.applyAsDouble(u) - logPosterior.applyAsDouble(mode)),
                    -40, 20, 60_000);
            double numerator = simpson(u -> p * Math.exp(-u + logPosterior.applyAsDouble(u)
                    - logPosterior.applyAsDouble(mode)), -40, 20, 60_000);
            double expected = numerator / evidence;
            assertEquals(expected, MODEL.expectedAverageValue(x, m), 1e-9 * expected, x + ", " + m);
        }
    }

    @Test
    void valuesAColumnOfCustomers() {
        SummaryColumns columns = SummaryColumns.of(new double[] {0, 2, 1}, new double[] {0, 30, 2},
                new double[] {39, 39, 39}, new double[] {0, 22.35, 11.77}, null, TimeUnit.WEEK);
        double[] values = MODEL.expectedAverageValues(columns);
        assertEquals(MODEL.populationMeanValue(), values[0], 0.0);
        assertEquals(MODEL.expectedAverageValue(2, 22.35), values[1], 0.0);
        assertEquals(MODEL.expectedAverageValue(1, 11.77), values[2], 0.0);
        assertEquals("gamma-gamma", MODEL.name());
        assertEquals(List.of("p", "q", "gamma"), List.copyOf(MODEL.parameters().keySet()));
    }

    private static double simpson(java.util.function.DoubleUnaryOperator f, double a, double b, int intervals) {
        double h = (b - a) / intervals;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < intervals; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return sum * h / 3;
    }
}
