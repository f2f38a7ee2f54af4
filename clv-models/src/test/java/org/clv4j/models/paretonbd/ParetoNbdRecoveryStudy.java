package org.clv4j.models.paretonbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.fit.FitResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Parameter recovery: 100,000 customers simulated from known parameters (ages uniform on 1..39 weeks, fixed
 * seeds) and fitted again; every estimate must lie within 3 standard errors of the truth. Two truths: the CDNOW
 * estimates (α close to β), and a set with β far above α (so that the likelihood's quadrature path is exercised).
 * Run with {@code -Pstudies}.
 */
@Tag("study")
class ParetoNbdRecoveryStudy {

    private static final int CUSTOMERS = 100_000;

    private static void recover(String label, double[] truth, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ages = new double[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            ages[i] = 1.0 + 38.0 * random.nextDouble();
        }
        ParetoNbdModel model = ParetoNbdModel.of(truth[0], truth[1], truth[2], truth[3], TimeUnit.WEEK);
        SummaryColumns data = ParetoNbdSimulator.of(model).simulate(ages, seed + 1);
        FitResult<ParetoNbdModel> fit = ParetoNbdEstimator.withDefaults().fit(data);
        assertTrue(fit.converged(), fit.toString());
        double[] estimate = fit.optimum().parameters();
        double[] se = fit.optimum().standardErrors();
        String[] names = fit.optimum().parameterNames();
        for (int j = 0; j < truth.length; j++) {
            double z = (estimate[j] - truth[j]) / se[j];
            System.out.printf(Locale.ROOT, "Pareto/NBD %s %s: truth %.4f, estimate %.4f, se %.4f, z %.2f%n", label,
                    names[j], truth[j], estimate[j], se[j], z);
            assertEquals(truth[j], estimate[j], 3 * se[j], label + " " + names[j]);
        }
    }

    @Test
    void recoversTheCdnowParameters() {
        recover("CDNOW", new double[] {0.5533, 10.578, 0.6062, 11.67}, 31);
    }

    @Test
    void recoversParametersWithBetaFarAboveAlpha() {
        recover("beta >> alpha", new double[] {0.8, 2.0, 1.5, 40.0}, 41);
    }
}
