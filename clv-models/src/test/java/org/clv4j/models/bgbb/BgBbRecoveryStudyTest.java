package org.clv4j.models.bgbb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.fit.FitOptions;
import org.clv4j.models.fit.FitResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Parameter recovery: 100,000 customers simulated at the donations estimates, observed for 6, 8, 10 or 12 periods,
 * fitted from the default start without restarts; every estimate within 3 standard errors of the truth.
 * Run with {@code -Pstudies}.
 */
@Tag("study")
class BgBbRecoveryStudyTest {

    @Test
    void recoversTheDonationsParametersFrom100kSimulatedCustomers() {
        double[] truth = {1.2035, 0.7497, 0.6568, 2.7834};
        BgBbModel model = BgBbModel.of(truth[0], truth[1], truth[2], truth[3], TimeUnit.YEAR);
        int[] n = new int[100_000];
        for (int i = 0; i < n.length; i++) {
            n[i] = 6 + 2 * (i % 4);
        }
        SummaryColumns data = BgBbSimulator.of(model, 20_100_601L).simulate(n);
        FitResult<BgBbModel> fit = BgBbEstimator.withDefaults()
                .withOptions(FitOptions.withDefaults().withRestarts(0)).fit(data);
        assertTrue(fit.converged(), fit.toString());
        double[] estimate = fit.optimum().parameters();
        double[] se = fit.optimum().standardErrors();
        String[] names = fit.optimum().parameterNames();
        StringBuilder report = new StringBuilder("BG/BB recovery, 100k customers (" + data.compress().size()
                + " distinct histories):");
        for (int j = 0; j < 4; j++) {
            report.append(String.format(java.util.Locale.ROOT, "%n  %-5s truth %.4f  estimate %.4f  se %.4f  z %+.2f",
                    names[j], truth[j], estimate[j], se[j], (estimate[j] - truth[j]) / se[j]));
        }
        System.out.println(report);
        for (int j = 0; j < 4; j++) {
            assertEquals(truth[j], estimate[j], 3 * se[j], names[j] + ": " + report);
        }
    }
}
