package org.clv4j.models.gammagamma;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.clv4j.models.fit.FitResult;

/**
 * The outcome of {@link GammaGammaEstimator#fit}: the fitted model with its diagnostics, and an account of the
 * customers the fit left out.
 *
 * <p>The Gamma-Gamma likelihood is defined only for customers with at least one repeat transaction and a positive
 * mean repeat value, so the estimator excludes, and counts here:
 * <ul>
 *   <li>customers with no repeat transactions (x = 0): they carry no spend information; the model values them at
 *       the population mean;</li>
 *   <li>repeat buyers whose mean repeat value is 0 (e.g. free or fully refunded orders): a Gamma-distributed
 *       mean is positive with probability 1, so such a row would contribute ln 0 to the likelihood.</li>
 * </ul>
 * Counts are sums of row weights, i.e. numbers of customers (equal to numbers of rows for unweighted data).
 *
 * <p>Immutable.
 */
public final class GammaGammaFit {

    private final FitResult<GammaGammaModel> result;
    private final double customersFitted;
    private final double excludedWithoutRepeatTransactions;
    private final double excludedWithZeroMeanValue;

    private GammaGammaFit(FitResult<GammaGammaModel> result, double customersFitted,
                          double excludedWithoutRepeatTransactions, double excludedWithZeroMeanValue) {
        this.result = result;
        this.customersFitted = customersFitted;
        this.excludedWithoutRepeatTransactions = excludedWithoutRepeatTransactions;
        this.excludedWithZeroMeanValue = excludedWithZeroMeanValue;
    }

    static GammaGammaFit of(FitResult<GammaGammaModel> result, double customersFitted,
                            double excludedWithoutRepeatTransactions, double excludedWithZeroMeanValue) {
        return new GammaGammaFit(Objects.requireNonNull(result, "result"), customersFitted,
                excludedWithoutRepeatTransactions, excludedWithZeroMeanValue);
    }

    /**
     * The fitted model.
     *
     * @return the model
     */
    public GammaGammaModel model() {
        return result.model();
    }

    /**
     * The model with the optimiser's diagnostics (estimates, log-likelihood, standard errors, convergence, AIC,
     * BIC), as every clv4j estimator returns it.
     *
     * @return the fit result
     */
    public FitResult<GammaGammaModel> result() {
        return result;
    }

    /**
     * This fit, if it converged.
     *
     * @return this
     * @throws IllegalStateException if the fit did not converge
     */
    public GammaGammaFit requireConverged() {
        result.requireConverged();
        return this;
    }

    /**
     * Whether the fit converged.
     *
     * @return true when converged
     */
    public boolean converged() {
        return result.converged();
    }

    /**
     * The total log-likelihood over the customers fitted.
     *
     * @return the log-likelihood
     */
    public double logLikelihood() {
        return result.logLikelihood();
    }

    /**
     * The estimates by name: {@code p}, {@code q}, {@code gamma} (lifetimes' {@code v}).
     *
     * @return an ordered map name → estimate
     */
    public Map<String, Double> parameters() {
        return result.parameters();
    }

    /**
     * The standard errors by name, when the observed information is positive definite.
     *
     * @return an ordered map name → standard error, or empty
     */
    public Optional<Map<String, Double>> standardErrors() {
        return result.standardErrors();
    }

    /**
     * The number of customers the model was fitted to: repeat buyers with a positive mean repeat value.
     *
     * @return the sum of their weights
     */
    public double customersFitted() {
        return customersFitted;
    }

    /**
     * The number of customers excluded because they made no repeat transaction (x = 0).
     *
     * @return the sum of their weights
     */
    public double excludedWithoutRepeatTransactions() {
        return excludedWithoutRepeatTransactions;
    }

    /**
     * The number of repeat buyers excluded because their mean repeat value is 0.
     *
     * @return the sum of their weights
     */
    public double excludedWithZeroMeanValue() {
        return excludedWithZeroMeanValue;
    }

    /**
     * One line saying how many customers were fitted and why the others were excluded, for logs and the CLI.
     *
     * @return e.g. {@code "fitted 946 customers; excluded 1411 without repeat transactions and 0 repeat buyers
     *         with mean value 0"}
     */
    public String exclusionSummary() {
        return String.format(Locale.ROOT,
                "fitted %s customers; excluded %s without repeat transactions and %s repeat buyers with mean value 0",
                count(customersFitted), count(excludedWithoutRepeatTransactions), count(excludedWithZeroMeanValue));
    }

    private static String count(double weight) {
        return weight == Math.rint(weight) && Math.abs(weight) < 1e15 ? Long.toString((long) weight)
                : String.format(Locale.ROOT, "%.3f", weight);
    }

    @Override
    public String toString() {
        return "GammaGammaFit[" + result + ", " + exclusionSummary() + "]";
    }
}
