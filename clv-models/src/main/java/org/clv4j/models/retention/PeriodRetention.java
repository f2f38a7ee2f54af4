package org.clv4j.models.retention;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * Customer-base retention from one calendar period to the next: of the customers active (with at least one order)
 * in the previous period, how many are active again in this one. Columns {@link RetentionReport#COLUMNS}.
 *
 * @param period this period's label, such as {@code 2011-03} (column {@code period})
 * @param periodStart the first day of this period
 * @param previousActive customers active in the previous period, positive (column {@code previous_active})
 * @param retained customers active in both periods (column {@code retained})
 * @param newCustomers customers whose first purchase is in this period (column {@code new_customers})
 * @param reactivated customers active in this period, not in the previous one, and not new
 *        (column {@code reactivated})
 * @param active customers active in this period: {@code retained + newCustomers + reactivated}
 *        (column {@code active})
 * @param retentionRate {@code retained / previousActive} (column {@code retention_rate})
 * @param churnRate {@code 1 − retentionRate}, computed as {@code (previousActive − retained) / previousActive}
 *        (column {@code churn_rate})
 */
public record PeriodRetention(String period, LocalDate periodStart, int previousActive, int retained,
                              int newCustomers, int reactivated, int active, double retentionRate,
                              double churnRate) {

    /**
     * Validates the counts.
     *
     * @param period this period's label
     * @param periodStart the first day of this period
     * @param previousActive customers active in the previous period, positive
     * @param retained customers active in both periods, at most {@code previousActive}
     * @param newCustomers new customers, non-negative
     * @param reactivated reactivated customers, non-negative
     * @param active customers active in this period, {@code retained + newCustomers + reactivated}
     * @param retentionRate {@code retained / previousActive}
     * @param churnRate {@code 1 − retentionRate}
     * @throws IllegalArgumentException if the counts are inconsistent
     */
    public PeriodRetention {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(periodStart, "periodStart");
        if (previousActive <= 0 || retained < 0 || retained > previousActive || newCustomers < 0 || reactivated < 0
                || active != retained + newCustomers + reactivated) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "inconsistent retention counts for period %s: previousActive=%d, retained=%d, newCustomers=%d, "
                            + "reactivated=%d, active=%d", period, previousActive, retained, newCustomers,
                    reactivated, active));
        }
    }
}
