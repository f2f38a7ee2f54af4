package org.clv4j.models.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.clv4j.models.cohort.CohortUnit;
import org.clv4j.models.internal.ActivityLog;

/**
 * The result of a {@link RetentionAnalysis}: repeat-purchase rate, customer-base retention by calendar period,
 * retention by period since acquisition, and the pooled retention, churn and lifespan. Immutable and thread-safe.
 *
 * <p>Rates that would divide by zero are not reported: a calendar period whose previous period had no active
 * customer has no {@link PeriodRetention} row, a period since acquisition with no eligible customer has no
 * {@link TenureRetention} row, and the pooled figures are empty when no transition between two complete periods
 * was observed ({@link #averageLifespan()} also when no active customer was ever lost).
 */
public final class RetentionReport {

    /** CSV columns of {@link #customerBase()}, mapping to the {@link PeriodRetention} components in order. */
    public static final List<String> COLUMNS = List.of("period", "previous_active", "retained", "new_customers",
            "reactivated", "active", "retention_rate", "churn_rate");

    /**
     * CSV columns of {@link #byPeriodSinceAcquisition()}, mapping to the {@link TenureRetention} components in
     * order.
     */
    public static final List<String> TENURE_COLUMNS = List.of("period", "active", "retained", "retention_rate",
            "churn_rate");

    private final CohortUnit unit;
    private final LocalDate observationEnd;
    private final boolean lastPeriodPartial;
    private final int customers;
    private final int repeatCustomers;
    private final List<PeriodRetention> customerBase;
    private final List<TenureRetention> tenure;
    private final long previousActiveTotal;
    private final long retainedTotal;

    private RetentionReport(CohortUnit unit, LocalDate observationEnd, boolean lastPeriodPartial, int customers,
                            int repeatCustomers, List<PeriodRetention> customerBase, List<TenureRetention> tenure) {
        this.unit = unit;
        this.observationEnd = observationEnd;
        this.lastPeriodPartial = lastPeriodPartial;
        this.customers = customers;
        this.repeatCustomers = repeatCustomers;
        this.customerBase = List.copyOf(customerBase);
        this.tenure = List.copyOf(tenure);
        long previous = 0;
        long retained = 0;
        for (PeriodRetention row : this.customerBase) {
            previous += row.previousActive();
            retained += row.retained();
        }
        this.previousActiveTotal = previous;
        this.retainedTotal = retained;
    }

