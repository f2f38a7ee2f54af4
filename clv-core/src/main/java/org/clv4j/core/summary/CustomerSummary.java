package org.clv4j.core.summary;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.clv4j.core.TimeUnit;

/**
 * The per-customer summary from which every buy-till-you-die model works: the recency-frequency-monetary (RFM)
 * triple of Fader, Hardie &amp; Lee (2005), "RFM and CLV: using iso-value curves for customer base analysis",
 * Journal of Marketing Research 42(4).
 *
 * <p>All durations are in {@link #timeUnit()}. With purchase days {@code d_0 < d_1 < ... < d_x} in the calibration
 * window (purchases on the same calendar day merged into one, amounts summed):
 * <ul>
 *   <li>{@code frequency} = x, the number of <em>repeat</em> purchase days (the first purchase is excluded);</li>
 *   <li>{@code recency} = d_x − d_0, the time from the first to the last purchase day (0 when x = 0);</li>
 *   <li>{@code T} = end − d_0, the time from the first purchase to the end of the calibration window;</li>
 *   <li>{@code monetaryValue} = mean amount of the repeat purchase days d_1..d_x (0 when x = 0);</li>
 *   <li>{@code orders} and {@code totalSpend}: every transaction in the calibration window, first purchase
 *       included (each transaction is one order).</li>
 * </ul>
 * These are the conventions of the literature and of Python lifetimes' {@code calibration_and_holdout_data}.
 *
 * @param customerId the customer id
 * @param firstPurchase the date of the first purchase, or empty when the summary was not built from transactions
 * @param frequency the number of repeat purchase days, {@code >= 0}
 * @param recency time from first to last purchase day, {@code 0 <= recency <= T}
 * @param T time from first purchase to the end of the calibration window, {@code >= 0}
 * @param monetaryValue mean amount of the repeat purchase days, {@code >= 0}, 0 when frequency is 0
 * @param orders the number of transactions in the calibration window, {@code >= frequency + 1}
 * @param totalSpend the sum of the amounts in the calibration window
 * @param timeUnit the unit of recency and T
 * @param holdout the holdout part, when a calibration end was set
 */
public record CustomerSummary(
        String customerId,
        Optional<LocalDate> firstPurchase,
        int frequency,
        double recency,
        double T,
        double monetaryValue,
        int orders,
        double totalSpend,
        TimeUnit timeUnit,
        Optional<Holdout> holdout) {

    /**
     * Validates the components.
     *
     * @param customerId the customer id
     * @param firstPurchase the date of the first purchase, or empty when the summary was not built from transactions
     * @param frequency the number of repeat purchase days, {@code >= 0}
     * @param recency time from first to last purchase day, {@code 0 <= recency <= T}
     * @param T time from first purchase to the end of the calibration window, {@code >= 0}
     * @param monetaryValue mean amount of the repeat purchase days, {@code >= 0}, 0 when frequency is 0
     * @param orders the number of transactions in the calibration window, {@code >= frequency + 1}
     * @param totalSpend the sum of the amounts in the calibration window
     * @param timeUnit the unit of recency and T
     * @param holdout the holdout part, when a calibration end was set
     * @throws IllegalArgumentException naming the customer, field and value, if the triple is inconsistent:
     *         negative or non-finite values, {@code recency > T}, a recency or monetary value without repeat
     *         purchases, fewer orders than purchase days
     */
    public CustomerSummary {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(firstPurchase, "firstPurchase");
        Objects.requireNonNull(timeUnit, "timeUnit");
        Objects.requireNonNull(holdout, "holdout");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("customer id must not be blank: customerId='" + customerId + "'");
        }
        if (frequency < 0) {
            throw invalid(customerId, "frequency must be >= 0", "frequency=" + frequency);
        }
        requireFinite(customerId, "recency", recency);
        requireFinite(customerId, "T", T);
        requireFinite(customerId, "monetaryValue", monetaryValue);
        requireFinite(customerId, "totalSpend", totalSpend);
        if (recency < 0.0) {
            throw invalid(customerId, "recency must be >= 0", "recency=" + recency);
        }
        if (recency > T) {
            throw invalid(customerId, "recency must be <= T", "recency=" + recency + ", T=" + T);
        }
        if (frequency == 0 && recency != 0.0) {
            throw invalid(customerId, "recency must be 0 when frequency is 0", "recency=" + recency);
        }
        if (monetaryValue < 0.0) {
            throw invalid(customerId, "monetary value must be >= 0", "monetaryValue=" + monetaryValue);
        }
        if (frequency == 0 && monetaryValue != 0.0) {
            throw invalid(customerId, "monetary value must be 0 when frequency is 0",
                    "monetaryValue=" + monetaryValue);
        }
        if (orders < frequency + 1) {
            throw invalid(customerId, "orders must be >= frequency + 1",
                    "orders=" + orders + ", frequency=" + frequency);
        }
    }

    /**
     * A summary known only by its RFM triple, as read from a summary file: orders = frequency + 1, total spend =
     * frequency × monetary value (the first purchase's amount unknown), no first-purchase date, no holdout.
     *
     * @param customerId the customer id
     * @param frequency repeat purchase days
     * @param recency time from first to last purchase
     * @param T time from first purchase to the end of the window
     * @param monetaryValue mean amount of the repeat purchase days
     * @param timeUnit the unit of recency and T
     * @return the summary
     * @throws IllegalArgumentException if the triple is inconsistent
     */
    public static CustomerSummary of(String customerId, int frequency, double recency, double T,
                                     double monetaryValue, TimeUnit timeUnit) {
        return new CustomerSummary(customerId, Optional.empty(), frequency, recency, T, monetaryValue,
                frequency + 1, frequency * monetaryValue, timeUnit, Optional.empty());
    }

    private static void requireFinite(String customerId, String field, double value) {
        if (!Double.isFinite(value)) {
            throw invalid(customerId, field + " must be finite", field + "=" + value);
        }
    }

    private static IllegalArgumentException invalid(String customerId, String rule, String values) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "%s for customer %s: %s",
                rule, customerId, values));
    }
}
