package org.clv4j.models.retention;

import java.util.Locale;

/**
 * Retention by time since acquisition, pooled over cohorts: of the customers active {@code period} periods after
 * their acquisition period (period 0 = the acquisition period, where every customer is active), how many are
 * active again one period later. Only customers whose next period is complete count. Columns
 * {@link RetentionReport#TENURE_COLUMNS}.
 *
 * @param period k, periods since acquisition (column {@code period})
 * @param active customers active in period k whose period k + 1 is complete, positive (column {@code active})
 * @param retained of those, the customers active in period k + 1 (column {@code retained})
 * @param retentionRate {@code retained / active} (column {@code retention_rate})
 * @param churnRate {@code (active − retained) / active} (column {@code churn_rate})
 */
public record TenureRetention(int period, int active, int retained, double retentionRate, double churnRate) {

    /**
     * Validates the counts.
     *
     * @param period periods since acquisition, non-negative
     * @param active customers active in period k with a complete period k + 1, positive
     * @param retained customers also active in period k + 1, at most {@code active}
     * @param retentionRate {@code retained / active}
     * @param churnRate {@code (active − retained) / active}
     * @throws IllegalArgumentException if the counts are inconsistent
     */
    public TenureRetention {
        if (period < 0 || active <= 0 || retained < 0 || retained > active) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "inconsistent retention counts for period %d: active=%d, retained=%d", period, active,
                    retained));
        }
    }
}
