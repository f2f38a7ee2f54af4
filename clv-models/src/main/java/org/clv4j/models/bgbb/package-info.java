/**
 * The BG/BB model: repeat transactions when customers can only transact at discrete opportunities (annual fund
 * drives, weekly events, monthly billing cycles), after Fader, Hardie &amp; Shang (2010), "Customer-base analysis
 * in a discrete-time noncontractual setting", Marketing Science 29(6).
 *
 * <p>A history is three whole numbers: x transactions in the n opportunities after the first transaction, the
 * last of them at opportunity t_x. Many customers share a history, so data comes as a few weighted rows:
 * <pre>{@code
 * // frequency = x, recency = t_x, T = n, weight = number of donors
 * SummaryColumns donors = SummaryColumns.of(x, tx, n, null, weight, TimeUnit.YEAR);
 * BgBbModel model = BgBbEstimator.withDefaults().fit(donors).requireConverged().model();
 *
 * model.probabilityAlive(2, 4, 6);                    // alive at the end of period 6
 * model.conditionalExpectedPurchases(5, 4, 5, 6);      // transactions in periods 7..11
 * model.expectedPurchases(11);                         // a new customer's first 11 periods
 * model.expectedCustomersByFrequency(11_104, 6);       // the histogram of x for a cohort
 * model.discountedExpectedResidualTransactions(0.10, 4, 5, 6);
 * }</pre>
 * {@link org.clv4j.models.bgbb.BgBbSimulator} draws customers from a model, for studies and tests.
 */
package org.clv4j.models.bgbb;
