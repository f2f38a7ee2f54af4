package org.clv4j.models.sbg;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One cohort of subscribers followed over contract periods: the number of customers still alive (active,
 * subscribed) at the start of each period {@code t = 0, 1, …, n}, as in Table 1 of Fader &amp; Hardie (2007),
 * "How to project customer retention", Journal of Interactive Marketing 21(1).
 *
 * <p>Period 0 is the acquisition: {@code alive(0)} is the cohort size. The customers lost in period {@code t}
 * are {@code alive(t − 1) − alive(t)}; the {@code alive(n)} customers still active at the last observed period
 * are right-censored.
 *
 * <p>Validated on construction: the label is not blank, the counts are whole numbers {@code >= 0}, the first is
 * {@code > 0} and they never increase. Immutable and thread-safe.
 */
public final class SurvivalCohort {

    private final String label;
    private final long[] alive;

    private SurvivalCohort(String label, long[] alive) {
        this.label = label;
        this.alive = alive;
    }

    /**
     * A cohort from its survivor counts.
     *
     * @param label the cohort's name (e.g. {@code "regular"} or an acquisition month), not blank
     * @param alive the customers alive at the start of periods {@code 0..n}; at least one value
     * @return the cohort
     * @throws IllegalArgumentException if the label is blank, there are no counts, a count is negative, the
     *         first count is 0 or a count exceeds the one before it; the message names the cohort, the period and
     *         the value
     */
    public static SurvivalCohort of(String label, long... alive) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(alive, "alive");
        if (label.isBlank()) {
            throw new IllegalArgumentException("cohort label must not be blank: label=\"" + label + "\"");
        }
        if (alive.length == 0) {
            throw new IllegalArgumentException("cohort " + label + " has no periods: at least the count alive at "
                    + "period 0 is needed");
        }
        for (int t = 0; t < alive.length; t++) {
            if (alive[t] < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "customers alive must be >= 0 in cohort %s at period %d: customersAlive=%d",
                        label, t, alive[t]));
            }
            if (t > 0 && alive[t] > alive[t - 1]) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "customers alive must not increase in cohort %s: period %d has customersAlive=%d "
                                + "> %d at period %d", label, t, alive[t], alive[t - 1], t - 1));
            }
        }
        if (alive[0] == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "customers alive at period 0 must be > 0 in cohort %s: customersAlive=0", label));
        }
        return new SurvivalCohort(label, alive.clone());
    }

    /**
     * The cohort's name.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The last observed period {@code n}.
     *
     * @return {@code n >= 0}
     */
    public int lastPeriod() {
        return alive.length - 1;
    }

    /**
     * The cohort size: the customers alive at period 0.
     *
     * @return the size, {@code > 0}
     */
    public long size() {
        return alive[0];
    }

    /**
     * The customers alive at the start of period {@code t}.
     *
     * @param t the period, {@code 0 <= t <= lastPeriod()}
     * @return the count
     * @throws IllegalArgumentException if {@code t} is outside the observed periods
     */
    public long alive(int t) {
        checkPeriod(t, 0);
        return alive[t];
    }

    /**
     * The customers lost in period {@code t}: {@code alive(t − 1) − alive(t)}.
     *
     * @param t the period, {@code 1 <= t <= lastPeriod()}
     * @return the count
     * @throws IllegalArgumentException if {@code t} is outside {@code 1..lastPeriod()}
     */
    public long lost(int t) {
        checkPeriod(t, 1);
        return alive[t - 1] - alive[t];
    }

    /**
     * All survivor counts, periods {@code 0..n}.
     *
     * @return a copy of the counts
     */
    public long[] aliveCounts() {
        return alive.clone();
    }

    /**
     * The observed fraction alive {@code alive(t) / alive(0)} for periods {@code 0..n}: the empirical survival
     * curve.
     *
     * @return the fractions, starting at 1
     */
    public double[] fractionAlive() {
        double[] fraction = new double[alive.length];
        for (int t = 0; t < alive.length; t++) {
            fraction[t] = (double) alive[t] / alive[0];
        }
        return fraction;
    }

    private void checkPeriod(int t, int first) {
        if (t < first || t > lastPeriod()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "period must be in %d..%d for cohort %s: t=%d", first, lastPeriod(), label, t));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SurvivalCohort
                && label.equals(((SurvivalCohort) other).label)
                && Arrays.equals(alive, ((SurvivalCohort) other).alive);
    }

    @Override
    public int hashCode() {
        return 31 * label.hashCode() + Arrays.hashCode(alive);
    }

    @Override
    public String toString() {
        return "SurvivalCohort[" + label + ", alive=" + Arrays.toString(alive) + "]";
    }
}
