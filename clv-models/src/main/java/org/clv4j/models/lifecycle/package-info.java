/**
 * Customer lifecycle stages: where each customer stands in its relationship with the business — new, growing,
 * mature, dormant or lost — judged at one date from its own purchase history.
 *
 * <pre>{@code
 * LifecycleTable stages = LifecycleAnalysis.withDefaults().compute(transactions);
 * for (CustomerLifecycle c : stages.customers()) {
 *     System.out.println(c.customerId() + " " + c.stage().id() + ": " + c.reason(stages.rules()));
 * }
 * }</pre>
 *
 * <p>The rules ({@link org.clv4j.models.lifecycle.LifecycleRules}) read a customer against itself first: its
 * <em>purchase rhythm</em> is its mean time between purchase days, and a customer is dormant, then lost, when it
 * has let two, then four, of its own rhythms pass without buying (single-purchase customers borrow the median
 * rhythm of the repeat customers). Active customers are new during their first 90 days, growing when their recent
 * half buys faster than their earlier half or their revenue is still below the upper half, and mature when steady
 * and of high value. Give a fitted buy-till-you-die model
 * ({@link org.clv4j.models.lifecycle.LifecycleAnalysis#withModel}) and its P(alive) judges activity instead of the
 * rhythm: dormant under 0.5, lost under 0.2.
 *
 * <p>Every threshold is configurable; {@code docs/lifecycle.md} gives the definitions with worked examples.
 */
package org.clv4j.models.lifecycle;
