package org.clv4j.models.mbgnbd;

import java.util.Objects;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.fit.FitOptions;
import org.clv4j.models.fit.FitResult;
import org.clv4j.models.fit.MaximumLikelihood;
import org.clv4j.models.fit.Optimum;
import org.clv4j.models.internal.BetaGeometricNbdLikelihood;

/**
 * Fits the {@link MbgNbdModel} by maximum likelihood (Batislam, Denizel &amp; Filiztekin 2007) with the analytic
 * gradient.
 *
 * <pre>{@code
 * FitResult<MbgNbdModel> fit = MbgNbdEstimator.withDefaults().fit(columns);
 * MbgNbdModel model = fit.requireConverged().model();
 * }</pre>
 *
 * <p>Identical rows are merged before fitting ({@link SummaryColumns#compress()}). Unless {@link FitOptions}
 * gives starting values, the fit starts from r = 1, α = (total age) / (total repeat purchases) (so that the mean
 * purchase rate r/α matches the data's), a = 1 and b = 3.
 *
 * <p>Immutable and thread-safe.
 */
public final class MbgNbdEstimator {

    private static final MbgNbdEstimator DEFAULTS = new MbgNbdEstimator(FitOptions.withDefaults());

    private final FitOptions options;

    private MbgNbdEstimator(FitOptions options) {
        this.options = options;
    }

    /**
     * An estimator with the default options.
     *
     * @return the estimator
     */
    public static MbgNbdEstimator withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with other fit options.
     *
     * @param options the options
     * @return the copy
     */
    public MbgNbdEstimator withOptions(FitOptions options) {
        return new MbgNbdEstimator(Objects.requireNonNull(options, "options"));
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
    public FitResult<MbgNbdModel> fit(SummaryColumns columns) {
        SummaryColumns data = columns.compress();
        Optimum optimum = MaximumLikelihood.maximize(new MbgNbdLikelihood(data), defaultStart(data), options);
        double[] p = optimum.parameters();
        return FitResult.of(MbgNbdModel.of(p[0], p[1], p[2], p[3], data.timeUnit()), optimum);
    }

    static double[] defaultStart(SummaryColumns data) {
        return BetaGeometricNbdLikelihood.defaultStart(data.frequencyArray(), data.tArray(), data.weightArray());
    }
}
