/**
 * The clv4j API: {@link org.clv4j.core.Transaction}s and {@link org.clv4j.core.Customer}s go in, typed by a
 * {@link org.clv4j.core.TimeUnit}; {@link org.clv4j.core.Metric}s and models (module {@code org.clv4j.models})
 * compute from them.
 *
 * <p>The first step of every analysis is the per-customer summary, in {@link org.clv4j.core.summary}:
 * <pre>{@code
 * List<Transaction> log = List.of(
 *         Transaction.of("a", LocalDate.of(2024, 1, 3), 20.0),
 *         Transaction.of("a", LocalDate.of(2024, 2, 7), 35.0),
 *         Transaction.of("b", LocalDate.of(2024, 1, 20), 12.5));
 * SummaryOptions options = SummaryOptions.defaults().withObservationEnd(LocalDate.of(2024, 3, 31))
 *         .withTimeUnit(TimeUnit.WEEK);
 * List<CustomerSummary> summaries = CustomerSummaries.summarize(log, options);
 * // a: frequency 1, recency 5 weeks, T 12.71 weeks, monetary value 35.0
 * }</pre>
 */
package org.clv4j.core;
