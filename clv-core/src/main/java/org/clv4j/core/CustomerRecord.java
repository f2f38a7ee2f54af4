package org.clv4j.core;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The immutable {@link Customer} implementation.
 *
 * <pre>{@code
 * Customer c = CustomerRecord.of("c-42").withAcquisitionCost(25.0).withAttribute("segment", "retail");
 * }</pre>
 *
 * @param id the customer id, not blank
 * @param acquired the acquisition date, or {@code null} when unknown
 * @param cost the acquisition cost, or {@code NaN} when unknown; otherwise finite and non-negative
 * @param attributes attributes such as segment or channel; copied
 */
public record CustomerRecord(String id, LocalDate acquired, double cost, Map<String, String> attributes)
        implements Customer {

    /**
     * Validates and copies the components.
     *
     * @param id the customer id, not blank
     * @param acquired the acquisition date, or {@code null} when unknown
     * @param cost the acquisition cost, or {@code NaN} when unknown; otherwise finite and non-negative
     * @param attributes attributes such as segment or channel; copied
     * @throws IllegalArgumentException if the id is blank or the cost is negative or infinite
     */
    public CustomerRecord {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("customer id must not be blank: id='" + id + "'");
        }
        if (!Double.isNaN(cost) && !(cost >= 0.0 && Double.isFinite(cost))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "acquisition cost must be finite and >= 0 for customer %s: acquisitionCost=%s", id, cost));
        }
        attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
    }

    /**
     * A customer with nothing known but its id.
     *
     * @param id the customer id, not blank
     * @return the customer
     */
    public static CustomerRecord of(String id) {
        return new CustomerRecord(id, null, Double.NaN, Map.of());
    }

    /**
     * A copy with the given acquisition cost.
     *
     * @param acquisitionCost finite and non-negative
     * @return the copy
     */
    public CustomerRecord withAcquisitionCost(double acquisitionCost) {
        return new CustomerRecord(id, acquired, acquisitionCost, attributes);
    }

    /**
     * A copy with the given acquisition date.
     *
     * @param date the acquisition date
     * @return the copy
     */
    public CustomerRecord withAcquisitionDate(LocalDate date) {
        return new CustomerRecord(id, Objects.requireNonNull(date, "date"), cost, attributes);
    }

    /**
     * A copy with one attribute added or replaced.
     *
     * @param name the attribute name
     * @param value the value
     * @return the copy
     */
    public CustomerRecord withAttribute(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new CustomerRecord(id, acquired, cost, copy);
    }

    @Override
    public Optional<LocalDate> acquisitionDate() {
        return Optional.ofNullable(acquired);
    }

    @Override
    public OptionalDouble acquisitionCost() {
        return Double.isNaN(cost) ? OptionalDouble.empty() : OptionalDouble.of(cost);
    }
}
