package org.clv4j.models.cohort;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One acquisition cohort and its rows, period 0 first: a row of the cohort triangle.
 *
 * @param label the acquisition period's label, such as {@code 2010-12}
 * @param start the first day of the acquisition period
 * @param customers the cohort size
 * @param rows the cohort's rows by period since acquisition, 0 first; unmodifiable
 */
public record Cohort(String label, LocalDate start, int customers, List<CohortRow> rows) {

    /**
     * Copies the rows.
     *
     * @param label the acquisition period's label
     * @param start the first day of the acquisition period
     * @param customers the cohort size
     * @param rows the cohort's rows, period 0 first
     */
    public Cohort {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(start, "start");
        rows = List.copyOf(rows);
    }

    /**
     * The retention curve: {@link CohortRow#retentionRate()} by period since acquisition.
     *
     * @return a new array, index = period
     */
    public double[] retentionCurve() {
        return rows.stream().mapToDouble(CohortRow::retentionRate).toArray();
    }

    /**
     * The cohort CLV curve: {@link CohortRow#cumulativeRevenuePerCustomer()} by period since acquisition.
     *
     * @return a new array, index = period
     */
    public double[] cumulativeRevenueCurve() {
        return rows.stream().mapToDouble(CohortRow::cumulativeRevenuePerCustomer).toArray();
    }
}
