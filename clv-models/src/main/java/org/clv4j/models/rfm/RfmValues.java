package org.clv4j.models.rfm;

import java.util.Locale;
import java.util.Objects;
import org.clv4j.core.summary.CustomerSummary;

/**
 * A customer's raw recency, frequency and monetary value, before scoring.
 *
 * @param customerId the customer's id, not blank
 * @param recencyDays days from the last purchase to the observation end; 0 for a purchase on that day
 * @param frequency the number of orders (transactions), at least 1
 * @param monetary the spend measure ({@link RfmMonetary}): total spend or mean spend per order; finite,
 *        {@code >= 0}
 */
public record RfmValues(String customerId, long recencyDays, int frequency, double monetary) {

    /**
     * Validates the values.
     *
     * @param customerId the customer's id, not blank
     * @param recencyDays days since the last purchase, {@code >= 0}
     * @param frequency orders, {@code >= 1}
     * @param monetary spend, finite and {@code >= 0}
     * @throws IllegalArgumentException naming the customer, the field and the value
     */
    public RfmValues {
        Objects.requireNonNull(customerId, "customerId");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("customer id must not be blank: customerId='" + customerId + "'");
        }
        if (recencyDays < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "recency must be >= 0 days for customer %s: recencyDays=%d", customerId, recencyDays));
        }
        if (frequency < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "frequency must be >= 1 order for customer %s: frequency=%d", customerId, frequency));
        }
        if (!(monetary >= 0.0) || !Double.isFinite(monetary)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "monetary value must be finite and >= 0 for customer %s: monetary=%s", customerId, monetary));
        }
    }

    /**
     * The RFM values of a customer summary: recency = T − recency of the summary, in days, rounded to whole days;
     * frequency = {@link CustomerSummary#orders()}; monetary = {@link CustomerSummary#totalSpend()}, or divided by
     * the orders for {@link RfmMonetary#AVERAGE_ORDER}. With a holdout period, the calibration window is used.
     *
     * @param summary the summary
     * @param measure the spend measure
     * @return the values
     * @throws IllegalArgumentException if the summary's total spend is negative
     */
    public static RfmValues fromSummary(CustomerSummary summary, RfmMonetary measure) {
        long days = Math.round(summary.timeUnit().toDays(summary.T() - summary.recency()));
        double spend = summary.totalSpend();
        return new RfmValues(summary.customerId(), days, summary.orders(),
                measure == RfmMonetary.AVERAGE_ORDER ? spend / summary.orders() : spend);
    }
}
