package org.clv4j.models.gammagamma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.clv4j.models.fit.FitOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Parameter recovery: 100,000 repeat buyers simulated at the CDNOW estimates (p=6.25, q=3.74, γ=15.44) with
 * x = 1 + a geometric number of further purchases (mean 3), fitted from the default start without restarts; every
 * estimate within 3 standard errors of the truth. Run with {@code -Pstudies}.
 */
@Tag("study")
class GammaGammaRecoveryStudyTest {

    @Test
    void recoversTheCdnowParametersFrom100kSimulatedCustomers() {
        double[] truth = {6.25, 3.74, 15.44};
        SplittableRandom random = new SplittableRandom(2013);
        double[] x = new double[100_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1 + Math.floor(Math.log(random.nextDouble()) / Math.log(0.75));
        }
        GammaGammaSimulator.Sample sample = GammaGammaSimulator.of(GammaGammaModel.of(truth[0], truth[1], truth[2]),
                1999).simulate(x);
        GammaGammaFit fit = GammaGammaEstimator.withDefaults().withOptions(FitOptions.withDefaults().withRestarts(0))
                .fit(x, sample.meanValue(), null);
        assertTrue(fit.converged(), fit.toString());
        double[] estimate = fit.result().optimum().parameters();
        double[] se = fit.result().optimum().standardErrors();
        String[] names = fit.result().optimum().parameterNames();
        StringBuilder report = new StringBuilder("Gamma-Gamma recovery, 100k repeat buyers:");
        for (int j = 0; j < 3; j++) {
            report.append(String.format(java.util.Locale.ROOT, "%n  %-5s truth %.4f  estimate %.4f  se %.4f  z %+.2f",
                    names[j], truth[j], estimate[j], se[j], (estimate[j] - truth[j]) / se[j]));
        }
        System.out.println(report);
        for (int j = 0; j < 3; j++) {
            assertEquals(truth[j], estimate[j], 3 * se[j], names[j] + ": " + report);
        }
    }
}
