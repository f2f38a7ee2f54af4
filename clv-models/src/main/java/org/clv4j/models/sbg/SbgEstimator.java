package org.clv4j.models.sbg;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.clv4j.models.fit.FitOptions;
import org.clv4j.models.fit.FitResult;
import org.clv4j.models.fit.MaximumLikelihood;
import org.clv4j.models.fit.Optimum;

/**
 * Fits the {@link SbgModel} to survivor counts by maximum likelihood (Fader &amp; Hardie 2007, eq. 5–7), with the
 * analytic gradient and standard errors from the observed information.
 *
 * <pre>{@code
 * SurvivalData regular = SurvivalData.of("regular", 1000, 631, 468, 382, 326, 289, 262, 241);
 * FitResult<SbgModel> fit = SbgEstimator.withDefaults().fit(regular).requireConverged();
 * SbgModel model = fit.model();                       // alpha = 0.704, beta = 1.182
 * double[] projected = model.survivalCurve(12);       // fraction alive, periods 0..12
 * }</pre>
 *
 * <p>With several cohorts, {@link #fit(SurvivalData)} estimates one (α, β) shared by all of them (the sum of their
 * log-likelihoods), while {@link #fitEachCohort(SurvivalData)} fits every cohort on its own.
 *
 * <p>The likelihood has an interior maximum only when the data show both churn and heterogeneity. Data without
 * any churn, or with no customer observed beyond period 1 (which identifies only the mean churn probability
 * α/(α + β)), are rejected. When the observed retention rates do not increase with tenure, the best sBG is the
 * homogeneous limit α, β → ∞; the fit then reports {@code converged() == false} (see
 * {@link FitResult#requireConverged()}).
 *
 * <p>Immutable and thread-safe.
 */
public final class SbgEstimator {

    private static final SbgEstimator DEFAULTS = new SbgEstimator(FitOptions.withDefaults());
    /** Starting values α = β = 1: θ uniform on (0, 1). */
    private static final double[] DEFAULT_START = {1.0, 1.0};

    private final FitOptions options;

    private SbgEstimator(FitOptions options) {
        this.options = options;
    }

    /**
     * The estimator with default options (starting values α = β = 1, see {@link FitOptions#withDefaults()}).
     *
     * @return the estimator
     */
    public static SbgEstimator withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with other fitting options.
     *
     * @param options the options; starting values, if given, in the order (alpha, beta)
     * @return the copy
     */
    public SbgEstimator withOptions(FitOptions options) {
        return new SbgEstimator(Objects.requireNonNull(options, "options"));
    }

    /**
     * The fitting options.
     *
     * @return the options
     */
    public FitOptions options() {
        return options;
    }

    /**
     * Fits one model to all cohorts pooled: maximises {@code Σ_cohorts ℓ_c(α, β)}. With a single cohort this is the
     * fit of the paper.
     *
     * @param data the survivor counts
     * @return the fitted model with its log-likelihood, convergence diagnostics and standard errors
     * @throws IllegalArgumentException if no customer was lost in any cohort, or no customer was observed beyond
     *         period 1
     */
    public FitResult<SbgModel> fit(SurvivalData data) {
        Objects.requireNonNull(data, "data");
        return fit(data.cohorts(), data.labels().toString());
    }

    /**
     * Fits each cohort separately.
     *
     * @param data the survivor counts
     * @return an unmodifiable map cohort label → fit, in the order of the cohorts
     * @throws IllegalArgumentException if a cohort has no churn or no customer observed beyond period 1; the
     *         message names the cohort
     */
    public Map<String, FitResult<SbgModel>> fitEachCohort(SurvivalData data) {
        Objects.requireNonNull(data, "data");
        Map<String, FitResult<SbgModel>> fits = new LinkedHashMap<>();
        for (SurvivalCohort cohort : data.cohorts()) {
            fits.put(cohort.label(), fit(List.of(cohort), cohort.label()));
        }
        return Collections.unmodifiableMap(fits);
    }

    private FitResult<SbgModel> fit(List<SurvivalCohort> cohorts, String description) {
        SbgLikelihood likelihood = SbgLikelihood.of(cohorts);
        if (likelihood.totalLost() == 0.0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "no customer was lost in cohort %s: with 100%% retention the sBG has no finite "
                            + "maximum-likelihood estimate", description));
        }
        if (!likelihood.observesBeyondFirstPeriod()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "no customer of cohort %s is observed beyond period 1 (lost in period 2 or later, or alive at "
                            + "period 2 or later): the data identify only the first-period churn rate, not alpha "
                            + "and beta separately", description));
        }
        Optimum optimum = MaximumLikelihood.maximize(likelihood, DEFAULT_START, options);
        double[] theta = optimum.parameters();
        return FitResult.of(SbgModel.of(theta[0], theta[1]), optimum);
    }
}
