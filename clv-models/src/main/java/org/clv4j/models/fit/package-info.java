/**
 * Maximum-likelihood fitting shared by all models: a model supplies its {@link
 * org.clv4j.models.fit.LikelihoodFunction} (total log-likelihood and analytic gradient over primitive columns);
 * {@link org.clv4j.models.fit.MaximumLikelihood} maximises it on log-parameters and returns an {@link
 * org.clv4j.models.fit.Optimum} (estimates, log-likelihood, iterations, evaluations, convergence, gradient norm,
 * covariance, standard errors, AIC, BIC), which the model's estimator wraps with the fitted model in a {@link
 * org.clv4j.models.fit.FitResult}. {@link org.clv4j.models.fit.FitOptions} sets starting values, tolerance,
 * iteration limit, L2 penalizer and restarts.
 */
package org.clv4j.models.fit;
