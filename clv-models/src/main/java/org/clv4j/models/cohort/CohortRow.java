package org.clv4j.models.cohort;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * One cell of a cohort table: a cohort in one period since its acquisition. The components map one-to-one, in
 * order, to the CSV columns {@link CohortTable#COLUMNS} (plus the period dates and the partial flag).
 *
 * @param cohort the cohort label, such as {@code 2010-12} (column {@code cohort})
 * @param cohortStart the first day of the acquisition period
 * @param customers the cohort size: customers whose first purchase is in the acquisition period
 *        (column {@code customers})
 * @param period whole cohort units since acquisition, 0 for the acquisition period (column {@code period})
 * @param periodStart the first day of this period
 * @param activeCustomers the cohort's customers with at least one order in this period
 *        (column {@code active_customers})
 * @param retentionRate {@code activeCustomers / customers}, in [0, 1]; 1 in period 0
 *        (column {@code retention_rate})
 * @param orders the cohort's orders in this period (column {@code orders})
 * @param revenue the cohort's amount in this period, refunds netted under {@code RefundPolicy.NET}
 *        (column {@code revenue})
 * @param cumulativeRevenuePerCustomer the cohort's revenue in periods 0..{@code period}, divided by
 *        {@code customers} (column {@code cumulative_revenue_per_customer})
 * @param partial true if this period contains the observation end and is not over: its figures are so far
 */
public record CohortRow(String cohort, LocalDate cohortStart, int customers, int period, LocalDate periodStart,
                        int activeCustomers, double retentionRate, long orders, double revenue,
                        double cumulativeRevenuePerCustomer, boolean partial) {

    /**
     * Validates the components.
     *
     * @param cohort the cohort label
     * @param cohortStart the first day of the acquisition period
     * @param customers the cohort size, positive
     * @param period periods since acquisition, non-negative
     * @param periodStart the first day of this period
     * @param activeCustomers active customers, in [0, customers]
     * @param retentionRate the retention rate, in [0, 1]
     * @param orders the orders, non-negative
     * @param revenue the revenue, finite
     * @param cumulativeRevenuePerCustomer the cumulative revenue per customer, finite
     * @param partial whether the period is partial
     * @throws IllegalArgumentException if a count is out of range or an amount not finite
     */
    public CohortRow {
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(cohortStart, "cohortStart");
        Objects.requireNonNull(periodStart, "periodStart");
        if (customers <= 0 || period < 0 || activeCustomers < 0 || activeCustomers > customers || orders < 0
                || !(retentionRate >= 0.0 && retentionRate <= 1.0) || !Double.isFinite(revenue)
                || !Double.isFinite(cumulativeRevenuePerCustomer)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "invalid cohort row for cohort %s, period %d: customers=%d, activeCustomers=%d, "
                            + "retentionRate=%s, orders=%d, revenue=%s, cumulativeRevenuePerCustomer=%s",
                    cohort, period, customers, activeCustomers, retentionRate, orders, revenue,
                    cumulativeRevenuePerCustomer));
        }
    }
}
