/**
 * The Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987): customers buy at a Poisson rate λ while
 * alive and die after an exponential lifetime with rate μ; λ and μ are gamma-distributed across customers.
 *
 * <p>From each customer's summary (x repeat purchases, the last at t_x, age T) the model answers "is this customer
 * still alive?" and "how many purchases next?":
 * <pre>{@code
 * FitResult<ParetoNbdModel> fit = ParetoNbdEstimator.withDefaults().fit(columns);   // CDNOW: r=0.5533, α=10.578,
 * ParetoNbdModel model = fit.requireConverged().model();                          //        s=0.6062, β=11.669
 * double alive = model.probabilityAlive(26, 30.86, 31);                            // 0.99792
 * double next52 = model.conditionalExpectedPurchases(52, 26, 30.86, 31);          // 25.456
 * double dert = model.discountedExpectedResidualTransactions(Math.log(1.15) / 52, 26, 30.86, 31);  // 86.26
 * }</pre>
 *
 * <p>Compared with BG/NBD (where a customer can only drop out right after a purchase), Pareto/NBD lets death
 * happen at any time, so a customer with no repeat purchase for a long time is judged less likely to be alive;
 * the price is a likelihood that needs the Gauss hypergeometric function
 * ({@link org.clv4j.models.special.Hypergeometric2F1}). The {@link org.clv4j.models.paretonbd.ParetoNbdEstimator}
 * fits it with an analytic gradient in one series pass per customer, so a million customers fit in about three
 * seconds. The numbers above are checked by {@code ParetoNbdDocumentationExampleTest}.
 * {@link org.clv4j.models.paretonbd.ParetoNbdSimulator} draws customers from the model's story.
 */
package org.clv4j.models.paretonbd;
