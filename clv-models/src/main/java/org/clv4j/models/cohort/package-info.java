/**
 * Acquisition cohorts: who was acquired when, how many of them come back period after period, and what an acquired
 * customer is worth so far.
 *
 * <p>A {@link org.clv4j.models.cohort.CohortAnalysis} reads transactions once, in any order, and produces a
 * {@link org.clv4j.models.cohort.CohortTable}:
 * <pre>{@code
 * CohortTable table = CohortAnalysis.withDefaults()          // monthly cohorts
 *         .withObservationEnd(LocalDate.of(2011, 12, 9))
 *         .compute(transactions);
 * table.row("2010-12", 3).map(CohortRow::retentionRate);     // share of December 2010 customers active in March 2011
 * }</pre>
 *
 * <p>Reading a table: period 0 is the acquisition period, so its retention rate is 1 by construction. Down a
 * column (one period since acquisition, successive cohorts) you compare cohorts of the same age; along a row you
 * follow one cohort as it ages. The cumulative revenue per customer along a row is the cohort's historical CLV
 * curve: what an acquired customer has spent on average after k + 1 periods. The last period is usually partial
 * (it is flagged).
 *
 * <p>Periods are calendar {@link org.clv4j.models.cohort.CohortUnit units}: ISO weeks, months, quarters or years.
 * For streams, {@link org.clv4j.models.cohort.CohortAnalysis#collector()} and
 * {@link org.clv4j.models.cohort.CohortAccumulator#combine} give the same table, also in parallel.
 */
package org.clv4j.models.cohort;
