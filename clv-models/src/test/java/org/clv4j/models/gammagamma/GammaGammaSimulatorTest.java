package org.clv4j.models.gammagamma;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Simulation checks of the spend model's means: the population mean p γ/(q−1) is the average of the customers'
 * latent means p/ν, and E[M | x, m̄] is the conditional mean of p/ν given the data, so within any group of
 * customers defined by (x, m̄) the average of E[M | x, m̄] equals the average latent mean (tower property).
 * Tolerances are 4.5 Monte Carlo standard errors from the simulated data; the seed is fixed.
 */
class GammaGammaSimulatorTest {

    private static final GammaGammaModel MODEL = GammaGammaModel.of(6.25, 3.74, 15.44);

    @Test
    void sameSeedSameCustomers() {
        double[] x = {1, 2, 3, 4};
        assertArrayEquals(GammaGammaSimulator.of(MODEL, 5).simulate(x).meanValue(),
                GammaGammaSimulator.of(MODEL, 5).simulate(x).meanValue());
        assertThrows(IllegalArgumentException.class, () -> GammaGammaSimulator.of(MODEL, 5).simulate(new double[] {0}));
    }

    @Test
    void simulationRecoversThePopulationAndConditionalMeans() {
        int customers = 120_000;
        double[] x = new double[customers];
        for (int i = 0; i < customers; i++) {
            x[i] = 1 + i % 6;
        }
        GammaGammaSimulator.Sample sample = GammaGammaSimulator.of(MODEL, 2013).simulate(x);
        double[] latent = sample.customerMean();
        double mean = Arrays.stream(latent).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(latent).map(v -> (v - mean) * (v - mean)).sum() / (customers - 1));
        assertEquals(MODEL.populationMeanValue(), mean, 4.5 * sd / Math.sqrt(customers));

        // groups: x = 1..6 crossed with quintiles of m̄ within x
        for (int k = 1; k <= 6; k++) {
            final int xk = k;
            int[] members = java.util.stream.IntStream.range(0, customers).filter(i -> x[i] == xk).toArray();
            double[] sorted = Arrays.stream(members).mapToDouble(i -> sample.meanValue()[i]).sorted().toArray();
            for (int quintile = 0; quintile < 5; quintile++) {
                double low = quintile == 0 ? 0 : sorted[quintile * sorted.length / 5];
                double high = quintile == 4 ? Double.POSITIVE_INFINITY : sorted[(quintile + 1) * sorted.length / 5];
                double predicted = 0;
                double actual = 0;
                double sumSquares = 0;
                int count = 0;
                for (int i : members) {
                    double m = sample.meanValue()[i];
                    if (m >= low && m < high) {
                        double e = MODEL.expectedAverageValue(xk, m);
                        double residual = latent[i] - e;
                        predicted += e;
                        actual += latent[i];
                        sumSquares += residual * residual;
                        count++;
                    }
                }
                double se = Math.sqrt(sumSquares / count / count);
                assertEquals(actual / count, predicted / count, 4.5 * se, "x=" + xk + ", quintile " + quintile);
            }
        }
    }
}
