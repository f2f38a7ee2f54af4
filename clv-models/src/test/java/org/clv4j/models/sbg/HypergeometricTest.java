package org.clv4j.models.sbg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 2F1(1, b; c; z) against closed forms and high-precision references. */
class HypergeometricTest {

    /**
     * References computed with mpmath 1.3.0 {@code hyp2f1(1, b, c, z)} at 30 significant digits, with b, c, z the
     * exact binary doubles written here (z = 1/1.1 etc. as evaluated in double arithmetic).
     */
    @ParameterizedTest
    @CsvSource({
        "2.182, 2.886, 0.9090909090909091, 4.730416926907791420903",
        "8.806, 9.474, 0.9090909090909091, 7.487274454073831434755",
        "0.5, 10.5, 0.5, 1.025541544449245507282",
        "50, 50.3, 0.99, 77.0116558888865592392",
        "2.5, 3.7, 0.9900990099009901, 6.472033046663640313991",
        "0.001, 0.002, 0.9, 5.489661944168280583752",
        "1000.0, 1000.5, 0.9990009990009991, 758.6485169099191848234",
    })
    void matchesMpmath(double b, double c, double z, double expected) {
        assertEquals(expected, Hypergeometric.unitA(b, c, z), 2e-14 * expected);
    }

    /** 2F1(1, 1; 2; z) = −ln(1 − z)/z; 2F1(1, 1/2; 3/2; z) = atanh(√z)/√z; 2F1(1, b; c; 0) = 1. */
    @Test
    void closedForms() {
        for (double z : new double[] {1e-6, 0.1, 0.5, 0.75, 0.9, 0.99, 0.999}) {
            assertEquals(-Math.log1p(-z) / z, Hypergeometric.unitA(1.0, 2.0, z), 2e-15 * (-Math.log1p(-z) / z));
            double s = Math.sqrt(z);
            double oneMinusS = (1 - z) / (1 + s); // 1 − √z without cancellation (1 − z is exact here)
            double atanh = 0.5 * Math.log1p(2 * s / oneMinusS) / s;
            assertEquals(atanh, Hypergeometric.unitA(0.5, 1.5, z), 1e-14 * atanh);
        }
        assertEquals(1.0, Hypergeometric.unitA(3.0, 4.0, 0.0));
    }

    @Test
    void rejectsArgumentsOutsideTheDomain() {
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric.unitA(2.0, 2.0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric.unitA(0.0, 2.0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric.unitA(1.0, 2.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric.unitA(1.0, 2.0, -0.1));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric.unitA(1.0, Double.NaN, 0.5));
    }
}
