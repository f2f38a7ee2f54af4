package org.clv4j.models.lifecycle;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The result of a {@link LifecycleAnalysis}: every customer's {@link CustomerLifecycle stage and figures}, in order
 * of first appearance in the input, the number of customers per stage, and the population figures the rules used.
 *
 * <p>Immutable and thread-safe.
 */
public final class LifecycleTable {

    private final List<CustomerLifecycle> customers;
    private final Map<String, CustomerLifecycle> byId;
    private final Map<LifecycleStage, Integer> stageCounts;
    private final LocalDate observationEnd;
    private final LifecycleRules rules;
    private final OptionalDouble populationRhythm;
    private final boolean populationRhythmGiven;
    private final OptionalDouble highValueThreshold;
    private final String modelName;

    LifecycleTable(List<CustomerLifecycle> customers, EnumMap<LifecycleStage, Integer> stageCounts,
                   LocalDate observationEnd, LifecycleRules rules, OptionalDouble populationRhythm,
                   boolean populationRhythmGiven, OptionalDouble highValueThreshold, String modelName) {
        this.customers = List.copyOf(customers);
        Map<String, CustomerLifecycle> map = new HashMap<>(this.customers.size() * 2);
        for (CustomerLifecycle c : this.customers) {
            map.put(c.customerId(), c);
        }
        this.byId = map;
        this.stageCounts = Collections.unmodifiableMap(new EnumMap<>(stageCounts));
        this.observationEnd = observationEnd;
        this.rules = rules;
        this.populationRhythm = populationRhythm;
        this.populationRhythmGiven = populationRhythmGiven;
        this.highValueThreshold = highValueThreshold;
        this.modelName = modelName;
    }

    /**
     * Every customer, in order of first appearance in the input.
     *
     * @return an unmodifiable list
     */
    public List<CustomerLifecycle> customers() {
        return customers;
    }

    /**
     * One customer.
     *
     * @param customerId the id
     * @return the customer's stage and figures, or empty if it is not in the table
     */
    public Optional<CustomerLifecycle> customer(String customerId) {
        return Optional.ofNullable(byId.get(customerId));
    }

    /**
     * The number of customers per stage.
     *
     * @return an unmodifiable map with every stage, in stage order (zero counts included)
     */
    public Map<LifecycleStage, Integer> stageCounts() {
        return stageCounts;
    }

    /**
     * The observation end the stages refer to.
     *
     * @return the configured date or the latest transaction's, or empty for a table without customers and no
     *         configured end
     */
    public Optional<LocalDate> observationEnd() {
        return Optional.ofNullable(observationEnd);
    }

    /**
     * The rules the stages were assigned by.
     *
     * @return the rules
     */
    public LifecycleRules rules() {
        return rules;
    }

    /**
     * The purchase rhythm of single-purchase customers.
     *
     * @return days: the configured rhythm, or the median rhythm of the repeat customers; empty when neither exists
     */
    public OptionalDouble populationRhythm() {
        return populationRhythm;
    }

    /**
     * The smallest revenue counted as high value.
     *
     * @return the threshold, or empty for a table without customers
     */
    public OptionalDouble highValueThreshold() {
        return highValueThreshold;
    }

    /**
     * The model whose P(alive) judged activity.
     *
     * @return its {@link org.clv4j.models.TransactionModel#name() name}, or empty for the rhythm rules only
     */
    public Optional<String> modelName() {
        return Optional.ofNullable(modelName);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LifecycleTable[%d customers, observationEnd=%s, stages=%s, "
                        + "populationRhythm=%s%s, highValueThreshold=%s, model=%s]", customers.size(),
                observationEnd, stageCounts, populationRhythm.isPresent() ? populationRhythm.getAsDouble() : "none",
                populationRhythmGiven ? " (given)" : "", highValueThreshold.isPresent()
                        ? highValueThreshold.getAsDouble() : "none", modelName == null ? "none" : modelName);
    }
}
