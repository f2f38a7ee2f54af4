package org.clv4j.core.summary;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.clv4j.core.Transaction;

/**
 * Entry points from transactions to {@link CustomerSummary customer summaries}.
 *
 * <pre>{@code
 * List<CustomerSummary> summaries = CustomerSummaries.summarize(transactions,
 *         SummaryOptions.defaults().withTimeUnit(TimeUnit.WEEK)
 *                 .withCalibrationEnd(LocalDate.of(1997, 9, 30))
 *                 .withObservationEnd(LocalDate.of(1998, 6, 30)));
 * SummaryColumns columns = SummaryColumns.of(summaries); // primitive columns for model fitting
 * }</pre>
 */
public final class CustomerSummaries {

    private CustomerSummaries() {
    }

    /**
     * Summarises transactions in any order. One pass in memory proportional to the customers; a second pass over
     * {@code transactions}, for the few customers whose transactions arrived out of date order, only when needed
     * (see {@link SummaryAccumulator}). {@code transactions} must therefore yield the same elements when iterated
     * twice.
     *
     * @param transactions the transaction log
     * @param options the observation window, time unit and refund policy
     * @return one summary per customer with a purchase in the calibration window, in order of first appearance;
     *         empty for an empty log
     * @throws IllegalArgumentException for invalid transactions, naming the customer, the field and the value
     */
    public static List<CustomerSummary> summarize(Iterable<? extends Transaction> transactions,
                                                  SummaryOptions options) {
        Objects.requireNonNull(transactions, "transactions");
        SummaryAccumulator accumulator = SummaryAccumulator.createWithSecondPass(options);
        accumulator.addAll(transactions);
        Set<String> ambiguous = accumulator.ambiguousCustomers();
        if (!ambiguous.isEmpty()) {
            accumulator.restartExact(Set.copyOf(ambiguous));
            for (Transaction t : transactions) {
                accumulator.addExact(t.customerId(), t.date().toEpochDay(), t.amount());
            }
        }
        return accumulator.finish();
    }
}
