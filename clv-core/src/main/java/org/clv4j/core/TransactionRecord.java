package org.clv4j.core;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable {@link Transaction} implementation.
 *
 * @param customerId the customer id, not blank
 * @param date the purchase date
 * @param time the time of day, or {@code null} when only the date is known
 * @param amount the amount, finite (negative for a refund)
 * @param order the order id, or {@code null} when unknown; not blank when present
 */
public record TransactionRecord(String customerId, LocalDate date, LocalTime time, double amount, String order)
        implements Transaction {

    /**
     * Validates the components.
     *
     * @param customerId the customer id, not blank
     * @param date the purchase date
     * @param time the time of day, or {@code null} when only the date is known
     * @param amount the amount, finite (negative for a refund)
     * @param order the order id, or {@code null} when unknown; not blank when present
     * @throws IllegalArgumentException if the customer id or order id is blank, or the amount is NaN or infinite
     * @throws NullPointerException if the customer id or date is null
     */
    public TransactionRecord {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "customer id must not be blank: customerId='%s', date=%s", customerId, date));
        }
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "amount must be finite for customer %s on %s: amount=%s", customerId, date, amount));
        }
        if (order != null && order.isBlank()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "order id must not be blank when given, for customer %s on %s", customerId, date));
        }
    }

    @Override
    public Optional<String> orderId() {
        return Optional.ofNullable(order);
    }

    /**
     * The date-time of the purchase; midnight when only the date is known.
     *
     * @return the date-time
     */
    public LocalDateTime dateTime() {
        return time == null ? date.atStartOfDay() : date.atTime(time);
    }
}
