package org.clv4j.models.internal;

import org.clv4j.models.fit.FitOptions;
import org.clv4j.models.fit.LikelihoodFunction;
import org.clv4j.models.fit.MaximumLikelihood;
import org.clv4j.models.fit.Optimum;

/**
 * Carries a fit on a sample of the data (the pilot) over to the full data cheaply: Newton steps on the full
 * log-likelihood with the pilot's inverse observed information, rescaled by the ratio of the sample sizes, in place
 * of the full Hessian (a chord method; the information per customer of a large systematic sample is close to the
 * full data's, so each step gains one to two digits). It stops as soon as the full-data gradient meets the
 * optimiser's convergence test, or a step fails to raise the likelihood; the optimiser then only polishes.
 *
 * <p>Not part of the public API.
 */
public final class PilotRefinement {

    /** Above this many distinct rows, and without user-given starting values, a fit starts from a pilot fit. */
    static final int SAMPLE_THRESHOLD = 50_000;
    /** The rows of the pilot sample. */
    static final int SAMPLE_SIZE = 20_000;

    private PilotRefinement() {
    }

    /**
     * Maximises {@code likelihood}; on more than 50,000 distinct rows without user-given starting values, first
     * fits a systematic 20,000-row sample and carries that fit over by {@link #refine} so that the optimiser on
     * the full data only polishes.
     *
     * @param likelihood the full data's likelihood
     * @param options the fit options
     * @param maxSteps the most refinement steps
     * @return the optimum on the full data
     */
    public static Optimum maximize(SampledLikelihood likelihood, FitOptions options, int maxSteps) {
        FitOptions run = options;
        if (options.start() == null && likelihood.rows() > SAMPLE_THRESHOLD) {
            SampledLikelihood sample = likelihood.sample(SAMPLE_SIZE);
            Optimum pilot = MaximumLikelihood.maximize(sample, sample.defaultStart(), options);
            run = options.withStart(refine(likelihood, pilot, options.gradientTolerance(), maxSteps));
        }
        return MaximumLikelihood.maximize(likelihood, likelihood.defaultStart(), run);
    }

    /**
     * Refines the pilot's estimates on the full data.
     *
     * @param full the full data's likelihood
     * @param pilot the pilot fit, with a covariance
     * @param tolerance the optimiser's gradient tolerance (on the mean log-likelihood w.r.t. log-parameters)
     * @param maxSteps the most Newton steps to take
     * @return the refined estimates, or the pilot's when the pilot has no covariance or no step helps
     */
    public static double[] refine(LikelihoodFunction full, Optimum pilot, double tolerance, int maxSteps) {
        double[] theta = pilot.parameters();
        if (!pilot.hasCovariance()) {
            return theta;
        }
        int k = theta.length;
        double n = full.observations();
        double[][] covariance = pilot.covariance();
        double scale = pilot.observations() / n;
        double[] gradient = new double[k];
        double value = full.logLikelihood(theta, gradient);
        for (int step = 0; step < maxSteps && Double.isFinite(value); step++) {
            double largest = 0.0;
            for (int j = 0; j < k; j++) {
                largest = Math.max(largest, Math.abs(gradient[j] * theta[j] / n));
            }
            if (largest <= tolerance) {
                break;
            }
            double[] next = new double[k];
            boolean feasible = true;
            for (int i = 0; i < k; i++) {
                double delta = 0.0;
                for (int j = 0; j < k; j++) {
                    delta += covariance[i][j] * scale * gradient[j];
                }
                next[i] = theta[i] + delta;
                // stay well inside the positive orthant; otherwise leave the rest to the optimiser
                feasible &= next[i] > 0.5 * theta[i] && next[i] < 2.0 * theta[i];
            }
            if (!feasible) {
                break;
            }
            double[] nextGradient = new double[k];
            double nextValue = full.logLikelihood(next, nextGradient);
            if (!(nextValue >= value - 1e-12 * Math.abs(value))) {
                break;
            }
            theta = next;
            value = nextValue;
            gradient = nextGradient;
        }
        return theta;
    }
}
