package org.clv4j.models.predictive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.ClvCalculator;
import org.clv4j.models.bgnbd.BgNbdModel;
import org.clv4j.models.gammagamma.GammaGammaModel;
import org.junit.jupiter.api.Test;

/**
 * The figures of docs/REFERENCES.md, "CLV conventions" (checked against Python lifetimes 0.11.3): CDNOW in weeks,
 * BG/NBD and Gamma-Gamma at the fitted values, 12 monthly steps of 4.345 weeks (lifetimes' month), d = 0.01 per
 * step, margin 1. Tolerances: half a unit in the last published digit.
 */
class ProbabilisticClvReferenceTest {

    static final ProbabilisticClvOptions LIFETIMES_MONTHLY = ProbabilisticClvOptions.defaults().withSteps(12)
            .withStepLength(4.345).withDiscountRate(0.01);

    @Test
    void threeCustomersAtTheFittedParameters() {
        ProbabilisticClv clv = ProbabilisticClv.of(ProbabilisticClvTest.BG_NBD, ProbabilisticClvTest.GAMMA_GAMMA,
                LIFETIMES_MONTHLY);
        assertEquals(36.278, clv.customerValue(2, 30.43, 38.86, 22.35), 0.0005);
        assertEquals(397.80, clv.customerValue(10, 37, 38, 50), 0.005);
        assertEquals(712.64, clv.customerValue(29, 37.71, 38, 30), 0.005);
    }

    @Test
    void sumOverTheCdnowSampleWithBgNbd() {
        SummaryColumns cdnow = CdnowCustomers.sample();
        ProbabilisticClvResult result = ClvCalculator.probabilistic(ProbabilisticClvTest.BG_NBD,
                ProbabilisticClvTest.GAMMA_GAMMA, cdnow, LIFETIMES_MONTHLY);
        assertEquals(71_509.9, result.total(), 0.05);
    }
}
