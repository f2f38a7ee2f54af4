package org.clv4j.models;

import java.util.Locale;
import java.util.Map;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;

/**
 * A fitted "buy till you die" model of the number of purchases: BG/NBD, MBG/NBD, Pareto/NBD (continuous time) or
 * BG/BB (discrete purchase opportunities, where every duration is a number of periods).
 *
 * <p>Arguments follow the summary conventions of {@link org.clv4j.core.summary.CustomerSummary}: {@code x} repeat
 * purchases, recency {@code t_x} and age {@code T}, all durations in {@link #timeUnit()}. Implementations are
 * immutable and thread-safe, never return NaN or infinite values for valid input, and throw
 * {@link IllegalArgumentException} naming the argument for invalid input.
 */
public interface TransactionModel {

    /**
     * The model's short name as used by the CLI and model files: {@code bg-nbd}, {@code mbg-nbd},
     * {@code pareto-nbd} or {@code bg-bb}.
     *
     * @return the name
     */
    String name();

    /**
     * The time unit of every duration the model takes and returns.
     *
     * @return the unit
     */
    TimeUnit timeUnit();

    /**
     * The parameters by name in paper notation, in the paper's order.
     *
     * @return an ordered, unmodifiable map
     */
    Map<String, Double> parameters();

    /**
     * The expected number of purchases of a new customer in its first {@code t} units, E[X(t)].
     *
     * @param t the duration, finite and {@code >= 0}
     * @return E[X(t)], 0 at t = 0, non-decreasing in t
     */
    double expectedPurchases(double t);

    /**
     * The expected number of purchases in the next {@code t} units of a customer with history (x, t_x, T),
     * E[Y(t) | x, t_x, T].
     *
     * @param t the horizon, finite and {@code >= 0}
     * @param x the number of repeat purchases
     * @param tx the recency
     * @param T the age
     * @return the conditional expectation, 0 at t = 0
     */
    double conditionalExpectedPurchases(double t, double x, double tx, double T);

    /**
     * The probability that a customer with history (x, t_x, T) is still alive at T.
     *
     * @param x the number of repeat purchases
     * @param tx the recency
     * @param T the age
     * @return P(alive) in [0, 1]
     */
    double probabilityAlive(double x, double tx, double T);

    /**
     * The probability of exactly {@code n} purchases in the first {@code t} units of a new customer, P(X(t) = n).
     *
     * @param n the number of purchases, {@code >= 0}
     * @param t the duration, finite and {@code >= 0}
     * @return the probability in [0, 1]
     */
    double probabilityOfPurchases(int n, double t);

    /**
     * The log-likelihood of one customer's history.
     *
     * @param x the number of repeat purchases
     * @param tx the recency
     * @param T the age
     * @return log L(θ | x, t_x, T), finite
     */
    double logLikelihood(double x, double tx, double T);

    /**
     * Scores many customers at once: expected purchases in the next {@code horizon} units and P(alive) now.
     * Implementations may override this with a faster, parallel loop.
     *
     * @param columns the customers (weights are ignored)
     * @param horizon the horizon, in {@link #timeUnit()}
     * @param expectedPurchases receives E[Y(horizon) | x_i, t_x,i, T_i]; length {@code columns.size()}
     * @param probabilityAlive receives P(alive)_i; length {@code columns.size()}, or null when not wanted
     * @throws IllegalArgumentException if the time units differ or an array has the wrong length
     */
    default void score(SummaryColumns columns, double horizon, double[] expectedPurchases,
                       double[] probabilityAlive) {
        if (!columns.timeUnit().equals(timeUnit())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "summaries are in %s but the %s model is in %s", columns.timeUnit(), name(), timeUnit()));
        }
        int n = columns.size();
        if (expectedPurchases.length != n || (probabilityAlive != null && probabilityAlive.length != n)) {
            throw new IllegalArgumentException("output arrays must have length " + n);
        }
        double[] x = columns.frequencyArray();
        double[] tx = columns.recencyArray();
        double[] bigT = columns.tArray();
        for (int i = 0; i < n; i++) {
            expectedPurchases[i] = conditionalExpectedPurchases(horizon, x[i], tx[i], bigT[i]);
            if (probabilityAlive != null) {
                probabilityAlive[i] = probabilityAlive(x[i], tx[i], bigT[i]);
            }
        }
    }
}
