package org.clv4j.models.paretonbd;

import java.util.Objects;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.fit.FitOptions;
import org.clv4j.models.fit.FitResult;
import org.clv4j.models.fit.MaximumLikelihood;
import org.clv4j.models.fit.Optimum;

/**
 * Fits the {@link ParetoNbdModel} by maximum likelihood (Fader &amp; Hardie 2005, eq. (22)) with the analytic
 * gradient.
 *
 * <pre>{@code
 * FitResult<ParetoNbdModel> fit = ParetoNbdEstimator.withDefaults().fit(columns);
 * ParetoNbdModel model = fit.requireConverged().model();
 * }</pre>
 *
 * <p>Identical rows are merged before fitting (by a primitive hash table, as {@link SummaryColumns#compress()}
 * would). Unless {@link FitOptions} gives starting values, the fit starts from r = 1, α = (total age) / (total
 * repeat purchases) (so that r/α matches the observed purchase rate), s = 1 and β = the mean age; on more than
 * 50,000 distinct rows it first fits a systematic sample of about 20,000 of them from there and starts the full
 * fit at the sample's estimates, which saves most of the optimiser's iterations on large data.
 *
 * <p>Immutable and thread-safe.
 */
public final class ParetoNbdEstimator {

    private static final int SAMPLE_THRESHOLD = 50_000;
    private static final int SAMPLE_SIZE = 20_000;
    private static final ParetoNbdEstimator DEFAULTS = new ParetoNbdEstimator(FitOptions.withDefaults());

    private final FitOptions options;

    private ParetoNbdEstimator(FitOptions options) {
        this.options = options;
    }

    /**
     * An estimator with the default options.
     *
     * @return the estimator
     */
    public static ParetoNbdEstimator withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with other fit options.
     *
     * @param options the options
     * @return the copy
     */
    public ParetoNbdEstimator withOptions(FitOptions options) {
        return new ParetoNbdEstimator(Objects.requireNonNull(options, "options"));
    }

    /**
     * The fit options.
     *
     * @return the options
     */
    public FitOptions options() {
        return options;
    }

    /**
     * Fits the model.
     *
     * @param columns the customers' summaries (any time unit; the model gets the same unit)
     * @return the fitted model with the fit's diagnostics
     * @throws IllegalArgumentException if the likelihood is not finite at the starting values
     */
    public FitResult<ParetoNbdModel> fit(SummaryColumns columns) {
        ParetoNbdLikelihood likelihood = ParetoNbdLikelihood.of(columns);
        FitOptions run = options;
        if (options.start() == null && likelihood.rows() > SAMPLE_THRESHOLD) {
            ParetoNbdLikelihood sample = likelihood.sample(SAMPLE_SIZE);
            Optimum pilot = MaximumLikelihood.maximize(sample, sample.defaultStart(), options);
            double[] start = pilot.parameters();
            if (pilot.hasCovariance()) {
                start = refine(likelihood, start, pilot.covariance(), pilot.observations(),
                        options.gradientTolerance() * 1e-3);
            }
            run = options.withStart(start);
        }
        Optimum optimum = MaximumLikelihood.maximize(likelihood, likelihood.defaultStart(), run);
        double[] p = optimum.parameters();
        return FitResult.of(ParetoNbdModel.of(p[0], p[1], p[2], p[3], columns.timeUnit()), optimum);
    }

    /**
     * Newton steps on the full data in log-parameters φ = ln θ with the Hessian fixed at the pilot's, scaled to
     * the full data: Δφ = N_pilot · C_φ · ḡ, where C_φ is the pilot's covariance of φ (C_θ / (θ_i θ_j)) and ḡ the
     * mean gradient of the full log-likelihood in φ. The pilot's curvature is what a quasi-Newton method would
     * otherwise spend most of its full-data evaluations learning; with it each step costs one evaluation and
     * gains about a digit. Stops at {@code tolerance}, after 12 steps, or when a step fails to increase the
     * likelihood; returns the best point.
     */
    static double[] refine(ParetoNbdLikelihood likelihood, double[] start, double[][] covariance,
                           double pilotWeight, double tolerance) {
        int k = start.length;
        double[][] cPhi = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                cPhi[i][j] = covariance[i][j] / (start[i] * start[j]);
            }
        }
        double n = likelihood.observations();
        double[] theta = start.clone();
        double[] gradient = new double[k];
        double ll = likelihood.logLikelihood(theta, gradient);
        if (!Double.isFinite(ll)) {
            return start;
        }
        double[] trial = new double[k];
        double[] trialGradient = new double[k];
        for (int step = 0; step < 12; step++) {
            double[] meanGradient = new double[k];
            double largest = 0.0;
            for (int j = 0; j < k; j++) {
                meanGradient[j] = gradient[j] * theta[j] / n;
                largest = Math.max(largest, Math.abs(meanGradient[j]));
            }
            if (largest <= tolerance) {
                break;
            }
            double[] delta = new double[k];
            double size = 0.0;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    delta[i] += pilotWeight * cPhi[i][j] * meanGradient[j];
                }
                size = Math.max(size, Math.abs(delta[i]));
            }
            double t = Math.min(1.0, 1.0 / Math.max(size, 1e-300));
            boolean accepted = false;
            for (int halving = 0; halving < 4 && !accepted; halving++, t *= 0.5) {
                for (int j = 0; j < k; j++) {
                    trial[j] = theta[j] * Math.exp(t * delta[j]);
                }
                double trialLl = likelihood.logLikelihood(trial, trialGradient);
                if (Double.isFinite(trialLl) && trialLl >= ll - 1e-12 * Math.abs(ll)) {
                    System.arraycopy(trial, 0, theta, 0, k);
                    System.arraycopy(trialGradient, 0, gradient, 0, k);
                    ll = trialLl;
                    accepted = true;
                }
            }
            if (!accepted) {
                break;
            }
        }
        return theta;
    }
}
