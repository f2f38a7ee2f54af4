package org.clv4j.models.fit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a {@link MaximumLikelihood} run: the estimates and the diagnostics every fit reports.
 *
 * <p>Immutable. Arrays returned are copies.
 */
public final class Optimum {

    private final String[] names;
    private final double[] parameters;
    private final double logLikelihood;
    private final int iterations;
    private final int evaluations;
    private final boolean converged;
    private final double gradientNorm;
    private final double[][] covariance;
    private final double observations;

    Optimum(String[] names, double[] parameters, double logLikelihood, int iterations, int evaluations,
            boolean converged, double gradientNorm, double[][] covariance, double observations) {
        this.names = names.clone();
        this.parameters = parameters.clone();
        this.logLikelihood = logLikelihood;
        this.iterations = iterations;
        this.evaluations = evaluations;
        this.converged = converged;
        this.gradientNorm = gradientNorm;
        this.covariance = covariance;
        this.observations = observations;
    }

    /**
     * The parameter names, in paper notation.
     *
     * @return a copy of the names
     */
    public String[] parameterNames() {
        return names.clone();
    }

    /**
     * The estimates, in the order of {@link #parameterNames()}.
     *
     * @return a copy of the estimates
     */
    public double[] parameters() {
        return parameters.clone();
    }

    /**
     * The estimates by name, in parameter order.
     *
     * @return an unmodifiable ordered map name → estimate
     */
    public Map<String, Double> parameterMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], parameters[i]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /**
     * The total (weighted, unpenalized) log-likelihood at the estimates.
     *
     * @return the log-likelihood
     */
    public double logLikelihood() {
        return logLikelihood;
    }

    /**
     * Optimiser iterations over all runs (restarts included).
     *
     * @return the iteration count
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Likelihood-and-gradient evaluations over all runs.
     *
     * @return the evaluation count
     */
    public int evaluations() {
        return evaluations;
    }

    /**
     * Whether the gradient of the mean log-likelihood w.r.t. the log-parameters fell below the tolerance.
     *
     * @return true when converged
     */
    public boolean converged() {
        return converged;
    }

    /**
     * The largest absolute component of the gradient of the (penalized) mean objective w.r.t. the log-parameters
     * at the estimates.
     *
     * @return the gradient norm (max-norm)
     */
    public double gradientNorm() {
        return gradientNorm;
    }

    /**
     * The number of observations: the total weight of the customers.
     *
     * @return the observation count
     */
    public double observations() {
        return observations;
    }

    /**
     * Whether a covariance matrix is available: the observed information was positive definite.
     *
     * @return true when {@link #covariance()} and {@link #standardErrors()} can be called
     */
    public boolean hasCovariance() {
        return covariance != null;
    }

    /**
     * The covariance of the estimates: the inverse of the observed information −∂²ℓ/∂θ∂θ'.
     *
     * @return a copy of the matrix, in parameter order
     * @throws IllegalStateException if the information matrix was not positive definite (a boundary or flat
     *         optimum); check {@link #hasCovariance()}
     */
    public double[][] covariance() {
        requireCovariance();
        double[][] copy = new double[covariance.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = covariance[i].clone();
        }
        return copy;
    }

    /**
     * The standard errors of the estimates: square roots of the covariance diagonal.
     *
     * @return the standard errors, in parameter order
     * @throws IllegalStateException if no covariance is available
     */
    public double[] standardErrors() {
        requireCovariance();
        double[] se = new double[parameters.length];
        for (int i = 0; i < se.length; i++) {
            se[i] = Math.sqrt(covariance[i][i]);
        }
        return se;
    }

    /**
     * The standard errors by parameter name, when available.
     *
     * @return an ordered map name → standard error, or empty when the information matrix is not positive definite
     */
    public Optional<Map<String, Double>> standardErrorMap() {
        if (covariance == null) {
            return Optional.empty();
        }
        double[] se = standardErrors();
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], se[i]);
        }
        return Optional.of(java.util.Collections.unmodifiableMap(map));
    }

    /**
     * Akaike's information criterion, {@code 2k − 2ℓ}.
     *
     * @return the AIC
     */
    public double aic() {
        return 2.0 * parameters.length - 2.0 * logLikelihood;
    }

    /**
     * The Bayesian information criterion, {@code k ln N − 2ℓ} with N the number of observations.
     *
     * @return the BIC
     */
    public double bic() {
        return parameters.length * Math.log(observations) - 2.0 * logLikelihood;
    }

    private void requireCovariance() {
        if (covariance == null) {
            throw new IllegalStateException("no covariance: the observed information is not positive definite at "
                    + Arrays.toString(parameters) + " (an optimum on the boundary or a flat likelihood)");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Optimum[%s, logLikelihood=%.6f, converged=%s, iterations=%d]",
                parameterMap(), logLikelihood, converged, iterations);
    }
}
