package org.clv4j.models.fit;

/**
 * A model's total log-likelihood over a data set, as a function of its parameters, with the analytic gradient.
 *
 * <p>All parameters are strictly positive (every model in clv4j is parameterised so); the optimiser works on their
 * logarithms. Implementations hold the data (primitive columns, weights) and must be thread-safe for concurrent
 * evaluation with different parameter arrays if they evaluate in parallel internally.
 */
public interface LikelihoodFunction {

    /**
     * The parameter names in paper notation, in the order of the parameter arrays.
     *
     * @return the names, e.g. {@code r, alpha, a, b}
     */
    String[] parameterNames();

    /**
     * The total number of observations: the sum of the customers' weights. Used to scale the objective and for
     * BIC.
     *
     * @return the total weight
     */
    double observations();

    /**
     * The total weighted log-likelihood Σ w_i · log L(θ | data_i).
     *
     * @param parameters the parameters θ, all finite and {@code > 0}
     * @param gradient if not null, receives ∂ log L / ∂θ_j (same length as {@code parameters})
     * @return the log-likelihood; may be {@code -Infinity} or NaN only where the parameters are numerically
     *         infeasible, which the optimiser treats as "step too far"
     */
    double logLikelihood(double[] parameters, double[] gradient);
}
