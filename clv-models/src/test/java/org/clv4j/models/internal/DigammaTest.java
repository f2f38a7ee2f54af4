package org.clv4j.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** ψ(x) against 20-digit values from mpmath 1.3 ({@code mpmath.digamma} at 30 digits). */
class DigammaTest {

    private static final double[][] REFERENCE = {
        {1e-8, -100000000.57721564845}, {0.05, -20.497844991299870371}, {0.6568, -1.3488292038503897802},
        {1, -0.57721566490153286061}, {2.7834, 0.83341163076333842454}, {9.999, 2.2516474172057352559},
        {10, 2.2517525890667211076}, {49, 3.8815815101625860745}, {60.5, 4.094356135733628529},
        {1004.7834, 6.9120295726490592061}, {1e6, 13.815510057964190771}};

    @Test
    void matchesHighPrecisionValues() {
        for (double[] r : REFERENCE) {
            assertEquals(r[1], Digamma.digamma(r[0]), 2e-15 * Math.max(1.0, Math.abs(r[1])), "x=" + r[0]);
        }
    }

    @Test
    void satisfiesTheRecurrence() {
        for (double x = 0.1; x < 100; x *= 1.7) {
            assertEquals(Digamma.digamma(x) + 1 / x, Digamma.digamma(x + 1), 1e-14 * (1 + Math.abs(1 / x)));
        }
    }
}
