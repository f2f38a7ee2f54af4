package org.clv4j.models;

import org.clv4j.core.Transaction;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.gammagamma.GammaGammaModel;
import org.clv4j.models.historical.HistoricalClv;
import org.clv4j.models.historical.HistoricalClvOptions;
import org.clv4j.models.historical.HistoricalClvResult;
import org.clv4j.models.predictive.ProbabilisticClv;
import org.clv4j.models.predictive.ProbabilisticClvOptions;
import org.clv4j.models.predictive.ProbabilisticClvResult;

/**
 * Entry point to customer lifetime value: one static method per kind of CLV, each delegating to the package that
 * implements it.
 *
 * <pre>{@code
 * HistoricalClvResult clv = ClvCalculator.historical(transactions,
 *         HistoricalClvOptions.defaults().withMargin(0.3).withLifespan(3.0));
 * ProbabilisticClvResult forecast = ClvCalculator.probabilistic(bgNbd, gammaGamma, columns,
 *         ProbabilisticClvOptions.defaults().withSteps(12).withDiscountRate(0.01));
 * }</pre>
 */
public final class ClvCalculator {

    private ClvCalculator() {
    }

    /**
     * Historical CLV of every customer: {@code margin × AOV × frequency × lifespan − acquisitionCost}, with the
     * lifespan discounted when a discount rate is set (see {@link HistoricalClv}).
     *
     * @param transactions the transaction log, in any order (iterated twice when some customer's transactions are
     *        out of date order)
     * @param options margin, acquisition costs, lifespan, discount rate, observation window and segments
     * @return per-customer values with every input of the formula, and aggregates overall and by segment
     * @throws IllegalArgumentException for an empty log, invalid transactions, transactions after the observation
     *         end, refunds under the default policy, or a lifespan that cannot be estimated
     */
    public static HistoricalClvResult historical(Iterable<? extends Transaction> transactions,
                                                 HistoricalClvOptions options) {
        return HistoricalClv.calculate(transactions, options);
    }

    /**
     * Historical CLV with {@link HistoricalClvOptions#defaults() the default options}: revenue-based (margin 1), no
     * acquisition cost, time unit year, lifespan estimated from the observed churn, no discounting.
     *
     * @param transactions the transaction log, in any order
     * @return per-customer values and aggregates
     * @throws IllegalArgumentException as {@link #historical(Iterable, HistoricalClvOptions)}
     */
    public static HistoricalClvResult historical(Iterable<? extends Transaction> transactions) {
        return HistoricalClv.calculate(transactions, HistoricalClvOptions.defaults());
    }

    /**
     * Probabilistic CLV of every customer from a fitted transaction model and a fitted Gamma-Gamma spend model:
     * {@code margin × Σ_{i=1..H} m · (E[X(i·s)] − E[X((i−1)·s)]) / (1 + d)^i} (see {@link ProbabilisticClv}).
     *
     * @param transactions the fitted transaction model (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB)
     * @param spend the fitted Gamma-Gamma model; needs {@code q > 1}
     * @param customers the customers' summaries, in the transaction model's time unit (frequency, recency, T,
     *        monetary value; weights count customers in the total)
     * @param options steps H, step length s, discount rate d per step and margin
     * @return the CLV of every row, with expected purchases, P(alive), expected average value and the total
     * @throws IllegalArgumentException if the spend model has {@code q <= 1}, the time units differ or a row is
     *         invalid for a model
     */
    public static ProbabilisticClvResult probabilistic(TransactionModel transactions, GammaGammaModel spend,
                                                       SummaryColumns customers, ProbabilisticClvOptions options) {
        return ProbabilisticClv.of(transactions, spend, options).calculate(customers);
    }
}
