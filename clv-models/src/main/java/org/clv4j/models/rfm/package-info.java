/**
 * RFM segmentation: who bought recently (R), who buys often (F), who spends most (M), and what to call them.
 *
 * <pre>{@code
 * RfmTable table = RfmAnalysis.withDefaults().compute(transactions);
 * for (RfmScore s : table.scores()) {
 *     System.out.println(s.customerId() + " " + s.code() + " " + s.segment().label());  // c-42 545 champions
 * }
 * table.segmentCounts();                         // segment → number of customers
 * }</pre>
 *
 * <p>{@link org.clv4j.models.rfm.RfmAnalysis} computes each customer's days since the last purchase, number of
 * orders and spend in one pass over the transactions, scores each dimension 1–5 by quintiles (5 best; ties broken
 * by customer id so the five groups stay equal in size) and maps (R, FM) to one of eleven
 * {@link org.clv4j.models.rfm.RfmSegment segments} on a fixed grid. {@link org.clv4j.models.rfm.RfmClustering}
 * is the data-driven alternative: k-means on the standardised values, seeded, so runs are reproducible.
 *
 * <p>RFM is descriptive: it ranks customers against each other at one date. For forecasts of future purchases and
 * value, fit a buy-till-you-die model to the same transactions.
 */
package org.clv4j.models.rfm;
