package org.clv4j.models.special;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * {@link IncompleteGamma} against mpmath and against numerical integration.
 */
class IncompleteGammaTest {

    /**
     * {a, z, ln Γ(a, z)} from mpmath 1.3.0 at 30 digits: {@code mp.log(mp.gammainc(a, z, mp.inf))}; covers both
     * algorithms, a near the poles 0, −1, −3 of Γ(a), very negative a, tiny and large z.
     */
    private static final double[][] MPMATH = {
        {0.5, 0.1, 0.14881861944873434866},
        {0.5, 1.0, -1.2772405670085481615},
        {0.5, 3.0, -3.6747198038608896502},
        {2.5, 0.5, 0.2465299911592810329},
        {2.5, 10.0, -6.4001444300040562274},
        {30.0, 5.0, 71.257038967167980835},
        {30.0, 40.0, 68.115787901823731482},
        {0.0, 0.1, 0.60044178249488621473},
        {0.0, 2.0, -3.0179674386282178861},
        {-1.0, 0.3, 0.44706594629938778468},
        {-1.0, 1e-08, 18.420680555517696857},
        {-0.5, 0.01, 2.8126960392589192316},
        {-2.5, 1.2, -3.0530102237451822203},
        {-2.999999999999, 0.5, 0.27910232661886308762},
        {-7.3, 0.05, 19.823077683495600113},
        {-7.3, 4.0, -16.576250756920020566},
        {-30.0, 0.5, 16.876133836177267782},
        {-29.7, 2.0, -26.044832035666970586},
        {0.3939, 0.0315, 0.47552308246620286411},
        {1e-12, 0.7, -0.98411773886964900289},
        {-1e-09, 0.7, -0.9841177390542890919},
        {0.9999999, 1.4, -1.4000000807764781653},
        {-25.5, 200.0, -340.52932509904263824},
        {1.0, 1e-08, -1.0000000000000000209e-8},
    };

    @Test
    void matchesMpmath() {
        for (double[] c : MPMATH) {
            double expected = c[2];
            // 1e-13 relative to the value, and absolute for values near 0
            assertEquals(expected, IncompleteGamma.logUpper(c[0], c[1]), 1e-13 * Math.max(1.0, Math.abs(expected)),
                    "ln Γ(" + c[0] + ", " + c[1] + ")");
        }
    }

    @Test
    void tricomiUMatchesItsIntegral() {
        // U(a, a, z) = (1/Γ(a)) ∫_0^∞ e^(−zt) t^(a−1) / (1+t) dt; here with t = e^u, trapezoid rule in u (the
        // integrand decays double-exponentially at both ends, so the rule converges geometrically)
        for (double[] c : new double[][] {{0.6062, 0.05}, {1.0, 0.7}, {3.05, 0.008}, {0.2856, 2.5}, {7.0, 30.0}}) {
            double a = c[0];
            double z = c[1];
            double h = 0.01;
            double sum = 0.0;
            // the integrand behaves as e^(a u) as u → −∞: start where that is below 1e-17 of the total
            for (double u = -40.0 / a; u <= 12.0; u += h) {
                double t = Math.exp(u);
                sum += Math.exp(-z * t + a * u - Math.log1p(t));
            }
            double integral = Math.log(sum * h) - org.apache.commons.math3.special.Gamma.logGamma(a);
            // the trapezoid sum and commons-math's ln Γ are good to about 1e-12 relative
            assertEquals(integral, IncompleteGamma.logTricomiUEqualParameters(a, z),
                    1e-10 * Math.max(1.0, Math.abs(integral)), "U(" + a + ", " + a + ", " + z + ")");
        }
    }

    @Test
    void tricomiUMatchesMpmath() {
        // {a, z, ln U(a, a, z)}: mpmath 1.3.0, mp.log(mp.hyperu(a, a, z)) at 30 digits
        double[][] cases = {
            {0.6062, 0.05, 0.444971327729435020189},
            {1.0, 0.7, -0.284117738869833502930},
            {3.05, 0.008, 9.17279063709519984198},
            {0.2856, 2.5, -0.345988231338805892916},
            {7.0, 30.0, -24.0131893309509836691},
        };
        for (double[] c : cases) {
            assertEquals(c[2], IncompleteGamma.logTricomiUEqualParameters(c[0], c[1]),
                    1e-13 * Math.max(1.0, Math.abs(c[2])), "U(" + c[0] + ", " + c[0] + ", " + c[1] + ")");
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> IncompleteGamma.logUpper(1.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> IncompleteGamma.logUpper(1.0, -1.0));
        assertThrows(IllegalArgumentException.class, () -> IncompleteGamma.logUpper(Double.NaN, 1.0));
        assertThrows(IllegalArgumentException.class, () -> IncompleteGamma.logUpper(1.0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> IncompleteGamma.logTricomiUEqualParameters(0.0, 1.0));
    }
}
