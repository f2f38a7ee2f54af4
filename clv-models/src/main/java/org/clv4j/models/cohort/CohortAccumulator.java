package org.clv4j.models.cohort;

import java.time.LocalDate;
import java.util.Objects;
import org.clv4j.core.Transaction;
import org.clv4j.models.internal.ActivityLog;

/**
 * Builds a {@link CohortTable} from transactions added one at a time, in any order, in memory proportional to
 * the customer-periods with activity. Create one with {@link CohortAnalysis#accumulator()}.
 *
 * <p>Not thread-safe: give each thread its own accumulator and {@link #combine(CohortAccumulator) combine} them
 * (as {@link CohortAnalysis#collector()} does on parallel streams).
 */
public final class CohortAccumulator {

    private final CohortAnalysis analysis;
    private final ActivityLog log;

    CohortAccumulator(CohortAnalysis analysis) {
        this.analysis = analysis;
        this.log = new ActivityLog(analysis.unit(), analysis.observationEnd().orElse(null),
                analysis.refundPolicy());
    }

    /**
     * Adds one transaction.
     *
     * @param transaction the transaction
     * @throws IllegalArgumentException for a blank customer id, a date after the observation end, a non-finite
     *         amount or a rejected refund; the message names the customer
     */
    public void add(Transaction transaction) {
        log.add(transaction.customerId(), transaction.date(), transaction.amount());
    }

    /**
     * Adds many transactions; the same as {@link #add(Transaction)} on each, but faster on large inputs (they are
     * processed in small batches whose memory accesses overlap). After an exception, do not use the accumulator.
     *
     * @param transactions the transactions, in any order
     * @throws IllegalArgumentException as {@link #add(Transaction)}
     */
    public void addAll(Iterable<? extends Transaction> transactions) {
        log.addAll(Objects.requireNonNull(transactions, "transactions"));
    }

    /**
     * Adds one transaction given by its parts.
     *
     * @param customerId the customer id, not blank
     * @param date the purchase date
     * @param amount the amount; negative for a refund
     * @throws IllegalArgumentException for a blank customer id, a date after the observation end, a non-finite
     *         amount or a rejected refund; the message names the customer
     */
    public void add(String customerId, LocalDate date, double amount) {
        log.add(customerId, Objects.requireNonNull(date, "date"), amount);
    }

    /**
     * Merges another accumulator of the same analysis into this one.
     *
     * @param other an accumulator created by an equal {@link CohortAnalysis}; left unchanged
     * @return this accumulator
     * @throws IllegalArgumentException if the analyses differ
     */
    public CohortAccumulator combine(CohortAccumulator other) {
        if (!analysis.equals(other.analysis)) {
            throw new IllegalArgumentException("cannot combine accumulators of different analyses: " + analysis
                    + " and " + other.analysis);
        }
        log.combine(other.log);
        return this;
    }

    /**
     * The number of distinct customers so far.
     *
     * @return the count
     */
    public int customerCount() {
        return log.customerCount();
    }

    /**
     * The number of transactions recorded so far (dropped refunds excluded).
     *
     * @return the count
     */
    public long transactionCount() {
        return log.transactionCount();
    }

    /**
     * Builds the table. The accumulator stays usable: adding more transactions and finishing again gives the
     * table of all of them.
     *
     * @return the cohort table
     * @throws IllegalArgumentException for a customer with refunds only, or a refund in a period before the
     *         customer's first purchase (under {@link org.clv4j.core.summary.RefundPolicy#NET NET})
     */
    public CohortTable finish() {
        return CohortTable.build(log, analysis);
    }
}
