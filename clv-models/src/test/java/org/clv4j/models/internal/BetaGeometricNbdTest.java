package org.clv4j.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.clv4j.models.special.Hypergeometric2F1;
import org.junit.jupiter.api.Test;

/**
 * The Pfaff-transformed series of the BG/NBD and MBG/NBD expectations against the closed forms evaluated with the
 * independently written and mpmath-tested {@link Hypergeometric2F1}.
 */
class BetaGeometricNbdTest {

    private static final double[] A = {0.24, 2.24, 26.2, 1000.5};
    private static final double[] SHAPE_A = {0.3, 0.79, 2.5};
    private static final double[] BETA = {0.6, 2.4, 30.0};
    private static final double[] U = {1e-3, 0.5, 3.0, 50.0, 5e3};

    @Test
    void expectedWhileAliveMatchesTheClosedForm() {
        for (double bigA : A) {
            for (double a : SHAPE_A) {
                for (double beta : BETA) {
                    for (double u : U) {
                        double c = a + beta - 1.0;
                        if (Math.abs(c - Math.rint(c)) < 1e-3 && c <= 0.0) {
                            continue;
                        }
                        // G = C/(a − 1) · [1 − 2F1(A, a − 1; C; −u)]: cancellation costs about 1/|1 − F| digits
                        double f = Hypergeometric2F1.value(bigA, a - 1.0, c, -u);
                        double closed = c / (a - 1.0) * (1.0 - f);
                        double series = BetaGeometricNbd.expectedWhileAlive(bigA, a, beta, u);
                        double tolerance = 1e-11 * Math.max(1.0, Math.abs(f) / Math.abs(1.0 - f)) * closed;
                        assertEquals(closed, series, tolerance,
                                String.format("A=%s a=%s beta=%s u=%s", bigA, a, beta, u));
                    }
                }
            }
        }
    }

    @Test
    void survivalMatchesTheClosedForm() {
        for (double bigA : A) {
            for (double a : SHAPE_A) {
                for (double beta : BETA) {
                    for (double u : U) {
                        double closed = Hypergeometric2F1.value(bigA, a, a + beta, -u);
                        assertEquals(closed, BetaGeometricNbd.survival(bigA, a, beta, u), 1e-12 * closed + 1e-300,
                                String.format("A=%s a=%s beta=%s u=%s", bigA, a, beta, u));
                    }
                }
            }
        }
    }

    @Test
    void longHorizonPathJoinsTheSeriesContinuously() {
        // u = 10^4 is where the series hands over to Hypergeometric2F1
        double[][] cases = {{0.24, 0.79, 2.43}, {2.24, 0.79, 4.43}, {0.52, 0.89, 2.61}, {3.0, 1.0, 2.0},
            {0.5, 0.4, 0.3}};
        for (double[] p : cases) {
            double below = BetaGeometricNbd.expectedWhileAlive(p[0], p[1], p[2], 1e4 * (1 - 1e-12));
            double above = BetaGeometricNbd.expectedWhileAlive(p[0], p[1], p[2], 1e4 * (1 + 1e-12));
            assertEquals(below, above, 1e-8 * below, java.util.Arrays.toString(p));
            double sBelow = BetaGeometricNbd.survival(p[0], p[1], p[2], 1e4 * (1 - 1e-12));
            double sAbove = BetaGeometricNbd.survival(p[0], p[1], p[2], 1e4 * (1 + 1e-12));
            assertEquals(sBelow, sAbove, 1e-10 * sBelow + 1e-300, java.util.Arrays.toString(p));
        }
    }
}
