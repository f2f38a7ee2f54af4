package org.clv4j.models.lifecycle;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One customer's lifecycle stage with the figures the rules looked at (definitions in {@link LifecycleRules}).
 *
 * @param customerId the customer's id
 * @param stage the stage
 * @param firstPurchase the day of the first purchase d<sub>0</sub>
 * @param lastPurchase the day of the last purchase d<sub>x</sub>
 * @param repeatPurchases x, the number of repeat purchase days
 * @param orders the number of orders (transactions with an amount {@code >= 0})
 * @param revenue the amounts summed (refunds netted under {@code RefundPolicy.NET})
 * @param ageDays A, days from the first purchase to the observation end
 * @param daysSinceLastPurchase s, days from the last purchase to the observation end
 * @param rhythmDays g, the purchase rhythm in days: the customer's own, or the population's when
 *        {@code ownRhythm} is false
 * @param ownRhythm whether {@code rhythmDays} is the customer's own mean inter-purchase time (x &gt;= 1)
 * @param earlierPurchases repeat purchase days in the earlier half of the age
 * @param recentPurchases repeat purchase days in the recent half of the age
 * @param highValue whether the revenue is above the high-value quantile
 * @param probabilityAlive P(alive) from the model, if one was given (NaN never appears: empty without a model)
 * @param modelDecided whether the model's P(alive), rather than the overdue ratio, judged activity
 */
public record CustomerLifecycle(String customerId, LifecycleStage stage, LocalDate firstPurchase,
                                LocalDate lastPurchase, int repeatPurchases, long orders, double revenue,
                                long ageDays, long daysSinceLastPurchase, double rhythmDays, boolean ownRhythm,
                                int earlierPurchases, int recentPurchases, boolean highValue,
                                OptionalDouble probabilityAlive, boolean modelDecided) {

    /**
     * Validates the components.
     *
     * @param customerId the customer's id, not null
     * @param stage the stage, not null
     * @param firstPurchase the first purchase day, not null
     * @param lastPurchase the last purchase day, not before the first
     * @param repeatPurchases x, {@code >= 0}
     * @param orders the orders, {@code >= x + 1}
     * @param revenue the revenue, finite
     * @param ageDays A, {@code >= 0}
     * @param daysSinceLastPurchase s, in [0, A]
     * @param rhythmDays g, finite and {@code > 0}
     * @param ownRhythm whether g is the customer's own
     * @param earlierPurchases earlier-half repeat purchase days, {@code >= 0}
     * @param recentPurchases recent-half repeat purchase days, {@code >= 0}, adding up to x with the earlier ones
     * @param highValue whether of high value
     * @param probabilityAlive P(alive) in [0, 1], or empty
     * @param modelDecided whether P(alive) judged activity (only with a P(alive))
     * @throws IllegalArgumentException if a figure is out of range, naming the customer
     */
    public CustomerLifecycle {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(firstPurchase, "firstPurchase");
        Objects.requireNonNull(lastPurchase, "lastPurchase");
        Objects.requireNonNull(probabilityAlive, "probabilityAlive");
        if (lastPurchase.isBefore(firstPurchase) || repeatPurchases < 0 || orders < repeatPurchases + 1L
                || !Double.isFinite(revenue) || ageDays < 0 || daysSinceLastPurchase < 0
                || daysSinceLastPurchase > ageDays || !(rhythmDays > 0.0) || !Double.isFinite(rhythmDays)
                || earlierPurchases < 0 || recentPurchases < 0 || earlierPurchases + recentPurchases != repeatPurchases
                || (probabilityAlive.isPresent() && !(probabilityAlive.getAsDouble() >= 0.0
                        && probabilityAlive.getAsDouble() <= 1.0))
                || (modelDecided && probabilityAlive.isEmpty())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "invalid lifecycle figures for customer "
                            + "%s: firstPurchase=%s, lastPurchase=%s, repeatPurchases=%d, orders=%d, revenue=%s, "
                            + "ageDays=%d, daysSinceLastPurchase=%d, rhythmDays=%s, earlierPurchases=%d, "
                            + "recentPurchases=%d, probabilityAlive=%s", customerId, firstPurchase, lastPurchase,
                    repeatPurchases, orders, revenue, ageDays, daysSinceLastPurchase, rhythmDays, earlierPurchases,
                    recentPurchases, probabilityAlive));
        }
    }

    /**
     * The overdue ratio s / g: how many purchase rhythms have passed since the last purchase.
     *
     * @return the ratio, {@code >= 0}
     */
    public double overdueRatio() {
        return daysSinceLastPurchase / rhythmDays;
    }

    /**
     * Why the customer is in its stage, in one sentence for reports, such as
     * {@code "dormant: 75 days since the last purchase, 2.5 times its rhythm of 30.0 days (dormant beyond 2.0)"}.
     *
     * @param rules the rules the stage was assigned with
     * @return the explanation
     */
    public String reason(LifecycleRules rules) {
        Objects.requireNonNull(rules, "rules");
        String rhythm = String.format(Locale.ROOT, "%d days since the last purchase, %.2f times %s rhythm of %.1f "
                + "days", daysSinceLastPurchase, overdueRatio(), ownRhythm ? "its" : "the population's", rhythmDays);
        String alive = probabilityAlive.isPresent()
                ? String.format(Locale.ROOT, "P(alive) %.3f", probabilityAlive.getAsDouble()) : "";
        switch (stage) {
            case LOST:
                return modelDecided
                        ? String.format(Locale.ROOT, "lost: %s (lost below %s)", alive, rules.lostBelow())
                        : String.format(Locale.ROOT, "lost: %s (lost beyond %s)", rhythm, rules.lostAfter());
            case DORMANT:
                return modelDecided
                        ? String.format(Locale.ROOT, "dormant: %s (dormant below %s)", alive, rules.dormantBelow())
                        : String.format(Locale.ROOT, "dormant: %s (dormant beyond %s)", rhythm,
                                rules.dormantAfter());
            case NEW:
                return String.format(Locale.ROOT, "new: first purchase %d days ago (new for %s days)", ageDays,
                        rules.newCustomerDays());
            case GROWING:
                return isRising(rules)
                        ? String.format(Locale.ROOT, "growing: %d repeat purchase days in the recent half of its "
                                + "age against %d in the earlier half", recentPurchases, earlierPurchases)
                        : "growing: active and steady, revenue not yet in the high-value group";
            case MATURE:
            default:
                return String.format(Locale.ROOT, "mature: active, steady (%d recent against %d earlier repeat "
                        + "purchase days), high value", recentPurchases, earlierPurchases);
        }
    }

    private boolean isRising(LifecycleRules rules) {
        return recentPurchases >= rules.minimumRecentPurchases()
                && recentPurchases >= rules.growthFactor() * earlierPurchases;
    }
}
