/**
 * Customer lifetime value from transactions: {@link org.clv4j.models.ClvCalculator} is the entry point.
 *
 * <ul>
 *   <li>{@link org.clv4j.models.historical}: historical CLV, margin × average order value × purchase frequency ×
 *       lifespan − acquisition cost, per customer and aggregated by segment.</li>
 * </ul>
 */
package org.clv4j.models;
