package org.clv4j.models.fit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maximum-likelihood estimation of positive parameters with analytic gradients.
 *
 * <p>The optimiser minimises {@code f(φ) = −ℓ(e^φ)/N + λ Σ e^{2φ_j}} over the log-parameters φ, where ℓ is the
 * total log-likelihood, N the total weight and λ the penalizer: quasi-Newton (BFGS with a backtracking Armijo line
 * search, steps capped at 3 in log space so that no trial point overflows), then a few Newton steps on a
 * finite-difference Hessian of the analytic gradient to polish the optimum to the tolerance. A run that fails to
 * converge is restarted from scaled starting points; the best run is kept. Infeasible trial points (non-finite ℓ)
 * shorten the step.
 *
 * <p>The covariance of the estimates is the inverse of the observed information −∂²ℓ/∂θ∂θ' at the optimum
 * (unpenalized), from central differences of the analytic gradient.
 *
 * <p>Stateless and thread-safe.
 */
public final class MaximumLikelihood {

    private static final Logger LOG = LoggerFactory.getLogger(MaximumLikelihood.class);
    private static final double MAX_LOG_STEP = 3.0;
    /**
     * Relative rounding noise of the objective tolerated by the Newton polish: close to the optimum a step changes
     * f by less than a few ulps, so requiring a strict decrease would reject steps that cut the gradient by orders
     * of magnitude.
     */
    private static final double OBJECTIVE_NOISE = 1e-13;
    private static final double[] RESTART_SCALES = {0.1, 10.0, 0.5, 2.0, 0.02, 50.0};

    private MaximumLikelihood() {
    }

