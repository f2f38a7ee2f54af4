package org.clv4j.core;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a business knows about a customer apart from the purchases: when and at what cost it was acquired, and
 * attributes such as segment or channel.
 *
 * <p>Customers are optional inputs: summaries and models work from transactions alone. Calculators use a
 * customer's {@link #acquisitionCost()} (subtracted from historical CLV) and its {@link #attributes()} (for
 * aggregates by segment). Create instances with {@link CustomerRecord#of(String)} and its {@code with} methods.
 */
public interface Customer {

    /**
     * The customer's id, matching {@link Transaction#customerId()}; never blank.
     *
     * @return the id
     */
    String id();

    /**
     * The acquisition date, when known independently of the first purchase (a sign-up date, say).
     *
     * @return the acquisition date, or empty
     */
    Optional<LocalDate> acquisitionDate();

    /**
     * The cost of acquiring this customer, in the currency of the transactions.
     *
     * @return the acquisition cost (finite, non-negative), or empty when unknown
     */
    OptionalDouble acquisitionCost();

    /**
     * Free-form attributes, such as {@code segment → "retail"} or {@code channel → "paid-search"}.
     *
     * @return an unmodifiable map, never null
     */
    Map<String, String> attributes();

    /**
     * The value of one attribute.
     *
     * @param name the attribute name
     * @return its value, or empty
     */
    default Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes().get(name));
    }
}
