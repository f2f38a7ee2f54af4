package org.clv4j.models.retention;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collector;
import org.clv4j.core.Metric;
import org.clv4j.core.Transaction;
import org.clv4j.core.summary.RefundPolicy;
import org.clv4j.models.cohort.CohortUnit;

/**
 * Retention and churn of a non-contractual customer base, measured from its transactions by calendar period
 * ({@link CohortUnit#MONTH months} by default). A customer is <em>active</em> in a period when it has at least one
 * order (an amount {@code >= 0}) in it; refunds never make a customer active.
 *
 * <p>The {@link RetentionReport} has:
 * <ul>
 *   <li><b>customer-base retention</b> between consecutive calendar periods t − 1 and t: r<sub>t</sub> =
 *       |A<sub>t−1</sub> ∩ A<sub>t</sub>| / |A<sub>t−1</sub>|, where A<sub>t</sub> is the set of customers active
 *       in period t, and the churn rate 1 − r<sub>t</sub>; with the period's new and reactivated customers;</li>
 *   <li><b>retention by period since acquisition</b>: of the customers active k periods after their first
 *       purchase's period, the share active at k + 1 (pooled over cohorts);</li>
 *   <li>the pooled customer-base <b>retention rate</b> r = Σ<sub>t</sub> |A<sub>t−1</sub> ∩ A<sub>t</sub>| /
 *       Σ<sub>t</sub> |A<sub>t−1</sub>|, <b>churn rate</b> c = 1 − r and <b>average lifespan</b> 1 / c periods
 *       (the mean of a geometric lifetime with constant churn c per period);</li>
 *   <li>the <b>repeat-purchase rate</b>: the share of customers with purchases on at least two distinct days.</li>
 * </ul>
 *
 * <p><b>Complete periods only.</b> The observation end is the configured date, else the latest transaction's
 * date; the period containing it is partial unless the observation end is its last day. Rates involving a partial
 * period would be biased low, so a transition into a partial period is not counted (the repeat-purchase rate uses
 * every transaction up to the observation end).
 *
 * <p>One pass over the transactions, in any order; the accumulator and collector work on parallel streams.
 * Immutable and thread-safe.
 */
public final class RetentionAnalysis implements Metric<RetentionReport> {

    private static final RetentionAnalysis DEFAULTS = new RetentionAnalysis(CohortUnit.MONTH, null,
            RefundPolicy.REJECT);

    private final CohortUnit unit;
    private final LocalDate observationEnd;
    private final RefundPolicy refundPolicy;

    private RetentionAnalysis(CohortUnit unit, LocalDate observationEnd, RefundPolicy refundPolicy) {
        this.unit = unit;
        this.observationEnd = observationEnd;
        this.refundPolicy = refundPolicy;
    }

    /**
     * Monthly periods, observation end at the latest transaction, refunds rejected.
     *
     * @return the default analysis
     */
    public static RetentionAnalysis withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another period unit.
     *
     * @param periodUnit week, month, quarter or year
     * @return the copy
     */
    public RetentionAnalysis withUnit(CohortUnit periodUnit) {
        return new RetentionAnalysis(Objects.requireNonNull(periodUnit, "unit"), observationEnd, refundPolicy);
    }

    /**
     * A copy with a fixed observation end; a transaction after it is an error.
     *
     * @param date the last observed day
     * @return the copy
     */
    public RetentionAnalysis withObservationEnd(LocalDate date) {
        return new RetentionAnalysis(unit, Objects.requireNonNull(date, "observationEnd"), refundPolicy);
    }

    /**
     * A copy with another refund policy. Refunds never make a customer active; {@link RefundPolicy#DROP} and
     * {@link RefundPolicy#NET} therefore give the same report, {@link RefundPolicy#REJECT} (the default) makes
     * them an error.
     *
     * @param policy what to do with negative amounts
     * @return the copy
     */
    public RetentionAnalysis withRefundPolicy(RefundPolicy policy) {
        return new RetentionAnalysis(unit, observationEnd, Objects.requireNonNull(policy, "refundPolicy"));
    }

    /**
     * The period unit.
     *
     * @return the unit
     */
    public CohortUnit unit() {
        return unit;
    }

    /**
     * The configured observation end.
     *
     * @return the date, or empty for "the latest transaction"
     */
    public Optional<LocalDate> observationEnd() {
        return Optional.ofNullable(observationEnd);
    }

    /**
     * The refund policy.
     *
     * @return the policy
     */
    public RefundPolicy refundPolicy() {
        return refundPolicy;
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code retention}
     */
    @Override
    public String name() {
        return "retention";
    }

    /**
     * Computes the report in one pass.
     *
     * @param transactions the transactions, in any order; at least one
     * @return the report
     * @throws IllegalArgumentException if there are no transactions, for a blank customer id, a transaction after
     *         the observation end, a refund under {@link RefundPolicy#REJECT}, or a customer with refunds only
     */
    @Override
    public RetentionReport compute(Iterable<? extends Transaction> transactions) {
        Objects.requireNonNull(transactions, "transactions");
        RetentionAccumulator accumulator = accumulator();
        accumulator.addAll(transactions);
        return accumulator.finish();
    }

    /**
     * An empty accumulator with this configuration.
     *
     * @return a new accumulator
     */
    public RetentionAccumulator accumulator() {
        return new RetentionAccumulator(this);
    }

    /**
     * This analysis as a {@link Collector}; works on parallel streams.
     *
     * @return the collector
     */
    public Collector<Transaction, RetentionAccumulator, RetentionReport> collector() {
        return Collector.of(this::accumulator, RetentionAccumulator::add, RetentionAccumulator::combine,
                RetentionAccumulator::finish);
    }

    /**
     * The average lifespan under a constant churn rate: a customer who churns with probability c at the end of
     * each period has a geometric lifetime with mean 1 / c periods (counting the period of acquisition).
     *
     * @param churnRate c, in (0, 1]
     * @return 1 / c, in periods
     * @throws IllegalArgumentException if {@code churnRate} is not in (0, 1] (a zero churn rate has no finite
     *         lifespan)
     */
    public static double averageLifespan(double churnRate) {
        if (!(churnRate > 0.0 && churnRate <= 1.0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "churn rate must be in (0, 1] for a finite lifespan: churnRate=%s", churnRate));
        }
        return 1.0 / churnRate;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RetentionAnalysis)) {
            return false;
        }
        RetentionAnalysis other = (RetentionAnalysis) o;
        return unit == other.unit && Objects.equals(observationEnd, other.observationEnd)
                && refundPolicy == other.refundPolicy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(unit, observationEnd, refundPolicy);
    }

    @Override
    public String toString() {
        return "RetentionAnalysis[unit=" + unit.id() + ", observationEnd=" + observationEnd + ", refundPolicy="
                + refundPolicy + "]";
    }
}
