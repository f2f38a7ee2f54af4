package org.clv4j.models.sbg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clv4j.models.fit.FitResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Parameter recovery: cohorts simulated from known (α, β) with {@link SbgSimulator} (fixed seeds), fitted back;
 * each estimate must lie within 3 standard errors of the truth. Run with {@code -Pstudies}.
 */
@Tag("study")
class SbgRecoveryStudyTest {

    private static final double[][] TRUTHS = {{0.704, 1.182}, {0.668, 3.806}, {2.5, 6.0}, {0.25, 0.9}};

    /** One cohort of 100,000 customers observed over periods 0..7, as in the paper. */
    @Test
    void recoversParametersFromOneLargeCohort() {
        long seed = 1;
        for (double[] truth : TRUTHS) {
            SbgModel model = SbgModel.of(truth[0], truth[1]);
            SurvivalCohort cohort = SbgSimulator.of(model).simulateCohort("sim", 100_000, 7, seed++);
            check(truth, SbgEstimator.withDefaults().fit(SurvivalData.of(List.of(cohort))), "one cohort");
        }
    }

    /**
     * Ten staggered monthly cohorts of 10,000 customers (100,000 in all): cohort k is observed for 12 − k periods,
     * as when acquisitions of successive months are followed until today. Pooled fit, and per-cohort fits whose
     * estimates are each within 3 standard errors too (up to one miss allowed over the 40 checks).
     */
    @Test
    void recoversParametersFromStaggeredCohorts() {
        int misses = 0;
        long seed = 100;
        for (double[] truth : TRUTHS) {
            SbgSimulator simulator = SbgSimulator.of(SbgModel.of(truth[0], truth[1]));
            List<SurvivalCohort> cohorts = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                cohorts.add(simulator.simulateCohort("month " + k, 10_000, 12 - k, seed++));
            }
            SurvivalData data = SurvivalData.of(cohorts);
            check(truth, SbgEstimator.withDefaults().fit(data), "pooled");
            for (Map.Entry<String, FitResult<SbgModel>> fit : SbgEstimator.withDefaults().fitEachCohort(data)
                    .entrySet()) {
                FitResult<SbgModel> f = fit.getValue().requireConverged();
                double[] se = f.optimum().standardErrors();
                if (Math.abs(f.model().alpha() - truth[0]) > 3 * se[0]
                        || Math.abs(f.model().beta() - truth[1]) > 3 * se[1]) {
                    misses++;
                    System.out.printf(Locale.ROOT, "miss %s: truth %s, fit %s, se %.4f %.4f%n", fit.getKey(),
                            java.util.Arrays.toString(truth), f.model(), se[0], se[1]);
                }
            }
        }
        assertTrue(misses <= 1, "per-cohort estimates outside 3 SE: " + misses);
    }

    private static void check(double[] truth, FitResult<SbgModel> fit, String what) {
        fit.requireConverged();
        double[] se = fit.optimum().standardErrors();
        double zAlpha = (fit.model().alpha() - truth[0]) / se[0];
        double zBeta = (fit.model().beta() - truth[1]) / se[1];
        System.out.printf(Locale.ROOT, "sBG recovery (%s): truth α=%.3f β=%.3f → α=%.4f (se %.4f, z %+.2f), "
                        + "β=%.4f (se %.4f, z %+.2f), LL %.2f, %d iterations%n", what, truth[0], truth[1],
                fit.model().alpha(), se[0], zAlpha, fit.model().beta(), se[1], zBeta, fit.logLikelihood(),
                fit.optimum().iterations());
        assertTrue(Math.abs(zAlpha) <= 3 && Math.abs(zBeta) <= 3, what + ": " + fit);
    }
}
