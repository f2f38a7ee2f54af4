package org.clv4j.models.historical;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clv4j.core.Customer;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.RefundPolicy;

/**
 * How {@link HistoricalClv} values customers: time unit, observation window, margin, acquisition costs, segments,
 * lifespan, discount rate and refund policy.
 *
 * <p>Immutable and thread-safe; each {@code withX} returns a validated copy. Defaults:
 * <ul>
 *   <li>time unit {@link TimeUnit#YEAR}: purchase frequency per year, lifespan in years, discount rate per year;</li>
 *   <li>observation end: the latest transaction date;</li>
 *   <li>margin 1 (CLV in revenue), acquisition cost 0, no customer records, segment attribute {@code "segment"};</li>
 *   <li>lifespan estimated from the observed churn, a customer counting as churned after one year
 *       (365.25 days) without a purchase (see {@link ChurnEstimate});</li>
 *   <li>discount rate 0; refunds {@link RefundPolicy#REJECT rejected}.</li>
 * </ul>
 *
 * <pre>{@code
 * HistoricalClvOptions options = HistoricalClvOptions.defaults()
 *         .withTimeUnit(TimeUnit.MONTH)
 *         .withMargin(0.3)
 *         .withLifespan(36)          // months
 *         .withDiscountRate(0.008);  // per month
 * }</pre>
 */
public final class HistoricalClvOptions {

    /** The default name of the customer attribute that holds the segment. */
    public static final String DEFAULT_SEGMENT_ATTRIBUTE = "segment";

    private static final HistoricalClvOptions DEFAULTS = new HistoricalClvOptions(TimeUnit.YEAR, null, 1.0, 0.0,
            Map.of(), DEFAULT_SEGMENT_ATTRIBUTE, Double.NaN, Double.NaN, 0.0, RefundPolicy.REJECT);

    private final TimeUnit timeUnit;
    private final LocalDate observationEnd;
    private final double margin;
    private final double acquisitionCost;
    private final Map<String, Customer> customers;
    private final String segmentAttribute;
    /** NaN: estimated from the churn. */
    private final double lifespan;
    /** NaN: one year in {@link #timeUnit}. */
    private final double churnThreshold;
    private final double discountRate;
    private final RefundPolicy refundPolicy;

    private HistoricalClvOptions(TimeUnit timeUnit, LocalDate observationEnd, double margin, double acquisitionCost,
                                 Map<String, Customer> customers, String segmentAttribute, double lifespan,
                                 double churnThreshold, double discountRate, RefundPolicy refundPolicy) {
        this.timeUnit = timeUnit;
        this.observationEnd = observationEnd;
        this.margin = margin;
        this.acquisitionCost = acquisitionCost;
        this.customers = customers;
        this.segmentAttribute = segmentAttribute;
        this.lifespan = lifespan;
        this.churnThreshold = churnThreshold;
        this.discountRate = discountRate;
        this.refundPolicy = refundPolicy;
    }

    /**
     * The default options (see the class description).
     *
     * @return the defaults
     */
    public static HistoricalClvOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A copy with the time unit of purchase frequency, tenure, lifespan, churn threshold and discount rate.
     *
     * @param unit the time unit
     * @return the copy
     */
    public HistoricalClvOptions withTimeUnit(TimeUnit unit) {
        return new HistoricalClvOptions(Objects.requireNonNull(unit, "timeUnit"), observationEnd, margin,
                acquisitionCost, customers, segmentAttribute, lifespan, churnThreshold, discountRate, refundPolicy);
    }

    /**
     * A copy with the observation end: tenures run to it, and a transaction after it is an error.
     *
     * @param date the last day of the observation window (inclusive)
     * @return the copy
     */
    public HistoricalClvOptions withObservationEnd(LocalDate date) {
        return new HistoricalClvOptions(timeUnit, Objects.requireNonNull(date, "observationEnd"), margin,
                acquisitionCost, customers, segmentAttribute, lifespan, churnThreshold, discountRate, refundPolicy);
    }

