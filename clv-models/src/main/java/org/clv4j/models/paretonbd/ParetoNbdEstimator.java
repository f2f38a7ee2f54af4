package org.clv4j.models.paretonbd;

import java.util.Objects;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.fit.FitOptions;
import org.clv4j.models.fit.FitResult;
import org.clv4j.models.fit.Optimum;
import org.clv4j.models.internal.PilotRefinement;

/**
 * Fits the {@link ParetoNbdModel} by maximum likelihood (Fader &amp; Hardie 2005, note 009) with the analytic
 * gradient.
 *
 * <pre>{@code
 * FitResult<ParetoNbdModel> fit = ParetoNbdEstimator.withDefaults().fit(columns);
 * ParetoNbdModel model = fit.requireConverged().model();
 * }</pre>
 *
 * <p>Identical rows are merged before fitting ({@link SummaryColumns#compress()}). Unless {@link FitOptions}
 * gives starting values, the fit starts from r = 1, α = (total age) / (total repeat purchases) (so that r/α
 * matches the observed purchase rate), s = 1 and β = the mean age. On more than 50,000 distinct rows it first
 * fits a systematic sample of about 20,000 of them (rows are ordered by x, so the sample is stratified by
 * frequency), carries that fit to the full data by Newton steps with the sample's rescaled information matrix
 * ({@code PilotRefinement}), and starts the optimiser there, which leaves it only the final Newton polish on the
 * large data.
 *
 * <p>Immutable and thread-safe.
 */
public final class ParetoNbdEstimator {

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
        Optimum optimum = PilotRefinement.maximize(likelihood, options, 12);
        double[] p = optimum.parameters();
        return FitResult.of(ParetoNbdModel.of(p[0], p[1], p[2], p[3], columns.timeUnit()), optimum);
    }
}
