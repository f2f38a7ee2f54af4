/**
 * From a transaction log to per-customer summaries (frequency, recency, T, monetary value) and their columnar
 * form for model fitting.
 *
 * <p>{@link org.clv4j.core.summary.CustomerSummaries#summarize CustomerSummaries.summarize} reads an
 * {@code Iterable}; {@link org.clv4j.core.summary.SummaryAccumulator#collector SummaryAccumulator.collector} is the
 * same computation as a {@code Collector}. Both read the transactions once, in memory proportional to the number
 * of customers. {@link org.clv4j.core.summary.SummaryColumns} holds many summaries as primitive arrays, with
 * weights, and {@link org.clv4j.core.summary.SummaryColumns#compress() compresses} identical rows.
 */
package org.clv4j.core.summary;
