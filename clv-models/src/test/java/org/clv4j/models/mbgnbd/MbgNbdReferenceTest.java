package org.clv4j.models.mbgnbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.clv4j.core.TimeUnit;
import org.clv4j.models.CdnowSample;
import org.clv4j.models.bgnbd.BgNbdEstimator;
import org.clv4j.models.fit.FitResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MBG/NBD figures in docs/REFERENCES.md: the CDNOW fit as published by the R package BTYDplus
 * (r = 0.5248, α = 6.1830, a = 0.8914, b = 1.6140, LL −9582.13), plus the model's defining property.
 */
class MbgNbdReferenceTest {

    private static FitResult<MbgNbdModel> fit;

    @BeforeAll
    static void fitCdnow() {
        fit = MbgNbdEstimator.withDefaults().fit(CdnowSample.calibration());
    }

    @Test
    void fitReproducesThePublishedCdnowEstimates() {
        assertTrue(fit.converged(), fit.toString());
        Map<String, Double> p = fit.parameters();
        assertEquals(0.5248, p.get("r"), 0.00005);
        // the optimum (ours and scipy's) is at α = 6.18308: the published value is 1.6 units of its last digit off
        assertEquals(6.1830, p.get("alpha"), 0.0001);
        assertEquals(0.8914, p.get("a"), 0.00005);
        assertEquals(1.6140, p.get("b"), 0.00005);
        assertEquals(-9582.13, fit.logLikelihood(), 0.01);
        // The maximum is -9582.13572 (scipy BFGS from several starts agrees); the published -9582.13 is truncated,
        // so "at least the published value minus 0.005" cannot hold. We require the true maximum to 1e-5 instead.
        assertTrue(fit.logLikelihood() >= -9582.13572 - 1e-5, Double.toString(fit.logLikelihood()));
    }

    @Test
    void fitsCdnowAsWellAsTheBgNbd() {
        double bg = BgNbdEstimator.withDefaults().fit(CdnowSample.calibration()).logLikelihood();
        assertEquals(-9582.43, bg, 0.01);
        assertTrue(fit.logLikelihood() > bg);
    }

    @Test
    void customersWithoutRepeatPurchaseMayBeGone() {
        MbgNbdModel m = fit.model();
        double p = m.probabilityAlive(0, 0, 38.86);
        // hand computation: 1 / (1 + a/b · ((α + T)/α)^r)
        double a = m.a();
        double b = m.b();
        double expected = 1.0 / (1.0 + a / b * Math.pow((m.alpha() + 38.86) / m.alpha(), m.r()));
        assertEquals(expected, p, 1e-15);
        assertTrue(p < 0.5, "P(alive | x = 0) = " + p);
    }

    @Test
    void probabilityOfPurchasesAgainstHighPrecisionValues() {
        // mpmath at 40 digits, direct summation of the pmf with the NB tail as 1 - partial sum
        MbgNbdModel m = MbgNbdModel.of(0.5248, 6.1830, 0.8914, 1.6140, TimeUnit.WEEK);
        assertEquals(0.610676692519, m.probabilityOfPurchases(0, 30), 1e-12);
        assertEquals(0.181705694029, m.probabilityOfPurchases(1, 30), 1e-12);
        assertEquals(0.016577269731, m.probabilityOfPurchases(5, 30), 1e-12);
    }
}
