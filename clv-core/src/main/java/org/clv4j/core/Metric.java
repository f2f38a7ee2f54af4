package org.clv4j.core;

/**
 * A named computation over customers' transactions, such as the repeat-purchase rate or a cohort table.
 *
 * <p>Metrics are stateless and thread-safe; {@link #compute(Iterable)} reads its input once.
 *
 * @param <R> the result type
 */
public interface Metric<R> {

    /**
     * A short, stable, machine-readable name, such as {@code repeat-purchase-rate}.
     *
     * @return the name
     */
    String name();

    /**
     * Computes the metric.
     *
     * @param transactions the transactions, in any order
     * @return the result
     * @throws IllegalArgumentException if the input is invalid for this metric
     */
    R compute(Iterable<? extends Transaction> transactions);
}
