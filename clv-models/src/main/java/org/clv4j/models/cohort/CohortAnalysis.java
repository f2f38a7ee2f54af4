package org.clv4j.models.cohort;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collector;
import org.clv4j.core.Metric;
import org.clv4j.core.Transaction;
import org.clv4j.core.summary.RefundPolicy;
import org.clv4j.models.internal.ActivityLog;
import org.clv4j.models.internal.CohortMatrix;

/**
 * Acquisition cohorts: customers grouped by the calendar period of their first purchase, followed period by period
 * (the cohort table, or "cohort CLV curve").
 *
 * <p>For every cohort c (acquired in period c, {@link CohortUnit#MONTH months} by default) and every period
 * k = 0, 1, … since acquisition, up to the period that contains the observation end, the {@link CohortTable} has a
 * {@link CohortRow} with
 * <ul>
 *   <li><b>customers</b> N<sub>c</sub>: the customers whose first purchase falls in period c;</li>
 *   <li><b>active customers</b> A<sub>c,k</sub>: the cohort's customers with at least one order in period c + k;
 *       A<sub>c,0</sub> = N<sub>c</sub>;</li>
 *   <li><b>retention rate</b> A<sub>c,k</sub> / N<sub>c</sub> (1 in period 0). This is the share of the cohort
 *       active in the period, so a customer who skips a period and comes back counts again;</li>
 *   <li><b>orders</b> and <b>revenue</b>: the cohort's transactions and their amounts in period c + k;</li>
 *   <li><b>cumulative revenue per customer</b> (Σ<sub>j ≤ k</sub> revenue<sub>c,j</sub>) / N<sub>c</sub>: the
 *       average historical value of an acquired customer after k + 1 periods.</li>
 * </ul>
 * Every transaction with an amount {@code >= 0} is one order (zero-amount orders included). Negative amounts follow
 * the {@link RefundPolicy} (default {@link RefundPolicy#REJECT REJECT}); under {@link RefundPolicy#NET NET} a refund
 * reduces its period's revenue but is not an order and does not make a customer active, and the cumulative revenue
 * can then decrease.
 *
 * <p><b>The last period.</b> The observation end is the configured date, else the date of the latest transaction.
 * Its period is <em>partial</em> unless the observation end is the period's last day: its activity, orders and
 * revenue are counts so far, and its retention rate is not comparable with complete periods. By default it is
 * included and {@linkplain CohortRow#partial() flagged}; {@link #withPartialPeriods(boolean) withPartialPeriods(false)}
 * leaves it out (a cohort acquired in that period then disappears from the table).
 *
 * <p><b>Any order.</b> The accumulator reads the transactions once; each customer keeps a compact list of
 * (absolute period → orders, revenue) cells, and the cohort, only known after the last transaction, is resolved
 * when the table is built. {@link #compute} first tries one direct pass, which holds when each customer's
 * transactions come in period order starting with an order (a date-ordered log), and reads the input a second
 * time, with the cells, otherwise. Counts are exact whatever the input order; revenues are sums of doubles
 * (compensated) and agree across input orders and routes to within rounding.
 *
 * <pre>{@code
 * CohortTable table = CohortAnalysis.withDefaults()
 *         .withUnit(CohortUnit.QUARTER)
 *         .withObservationEnd(LocalDate.of(2011, 12, 31))
 *         .compute(transactions);
 * for (CohortRow row : table.rows()) {
 *     System.out.println(row.cohort() + " +" + row.period() + ": " + row.retentionRate());
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@link #accumulator()} and {@link #collector()} give the same
 * computation for streams, including parallel ones.
 */
public final class CohortAnalysis implements Metric<CohortTable> {

    private static final CohortAnalysis DEFAULTS =
            new CohortAnalysis(CohortUnit.MONTH, null, RefundPolicy.REJECT, true);

    private final CohortUnit unit;
    private final LocalDate observationEnd;
    private final RefundPolicy refundPolicy;
    private final boolean partialPeriods;

    private CohortAnalysis(CohortUnit unit, LocalDate observationEnd, RefundPolicy refundPolicy,
                           boolean partialPeriods) {
        this.unit = unit;
        this.observationEnd = observationEnd;
        this.refundPolicy = refundPolicy;
        this.partialPeriods = partialPeriods;
    }

    /**
     * Monthly cohorts, observation end at the latest transaction, refunds rejected, partial last period included.
     *
     * @return the default analysis
     */
    public static CohortAnalysis withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another cohort unit.
     *
     * @param cohortUnit week, month, quarter or year
     * @return the copy
     */
    public CohortAnalysis withUnit(CohortUnit cohortUnit) {
        return new CohortAnalysis(Objects.requireNonNull(cohortUnit, "unit"), observationEnd, refundPolicy,
                partialPeriods);
    }

