/**
 * Historical CLV: the value of each customer's observed purchasing, extended over an expected lifespan.
 *
 * <pre>
 * CLV = margin × AOV × frequency × lifespanFactor − acquisitionCost
 *       AOV = revenue / orders      frequency = orders / tenure (tenure ≥ 1 time unit)
 *       lifespanFactor = L, or Σ_{k=1..L} (1+d)^−k with a discount rate d (fractional last unit pro rata)
 * </pre>
 *
 * <p>A worked example, in years: a customer who placed 4 orders worth 200 in total, first two years before the
 * observation end, has AOV 50 and frequency 4 / 2 = 2 orders a year. At margin 0.3, a lifespan of 3 years and no
 * discounting its CLV is 0.3 × 50 × 2 × 3 = 90; with a 10% discount rate the factor is
 * 1/1.1 + 1/1.1² + 1/1.1³ = 2.4869 and the CLV 74.61; an acquisition cost of 20 brings it to 54.61.
 *
 * <pre>{@code
 * HistoricalClvResult result = ClvCalculator.historical(transactions, HistoricalClvOptions.defaults()
 *         .withMargin(0.3).withLifespan(3).withDiscountRate(0.1).withAcquisitionCost(20));
 * result.customers();  // one CustomerClv per customer, every input of the formula exposed
 * result.aggregate();  // mean, median, total, min, max
 * result.bySegment();  // the same per segment, from the customers' "segment" attribute
 * }</pre>
 *
 * <p>Without a given lifespan, the lifespan is estimated from the observed churn: a customer inactive for more than
 * a threshold (one year by default) counts as churned, and the lifespan is the total time at risk per churned
 * customer ({@link org.clv4j.models.historical.ChurnEstimate}).
 *
 * <p>Historical CLV assumes each customer keeps its observed purchase rate for the whole lifespan. For forecasts
 * that account for customers who have silently left, use the probabilistic models.
 */
package org.clv4j.models.historical;
