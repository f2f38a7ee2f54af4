package org.clv4j.models.historical;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.clv4j.core.TimeUnit;

/**
 * The historical CLV of every customer in a transaction log, with aggregates overall and by segment, and the
 * inputs that produced them.
 *
 * <p>Immutable and thread-safe. Created by {@link HistoricalClv#calculate}.
 */
public final class HistoricalClvResult {

    private final List<CustomerClv> customers;
    private final Map<String, CustomerClv> byId;
    private final ClvAggregate aggregate;
    private final Map<String, ClvAggregate> bySegment;
    private final ClvAggregate unsegmented;
    private final LocalDate observationEnd;
    private final double lifespan;
    private final ChurnEstimate churn;
    private final List<String> customersWithoutOrders;
    private final HistoricalClvOptions options;

    HistoricalClvResult(List<CustomerClv> customers, Map<String, CustomerClv> byId, ClvAggregate aggregate,
                        Map<String, ClvAggregate> bySegment, ClvAggregate unsegmented, LocalDate observationEnd,
                        double lifespan, ChurnEstimate churn, List<String> customersWithoutOrders,
                        HistoricalClvOptions options) {
        this.customers = List.copyOf(customers);
        this.byId = byId;
        this.aggregate = aggregate;
        this.bySegment = bySegment;
        this.unsegmented = unsegmented;
        this.observationEnd = observationEnd;
        this.lifespan = lifespan;
        this.churn = churn;
        this.customersWithoutOrders = List.copyOf(customersWithoutOrders);
        this.options = options;
    }

    /**
     * Every customer with at least one order, in order of first appearance in the transactions.
     *
     * @return an unmodifiable list, never empty
     */
    public List<CustomerClv> customers() {
        return customers;
    }

    /**
     * One customer's CLV.
     *
     * @param customerId the customer id
     * @return the customer's CLV, or empty when it has no order
     */
    public Optional<CustomerClv> customer(String customerId) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(customerId, "customerId")));
    }

    /**
     * The CLV over all customers: count, total, mean, median, min, max.
     *
     * @return the aggregate
     */
    public ClvAggregate aggregate() {
        return aggregate;
    }

    /**
     * The CLV by segment, for customers whose record has the
     * {@link HistoricalClvOptions#segmentAttribute() segment attribute}; the others are in {@link #unsegmented()}.
     *
     * @return an unmodifiable map from segment to aggregate, sorted by segment; empty without customer records
     */
    public Map<String, ClvAggregate> bySegment() {
        return bySegment;
    }

    /**
     * The CLV of the customers without a segment (no customer record, or a record without the attribute).
     *
     * @return the aggregate, or empty when every customer has a segment
     */
    public Optional<ClvAggregate> unsegmented() {
        return Optional.ofNullable(unsegmented);
    }

    /**
     * The time unit of frequencies, tenures, lifespan and discount rate.
     *
     * @return the unit
     */
    public TimeUnit timeUnit() {
        return options.timeUnit();
    }

    /**
     * The observation end used: the one given, or the latest transaction date.
     *
     * @return the last day of the observation window
     */
    public LocalDate observationEnd() {
        return observationEnd;
    }

    /**
     * The lifespan used for every customer: the one given, or {@link ChurnEstimate#lifespan() the estimate}.
     *
     * @return the lifespan in time units
     */
    public double lifespan() {
        return lifespan;
    }

    /**
     * The churn estimate behind the lifespan.
     *
     * @return the estimate, or empty when the lifespan was given
     */
    public Optional<ChurnEstimate> churnEstimate() {
        return Optional.ofNullable(churn);
    }

    /**
     * Customers in {@link HistoricalClvOptions#customers() the customer records} without any order in the
     * transactions. They have no purchase history to value and are in no aggregate.
     *
     * @return an unmodifiable list of ids, in the order of the records
     */
    public List<String> customersWithoutOrders() {
        return customersWithoutOrders;
    }

    /**
     * The options of the calculation.
     *
     * @return the options
     */
    public HistoricalClvOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "HistoricalClvResult[customers=" + customers.size() + ", aggregate=" + aggregate
                + ", observationEnd=" + observationEnd + ", lifespan=" + lifespan + " " + options.timeUnit() + "]";
    }
}
