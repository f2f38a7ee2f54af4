package org.clv4j.models.paretonbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.CdnowSample;
import org.clv4j.models.fit.FitOptions;
import org.clv4j.models.fit.FitResult;
import org.junit.jupiter.api.Test;

/**
 * The CDNOW fit of docs/REFERENCES.md (Fader, Hardie &amp; Lee 2005; Hardie's note 008): r = 0.5533, α = 10.578,
 * s = 0.6062, β = 11.67, LL = −9594.98, standard errors r 0.0476, α 0.843, s 0.187, β 6.21.
 */
class ParetoNbdReferenceTest {

    @Test
    void reproducesTheCdnowFit() {
        SummaryColumns cdnow = CdnowSample.calibration();
        // no restarts allowed: the default start must converge on its own
        FitResult<ParetoNbdModel> fit = ParetoNbdEstimator.withDefaults()
                .withOptions(FitOptions.withDefaults().withRestarts(0)).fit(cdnow).requireConverged();
        ParetoNbdModel m = fit.model();
        // parameters to the printed digits (half a unit in the last place)
        assertEquals(0.5533, m.r(), 5e-5);
        assertEquals(10.578, m.alpha(), 5e-4);
        assertEquals(0.6062, m.s(), 5e-5);
        assertEquals(11.67, m.beta(), 5e-3);
        // log-likelihood to 0.01, and not below the published optimum by more than 0.005
        assertEquals(-9594.98, fit.logLikelihood(), 0.01);
        assertTrue(fit.logLikelihood() >= -9594.98 - 0.005, "LL " + fit.logLikelihood());
        Map<String, Double> se = fit.standardErrors().orElseThrow();
        assertEquals(0.0476, se.get("r"), 5e-5);
        assertEquals(0.843, se.get("alpha"), 5e-4);
        assertEquals(0.187, se.get("s"), 5e-4);
        assertEquals(6.21, se.get("beta"), 5e-3);
        assertEquals(2357, fit.optimum().observations(), 0.0);
    }

    @Test
    void largeDataFitMatchesTheDirectFit() {
        // more than 50,000 distinct rows take the pilot-sample route; the result must be the same optimum as a
        // plain fit from the default start
        double[] ages = new double[52_000];
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < ages.length; i++) {
            ages[i] = 1 + 38 * random.nextDouble();
        }
        SummaryColumns data = ParetoNbdSimulator.of(ParetoNbdModelTest.CDNOW).simulate(ages, 4);
        FitResult<ParetoNbdModel> viaPilot = ParetoNbdEstimator.withDefaults().fit(data).requireConverged();
        ParetoNbdLikelihood likelihood = ParetoNbdLikelihood.of(data);
        FitResult<ParetoNbdModel> direct = ParetoNbdEstimator.withDefaults()
                .withOptions(FitOptions.withDefaults().withStart(likelihood.defaultStart())).fit(data)
                .requireConverged();
        double[] a = viaPilot.optimum().parameters();
        double[] b = direct.optimum().parameters();
        for (int j = 0; j < 4; j++) {
            assertEquals(b[j], a[j], 1e-6 * b[j], "parameter " + j);
        }
        assertEquals(direct.logLikelihood(), viaPilot.logLikelihood(), 1e-6);
    }
}
