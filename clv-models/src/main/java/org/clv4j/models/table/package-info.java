/**
 * The customer CLV table: one row per customer joining everything clv4j computes about it — purchase history
 * (orders, revenue, frequency, recency, T), historical and predicted CLV, P(alive), RFM segment, lifecycle stage,
 * value tier and the latest NPS answer.
 *
 * <pre>{@code
 * CustomerTable table = CustomerTableAnalysis.withDefaults().compute(transactions);
 * for (CustomerRow row : table.rows()) {
 *     System.out.println(row.customerId() + " " + row.valueTier().id() + " " + row.lifecycleStage().id());
 * }
 * table.notes();        // e.g. "fitted BG/NBD to the 2357 customers: r = 0.2426, ..."
 * }</pre>
 *
 * <p>{@link org.clv4j.models.table.CustomerTableAnalysis} fits BG/NBD and Gamma-Gamma to the customers' summaries
 * when no fitted models are given, and ranks customers into {@link org.clv4j.models.table.ValueTier value tiers}
 * (top 20% {@code vip}, next 30% {@code high}, next 30% {@code medium}, last 20% {@code low}) by predicted CLV, or
 * by historical CLV when no prediction is available ({@link org.clv4j.models.table.CustomerTable#valueBasis()}).
 * {@code docs/clv-table.md} describes every column.
 */
package org.clv4j.models.table;
