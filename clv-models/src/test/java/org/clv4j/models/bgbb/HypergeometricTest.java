package org.clv4j.models.bgbb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * 2F1(1, b; c; z) against elementary closed forms (exact to double precision):
 * 2F1(1, b; b; z) = 1/(1−z); 2F1(1, 1; 2; z) = −ln(1−z)/z; 2F1(1, 2; 3; z) = 2(−ln(1−z) − z)/z²;
 * 2F1(1, 1/2; 3/2; z) = artanh(√z)/√z.
 */
class HypergeometricTest {

    @Test
    void matchesElementaryClosedForms() {
        for (double z : new double[] {0.0, 1e-8, 0.1, 0.5, 0.9, 0.99, 0.999, 1.0 / 1.0001}) {
            // stated accuracy: 1e-15 + 1e-16 per term, about 40/(1 − z) terms
            double relative = 1e-13 + 1e-16 * 40 / (1 - z);
            assertEquals(1.0 / (1.0 - z), Hypergeometric.f21(3.7, 3.7, z), relative / (1.0 - z), "z=" + z);
            if (z > 0) {
                double log = -Math.log1p(-z);
                assertEquals(log / z, Hypergeometric.f21(1, 2, z), relative * log / z, "z=" + z);
                if (z >= 0.1) { // the reference itself cancels for small z
                    double two = 2 * (log - z) / (z * z);
                    assertEquals(two, Hypergeometric.f21(2, 3, z), relative * two, "z=" + z);
                }
                double root = Math.sqrt(z);
                double atanh = 0.5 * Math.log1p(2 * root / (1 - root)) / root;
                assertEquals(atanh, Hypergeometric.f21(0.5, 1.5, z), relative * atanh, "z=" + z);
            }
        }
        assertEquals(1.0, Hypergeometric.f21(2, 3, 0.0), 0.0);
    }

    @Test
    void rejectsArgumentsOutsideItsDomain() {
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric.f21(1, 2, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric.f21(3, 2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric.f21(0, 2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric.f21(1, 2, Double.NaN));
    }
}
