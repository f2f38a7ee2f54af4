package org.clv4j.models.historical;

import java.util.Locale;
import java.util.Objects;
import org.clv4j.core.TimeUnit;

/**
 * The customer lifespan estimated from the churn observed in a transaction log, used by {@link HistoricalClv}
 * when no lifespan is given.
 *
 * <p><b>How churn is measured.</b> A customer counts as <em>churned</em> when its last purchase lies more than
 * {@code K} time units before the observation end ({@code K} = {@link #churnThreshold()}, by default one year);
 * otherwise it is <em>active</em>. Every customer is at risk of churning from its first purchase:
 * <ul>
 *   <li>a churned customer's observed lifetime ends at its last purchase, the last time it was seen active:
 *       exposure = last purchase − first purchase;</li>
 *   <li>an active customer's lifetime is still running (right-censored) at the observation end:
 *       exposure = observation end − first purchase.</li>
 * </ul>
 * With a constant churn probability per time unit (exponential lifetimes), the maximum-likelihood estimate of the
 * churn rate from such right-censored data is the number of churn events over the total time at risk, and the
 * expected lifespan is its reciprocal:
 * <pre>
 * churnRate = churned / Σ exposure            (per time unit)
 * lifespan  = 1 / churnRate = Σ exposure / churned
 * </pre>
 * (the standard estimator of a constant hazard, e.g. Kalbfleisch &amp; Prentice (2002), "The Statistical
 * Analysis of Failure Time Data", 2nd ed.). The estimate leans short: a churned customer may have stayed
 * for up to {@code K} units after its last purchase. It needs at least one churned customer (without one, the
 * lifespan is unbounded) and a positive total exposure.
 *
 * @param churnThreshold the inactivity threshold {@code K} in time units, {@code > 0}
 * @param customers the number of customers observed, {@code >= 1}
 * @param churnedCustomers the customers inactive for more than {@code K}, in [1, customers]
 * @param exposure the total time at risk in time units, {@code > 0}
 * @param churnRate churned customers per customer-time-unit at risk, {@code churnedCustomers / exposure}
 * @param lifespan the expected lifespan in time units, {@code exposure / churnedCustomers}
 * @param timeUnit the time unit
 */
public record ChurnEstimate(double churnThreshold, int customers, int churnedCustomers, double exposure,
                            double churnRate, double lifespan, TimeUnit timeUnit) {

    /**
     * Validates the components.
     *
     * @param churnThreshold the inactivity threshold {@code K} in time units, {@code > 0}
     * @param customers the number of customers observed, {@code >= 1}
     * @param churnedCustomers the customers inactive for more than {@code K}, in [1, customers]
     * @param exposure the total time at risk in time units, {@code > 0}
     * @param churnRate churned customers per customer-time-unit at risk, {@code churnedCustomers / exposure}
     * @param lifespan the expected lifespan in time units, {@code exposure / churnedCustomers}
     * @param timeUnit the time unit
     * @throws IllegalArgumentException if a count or value is out of range or not finite
     */
    public ChurnEstimate {
        Objects.requireNonNull(timeUnit, "timeUnit");
        if (!(churnThreshold > 0.0) || !Double.isFinite(churnThreshold) || customers < 1
                || churnedCustomers < 1 || churnedCustomers > customers || !(exposure > 0.0)
                || !Double.isFinite(exposure) || !(churnRate > 0.0) || !Double.isFinite(churnRate)
                || !(lifespan > 0.0) || !Double.isFinite(lifespan)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "invalid churn estimate: churnThreshold=%s, customers=%d, churnedCustomers=%d, exposure=%s, "
                            + "churnRate=%s, lifespan=%s", churnThreshold, customers, churnedCustomers, exposure,
                    churnRate, lifespan));
        }
    }

    /**
     * The estimate from its counts.
     *
     * @param churnThreshold the inactivity threshold {@code K} in time units
     * @param customers the number of customers observed
     * @param churnedCustomers the number of churned customers
     * @param exposure the total time at risk in time units
     * @param timeUnit the time unit
     * @return the estimate
     * @throws IllegalArgumentException if no customer churned (the lifespan would be unbounded) or the exposure
     *         is not positive, naming the counts
     */
    public static ChurnEstimate of(double churnThreshold, int customers, int churnedCustomers, double exposure,
                                   TimeUnit timeUnit) {
        if (churnedCustomers == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cannot estimate the lifespan: no customer churned (none of %d customers is inactive for more "
                            + "than churnThreshold=%s %s before the observation end); give a lifespan or a "
                            + "shorter churn threshold", customers, churnThreshold, timeUnit));
        }
        if (!(exposure > 0.0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cannot estimate the lifespan: the total time at risk is %s %s (each of the %d churned "
                            + "customers bought on a single day, and no active customer has time before the "
                            + "observation end); give a lifespan", exposure, timeUnit, churnedCustomers));
        }
        return new ChurnEstimate(churnThreshold, customers, churnedCustomers, exposure, churnedCustomers / exposure,
                exposure / churnedCustomers, timeUnit);
    }
}
