/**
 * Probabilistic (predictive) customer lifetime value: a fitted transaction model times a fitted spend model,
 * discounted step by step.
 *
 * <pre>
 *   CLV = margin × Σ_{i=1..H} m · (E[X(i·s)] − E[X((i−1)·s)]) / (1 + d)^i
 * </pre>
 *
 * <ul>
 *   <li>E[X(τ)]: the expected number of purchases in the next τ time units of a customer with history
 *       (x, t_x, T), from a {@link org.clv4j.models.TransactionModel} (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB);</li>
 *   <li>m: the expected value of that customer's purchases, E[M | x, m̄], from the Gamma-Gamma model
 *       ({@code org.clv4j.models.gammagamma}), which must have q &gt; 1;</li>
 *   <li>s, H, d: step length (in the model's time unit), number of steps, discount rate per step
 *       ({@link org.clv4j.models.predictive.ProbabilisticClvOptions}).</li>
 * </ul>
 *
 * <p>Unlike historical CLV, this counts the chance that a customer has silently left: a customer who bought often
 * but long ago is probably gone, and expects few further purchases. The convention (a discrete sum, the purchases
 * of step i discounted by (1 + d)^i) is that of Python lifetimes 0.11.3, whose published CDNOW figures the tests
 * reproduce: with BG/NBD and Gamma-Gamma fitted to the CDNOW sample in weeks, 12 steps of 4.345 weeks and
 * d = 0.01 per step, the customer with x = 2, t_x = 30.43, T = 38.86 and m̄ = 22.35 is worth 36.278.
 *
 * <pre>{@code
 * ProbabilisticClvResult clv = ClvCalculator.probabilistic(bgNbd, gammaGamma, columns,
 *         ProbabilisticClvOptions.defaults().withSteps(12).withStepLength(4.345).withDiscountRate(0.01));
 * double total = clv.total();
 * }</pre>
 */
package org.clv4j.models.predictive;