    /**
     * A copy with the profit margin, the share of revenue that is profit.
     *
     * @param margin a fraction in [0, 1]; 1 values customers by revenue
     * @return the copy
     * @throws IllegalArgumentException if {@code margin} is outside [0, 1]
     */
    public HistoricalClvOptions withMargin(double margin) {
        if (!(margin >= 0.0 && margin <= 1.0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "margin must be a fraction in [0, 1]: margin=%s", margin));
        }
        return new HistoricalClvOptions(timeUnit, observationEnd, margin, acquisitionCost, customers,
                segmentAttribute, lifespan, churnThreshold, discountRate, refundPolicy);
    }

    /**
     * A copy with the acquisition cost of customers whose {@link Customer} record gives none.
     *
     * @param cost finite and {@code >= 0}, in the currency of the transactions
     * @return the copy
     * @throws IllegalArgumentException if {@code cost} is negative or not finite
     */
    public HistoricalClvOptions withAcquisitionCost(double cost) {
        if (!(cost >= 0.0) || !Double.isFinite(cost)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "acquisition cost must be finite and >= 0: acquisitionCost=%s", cost));
        }
        return new HistoricalClvOptions(timeUnit, observationEnd, margin, cost, customers, segmentAttribute,
                lifespan, churnThreshold, discountRate, refundPolicy);
    }

    /**
     * A copy with customer records, which supply per-customer acquisition costs (overriding
     * {@link #withAcquisitionCost(double) the default}) and the segment attribute. Customers without transactions
     * are listed in {@link HistoricalClvResult#customersWithoutOrders()}; customers with transactions but no record
     * get the default acquisition cost and no segment.
     *
     * @param records the customers, each id at most once; read once, here
     * @return the copy
     * @throws IllegalArgumentException if an id occurs twice
     */
    public HistoricalClvOptions withCustomers(Iterable<? extends Customer> records) {
        Objects.requireNonNull(records, "customers");
        LinkedHashMap<String, Customer> byId = new LinkedHashMap<>();
        for (Customer c : records) {
            Objects.requireNonNull(c, "customer");
            if (byId.putIfAbsent(c.id(), c) != null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "customer listed twice in the customer records: customerId=%s", c.id()));
            }
        }
        return new HistoricalClvOptions(timeUnit, observationEnd, margin, acquisitionCost,
                Collections.unmodifiableMap(byId), segmentAttribute, lifespan, churnThreshold, discountRate,
                refundPolicy);
    }

    /**
     * A copy with the name of the customer attribute whose value is the segment for
     * {@link HistoricalClvResult#bySegment()}.
     *
     * @param attribute the attribute name, not blank
     * @return the copy
     * @throws IllegalArgumentException if {@code attribute} is blank
     */
    public HistoricalClvOptions withSegmentAttribute(String attribute) {
        Objects.requireNonNull(attribute, "segmentAttribute");
        if (attribute.isBlank()) {
            throw new IllegalArgumentException("segment attribute must not be blank: segmentAttribute='"
                    + attribute + "'");
        }
        return new HistoricalClvOptions(timeUnit, observationEnd, margin, acquisitionCost, customers, attribute,
                lifespan, churnThreshold, discountRate, refundPolicy);
    }

    /**
     * A copy with a given customer lifespan, instead of the estimate from the observed churn.
     *
     * @param units the expected lifespan in time units, finite and {@code > 0}; need not be whole
     * @return the copy
     * @throws IllegalArgumentException if {@code units} is not finite and positive
     */
    public HistoricalClvOptions withLifespan(double units) {
        if (!(units > 0.0) || !Double.isFinite(units)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "lifespan must be finite and > 0: lifespan=%s", units));
        }
        return new HistoricalClvOptions(timeUnit, observationEnd, margin, acquisitionCost, customers,
                segmentAttribute, units, churnThreshold, discountRate, refundPolicy);
    }

    /**
     * A copy whose lifespan is estimated from the observed churn (the default), as described in
     * {@link ChurnEstimate}.
     *
     * @return the copy
     */
    public HistoricalClvOptions withEstimatedLifespan() {
        return new HistoricalClvOptions(timeUnit, observationEnd, margin, acquisitionCost, customers,
                segmentAttribute, Double.NaN, churnThreshold, discountRate, refundPolicy);
    }

    /**
     * A copy with the churn threshold of the lifespan estimate: a customer whose last purchase lies more than this
     * many time units before the observation end counts as churned. Used only when the lifespan is estimated.
     *
     * @param units the inactivity threshold in time units, finite and {@code > 0}
     * @return the copy
     * @throws IllegalArgumentException if {@code units} is not finite and positive
     */
    public HistoricalClvOptions withChurnThreshold(double units) {
        if (!(units > 0.0) || !Double.isFinite(units)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "churn threshold must be finite and > 0: churnThreshold=%s", units));
        }
        return new HistoricalClvOptions(timeUnit, observationEnd, margin, acquisitionCost, customers,
                segmentAttribute, lifespan, units, discountRate, refundPolicy);
    }

    /**
     * A copy with the discount rate per time unit: the lifespan factor becomes
     * {@code Σ_{k=1..L} (1+d)^-k}, a fractional last unit counting pro rata (see {@link CustomerClv#lifespanFactor()}).
     *
     * @param rate the rate {@code d} per time unit, finite and {@code >= 0}; 0 for no discounting
     * @return the copy
     * @throws IllegalArgumentException if {@code rate} is negative or not finite
     */
    public HistoricalClvOptions withDiscountRate(double rate) {
        if (!(rate >= 0.0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "discount rate must be finite and >= 0: discountRate=%s", rate));
        }
        return new HistoricalClvOptions(timeUnit, observationEnd, margin, acquisitionCost, customers,
                segmentAttribute, lifespan, churnThreshold, rate, refundPolicy);
    }

    /**
     * A copy with the refund policy (negative amounts): rejected, dropped, or netted against the revenue.
     *
     * @param policy the policy
     * @return the copy
     */
    public HistoricalClvOptions withRefundPolicy(RefundPolicy policy) {
        return new HistoricalClvOptions(timeUnit, observationEnd, margin, acquisitionCost, customers,
                segmentAttribute, lifespan, churnThreshold, discountRate,
                Objects.requireNonNull(policy, "refundPolicy"));
    }

    /**
     * The time unit.
     *
     * @return the unit of frequency, tenure, lifespan, churn threshold and discount rate
     */
    public TimeUnit timeUnit() {
        return timeUnit;
    }

    /**
     * The observation end, if set.
     *
     * @return the last day of the window, or empty for "the latest transaction date"
     */
    public Optional<LocalDate> observationEnd() {
        return Optional.ofNullable(observationEnd);
    }

    /**
     * The margin.
     *
     * @return the profit share of revenue, in [0, 1]
     */
    public double margin() {
        return margin;
    }

    /**
     * The default acquisition cost.
     *
     * @return the cost for customers without a cost of their own
     */
    public double acquisitionCost() {
        return acquisitionCost;
    }

    /**
     * The customer records by id.
     *
     * @return an unmodifiable map in the order given, empty by default
     */
    public Map<String, Customer> customers() {
        return customers;
    }

    /**
     * The segment attribute name.
     *
     * @return the name of the customer attribute holding the segment
     */
    public String segmentAttribute() {
        return segmentAttribute;
    }

    /**
     * The given lifespan.
     *
     * @return the lifespan in time units, or empty when it is estimated from the churn
     */
    public OptionalDouble lifespan() {
        return Double.isNaN(lifespan) ? OptionalDouble.empty() : OptionalDouble.of(lifespan);
    }

    /**
     * The churn threshold of the lifespan estimate.
     *
     * @return the inactivity threshold in time units; by default one year (365.25 days) in {@link #timeUnit()}
     */
    public double churnThreshold() {
        return Double.isNaN(churnThreshold) ? TimeUnit.YEAR.convert(1.0, timeUnit) : churnThreshold;
    }

    /**
     * The discount rate.
     *
     * @return the rate per time unit, 0 for none
     */
    public double discountRate() {
        return discountRate;
    }

    /**
     * The refund policy.
     *
     * @return what happens to negative amounts
     */
    public RefundPolicy refundPolicy() {
        return refundPolicy;
    }

    @Override
    public String toString() {
        return "HistoricalClvOptions[timeUnit=" + timeUnit + ", observationEnd=" + observationEnd
                + ", margin=" + margin + ", acquisitionCost=" + acquisitionCost + ", customers=" + customers.size()
                + ", segmentAttribute=" + segmentAttribute + ", lifespan="
                + (Double.isNaN(lifespan) ? "estimated" : lifespan) + ", churnThreshold=" + churnThreshold()
                + ", discountRate=" + discountRate + ", refundPolicy=" + refundPolicy + "]";
    }
}
