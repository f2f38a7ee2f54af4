package org.clv4j.models.retention;

import java.time.LocalDate;
import java.util.Objects;
import org.clv4j.core.Transaction;
import org.clv4j.models.internal.ActivityLog;

/**
 * Builds a {@link RetentionReport} from transactions added one at a time, in any order. Create one with
 * {@link RetentionAnalysis#accumulator()}. Not thread-safe; {@link #combine(RetentionAccumulator) combine} the
 * accumulators of parallel parts.
 */
public final class RetentionAccumulator {

    private final RetentionAnalysis analysis;
    private final ActivityLog log;

    RetentionAccumulator(RetentionAnalysis analysis) {
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
     * Merges another accumulator of an equal analysis into this one.
     *
     * @param other the other accumulator; left unchanged
     * @return this accumulator
     * @throws IllegalArgumentException if the analyses differ
     */
    public RetentionAccumulator combine(RetentionAccumulator other) {
        if (!analysis.equals(other.analysis)) {
            throw new IllegalArgumentException("cannot combine accumulators of different analyses: " + analysis
                    + " and " + other.analysis);
        }
        log.combine(other.log);
        return this;
    }

    /**
     * Builds the report.
     *
     * @return the report
     * @throws IllegalArgumentException if no transaction was added, or a customer has refunds only
     */
    public RetentionReport finish() {
        return RetentionReport.build(log, analysis);
    }
}
