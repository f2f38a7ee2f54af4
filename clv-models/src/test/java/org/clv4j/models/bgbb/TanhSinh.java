package org.clv4j.models.bgbb;

/**
 * Double-exponential (tanh-sinh) quadrature on (0, 1) and (0, 1)², for the brute-force checks of the BG/BB
 * formulas by direct Bayes integration over the latent (p, θ). The rule x = 1/(1 + exp(−π sinh t)) clusters nodes
 * at both ends, so integrands with integrable algebraic end-point singularities such as x^{−0.34} (Beta densities
 * with a shape below 1) are integrated to near double precision; both x and 1 − x are passed to the integrand,
 * each computed without cancellation. Step h = 1/16 on |t| ≤ 3.6.
 */
final class TanhSinh {

    private static final double H = 1.0 / 16.0;
    private static final double[] X;
    private static final double[] COMPLEMENT;
    private static final double[] WEIGHT;

    static {
        int k = (int) Math.ceil(3.6 / H);
        X = new double[2 * k + 1];
        COMPLEMENT = new double[2 * k + 1];
        WEIGHT = new double[2 * k + 1];
        for (int i = -k; i <= k; i++) {
            double t = i * H;
            double u = Math.PI * Math.sinh(t);
            double x = 1.0 / (1.0 + Math.exp(-u));
            double c = 1.0 / (1.0 + Math.exp(u));
            X[i + k] = x;
            COMPLEMENT[i + k] = c;
            WEIGHT[i + k] = H * Math.PI * Math.cosh(t) * x * c;
        }
    }

    private TanhSinh() {
    }

    /** f(x, 1 − x). */
    interface Integrand {
        double value(double x, double complement);
    }

    /** f(p, 1 − p, θ, 1 − θ). */
    interface Integrand2 {
        double value(double p, double pc, double theta, double thetac);
    }

    static double integrate(Integrand f) {
        double sum = 0.0;
        for (int i = 0; i < X.length; i++) {
            sum += WEIGHT[i] * f.value(X[i], COMPLEMENT[i]);
        }
        return sum;
    }

    static double integrate(Integrand2 f) {
        double sum = 0.0;
        for (int i = 0; i < X.length; i++) {
            double inner = 0.0;
            for (int j = 0; j < X.length; j++) {
                inner += WEIGHT[j] * f.value(X[i], COMPLEMENT[i], X[j], COMPLEMENT[j]);
            }
            sum += WEIGHT[i] * inner;
        }
        return sum;
    }
}
