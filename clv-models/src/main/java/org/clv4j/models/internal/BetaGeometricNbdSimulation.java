package org.clv4j.models.internal;

import java.util.Locale;
import java.util.SplittableRandom;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;

/**
 * Simulates BG/NBD ({@code s = 0}) and MBG/NBD ({@code s = 1}) customers exactly as the models tell their story:
 * λ ~ Gamma(r, α), p ~ Beta(a, b); for MBG/NBD a coin with probability p ends the customer right after the first
 * purchase at time 0; then purchases follow at exponential gaps with rate λ, and after each one the customer drops
 * out with probability p. The result is (x, t_x) for an observation window (0, T].
 *
 * <p>Gamma variates by Marsaglia &amp; Tsang (2000), with the shape &lt; 1 boost U^(1/shape). Not part of the public
 * API.
 */
public final class BetaGeometricNbdSimulation {

    private BetaGeometricNbdSimulation() {
    }

    /**
     * Simulates one customer per window.
     *
     * @param s 0 for BG/NBD, 1 for MBG/NBD
     * @param r r
     * @param alpha α
     * @param a a
     * @param b b
     * @param unit the time unit of the result
     * @param T the windows
     * @param seed the seed
     * @return the summaries
     * @throws IllegalArgumentException if a window is negative or not finite
     */
    public static SummaryColumns simulate(int s, double r, double alpha, double a, double b, TimeUnit unit,
                                          double[] T, long seed) {
        int n = T.length;
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] out = new double[2];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            if (!(T[i] >= 0.0) || !Double.isFinite(T[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "T must be finite and >= 0 for customer %d: T=%s", i, T[i]));
            }
            customer(random, r, alpha, a, b, s, T[i], out);
            x[i] = out[0];
            tx[i] = out[1];
        }
        return SummaryColumns.of(x, tx, T, null, null, unit);
    }

    /**
     * Simulates one customer.
     *
     * @param random the generator
     * @param r r
     * @param alpha α
     * @param a a
     * @param b b
     * @param s 0 for BG/NBD, 1 for MBG/NBD
     * @param T the observation window
     * @param out receives {x, t_x}
     */
    public static void customer(SplittableRandom random, double r, double alpha, double a, double b, int s,
                                double T, double[] out) {
        double lambda = gamma(random, r) / alpha;
        double ga = gamma(random, a);
        double p = ga / (ga + gamma(random, b));
        int x = 0;
        double tx = 0.0;
        if (s == 0 || random.nextDouble() >= p) {
            double t = 0.0;
            while (true) {
                t += -Math.log1p(-random.nextDouble()) / lambda;
                if (!(t <= T)) {
                    break;
                }
                x++;
                tx = t;
                if (random.nextDouble() < p) {
                    break;
                }
            }
        }
        out[0] = x;
        out[1] = tx;
    }

    /**
     * A Gamma(shape, 1) variate.
     *
     * @param random the generator
     * @param shape the shape, {@code > 0}
     * @return the variate
     */
    public static double gamma(SplittableRandom random, double shape) {
        if (shape < 1.0) {
            double u = random.nextDouble();
            while (u == 0.0) {
                u = random.nextDouble();
            }
            return gamma(random, shape + 1.0) * Math.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double z;
            double v;
            do {
                z = normal(random);
                v = 1.0 + c * z;
            } while (v <= 0.0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1.0 - 0.0331 * z * z * z * z || Math.log(u) < 0.5 * z * z + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom random) {
        // Marsaglia polar method; the second variate is discarded for simplicity
        while (true) {
            double u = 2.0 * random.nextDouble() - 1.0;
            double v = 2.0 * random.nextDouble() - 1.0;
            double q = u * u + v * v;
            if (q > 0.0 && q < 1.0) {
                return u * Math.sqrt(-2.0 * Math.log(q) / q);
            }
        }
    }
}
