package org.clv4j.models.bgnbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.fit.FitResult;
import org.clv4j.models.mbgnbd.MbgNbdEstimator;
import org.clv4j.models.mbgnbd.MbgNbdModel;
import org.clv4j.models.mbgnbd.MbgNbdSimulator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Parameter recovery: 100,000 customers simulated from known parameters (the CDNOW estimates, ages uniform on
 * 1..39 weeks, fixed seeds) and fitted again; every estimate must lie within 3 standard errors of the truth.
 * Run with {@code -Pstudies}.
 */
@Tag("study")
class ParameterRecoveryStudy {

    private static final int CUSTOMERS = 100_000;

    private static double[] ages(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ages = new double[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            ages[i] = 1.0 + 38.0 * random.nextDouble();
        }
        return ages;
    }

    private static void check(String model, double[] truth, FitResult<?> fit) {
        assertTrue(fit.converged(), fit.toString());
        double[] estimate = fit.optimum().parameters();
        double[] se = fit.optimum().standardErrors();
        String[] names = fit.optimum().parameterNames();
        for (int j = 0; j < truth.length; j++) {
            double z = (estimate[j] - truth[j]) / se[j];
            System.out.printf(Locale.ROOT, "%s %s: truth %.4f, estimate %.4f, se %.4f, z %.2f%n", model, names[j],
                    truth[j], estimate[j], se[j], z);
            assertEquals(truth[j], estimate[j], 3 * se[j], model + " " + names[j]);
        }
    }

    @Test
    void bgNbdRecoversItsParameters() {
        double[] truth = {0.2426, 4.4135, 0.7929, 2.4259};
        BgNbdModel model = BgNbdModel.of(truth[0], truth[1], truth[2], truth[3], TimeUnit.WEEK);
        SummaryColumns data = BgNbdSimulator.of(model).simulate(ages(11), 12);
        check("BG/NBD", truth, BgNbdEstimator.withDefaults().fit(data));
    }

    @Test
    void mbgNbdRecoversItsParameters() {
        double[] truth = {0.5248, 6.1830, 0.8914, 1.6140};
        MbgNbdModel model = MbgNbdModel.of(truth[0], truth[1], truth[2], truth[3], TimeUnit.WEEK);
        SummaryColumns data = MbgNbdSimulator.of(model).simulate(ages(21), 22);
        check("MBG/NBD", truth, MbgNbdEstimator.withDefaults().fit(data));
    }
}
