/**
 * The BG/NBD model of Fader, Hardie &amp; Lee (2005), "'Counting your customers' the easy way", Marketing Science
 * 24(2): customers buy at Poisson rates λ ~ Gamma(r, α) and, after each repeat purchase, drop out with probability
 * p ~ Beta(a, b).
 *
 * <p>The flow is summary → estimator → model → predictions:
 * <pre>{@code
 * SummaryColumns columns = ...;                       // x, t_x, T per customer, in weeks say
 * BgNbdModel model = BgNbdEstimator.withDefaults().fit(columns).requireConverged().model();
 * double pAlive = model.probabilityAlive(2, 30.43, 38.86);                     // 0.7266 on CDNOW
 * double next39 = model.conditionalExpectedPurchases(39, 2, 30.43, 38.86);     // 1.226
 * model.score(columns, 52, expected, alive);          // every customer at once, in parallel
 * }</pre>
 *
 * <p>{@link org.clv4j.models.bgnbd.BgNbdSimulator} draws customers from a model (for Monte Carlo checks and
 * parameter-recovery studies). The BG/NBD is quick to fit and nearly always agrees with the Pareto/NBD; its one
 * quirk is that a customer with no repeat purchase is alive with certainty, which the MBG/NBD model
 * ({@code org.clv4j.models.mbgnbd}) removes.
 */
package org.clv4j.models.bgnbd;
