package org.clv4j.models.historical;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.clv4j.core.TimeUnit;

/**
 * One customer's historical CLV with every input of the formula, so that each value can be checked by hand:
 * <pre>
 * clv = margin × averageOrderValue × purchaseFrequency × lifespanFactor − acquisitionCost
 * averageOrderValue = revenue / orders
 * purchaseFrequency = orders / tenure
 * lifespanFactor    = lifespan                                    (no discounting)
 *                   = Σ_{k=1..⌊L⌋} (1+d)^−k + (L − ⌊L⌋)·(1+d)^−(⌊L⌋+1)   (discount rate d per unit, L = lifespan)
 * </pre>
 * Durations and rates are in {@link #timeUnit()}.
 *
 * @param customerId the customer id
 * @param segment the customer's segment, or empty when its record has none
 * @param firstPurchase the date of the first order
 * @param lastPurchase the date of the last order
 * @param orders the number of orders (each transaction is one order; refunds are not orders), {@code >= 1}
 * @param revenue the total spend, net of refunds under {@code RefundPolicy.NET}, {@code >= 0}
 * @param averageOrderValue revenue / orders
 * @param purchaseFrequency orders per time unit over the tenure
 * @param tenure time from the first order to the observation end, at least one time unit
 * @param lifespan the expected customer lifespan in time units (given, or estimated from the churn)
 * @param lifespanFactor the lifespan, discounted when a discount rate is set ({@code <= lifespan})
 * @param margin the profit share of revenue, in [0, 1]
 * @param acquisitionCost the customer's acquisition cost
 * @param clv the historical customer lifetime value
 * @param timeUnit the unit of purchase frequency, tenure and lifespan
 */
public record CustomerClv(
        String customerId,
        Optional<String> segment,
        LocalDate firstPurchase,
        LocalDate lastPurchase,
        int orders,
        double revenue,
        double averageOrderValue,
        double purchaseFrequency,
        double tenure,
        double lifespan,
        double lifespanFactor,
        double margin,
        double acquisitionCost,
        double clv,
        TimeUnit timeUnit) {

    /**
     * Validates the components.
     *
     * @param customerId the customer id
     * @param segment the customer's segment, or empty when its record has none
     * @param firstPurchase the date of the first order
     * @param lastPurchase the date of the last order
     * @param orders the number of orders (each transaction is one order; refunds are not orders), {@code >= 1}
     * @param revenue the total spend, net of refunds under {@code RefundPolicy.NET}, {@code >= 0}
     * @param averageOrderValue revenue / orders
     * @param purchaseFrequency orders per time unit over the tenure
     * @param tenure time from the first order to the observation end, at least one time unit
     * @param lifespan the expected customer lifespan in time units (given, or estimated from the churn)
     * @param lifespanFactor the lifespan, discounted when a discount rate is set ({@code <= lifespan})
     * @param margin the profit share of revenue, in [0, 1]
     * @param acquisitionCost the customer's acquisition cost
     * @param clv the historical customer lifetime value
     * @param timeUnit the unit of purchase frequency, tenure and lifespan
     * @throws IllegalArgumentException naming the customer, field and value, if a value is out of range or not
     *         finite, or the last purchase precedes the first
     */
    public CustomerClv {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(firstPurchase, "firstPurchase");
        Objects.requireNonNull(lastPurchase, "lastPurchase");
        Objects.requireNonNull(timeUnit, "timeUnit");
        if (customerId.isBlank()) {
            throw new IllegalArgumentException("customer id must not be blank: customerId='" + customerId + "'");
        }
        if (lastPurchase.isBefore(firstPurchase)) {
            throw invalid(customerId, "last purchase must not precede the first",
                    "firstPurchase=" + firstPurchase + ", lastPurchase=" + lastPurchase);
        }
        if (orders < 1) {
            throw invalid(customerId, "orders must be >= 1", "orders=" + orders);
        }
        requireNonNegative(customerId, "revenue", revenue);
        requireNonNegative(customerId, "averageOrderValue", averageOrderValue);
        requireNonNegative(customerId, "purchaseFrequency", purchaseFrequency);
        requireNonNegative(customerId, "acquisitionCost", acquisitionCost);
        if (!(tenure >= 1.0) || !Double.isFinite(tenure)) {
            throw invalid(customerId, "tenure must be finite and >= 1 time unit", "tenure=" + tenure);
        }
        if (!(lifespan > 0.0) || !Double.isFinite(lifespan)) {
            throw invalid(customerId, "lifespan must be finite and > 0", "lifespan=" + lifespan);
        }
        if (!(lifespanFactor > 0.0) || !(lifespanFactor <= lifespan)) {
            throw invalid(customerId, "lifespan factor must be in (0, lifespan]",
                    "lifespanFactor=" + lifespanFactor + ", lifespan=" + lifespan);
        }
        if (!(margin >= 0.0 && margin <= 1.0)) {
            throw invalid(customerId, "margin must be in [0, 1]", "margin=" + margin);
        }
        if (!Double.isFinite(clv)) {
            throw invalid(customerId, "clv must be finite", "clv=" + clv);
        }
    }

    private static void requireNonNegative(String customerId, String field, double value) {
        if (!(value >= 0.0) || !Double.isFinite(value)) {
            throw invalid(customerId, field + " must be finite and >= 0", field + "=" + value);
        }
    }

    private static IllegalArgumentException invalid(String customerId, String rule, String values) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "%s for customer %s: %s",
                rule, customerId, values));
    }
}