    /**
     * Maximises the likelihood.
     *
     * @param likelihood the model's log-likelihood over the data
     * @param defaultStart the model's starting values, used when {@code options} has none
     * @param options tolerance, iteration limit, penalizer, restarts
     * @return the optimum with diagnostics and, when the information matrix is positive definite, the covariance
     * @throws IllegalArgumentException if the starting values have the wrong length, or the likelihood is not
     *         finite at any starting point
     */
    public static Optimum maximize(LikelihoodFunction likelihood, double[] defaultStart, FitOptions options) {
        Objects.requireNonNull(likelihood, "likelihood");
        Objects.requireNonNull(options, "options");
        String[] names = likelihood.parameterNames();
        double[] start = options.start() != null ? options.start() : defaultStart.clone();
        if (start.length != names.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "expected %d starting values (%s): start=%s", names.length, String.join(", ", names),
                    Arrays.toString(start)));
        }
        Objective objective = new Objective(likelihood, options.penalizer());
        Run best = null;
        int totalIterations = 0;
        for (int attempt = 0; attempt <= options.restarts(); attempt++) {
            double[] x0 = new double[start.length];
            double scale = attempt == 0 ? 1.0 : RESTART_SCALES[(attempt - 1) % RESTART_SCALES.length];
            for (int j = 0; j < x0.length; j++) {
                // alternate the direction of the scaling across parameters to explore other corners
                double s = (j % 2 == 0 || attempt == 0) ? scale : 1.0 / scale;
                x0[j] = Math.log(start[j] * s);
            }
            Run run = minimize(objective, x0, options);
            if (run == null) {
                continue;
            }
            totalIterations += run.iterations;
            if (best == null || run.f < best.f) {
                best = run;
            }
            if (best.converged) {
                break;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("the log-likelihood is not finite at any starting point: start="
                    + Arrays.toString(start) + "; check the data or give other starting values");
        }
        double[] theta = exp(best.x);
        double logLikelihood = likelihood.logLikelihood(theta, null);
        // the Newton polish's Hessian of the unpenalized objective at the optimum gives the observed information
        // without another 2k gradient evaluations (on large data sets those are a quarter of the fit's cost)
        double[][] covariance = options.penalizer() == 0.0 && best.hessian != null
                ? invert(informationFromLogHessian(best.hessian, best.hessianGradient, exp(best.hessianAt),
                        likelihood.observations()))
                : covariance(likelihood, theta);
        if (!best.converged) {
            LOG.warn("maximum-likelihood fit did not converge: gradient norm {} after {} iterations",
                    best.gradientNorm, totalIterations);
        }
        return new Optimum(names, theta, logLikelihood, totalIterations, objective.evaluations, best.converged,
                best.gradientNorm, covariance, likelihood.observations());
    }

    private static double[] exp(double[] x) {
        double[] t = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            t[i] = Math.exp(x[i]);
        }
        return t;
    }

    /** The scaled, penalized objective in log-parameters, counting evaluations. */
    private static final class Objective {
        final LikelihoodFunction likelihood;
        final double penalizer;
        final double n;
        int evaluations;

        Objective(LikelihoodFunction likelihood, double penalizer) {
            this.likelihood = likelihood;
            this.penalizer = penalizer;
            this.n = likelihood.observations();
        }

        /** f(φ) and its gradient; +Infinity where infeasible. */
        double value(double[] x, double[] g) {
            evaluations++;
            double[] theta = exp(x);
            for (double t : theta) {
                if (!(t > 0.0) || !Double.isFinite(t)) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            double[] gradTheta = new double[x.length];
            double ll = likelihood.logLikelihood(theta, gradTheta);
            if (!Double.isFinite(ll)) {
                return Double.POSITIVE_INFINITY;
            }
            double f = -ll / n;
            for (int j = 0; j < x.length; j++) {
                double gj = -gradTheta[j] * theta[j] / n;
                if (penalizer > 0.0) {
                    f += penalizer * theta[j] * theta[j];
                    gj += 2.0 * penalizer * theta[j] * theta[j];
                }
                if (!Double.isFinite(gj)) {
                    return Double.POSITIVE_INFINITY;
                }
                g[j] = gj;
            }
            return f;
        }
    }

    private static final class Run {
        double[][] hessian;
        double[] hessianAt;
        double[] hessianGradient;
        double[] x;
        double f;
        int iterations;
        boolean converged;
        double gradientNorm;
    }

    private static Run minimize(Objective objective, double[] x0, FitOptions options) {
        int n = x0.length;
        double[] x = x0.clone();
        double[] g = new double[n];
        double f = objective.value(x, g);
        if (!Double.isFinite(f)) {
            return null;
        }
        double tol = options.gradientTolerance();
        double[][] h = identity(n);
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] p = new double[n];
        int iteration = 0;
        int stalls = 0;
        while (iteration < options.maxIterations() && maxAbs(g) > tol) {
            iteration++;
            multiply(h, g, p);
            double slope = 0.0;
            for (int j = 0; j < n; j++) {
                p[j] = -p[j];
                slope += p[j] * g[j];
            }
            if (!(slope < 0.0)) {
                h = identity(n);
                for (int j = 0; j < n; j++) {
                    p[j] = -g[j];
                }
                slope = -dot(g, g);
            }
            double stepCap = MAX_LOG_STEP / Math.max(maxAbs(p), 1e-300);
            double step = Math.min(1.0, stepCap);
            double fNew = Double.POSITIVE_INFINITY;
            boolean accepted = false;
            for (int k = 0; k < 60; k++) {
                for (int j = 0; j < n; j++) {
                    xNew[j] = x[j] + step * p[j];
                }
                fNew = objective.value(xNew, gNew);
                if (fNew <= f + 1e-4 * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                if (++stalls >= 2) {
                    break;
                }
                h = identity(n);
                continue;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int j = 0; j < n; j++) {
                s[j] = xNew[j] - x[j];
                y[j] = gNew[j] - g[j];
            }
            double sy = dot(s, y);
            if (iteration == 1 && sy > 0.0) {
                double scale = sy / dot(y, y);
                for (int i = 0; i < n; i++) {
                    h[i][i] = scale;
                }
            }
            if (sy > 1e-16 * Math.sqrt(dot(s, s) * dot(y, y))) {
                bfgsUpdate(h, s, y, sy);
            }
            double fOld = f;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            f = fNew;
            if (Math.abs(fOld - f) <= 1e-16 * Math.max(1.0, Math.abs(f))) {
                if (++stalls >= 3) {
                    break;
                }
            } else {
                stalls = 0;
            }
        }
        // Newton polish on the finite-difference Hessian of the analytic gradient
        double[][] lastHessian = null;
        double[] lastHessianAt = null;
        double[] lastHessianGradient = null;
        for (int k = 0; k < 6 && maxAbs(g) > tol * 1e-3; k++) {
            double[][] hess = hessian(objective, x, g);
            if (hess != null) {
                lastHessian = hess;
                lastHessianAt = x.clone();
                lastHessianGradient = g.clone();
            }
            double[] step = solvePositiveDefinite(hess, g);
            if (step == null) {
                break;
            }
            double t = Math.min(1.0, MAX_LOG_STEP / Math.max(maxAbs(step), 1e-300));
            boolean improved = false;
            // Near the optimum f is flat to rounding, so a Newton step that shrinks the gradient may raise f by a
            // few ulps: allow that noise, and give up after a few halvings (each costs a full evaluation).
            double noise = OBJECTIVE_NOISE * Math.max(1.0, Math.abs(f));
            for (int m = 0; m < 8; m++) {
                for (int j = 0; j < n; j++) {
                    xNew[j] = x[j] - t * step[j];
                }
                double fTrial = objective.value(xNew, gNew);
                if (fTrial <= f + noise && maxAbs(gNew) < maxAbs(g)) {
                    System.arraycopy(xNew, 0, x, 0, n);
                    System.arraycopy(gNew, 0, g, 0, n);
                    f = fTrial;
                    improved = true;
                    break;
                }
                t *= 0.5;
            }
            iteration++;
            if (!improved) {
                break;
            }
        }
        Run run = new Run();
        run.hessian = lastHessian;
        run.hessianAt = lastHessianAt;
        run.hessianGradient = lastHessianGradient;
        run.x = x;
        run.f = f;
        run.iterations = iteration;
        run.gradientNorm = maxAbs(g);
        run.converged = run.gradientNorm <= tol;
        return run;
    }

    /** Central-difference Hessian of f in log-parameters from the analytic gradient; symmetrised. */
    private static double[][] hessian(Objective objective, double[] x, double[] g) {
        int n = x.length;
        double[][] hess = new double[n][n];
        double[] xp = new double[n];
        double[] gp = new double[n];
        double[] gm = new double[n];
        for (int i = 0; i < n; i++) {
            double h = 1e-5;
            System.arraycopy(x, 0, xp, 0, n);
            xp[i] = x[i] + h;
            double fp = objective.value(xp, gp);
            xp[i] = x[i] - h;
            double fm = objective.value(xp, gm);
            if (!Double.isFinite(fp) || !Double.isFinite(fm)) {
                return null;
            }
            for (int j = 0; j < n; j++) {
                hess[i][j] = (gp[j] - gm[j]) / (2.0 * h);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double avg = 0.5 * (hess[i][j] + hess[j][i]);
                hess[i][j] = avg;
                hess[j][i] = avg;
            }
        }
        return hess;
    }

    /**
     * The inverse observed information in natural parameters, or null when it is not positive definite.
     */
    static double[][] covariance(LikelihoodFunction likelihood, double[] theta) {
        int n = theta.length;
        double[][] info = new double[n][n];
        double[] tp = new double[n];
        double[] gp = new double[n];
        double[] gm = new double[n];
        for (int i = 0; i < n; i++) {
            double h = 1e-5 * theta[i];
            System.arraycopy(theta, 0, tp, 0, n);
            tp[i] = theta[i] + h;
            double lp = likelihood.logLikelihood(tp, gp);
            tp[i] = theta[i] - h;
            double lm = likelihood.logLikelihood(tp, gm);
            if (!Double.isFinite(lp) || !Double.isFinite(lm)) {
                return null;
            }
            for (int j = 0; j < n; j++) {
                info[i][j] = -(gp[j] - gm[j]) / (2.0 * h);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double avg = 0.5 * (info[i][j] + info[j][i]);
                info[i][j] = avg;
                info[j][i] = avg;
            }
        }
        return invert(info);
    }

    /**
     * The observed information in natural parameters from the Hessian H and gradient g of f(φ) = −ℓ(e^φ)/N in
     * log-parameters: −∂²ℓ/∂θ_i∂θ_j = N (H_ij − δ_ij g_i) / (θ_i θ_j).
     */
    static double[][] informationFromLogHessian(double[][] hessian, double[] gradient, double[] theta,
                                                double observations) {
        int n = theta.length;
        double[][] info = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double h = hessian[i][j] - (i == j ? gradient[i] : 0.0);
                info[i][j] = observations * h / (theta[i] * theta[j]);
            }
        }
        return info;
    }

    /** The inverse of a positive definite matrix, or null when it is not. */
    static double[][] invert(double[][] info) {
        int n = info.length;
        double[][] inverse = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1.0;
            double[] column = solvePositiveDefinite(info, e);
            if (column == null) {
                return null;
            }
            inverse[j] = column;
        }
        for (int i = 0; i < n; i++) {
            if (!(inverse[i][i] > 0.0) || !Double.isFinite(inverse[i][i])) {
                return null;
            }
        }
        return inverse;
    }

    /** Solves A z = b by Cholesky; null when A is not (numerically) positive definite. */
    static double[] solvePositiveDefinite(double[][] a, double[] b) {
        if (a == null) {
            return null;
        }
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 0.0) || !Double.isFinite(sum)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        return z;
    }

    private static void bfgsUpdate(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double[] hy = new double[n];
        multiply(h, y, hy);
        double yhy = dot(y, hy);
        double rho = 1.0 / sy;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += rho * ((1.0 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
            }
        }
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1.0;
        }
        return m;
    }

    private static void multiply(double[][] m, double[] v, double[] out) {
        for (int i = 0; i < v.length; i++) {
            double sum = 0.0;
            for (int j = 0; j < v.length; j++) {
                sum += m[i][j] * v[j];
            }
            out[i] = sum;
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double maxAbs(double[] v) {
        double m = 0.0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }
}
