/**
 * Customer lifetime value from transactions: {@link org.clv4j.models.ClvCalculator} is the entry point, and
 * {@link org.clv4j.models.TransactionModel} the common face of the fitted purchase models.
 *
 * <ul>
 *   <li>{@link org.clv4j.models.historical}: historical CLV, margin × average order value × purchase frequency ×
 *       lifespan − acquisition cost, per customer and aggregated by segment.</li>
 *   <li>{@link org.clv4j.models.predictive}: probabilistic CLV, a fitted transaction model × the Gamma-Gamma spend
 *       model, discounted step by step.</li>
 *   <li>{@link org.clv4j.models.fit}: maximum-likelihood fitting shared by all models.</li>
 *   <li>{@link org.clv4j.models.sbg}: the shifted-beta-geometric model of contractual retention.</li>
 *   <li>{@link org.clv4j.models.lifecycle}: lifecycle stages (new, growing, mature, dormant, lost).</li>
 *   <li>{@link org.clv4j.models.table}: the customer CLV table, one row per customer with all of the above.</li>
 * </ul>
 */
package org.clv4j.models;
