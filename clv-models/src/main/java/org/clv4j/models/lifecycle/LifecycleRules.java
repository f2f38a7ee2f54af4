package org.clv4j.models.lifecycle;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The rules that put a customer in a {@link LifecycleStage}, with their thresholds. Immutable; each {@code withX}
 * returns a validated copy.
 *
 * <p><b>Definitions.</b> For a customer with distinct purchase days d<sub>0</sub> &lt; d<sub>1</sub> &lt; … &lt;
 * d<sub>x</sub> (x repeat purchase days; several orders on one day are one purchase day, as in
 * {@link org.clv4j.core.summary.CustomerSummary}) and the observation end E, all in days:
 * <ul>
 *   <li><b>age</b> A = E − d<sub>0</sub>; <b>days since the last purchase</b> s = E − d<sub>x</sub>;</li>
 *   <li><b>purchase rhythm</b> g: the customer's mean inter-purchase time (d<sub>x</sub> − d<sub>0</sub>) / x when
 *       x ≥ 1; for a single-purchase customer the <b>population rhythm</b>, the median of the rhythms of all
 *       customers with x ≥ 1 (or {@link #withPopulationRhythm(double) a fixed number of days});</li>
 *   <li><b>overdue ratio</b> s / g: how many of its own typical gaps the customer has let pass since its last
 *       purchase. For a customer buying at a steady Poisson rate 1/g a silence of k·g has probability
 *       e<sup>−k</sup>: 13.5% for the dormant default k = 2, 1.8% for the lost default k = 4;</li>
 *   <li><b>purchase rate rising</b>: the repeat purchase days in the recent half of the age (2(d − d<sub>0</sub>)
 *       ≥ A) number at least {@link #minimumRecentPurchases()} and at least {@link #growthFactor()} times those of
 *       the earlier half (2(d − d<sub>0</sub>) &lt; A). The first purchase is in neither count, so a steady rate gives
 *       equal expected counts in both halves;</li>
 *   <li><b>high value</b>: the customer's revenue in the window is above the {@link #highValueQuantile() quantile}
 *       q of all customers' revenues, that is more than a share q of the customers have a revenue at most its own
 *       (default q = 0.5: the upper half; customers with equal revenue are treated alike).</li>
 * </ul>
 *
 * <p><b>Stages</b>, the first rule that applies wins:
 * <ol>
 *   <li>{@link LifecycleStage#LOST}: overdue ratio &gt; {@link #lostAfter()} (default 4); with a fitted model,
 *       P(alive) &lt; {@link #lostBelow()} (default 0.2) instead;</li>
 *   <li>{@link LifecycleStage#DORMANT}: overdue ratio &gt; {@link #dormantAfter()} (default 2); with a model,
 *       P(alive) &lt; {@link #dormantBelow()} (default 0.5) instead;</li>
 *   <li>{@link LifecycleStage#NEW}: age A &lt; {@link #newCustomerDays()} (default 90 days);</li>
 *   <li>{@link LifecycleStage#GROWING}: purchase rate rising;</li>
 *   <li>{@link LifecycleStage#MATURE}: high value;</li>
 *   <li>otherwise {@link LifecycleStage#GROWING}: an established customer buying steadily whose value is not yet
 *       high.</li>
 * </ol>
 * Activity is judged first, so a new customer that is already overdue is dormant. When a fitted transaction model
 * is given ({@link LifecycleAnalysis#withModel}), its P(alive) replaces the overdue ratio, except for customers for
 * whom the model's P(alive) carries no information: a single-purchase customer with P(alive) exactly 1 (BG/NBD
 * assumes that customers can only drop out right after a repeat purchase, so its P(alive) is 1 for every x = 0);
 * those customers are judged by their rhythm.
 *
 * <pre>{@code
 * LifecycleRules rules = LifecycleRules.defaults()
 *         .withNewCustomerDays(30)
 *         .withDormantAfter(3.0)
 *         .withLostAfter(6.0);
 * }</pre>
 */
public final class LifecycleRules {

    private static final LifecycleRules DEFAULTS = new LifecycleRules(90.0, 2.0, 4.0, Double.NaN, 1.5, 2, 0.5,
            0.5, 0.2);

    private final double newCustomerDays;
    private final double dormantAfter;
    private final double lostAfter;
    /** NaN: the median rhythm of the repeat customers. */
    private final double populationRhythm;
    private final double growthFactor;
    private final int minimumRecentPurchases;
    private final double highValueQuantile;
    private final double dormantBelow;
    private final double lostBelow;

    private LifecycleRules(double newCustomerDays, double dormantAfter, double lostAfter, double populationRhythm,
                           double growthFactor, int minimumRecentPurchases, double highValueQuantile,
                           double dormantBelow, double lostBelow) {
        this.newCustomerDays = newCustomerDays;
        this.dormantAfter = dormantAfter;
        this.lostAfter = lostAfter;
        this.populationRhythm = populationRhythm;
        this.growthFactor = growthFactor;
        this.minimumRecentPurchases = minimumRecentPurchases;
        this.highValueQuantile = highValueQuantile;
        this.dormantBelow = dormantBelow;
        this.lostBelow = lostBelow;
    }

    /**
     * The default rules: new for 90 days, dormant beyond 2 rhythms, lost beyond 4, population rhythm = the median
     * of the repeat customers' rhythms, rising = at least 2 recent repeat purchases and 1.5 times the earlier half,
     * high value = the upper half by revenue, and with a model dormant below P(alive) 0.5, lost below 0.2.
     *
     * @return the defaults
     */
    public static LifecycleRules defaults() {
        return DEFAULTS;
    }

    /**
     * A copy with the length of the introduction: a customer whose first purchase is fewer than {@code days} days
     * before the observation end (age A &lt; days) is new, unless overdue.
     *
     * @param days finite and {@code >= 0}; 0 makes nobody new
     * @return the copy
     * @throws IllegalArgumentException if {@code days} is negative or not finite
     */
    public LifecycleRules withNewCustomerDays(double days) {
        requireFinite("newCustomerDays", days, 0.0);
        return new LifecycleRules(days, dormantAfter, lostAfter, populationRhythm, growthFactor,
                minimumRecentPurchases, highValueQuantile, dormantBelow, lostBelow);
    }

    /**
     * A copy with the overdue ratio beyond which an active customer becomes dormant.
     *
     * @param multiple the number of purchase rhythms, finite, {@code > 0} and {@code <=} {@link #lostAfter()}
     * @return the copy
     * @throws IllegalArgumentException if {@code multiple} is out of range
     */
    public LifecycleRules withDormantAfter(double multiple) {
        requireFinite("dormantAfter", multiple, Double.MIN_VALUE);
        requireOrder("dormantAfter", multiple, "lostAfter", lostAfter);
        return new LifecycleRules(newCustomerDays, multiple, lostAfter, populationRhythm, growthFactor,
                minimumRecentPurchases, highValueQuantile, dormantBelow, lostBelow);
    }

    /**
     * A copy with the overdue ratio beyond which a customer is lost.
     *
     * @param multiple the number of purchase rhythms, finite and {@code >=} {@link #dormantAfter()}
     * @return the copy
     * @throws IllegalArgumentException if {@code multiple} is out of range
     */
    public LifecycleRules withLostAfter(double multiple) {
        requireFinite("lostAfter", multiple, Double.MIN_VALUE);
        requireOrder("dormantAfter", dormantAfter, "lostAfter", multiple);
        return new LifecycleRules(newCustomerDays, dormantAfter, multiple, populationRhythm, growthFactor,
                minimumRecentPurchases, highValueQuantile, dormantBelow, lostBelow);
    }

    /**
     * A copy with a fixed purchase rhythm for single-purchase customers, in place of the median rhythm of the
     * repeat customers (needed when no customer has a repeat purchase).
     *
     * @param days the rhythm in days, finite and {@code > 0}
     * @return the copy
     * @throws IllegalArgumentException if {@code days} is not finite and positive
     */
    public LifecycleRules withPopulationRhythm(double days) {
        requireFinite("populationRhythm", days, Double.MIN_VALUE);
        return new LifecycleRules(newCustomerDays, dormantAfter, lostAfter, days, growthFactor,
                minimumRecentPurchases, highValueQuantile, dormantBelow, lostBelow);
    }

    /**
     * A copy with the factor by which the recent half's repeat purchases must exceed the earlier half's for the
     * purchase rate to count as rising.
     *
     * @param factor finite and {@code >= 1}
     * @return the copy
     * @throws IllegalArgumentException if {@code factor} is below 1 or not finite
     */
    public LifecycleRules withGrowthFactor(double factor) {
        requireFinite("growthFactor", factor, 1.0);
        return new LifecycleRules(newCustomerDays, dormantAfter, lostAfter, populationRhythm, factor,
                minimumRecentPurchases, highValueQuantile, dormantBelow, lostBelow);
    }

    /**
     * A copy with the least number of repeat purchase days in the recent half for a rising purchase rate (so that
     * a single late purchase does not make a trend).
     *
     * @param purchases {@code >= 1}
     * @return the copy
     * @throws IllegalArgumentException if {@code purchases < 1}
     */
    public LifecycleRules withMinimumRecentPurchases(int purchases) {
        if (purchases < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "minimumRecentPurchases must be >= 1: minimumRecentPurchases=%d", purchases));
        }
        return new LifecycleRules(newCustomerDays, dormantAfter, lostAfter, populationRhythm, growthFactor,
                purchases, highValueQuantile, dormantBelow, lostBelow);
    }

    /**
     * A copy with the revenue quantile above which a customer is of high value.
     *
     * @param q in [0, 1): 0.5 is the upper half, 0.8 the top fifth
     * @return the copy
     * @throws IllegalArgumentException if {@code q} is outside [0, 1)
     */
    public LifecycleRules withHighValueQuantile(double q) {
        if (!(q >= 0.0 && q < 1.0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "highValueQuantile must be in [0, 1): highValueQuantile=%s", q));
        }
        return new LifecycleRules(newCustomerDays, dormantAfter, lostAfter, populationRhythm, growthFactor,
                minimumRecentPurchases, q, dormantBelow, lostBelow);
    }

    /**
     * A copy with the P(alive) under which a customer is dormant, when a model is given.
     *
     * @param probability in [{@link #lostBelow()}, 1]
     * @return the copy
     * @throws IllegalArgumentException if {@code probability} is out of range
     */
    public LifecycleRules withDormantBelow(double probability) {
        requireProbability("dormantBelow", probability);
        requireOrder("lostBelow", lostBelow, "dormantBelow", probability);
        return new LifecycleRules(newCustomerDays, dormantAfter, lostAfter, populationRhythm, growthFactor,
                minimumRecentPurchases, highValueQuantile, probability, lostBelow);
    }

    /**
     * A copy with the P(alive) under which a customer is lost, when a model is given.
     *
     * @param probability in [0, {@link #dormantBelow()}]
     * @return the copy
     * @throws IllegalArgumentException if {@code probability} is out of range
     */
    public LifecycleRules withLostBelow(double probability) {
        requireProbability("lostBelow", probability);
        requireOrder("lostBelow", probability, "dormantBelow", dormantBelow);
        return new LifecycleRules(newCustomerDays, dormantAfter, lostAfter, populationRhythm, growthFactor,
                minimumRecentPurchases, highValueQuantile, dormantBelow, probability);
    }

    /**
     * The length of the introduction.
     *
     * @return days; a customer younger than this is new unless overdue
     */
    public double newCustomerDays() {
        return newCustomerDays;
    }

    /**
     * The overdue ratio beyond which a customer is dormant.
     *
     * @return the multiple of the purchase rhythm
     */
    public double dormantAfter() {
        return dormantAfter;
    }

    /**
     * The overdue ratio beyond which a customer is lost.
     *
     * @return the multiple of the purchase rhythm
     */
    public double lostAfter() {
        return lostAfter;
    }

    /**
     * The fixed rhythm of single-purchase customers, if set.
     *
     * @return days, or empty for the median rhythm of the repeat customers
     */
    public OptionalDouble populationRhythm() {
        return Double.isNaN(populationRhythm) ? OptionalDouble.empty() : OptionalDouble.of(populationRhythm);
    }

    /**
     * The growth factor of a rising purchase rate.
     *
     * @return the factor, {@code >= 1}
     */
    public double growthFactor() {
        return growthFactor;
    }

    /**
     * The least number of recent repeat purchase days of a rising purchase rate.
     *
     * @return the count, {@code >= 1}
     */
    public int minimumRecentPurchases() {
        return minimumRecentPurchases;
    }

    /**
     * The revenue quantile of high value.
     *
     * @return q in [0, 1)
     */
    public double highValueQuantile() {
        return highValueQuantile;
    }

    /**
     * The P(alive) under which a customer is dormant (with a model).
     *
     * @return the probability
     */
    public double dormantBelow() {
        return dormantBelow;
    }

    /**
     * The P(alive) under which a customer is lost (with a model).
     *
     * @return the probability
     */
    public double lostBelow() {
        return lostBelow;
    }

    private static void requireFinite(String name, double value, double min) {
        if (!(value >= min) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be finite and %s: %s=%s", name,
                    min == 0.0 ? ">= 0" : min == 1.0 ? ">= 1" : "> 0", name, value));
        }
    }

    private static void requireProbability(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be a probability in [0, 1]: "
                    + "%s=%s", name, name, value));
        }
    }

    private static void requireOrder(String lowName, double low, String highName, double high) {
        if (low > high) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be <= %s: %s=%s, %s=%s",
                    lowName, highName, lowName, low, highName, high));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LifecycleRules[newCustomerDays=%s, dormantAfter=%s, lostAfter=%s, "
                        + "populationRhythm=%s, growthFactor=%s, minimumRecentPurchases=%d, highValueQuantile=%s, "
                        + "dormantBelow=%s, lostBelow=%s]", newCustomerDays, dormantAfter, lostAfter,
                Double.isNaN(populationRhythm) ? "median" : populationRhythm, growthFactor, minimumRecentPurchases,
                highValueQuantile, dormantBelow, lostBelow);
    }
}
