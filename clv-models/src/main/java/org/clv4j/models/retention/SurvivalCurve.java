package org.clv4j.models.retention;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A Kaplan-Meier survival curve: the estimate at every distinct observed duration, in increasing order, with
 * Greenwood standard errors and log-log confidence intervals (see {@link KaplanMeier}). Immutable.
 */
public final class SurvivalCurve {

    /** CSV columns of {@link #points()}, mapping to the {@link SurvivalPoint} components in order. */
    public static final List<String> COLUMNS = List.of("time", "at_risk", "events", "censored", "survival",
            "standard_error", "lower", "upper");

    private final List<SurvivalPoint> points;
    private final double confidenceLevel;
    private final int subscribers;
    private final int events;

    SurvivalCurve(List<SurvivalPoint> points, double confidenceLevel) {
        this.points = List.copyOf(points);
        this.confidenceLevel = confidenceLevel;
        this.subscribers = this.points.get(0).atRisk();
        int d = 0;
        for (SurvivalPoint p : this.points) {
            d += p.events();
        }
        this.events = d;
    }

    /**
     * The estimate at every distinct observed duration (with an event, a censoring or both), increasing.
     *
     * @return an unmodifiable list
     */
    public List<SurvivalPoint> points() {
        return points;
    }

    /**
     * The confidence level of the intervals.
     *
     * @return the level, such as 0.95
     */
    public double confidenceLevel() {
        return confidenceLevel;
    }

    /**
     * The number of subscribers.
     *
     * @return the count
     */
    public int subscribers() {
        return subscribers;
    }

    /**
     * The number of churn events.
     *
     * @return the count
     */
    public int events() {
        return events;
    }

    /**
     * Ŝ(t), the right-continuous step function: the estimate at the last point at or before t, 1 before the first.
     *
     * @param t a duration
     * @return the survival probability estimate
     */
    public double survivalAt(double t) {
        int lo = 0;
        int hi = points.size() - 1;
        if (t < points.get(0).time()) {
            return 1.0;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (points.get(mid).time() <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return points.get(lo).survival();
    }

    /**
     * The median survival time: the smallest observed duration t with Ŝ(t) ≤ 0.5.
     *
     * @return the median, or empty if the curve never falls to 0.5
     */
    public OptionalDouble medianSurvivalTime() {
        for (SurvivalPoint p : points) {
            if (p.survival() <= 0.5) {
                return OptionalDouble.of(p.time());
            }
        }
        return OptionalDouble.empty();
    }
}
