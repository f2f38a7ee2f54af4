package org.clv4j.core;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * One purchase (an order) by one customer.
 *
 * <p>A transaction has a customer id, a calendar date (the summaries work at day resolution; a time of day, when
 * known, travels along but does not change any metric), an amount in the shop's currency, and optionally an order
 * id. A negative amount is a refund: summaries reject refunds by default and can drop or net them
 * ({@link org.clv4j.core.summary.RefundPolicy}). A zero amount is a valid order.
 *
 * <p>Implement this interface to feed your own entity classes to clv4j without copying them, or create
 * {@link TransactionRecord}s with the {@code of} factories:
 * <pre>{@code
 * Transaction t = Transaction.of("c-42", LocalDate.of(2024, 3, 1), 19.90);
 * }</pre>
 */
public interface Transaction {

    /**
     * The customer's id; never blank.
     *
     * @return the customer id
     */
    String customerId();

    /**
     * The calendar day of the purchase.
     *
     * @return the purchase date
     */
    LocalDate date();

    /**
     * The amount spent; finite, negative for a refund.
     *
     * @return the amount
     */
    double amount();

    /**
     * The order id, when the source has one.
     *
     * @return the order id, or empty
     */
    default Optional<String> orderId() {
        return Optional.empty();
    }

    /**
     * A transaction on a calendar day.
     *
     * @param customerId the customer id, not blank
     * @param date the purchase date
     * @param amount the amount, finite
     * @return the transaction
     * @throws IllegalArgumentException if the id is blank or the amount not finite
     */
    static TransactionRecord of(String customerId, LocalDate date, double amount) {
        return new TransactionRecord(customerId, date, null, amount, null);
    }

    /**
     * A transaction at a date-time; the time of day is kept but summaries use the date.
     *
     * @param customerId the customer id, not blank
     * @param dateTime the purchase date and time
     * @param amount the amount, finite
     * @return the transaction
     * @throws IllegalArgumentException if the id is blank or the amount not finite
     */
    static TransactionRecord of(String customerId, LocalDateTime dateTime, double amount) {
        return new TransactionRecord(customerId, dateTime.toLocalDate(), dateTime.toLocalTime(), amount, null);
    }

    /**
     * A transaction with an order id.
     *
     * @param customerId the customer id, not blank
     * @param date the purchase date
     * @param amount the amount, finite
     * @param orderId the order id, not blank
     * @return the transaction
     * @throws IllegalArgumentException if an id is blank or the amount not finite
     */
    static TransactionRecord of(String customerId, LocalDate date, double amount, String orderId) {
        return new TransactionRecord(customerId, date, null, amount, orderId);
    }
}
