package org.clv4j.models.predictive;

import java.util.Locale;
import org.clv4j.core.TimeUnit;

/**
 * The probabilistic CLV of many customers, row by row in the order of the input columns, with the ingredients of
 * each value and the weighted total.
 *
 * <p>Immutable. Array accessors return copies; the indexed accessors ({@link #clv(int)}, ...) do not copy.
 */
public final class ProbabilisticClvResult {

    private final ProbabilisticClv calculator;
    private final double[] clv;
    private final double[] expectedPurchases;
    private final double[] probabilityAlive;
    private final double[] expectedAverageValue;
    private final double customers;
    private final double total;

    ProbabilisticClvResult(ProbabilisticClv calculator, double[] clv, double[] expectedPurchases,
                           double[] probabilityAlive, double[] expectedAverageValue, double customers,
                           double total) {
        this.calculator = calculator;
        this.clv = clv;
        this.expectedPurchases = expectedPurchases;
        this.probabilityAlive = probabilityAlive;
        this.expectedAverageValue = expectedAverageValue;
        this.customers = customers;
        this.total = total;
    }

    /**
     * The calculator that produced this result: models, options, step length and horizon.
     *
     * @return the calculator
     */
    public ProbabilisticClv calculator() {
        return calculator;
    }

    /**
     * The number of rows.
     *
     * @return the row count
     */
    public int size() {
        return clv.length;
    }

    /**
     * The number of customers valued: the sum of the row weights.
     *
     * @return the total weight
     */
    public double customers() {
        return customers;
    }

    /**
     * The CLV summed over all customers, each row counted with its weight: Σ w_i · CLV_i.
     *
     * @return the total
     */
    public double total() {
        return total;
    }

    /**
     * The mean CLV per customer, {@link #total()} / {@link #customers()}.
     *
     * @return the weighted mean
     */
    public double mean() {
        return total / customers;
    }

    /**
     * The CLV of one row.
     *
     * @param row the row index
     * @return margin × Σ_i m · ΔE_i / (1 + d)^i
     */
    public double clv(int row) {
        return clv[row];
    }

    /**
     * The CLV of every row.
     *
     * @return a copy of the values
     */
    public double[] clv() {
        return clv.clone();
    }

    /**
     * The expected number of purchases of one row over the whole horizon, E[X(H·s) | x, t_x, T] (undiscounted).
     *
     * @param row the row index
     * @return the expected purchases
     */
    public double expectedPurchases(int row) {
        return expectedPurchases[row];
    }

    /**
     * The expected number of purchases of every row over the whole horizon.
     *
     * @return a copy of the values
     */
    public double[] expectedPurchases() {
        return expectedPurchases.clone();
    }

    /**
     * The probability that the customer of one row is alive now, at T.
     *
     * @param row the row index
     * @return P(alive) in [0, 1]
     */
    public double probabilityAlive(int row) {
        return probabilityAlive[row];
    }

    /**
     * The probability of every row's customer being alive now.
     *
     * @return a copy of the values
     */
    public double[] probabilityAlive() {
        return probabilityAlive.clone();
    }

    /**
     * The Gamma-Gamma expected average transaction value E[M | x, m̄] of one row (the population mean for x = 0).
     *
     * @param row the row index
     * @return m
     */
    public double expectedAverageValue(int row) {
        return expectedAverageValue[row];
    }

    /**
     * The expected average transaction value of every row.
     *
     * @return a copy of the values
     */
    public double[] expectedAverageValue() {
        return expectedAverageValue.clone();
    }

    /**
     * The time unit of the horizon and of the summaries.
     *
     * @return the transaction model's unit
     */
    public TimeUnit timeUnit() {
        return calculator.timeUnit();
    }

    /**
     * The horizon H·s.
     *
     * @return the horizon in {@link #timeUnit()}
     */
    public double horizon() {
        return calculator.horizon();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ProbabilisticClvResult[rows=%d, customers=%s, total=%s, horizon=%s %s]",
                clv.length, customers, total, horizon(), timeUnit());
    }
}