    /**
     * A copy with a fixed observation end; a transaction after it is an error.
     *
     * @param date the last observed day
     * @return the copy
     */
    public CohortAnalysis withObservationEnd(LocalDate date) {
        return new CohortAnalysis(unit, Objects.requireNonNull(date, "observationEnd"), refundPolicy,
                partialPeriods);
    }

    /**
     * A copy with another refund policy.
     *
     * @param policy what to do with negative amounts
     * @return the copy
     */
    public CohortAnalysis withRefundPolicy(RefundPolicy policy) {
        return new CohortAnalysis(unit, observationEnd, Objects.requireNonNull(policy, "refundPolicy"),
                partialPeriods);
    }

    /**
     * A copy that includes (the default) or leaves out the partial period containing the observation end.
     *
     * @param include true to include it, flagged {@linkplain CohortRow#partial() partial}
     * @return the copy
     */
    public CohortAnalysis withPartialPeriods(boolean include) {
        return new CohortAnalysis(unit, observationEnd, refundPolicy, include);
    }

    /**
     * The cohort unit.
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
     * Whether the partial last period is included.
     *
     * @return true if included (flagged)
     */
    public boolean includesPartialPeriods() {
        return partialPeriods;
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code cohort-table}
     */
    @Override
    public String name() {
        return "cohort-table";
    }

    /**
     * Computes the cohort table. When every customer's transactions come in non-decreasing period order, starting
     * with an order (a log in date order, or sorted by customer and date), one pass accumulates the table directly
     * per (cohort, period); otherwise a second pass over {@code transactions} keeps every customer's periods
     * ({@link #accumulator()}), which handles any order. {@code transactions} must therefore yield the same
     * elements when iterated twice.
     *
     * @param transactions the transactions, in any order
     * @return the table; without transactions, a table with no rows
     * @throws IllegalArgumentException for a blank customer id, a transaction after the observation end, a
     *         refund under {@link RefundPolicy#REJECT}, a customer with refunds only, or (under
     *         {@link RefundPolicy#NET}) a refund in a period before the customer's first purchase; the message names
     *         the customer
     * @throws IllegalStateException if a second pass was needed and {@code transactions} yielded fewer elements
     *         than on the first
     */
    @Override
    public CohortTable compute(Iterable<? extends Transaction> transactions) {
        Objects.requireNonNull(transactions, "transactions");
        ActivityLog direct = new ActivityLog(unit, observationEnd, refundPolicy, true);
        try {
            direct.addAll(transactions);
            return CohortTable.fromMatrix(direct, this);
        } catch (RuntimeException e) {
            if (e != CohortMatrix.NOT_IN_ORDER) {
                throw e;
            }
        }
        CohortAccumulator accumulator = accumulator();
        accumulator.addAll(transactions);
        if (accumulator.transactionCount() < direct.transactionCount()) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "transactions yielded %d elements on the second iteration, fewer than the %d read on the "
                            + "first: compute needs an Iterable that can be iterated twice (a collection, not a "
                            + "one-shot stream) when the input is not in per-customer date order",
                    accumulator.transactionCount(), direct.transactionCount()));
        }
        return accumulator.finish();
    }

    /**
     * An empty accumulator with this configuration.
     *
     * @return a new accumulator
     */
    public CohortAccumulator accumulator() {
        return new CohortAccumulator(this);
    }

    /**
     * This analysis as a {@link Collector}; works on parallel streams.
     *
     * @return the collector
     */
    public Collector<Transaction, CohortAccumulator, CohortTable> collector() {
        return Collector.of(this::accumulator, CohortAccumulator::add, CohortAccumulator::combine,
                CohortAccumulator::finish);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CohortAnalysis)) {
            return false;
        }
        CohortAnalysis other = (CohortAnalysis) o;
        return unit == other.unit && Objects.equals(observationEnd, other.observationEnd)
                && refundPolicy == other.refundPolicy && partialPeriods == other.partialPeriods;
    }

    @Override
    public int hashCode() {
        return Objects.hash(unit, observationEnd, refundPolicy, partialPeriods);
    }

    @Override
    public String toString() {
        return "CohortAnalysis[unit=" + unit.id() + ", observationEnd=" + observationEnd + ", refundPolicy="
                + refundPolicy + ", partialPeriods=" + partialPeriods + "]";
    }
}
