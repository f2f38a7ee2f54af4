package org.clv4j.models.fit;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a maximum-likelihood fit runs: starting values, convergence tolerance, iteration limit, L2 penalizer and
 * restarts.
 *
 * <p>Immutable; {@code withX} methods return validated copies. Defaults: the model's own starting values, gradient
 * tolerance 1e-9 (on the mean per-customer log-likelihood with respect to log-parameters), 500 iterations,
 * penalizer 0, 4 restarts.
 *
 * <p>The penalizer λ adds {@code −λ · Σ θ_j²} to the <em>mean</em> per-customer log-likelihood, as Python
 * lifetimes does; it shrinks parameters towards 0 and helps on small or degenerate data. Reported
 * log-likelihoods are always the unpenalized totals.
 */
public final class FitOptions {

    private static final FitOptions DEFAULTS = new FitOptions(null, 1e-9, 500, 0.0, 4);

    private final double[] start;
    private final double gradientTolerance;
    private final int maxIterations;
    private final double penalizer;
    private final int restarts;

    private FitOptions(double[] start, double gradientTolerance, int maxIterations, double penalizer,
                       int restarts) {
        this.start = start;
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
        this.penalizer = penalizer;
        this.restarts = restarts;
    }

    /**
     * The default options.
     *
     * @return the defaults
     */
    public static FitOptions withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with starting values, in the model's parameter order.
     *
     * @param parameters the starting parameters, finite and {@code > 0}
     * @return the copy
     * @throws IllegalArgumentException if a value is not finite and positive
     */
    public FitOptions withStart(double... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            if (!(parameters[i] > 0.0) || !Double.isFinite(parameters[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "starting value %d must be finite and > 0: start=%s", i, Arrays.toString(parameters)));
            }
        }
        return new FitOptions(parameters.clone(), gradientTolerance, maxIterations, penalizer, restarts);
    }

    /**
     * A copy with the gradient tolerance: the fit has converged when every component of the gradient of the mean
     * log-likelihood with respect to the log-parameters is below it in absolute value.
     *
     * @param tolerance finite and {@code > 0}
     * @return the copy
     */
    public FitOptions withGradientTolerance(double tolerance) {
        if (!(tolerance > 0.0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "gradient tolerance must be finite and > 0: gradientTolerance=%s", tolerance));
        }
        return new FitOptions(start, tolerance, maxIterations, penalizer, restarts);
    }

    /**
     * A copy with the iteration limit of each optimisation run.
     *
     * @param iterations {@code >= 1}
     * @return the copy
     */
    public FitOptions withMaxIterations(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("max iterations must be >= 1: maxIterations=" + iterations);
        }
        return new FitOptions(start, gradientTolerance, iterations, penalizer, restarts);
    }

    /**
     * A copy with the L2 penalizer λ (see the class description).
     *
     * @param lambda finite and {@code >= 0}
     * @return the copy
     */
    public FitOptions withPenalizer(double lambda) {
        if (!(lambda >= 0.0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "penalizer must be finite and >= 0: penalizer=%s", lambda));
        }
        return new FitOptions(start, gradientTolerance, maxIterations, lambda, restarts);
    }

    /**
     * A copy with the number of restarts from other starting points tried when a run fails to converge.
     *
     * @param count {@code >= 0}
     * @return the copy
     */
    public FitOptions withRestarts(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("restarts must be >= 0: restarts=" + count);
        }
        return new FitOptions(start, gradientTolerance, maxIterations, penalizer, count);
    }

    /**
     * The starting values, if set.
     *
     * @return a copy of the starting values, or null when the model's defaults are used
     */
    public double[] start() {
        return start == null ? null : start.clone();
    }

    /**
     * The gradient tolerance.
     *
     * @return the tolerance
     */
    public double gradientTolerance() {
        return gradientTolerance;
    }

    /**
     * The iteration limit of one run.
     *
     * @return the limit
     */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * The L2 penalizer λ.
     *
     * @return the penalizer
     */
    public double penalizer() {
        return penalizer;
    }

    /**
     * The number of restarts.
     *
     * @return the restart count
     */
    public int restarts() {
        return restarts;
    }
}
