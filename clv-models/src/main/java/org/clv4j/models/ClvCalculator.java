package org.clv4j.models;

import org.clv4j.core.Transaction;
import org.clv4j.models.historical.HistoricalClv;
import org.clv4j.models.historical.HistoricalClvOptions;
import org.clv4j.models.historical.HistoricalClvResult;

/**
 * Entry point to customer lifetime value: one static method per kind of CLV, each delegating to the package that
 * implements it.
 *
 * <pre>{@code
 * HistoricalClvResult clv = ClvCalculator.historical(transactions,
 *         HistoricalClvOptions.defaults().withMargin(0.3).withLifespan(3.0));
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
}