    static RetentionReport build(ActivityLog log, RetentionAnalysis analysis) {
        int n = log.customerCount();
        if (n == 0) {
            throw new IllegalArgumentException("retention needs at least one transaction: transactions=0");
        }
        log.seal();
        log.requireOrders();
        CohortUnit unit = analysis.unit();
        LocalDate end = LocalDate.ofEpochDay(log.observationEndDay());
        int endPeriod = (int) unit.periodIndex(end);
        boolean lastPartial = end.isBefore(unit.periodEnd(endPeriod));
        int lastComplete = lastPartial ? endPeriod - 1 : endPeriod;

        int first = Integer.MAX_VALUE;
        int repeat = 0;
        int[] cohortOf = new int[n];
        for (int c = 0; c < n; c++) {
            cohortOf[c] = (int) unit.periodIndex(LocalDate.ofEpochDay(log.firstDay(c)));
            first = Math.min(first, cohortOf[c]);
            if (log.lastDay(c) != log.firstDay(c)) {
                repeat++;
            }
        }
        int span = Math.max(0, lastComplete - first + 1);
        int[] active = new int[span];
        int[] fresh = new int[span];
        int[] retained = new int[span];
        int[] eligible = new int[span];
        int[] kept = new int[span];
        for (int c = 0; c < n; c++) {
            int cohort = cohortOf[c];
            int later = Integer.MIN_VALUE; // period of the next later active cell (cells come newest first)
            for (int cell = log.firstCell(c); cell != ActivityLog.NONE; cell = log.nextCell(cell)) {
                if (log.orders(cell) == 0) {
                    continue;
                }
                int p = log.period(cell);
                if (p <= lastComplete) {
                    int t = p - first;
                    active[t]++;
                    if (p == cohort) {
                        fresh[t]++;
                    }
                    if (p + 1 <= lastComplete) {
                        eligible[p - cohort]++;
                        if (later == p + 1) {
                            kept[p - cohort]++;
                            retained[t + 1]++;
                        }
                    }
                }
                later = p;
            }
        }
        List<PeriodRetention> base = new ArrayList<>();
        for (int t = 1; t < span; t++) {
            int previous = active[t - 1];
            if (previous > 0) {
                int period = first + t;
                base.add(new PeriodRetention(unit.label(period), unit.periodStart(period), previous, retained[t],
                        fresh[t], active[t] - retained[t] - fresh[t], active[t], (double) retained[t] / previous,
                        (double) (previous - retained[t]) / previous));
            }
        }
        List<TenureRetention> tenure = new ArrayList<>();
        for (int k = 0; k < span; k++) {
            if (eligible[k] > 0) {
                tenure.add(new TenureRetention(k, eligible[k], kept[k], (double) kept[k] / eligible[k],
                        (double) (eligible[k] - kept[k]) / eligible[k]));
            }
        }
        return new RetentionReport(unit, end, lastPartial, n, repeat, base, tenure);
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
     * The observation end used: the configured one, else the latest transaction's date.
     *
     * @return the date
     */
    public LocalDate observationEnd() {
        return observationEnd;
    }

    /**
     * Whether the period containing the observation end is partial, and so left out of every rate except the
     * repeat-purchase rate.
     *
     * @return true if partial
     */
    public boolean lastPeriodPartial() {
        return lastPeriodPartial;
    }

    /**
     * The number of customers.
     *
     * @return the count, positive
     */
    public int customers() {
        return customers;
    }

    /**
     * The number of customers with purchases on at least two distinct days.
     *
     * @return the count
     */
    public int repeatCustomers() {
        return repeatCustomers;
    }

    /**
     * The repeat-purchase rate: {@link #repeatCustomers()} / {@link #customers()}.
     *
     * @return the rate, in [0, 1]
     */
    public double repeatPurchaseRate() {
        return (double) repeatCustomers / customers;
    }

    /**
     * Customer-base retention between consecutive complete calendar periods, in calendar order, from the second
     * period with data; periods whose previous period had no active customer are left out.
     *
     * @return an unmodifiable list
     */
    public List<PeriodRetention> customerBase() {
        return customerBase;
    }

    /**
     * Retention by period since acquisition (k → k + 1), pooled over cohorts, k = 0 first.
     *
     * @return an unmodifiable list
     */
    public List<TenureRetention> byPeriodSinceAcquisition() {
        return tenure;
    }

    /**
     * The pooled customer-base retention rate r = Σ retained / Σ previous active over {@link #customerBase()}.
     *
     * @return r, or empty when there is no transition between complete periods
     */
    public OptionalDouble retentionRate() {
        return previousActiveTotal == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) retainedTotal / previousActiveTotal);
    }

    /**
     * The pooled churn rate c = 1 − r, computed as Σ (previous active − retained) / Σ previous active.
     *
     * @return c, or empty when there is no transition between complete periods
     */
    public OptionalDouble churnRate() {
        return previousActiveTotal == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) (previousActiveTotal - retainedTotal) / previousActiveTotal);
    }

    /**
     * The average lifespan 1 / c in periods of {@link #unit()}, from the pooled {@link #churnRate()}; see
     * {@link RetentionAnalysis#averageLifespan(double)}.
     *
     * @return the lifespan, or empty when the churn rate is empty or 0
     */
    public OptionalDouble averageLifespan() {
        OptionalDouble churn = churnRate();
        return churn.isPresent() && churn.getAsDouble() > 0.0
                ? OptionalDouble.of(RetentionAnalysis.averageLifespan(churn.getAsDouble()))
                : OptionalDouble.empty();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RetentionReport[unit=%s, observationEnd=%s, customers=%d, "
                        + "repeatPurchaseRate=%.4f, retentionRate=%s]", unit.id(), observationEnd, customers,
                repeatPurchaseRate(), retentionRate());
    }
}
