package org.clv4j.models.cohort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clv4j.models.internal.ActivityLog;
import org.clv4j.models.internal.CohortMatrix;

/**
 * The result of a {@link CohortAnalysis}: one {@link CohortRow} per cohort and period since acquisition, cohorts
 * in calendar order, periods 0, 1, … up to the period containing the observation end (periods without activity
 * included, with zero counts).
 *
 * <p>As CSV, the table has the stable columns {@link #COLUMNS}, one line per {@link #rows() row}:
 * <pre>
 * cohort,customers,period,active_customers,retention_rate,orders,revenue,cumulative_revenue_per_customer
 * 2010-12,885,0,885,1.0,1401,873316.86,986.80
 * 2010-12,885,1,324,0.3661,520,405610.02,1445.12
 * </pre>
 * (the December 2010 cohort of the Online Retail invoices, see {@code docs/cohorts.md}).
 * The {@linkplain CohortRow#partial() partial} flag of the last period is not among those columns; a front end
 * that prints it adds a column {@code partial} at the end.
 *
 * <p>Immutable and thread-safe.
 */
public final class CohortTable {

    /** The CSV columns, in order; each maps to the {@link CohortRow} component of the same name in camel case. */
    public static final List<String> COLUMNS = List.of("cohort", "customers", "period", "active_customers",
            "retention_rate", "orders", "revenue", "cumulative_revenue_per_customer");

    private final CohortUnit unit;
    private final LocalDate observationEnd;
    private final boolean lastPeriodPartial;
    private final List<Cohort> cohorts;
    private final List<CohortRow> rows;
    private final int customers;
    private final long orders;
    private final double revenue;

    private CohortTable(CohortUnit unit, LocalDate observationEnd, boolean lastPeriodPartial,
                        List<Cohort> cohorts) {
        this.unit = unit;
        this.observationEnd = observationEnd;
        this.lastPeriodPartial = lastPeriodPartial;
        this.cohorts = List.copyOf(cohorts);
        List<CohortRow> all = new ArrayList<>();
        int customerCount = 0;
        long orderCount = 0;
        double sum = 0.0;
        double compensation = 0.0;
        for (Cohort cohort : this.cohorts) {
            customerCount += cohort.customers();
            for (CohortRow row : cohort.rows()) {
                all.add(row);
                orderCount += row.orders();
                double t = sum + row.revenue();
                compensation += Math.abs(sum) >= Math.abs(row.revenue()) ? (sum - t) + row.revenue()
                        : (row.revenue() - t) + sum;
                sum = t;
            }
        }
        this.rows = Collections.unmodifiableList(all);
        this.customers = customerCount;
        this.orders = orderCount;
        this.revenue = sum + compensation;
    }

