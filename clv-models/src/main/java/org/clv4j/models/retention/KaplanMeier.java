package org.clv4j.models.retention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Kaplan-Meier (product-limit) estimate of the survival function of subscribers, with right censoring:
 * subscribers still active at the end of observation count as at risk up to their duration and then leave.
 *
 * <p>At the distinct event times t<sub>1</sub> &lt; t<sub>2</sub> &lt; …, with n<sub>i</sub> subscribers at risk
 * (duration {@code >= t_i}) and d<sub>i</sub> churning at t<sub>i</sub> (Kaplan &amp; Meier 1958, "Nonparametric
 * estimation from incomplete observations", JASA 53(282)):
 * <pre>
 *   Ŝ(t) = Π_{t_i ≤ t} (1 − d_i / n_i)
 *   Var Ŝ(t) = Ŝ(t)² · Σ_{t_i ≤ t} d_i / (n_i (n_i − d_i))          (Greenwood 1926)
 * </pre>
 * A churn and a censoring at the same time: the censored subscriber counts as at risk (churn first, the usual
 * convention).
 *
 * <p><b>Confidence interval: log-log</b> (Kalbfleisch &amp; Prentice 1980; {@code conf.type = "log-log"} in R's
 * survival package). With v = √(Σ d<sub>i</sub> / (n<sub>i</sub>(n<sub>i</sub> − d<sub>i</sub>))) / |ln Ŝ(t)|, the
 * standard error of ln(−ln Ŝ(t)), and z the normal quantile of the level:
 * <pre>
 *   [ Ŝ(t)^exp(+z v) , Ŝ(t)^exp(−z v) ]
 * </pre>
 * Unlike the plain interval Ŝ ± z·se, it always lies in [0, 1] and is asymmetric where it should be, near 0 and 1.
 * While Ŝ = 1 (no churn yet) the standard error is 0 and the interval [1, 1]; once Ŝ = 0 (everybody at risk
 * churned) the Greenwood sum is infinite and the degenerate estimate is reported with standard error 0 and
 * interval [0, 0].
 *
 * <p>Sorting dominates: O(n log n) on primitive arrays. Immutable and thread-safe.
 */
public final class KaplanMeier {

    private static final KaplanMeier DEFAULTS = new KaplanMeier(0.95);

    private final double confidenceLevel;
    private final double z;

    private KaplanMeier(double confidenceLevel) {
        this.confidenceLevel = confidenceLevel;
        this.z = new NormalDistribution(null, 0.0, 1.0).inverseCumulativeProbability(0.5 + confidenceLevel / 2.0);
    }

    /**
     * The estimator with 95% intervals.
     *
     * @return the default estimator
     */
    public static KaplanMeier withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another confidence level.
     *
     * @param level in (0, 1), such as 0.9
     * @return the copy
     * @throws IllegalArgumentException if {@code level} is not in (0, 1)
     */
    public KaplanMeier withConfidenceLevel(double level) {
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "confidence level must be in (0, 1): confidenceLevel=%s", level));
        }
        return new KaplanMeier(level);
    }

    /**
     * The confidence level of the intervals.
     *
     * @return the level
     */
    public double confidenceLevel() {
        return confidenceLevel;
    }

    /**
     * Estimates the survival curve of subscribers.
     *
     * @param observations one per subscriber, in any order; at least one
     * @return the curve
     * @throws IllegalArgumentException if there is no observation
     */
    public SurvivalCurve estimate(Iterable<SurvivalObservation> observations) {
        Objects.requireNonNull(observations, "observations");
        double[] events = new double[16];
        double[] censored = new double[16];
        int e = 0;
        int c = 0;
        for (SurvivalObservation o : observations) {
            if (o.churned()) {
                if (e == events.length) {
                    events = Arrays.copyOf(events, 2 * e);
                }
                events[e++] = o.duration();
            } else {
                if (c == censored.length) {
                    censored = Arrays.copyOf(censored, 2 * c);
                }
                censored[c++] = o.duration();
            }
        }
        return estimateSorted(sorted(events, e), sorted(censored, c));
    }

    /**
     * Estimates the survival curve from primitive columns.
     *
     * @param durations per subscriber, the time to churn or censoring; finite, {@code >= 0}
     * @param churned per subscriber, true for churn, false for censored
     * @return the curve
     * @throws IllegalArgumentException if the arrays differ in length or are empty, or a duration is negative or
     *         not finite (the message names its index)
     */
    public SurvivalCurve estimate(double[] durations, boolean[] churned) {
        if (durations.length != churned.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "durations and churned must have the same length: durations=%d, churned=%d",
                    durations.length, churned.length));
        }
        int e = 0;
        for (int i = 0; i < durations.length; i++) {
            double d = durations[i];
            if (!(d >= 0.0) || !Double.isFinite(d)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "duration must be finite and >= 0 at index %d: duration=%s", i, d));
            }
            if (churned[i]) {
                e++;
            }
        }
        double[] events = new double[e];
        double[] censored = new double[durations.length - e];
        int ie = 0;
        int ic = 0;
        for (int i = 0; i < durations.length; i++) {
            if (churned[i]) {
                events[ie++] = durations[i];
            } else {
                censored[ic++] = durations[i];
            }
        }
        Arrays.sort(events);
        Arrays.sort(censored);
        return estimateSorted(events, censored);
    }

    private static double[] sorted(double[] values, int length) {
        double[] copy = Arrays.copyOf(values, length);
        Arrays.sort(copy);
        return copy;
    }

    private SurvivalCurve estimateSorted(double[] events, double[] censored) {
        int n = events.length + censored.length;
        if (n == 0) {
            throw new IllegalArgumentException("Kaplan-Meier needs at least one subscriber: subscribers=0");
        }
        List<SurvivalPoint> points = new ArrayList<>();
        int atRisk = n;
        int ie = 0;
        int ic = 0;
        double survival = 1.0;
        double greenwood = 0.0;
        boolean exhausted = false;
        while (ie < events.length || ic < censored.length) {
            double t = Math.min(ie < events.length ? events[ie] : Double.POSITIVE_INFINITY,
                    ic < censored.length ? censored[ic] : Double.POSITIVE_INFINITY);
            int d = 0;
            while (ie < events.length && events[ie] == t) {
                d++;
                ie++;
            }
            int c = 0;
            while (ic < censored.length && censored[ic] == t) {
                c++;
                ic++;
            }
            if (d > 0) {
                if (d == atRisk) {
                    survival = 0.0;
                    exhausted = true;
                } else {
                    survival *= 1.0 - (double) d / atRisk;
                    greenwood += (double) d / ((double) atRisk * (atRisk - d));
                }
            }
            double se;
            double lower;
            double upper;
            if (exhausted || survival == 0.0) {
                se = 0.0;
                lower = 0.0;
                upper = 0.0;
            } else if (greenwood == 0.0) {
                se = 0.0;
                lower = survival;
                upper = survival;
            } else {
                se = survival * Math.sqrt(greenwood);
                double logS = Math.log(survival);
                double v = Math.sqrt(greenwood) / Math.abs(logS);
                // min/max guard the rounding of exp(log S) when v is tiny
                lower = Math.min(survival, Math.exp(Math.exp(z * v) * logS));
                upper = Math.max(survival, Math.exp(Math.exp(-z * v) * logS));
            }
            points.add(new SurvivalPoint(t, atRisk, d, c, survival, se, lower, upper));
            atRisk -= d + c;
        }
        return new SurvivalCurve(points, confidenceLevel);
    }
}
