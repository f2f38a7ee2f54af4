package org.clv4j.models.bgbb;

/**
 * The BG/BB quantities computed the slow, direct way: Bayes' rule integrated numerically over the latent
 * transaction probability p ~ Beta(α, β) and dropout probability θ ~ Beta(γ, δ), with the likelihood of the
 * model's story written out term by term (no beta functions, no closed forms). Prior normalising constants cancel
 * in every ratio and are never computed.
 */
final class BayesIntegration {

    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double delta;

    BayesIntegration(double alpha, double beta, double gamma, double delta) {
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.delta = delta;
    }

    private double prior(double p, double pc, double theta, double thetac) {
        return Math.exp((alpha - 1) * Math.log(p) + (beta - 1) * Math.log(pc) + (gamma - 1) * Math.log(theta)
                + (delta - 1) * Math.log(thetac));
    }

    /** P(history, alive through n | p, θ): x transactions in n periods, no dropout. */
    private static double alive(int x, int n, double p, double pc, double thetac) {
        return Math.pow(p, x) * Math.pow(pc, n - x) * Math.pow(thetac, n);
    }

    /** P(history, dropped out after period t_x + i for some i | p, θ). */
    private static double dropped(int x, int tx, int n, double p, double pc, double theta, double thetac) {
        double sum = 0.0;
        for (int i = 0; i < n - tx; i++) {
            sum += Math.pow(p, x) * Math.pow(pc, tx - x + i) * theta * Math.pow(thetac, tx + i);
        }
        return sum;
    }

    private double evidence(int x, int tx, int n) {
        return TanhSinh.integrate((p, pc, th, thc) -> prior(p, pc, th, thc)
                * (alive(x, n, p, pc, thc) + dropped(x, tx, n, p, pc, th, thc)));
    }

    double probabilityAlive(int x, int tx, int n) {
        double alive = TanhSinh.integrate((p, pc, th, thc) -> prior(p, pc, th, thc) * alive(x, n, p, pc, thc));
        return alive / evidence(x, tx, n);
    }

    /** E[transactions in periods n+1..n+k | history] = E[1{alive at n} p Σ_j (1−θ)^j | history]. */
    double conditionalExpected(int k, int x, int tx, int n) {
        double numerator = TanhSinh.integrate((p, pc, th, thc) -> {
            double survival = 0.0;
            for (int j = 1; j <= k; j++) {
                survival += Math.pow(thc, j);
            }
            return prior(p, pc, th, thc) * alive(x, n, p, pc, thc) * p * survival;
        });
        return numerator / evidence(x, tx, n);
    }

    /** Σ_k P(transaction at n+k | history)/(1+d)^k with the geometric series summed in closed form per (p, θ). */
    double discountedResidual(double d, int x, int tx, int n) {
        double z = 1.0 / (1.0 + d);
        double numerator = TanhSinh.integrate((p, pc, th, thc) -> prior(p, pc, th, thc) * alive(x, n, p, pc, thc)
                * p * thc * z / (1.0 - thc * z));
        return numerator / evidence(x, tx, n);
    }

    double expected(int n) {
        double numerator = TanhSinh.integrate((p, pc, th, thc) -> {
            double survival = 0.0;
            for (int j = 1; j <= n; j++) {
                survival += Math.pow(thc, j);
            }
            return prior(p, pc, th, thc) * p * survival;
        });
        return numerator / TanhSinh.integrate(this::prior);
    }

    double probabilityOfCount(int x, int n) {
        double numerator = TanhSinh.integrate((p, pc, th, thc) -> {
            double sum = binomial(n, x) * Math.pow(p, x) * Math.pow(pc, n - x) * Math.pow(thc, n);
            for (int i = x; i < n; i++) {
                sum += binomial(i, x) * Math.pow(p, x) * Math.pow(pc, i - x) * th * Math.pow(thc, i);
            }
            return prior(p, pc, th, thc) * sum;
        });
        return numerator / TanhSinh.integrate(this::prior);
    }

    private static double binomial(int n, int k) {
        double c = 1.0;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }
}
