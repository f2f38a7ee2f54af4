package org.clv4j.models.bgnbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.fit.FitOptions;
import org.clv4j.models.fit.FitResult;
import org.junit.jupiter.api.Test;

/** The estimator's paths: the pilot-sample start on large data, explicit starts, options, the time unit. */
class BgNbdEstimatorTest {

    private static SummaryColumns simulated(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ages = new double[n];
        for (int i = 0; i < n; i++) {
            ages[i] = 1.0 + 38.0 * random.nextDouble();
        }
        return BgNbdSimulator.of(BgNbdModelTest.CDNOW).simulate(ages, seed + 1);
    }

    @Test
    void pilotStartReachesTheSameOptimumAsAPlainFit() {
        // 60,000 distinct rows: the default fit goes through the 20,000-row pilot and its Newton refinement
        SummaryColumns data = simulated(60_000, 5);
        FitResult<BgNbdModel> viaPilot = BgNbdEstimator.withDefaults().fit(data);
        FitResult<BgNbdModel> plain = BgNbdEstimator.withDefaults()
                .withOptions(FitOptions.withDefaults().withStart(1.0, 10.0, 1.0, 3.0)).fit(data);
        assertTrue(viaPilot.converged() && plain.converged());
        assertEquals(plain.logLikelihood(), viaPilot.logLikelihood(), 1e-7);
        double[] a = plain.optimum().parameters();
        double[] b = viaPilot.optimum().parameters();
        for (int j = 0; j < 4; j++) {
            assertEquals(a[j], b[j], 1e-5 * a[j]);
        }
        assertEquals(60_000.0, viaPilot.optimum().observations(), 0.0);
    }

    @Test
    void optionsAndTimeUnitAreCarried() {
        SummaryColumns days = SummaryColumns.of(new double[] {0, 1, 3, 0, 2}, new double[] {0, 5, 20, 0, 9},
                new double[] {30, 30, 25, 12, 28}, null, null, TimeUnit.DAY);
        FitOptions options = FitOptions.withDefaults().withPenalizer(0.01);
        BgNbdEstimator estimator = BgNbdEstimator.withDefaults().withOptions(options);
        assertSame(options, estimator.options());
        FitResult<BgNbdModel> fit = estimator.fit(days);
        assertEquals(TimeUnit.DAY, fit.model().timeUnit());
        assertTrue(Double.isFinite(fit.logLikelihood()));
        assertThrows(NullPointerException.class, () -> BgNbdEstimator.withDefaults().withOptions(null));
    }
}
