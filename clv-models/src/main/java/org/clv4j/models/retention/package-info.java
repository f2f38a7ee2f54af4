/**
 * Retention and churn: are customers still buying, and for how long do subscribers stay?
 *
 * <p>For <b>non-contractual</b> businesses (customers just stop buying), a
 * {@link org.clv4j.models.retention.RetentionAnalysis} reads transactions and measures activity by calendar
 * period: customer-base retention between consecutive periods, retention by period since acquisition, the
 * repeat-purchase rate, and the average lifespan 1 / churn implied by a constant churn rate.
 * <pre>{@code
 * RetentionReport report = RetentionAnalysis.withDefaults().compute(transactions);
 * report.repeatPurchaseRate();          // share of customers who bought on two or more days
 * report.churnRate();                   // pooled month-to-month churn of active customers
 * report.averageLifespan();             // 1 / churn, in months
 * }</pre>
 *
 * <p>For <b>contractual</b> businesses (a subscription ends with a cancellation), churn is observed directly, but
 * subscribers still active at the end of observation are right-censored: {@link
 * org.clv4j.models.retention.KaplanMeier} estimates the survival curve S(t), the share of subscribers still
 * subscribed after t, with Greenwood standard errors and log-log confidence intervals.
 * <pre>{@code
 * SurvivalCurve curve = KaplanMeier.withDefaults().estimate(List.of(
 *         SurvivalObservation.of("s1", 3, true),     // cancelled after 3 months
 *         SurvivalObservation.of("s2", 12, false))); // still subscribed after 12 months
 * curve.survivalAt(6);                               // 0.5
 * }</pre>
 */
package org.clv4j.models.retention;