    static CohortTable build(ActivityLog log, CohortAnalysis analysis) {
        CohortUnit unit = analysis.unit();
        int n = log.customerCount();
        if (n == 0) {
            return new CohortTable(unit, analysis.observationEnd().orElse(null), false, List.of());
        }
        log.seal();
        log.requireOrders();
        LocalDate end = LocalDate.ofEpochDay(log.observationEndDay());
        int endPeriod = (int) unit.periodIndex(end);
        boolean lastPartial = end.isBefore(unit.periodEnd(endPeriod));

        int[] cohortOf = new int[n];
        for (int c = 0; c < n; c++) {
            cohortOf[c] = (int) unit.periodIndex(LocalDate.ofEpochDay(log.firstDay(c)));
        }
        Cells table = new Cells(distinctSorted(cohortOf), endPeriod);
        int[] cohortSlot = new int[n];
        for (int c = 0; c < n; c++) {
            cohortSlot[c] = Arrays.binarySearch(table.starts, cohortOf[c]);
            table.size[cohortSlot[c]]++;
        }
        // cells in storage order: a sequential pass, customers' cohorts looked up in a small array
        for (int cell = 0, cells = log.cellCount(); cell < cells; cell++) {
            int c = log.owner(cell);
            int k = log.period(cell) - cohortOf[c];
            if (k < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "refund before the first purchase for customer %s: refund period=%s, first purchase=%s;"
                                + " drop such refunds (RefundPolicy.DROP) or clean the input",
                        log.customerId(c), unit.label(log.period(cell)), LocalDate.ofEpochDay(log.firstDay(c))));
            }
            int at = table.offset[cohortSlot[c]] + k;
            int o = log.orders(cell);
            if (o > 0) {
                table.active[at]++;
            }
            table.orders[at] += o;
            double x = log.amount(cell);
            double s = table.revenue[at];
            double t = s + x;
            table.compensation[at] += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
            table.revenue[at] = t;
        }
        return assemble(analysis, end, endPeriod, lastPartial, table);
    }

    /**
     * The table of a log accumulated in cohort-matrix mode ({@link CohortMatrix}): the cells are already per
     * (cohort, period since acquisition).
     */
    static CohortTable fromMatrix(ActivityLog log, CohortAnalysis analysis) {
        CohortUnit unit = analysis.unit();
        CohortMatrix matrix = log.matrix();
        int m = matrix.cohorts();
        if (m == 0) {
            return new CohortTable(unit, analysis.observationEnd().orElse(null), false, List.of());
        }
        LocalDate end = LocalDate.ofEpochDay(log.observationEndDay());
        int endPeriod = (int) unit.periodIndex(end);
        boolean lastPartial = end.isBefore(unit.periodEnd(endPeriod));
        Integer[] bySlot = new Integer[m];
        for (int slot = 0; slot < m; slot++) {
            bySlot[slot] = slot;
        }
        Arrays.sort(bySlot, (a, b) -> Integer.compare(matrix.cohortPeriod(a), matrix.cohortPeriod(b)));
        int[] starts = new int[m];
        for (int i = 0; i < m; i++) {
            starts[i] = matrix.cohortPeriod(bySlot[i]);
        }
        Cells cells = new Cells(starts, endPeriod);
        for (int i = 0; i < m; i++) {
            cells.size[i] = matrix.cohortSize(bySlot[i]);
            for (int k = 0, at = cells.offset[i]; at < cells.offset[i + 1]; k++, at++) {
                cells.active[at] = matrix.active(bySlot[i], k);
                cells.orders[at] = matrix.orders(bySlot[i], k);
                cells.revenue[at] = matrix.revenue(bySlot[i], k);
                cells.compensation[at] = matrix.compensation(bySlot[i], k);
            }
        }
        return assemble(analysis, end, endPeriod, lastPartial, cells);
    }

    /**
     * Per cohort (sorted by start period) and period since acquisition up to the end period, the counts and
     * revenue; cohort i's period k is at {@code offset[i] + k}.
     */
    private static final class Cells {
        final int[] starts;
        final int[] offset;
        final int[] size;
        final int[] active;
        final long[] orders;
        final double[] revenue;
        final double[] compensation;

        Cells(int[] starts, int endPeriod) {
            int m = starts.length;
            this.starts = starts;
            offset = new int[m + 1];
            for (int i = 0; i < m; i++) {
                offset[i + 1] = offset[i] + (endPeriod - starts[i] + 1);
            }
            size = new int[m];
            active = new int[offset[m]];
            orders = new long[offset[m]];
            revenue = new double[offset[m]];
            compensation = new double[offset[m]];
        }
    }

    /** The rows of the cohorts. */
    private static CohortTable assemble(CohortAnalysis analysis, LocalDate end, int endPeriod, boolean lastPartial,
                                        Cells cells) {
        int[] starts = cells.starts;
        int[] offset = cells.offset;
        int[] size = cells.size;
        int[] active = cells.active;
        long[] orders = cells.orders;
        double[] revenue = cells.revenue;
        double[] compensation = cells.compensation;
        CohortUnit unit = analysis.unit();
        int m = starts.length;
        boolean include = analysis.includesPartialPeriods();
        List<Cohort> cohorts = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            String label = unit.label(starts[i]);
            LocalDate start = unit.periodStart(starts[i]);
            int customers = size[i];
            List<CohortRow> rows = new ArrayList<>(offset[i + 1] - offset[i]);
            double cumulative = 0.0;
            double cumulativeCompensation = 0.0;
            for (int k = 0, at = offset[i]; at < offset[i + 1]; k++, at++) {
                int period = starts[i] + k;
                boolean partial = lastPartial && period == endPeriod;
                if (partial && !include) {
                    break;
                }
                double r = revenue[at] + compensation[at];
                double t = cumulative + r;
                cumulativeCompensation += Math.abs(cumulative) >= Math.abs(r) ? (cumulative - t) + r
                        : (r - t) + cumulative;
                cumulative = t;
                rows.add(new CohortRow(label, start, customers, k, unit.periodStart(period), active[at],
                        (double) active[at] / customers, orders[at], r,
                        (cumulative + cumulativeCompensation) / customers, partial));
            }
            if (!rows.isEmpty()) {
                cohorts.add(new Cohort(label, start, customers, rows));
            }
        }
        return new CohortTable(unit, end, lastPartial, cohorts);
    }

    private static int[] distinctSorted(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[m - 1]) {
                sorted[m++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, m);
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
     * The observation end used: the configured one, else the latest transaction's date.
     *
     * @return the date; empty only for a table built from no transactions without a configured end
     */
    public Optional<LocalDate> observationEnd() {
        return Optional.ofNullable(observationEnd);
    }

    /**
     * Whether the period containing the observation end is partial (the observation end is not its last day),
     * whether or not it was included.
     *
     * @return true if the last period is partial
     */
    public boolean lastPeriodPartial() {
        return lastPeriodPartial;
    }

    /**
     * The cohorts, in calendar order, each with its rows.
     *
     * @return an unmodifiable list
     */
    public List<Cohort> cohorts() {
        return cohorts;
    }

    /**
     * All rows, by cohort (calendar order) then period (0 first): the CSV body.
     *
     * @return an unmodifiable list
     */
    public List<CohortRow> rows() {
        return rows;
    }

    /**
     * The row of one cohort and period.
     *
     * @param cohort the cohort label, such as {@code 2010-12}
     * @param period the period since acquisition
     * @return the row, or empty if the table has none
     */
    public Optional<CohortRow> row(String cohort, int period) {
        for (Cohort c : cohorts) {
            if (c.label().equals(cohort)) {
                return period >= 0 && period < c.rows().size() ? Optional.of(c.rows().get(period))
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The number of customers in all cohorts of the table.
     *
     * @return the count
     */
    public int customers() {
        return customers;
    }

    /**
     * The number of orders in all rows.
     *
     * @return the count
     */
    public long orders() {
        return orders;
    }

    /**
     * The revenue in all rows (compensated sum).
     *
     * @return the revenue
     */
    public double revenue() {
        return revenue;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CohortTable[unit=%s, observationEnd=%s, cohorts=%d, rows=%d, customers=%d]",
                unit.id(), observationEnd, cohorts.size(), rows.size(), customers);
    }
}
