package org.clv4j.models.fit;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fitted model together with the diagnostics of its fit (Tribuo's trainer → model split: the estimator produces
 * this, the model predicts).
 *
 * <pre>{@code
 * FitResult<BgNbdModel> fit = BgNbdEstimator.withDefaults().fit(columns);
 * BgNbdModel model = fit.requireConverged().model();
 * double ll = fit.logLikelihood();
 * }</pre>
 *
 * @param <M> the model type
 */
public final class FitResult<M> {

    private final M model;
    private final Optimum optimum;

    private FitResult(M model, Optimum optimum) {
        this.model = Objects.requireNonNull(model, "model");
        this.optimum = Objects.requireNonNull(optimum, "optimum");
    }

    /**
     * A result from a model and the optimiser's outcome.
     *
     * @param model the fitted model
     * @param optimum the estimates and diagnostics
     * @param <M> the model type
     * @return the result
     */
    public static <M> FitResult<M> of(M model, Optimum optimum) {
        return new FitResult<>(model, optimum);
    }

    /**
     * The fitted model.
     *
     * @return the model
     */
    public M model() {
        return model;
    }

    /**
     * The estimates and all diagnostics.
     *
     * @return the optimum
     */
    public Optimum optimum() {
        return optimum;
    }

    /**
     * This result, if the fit converged.
     *
     * @return this
     * @throws IllegalStateException if the fit did not converge, with its gradient norm and iterations
     */
    public FitResult<M> requireConverged() {
        if (!optimum.converged()) {
            throw new IllegalStateException("the fit did not converge: " + optimum
                    + ", gradientNorm=" + optimum.gradientNorm());
        }
        return this;
    }

    /**
     * The estimates by name.
     *
     * @return an ordered map name → estimate
     */
    public Map<String, Double> parameters() {
        return optimum.parameterMap();
    }

    /**
     * The standard errors by name, when the observed information is positive definite.
     *
     * @return an ordered map name → standard error, or empty
     */
    public Optional<Map<String, Double>> standardErrors() {
        return optimum.standardErrorMap();
    }

    /**
     * The total (weighted, unpenalized) log-likelihood.
     *
     * @return the log-likelihood
     */
    public double logLikelihood() {
        return optimum.logLikelihood();
    }

    /**
     * Whether the fit converged.
     *
     * @return true when converged
     */
    public boolean converged() {
        return optimum.converged();
    }

    @Override
    public String toString() {
        return "FitResult[" + model + ", " + optimum + "]";
    }
}
