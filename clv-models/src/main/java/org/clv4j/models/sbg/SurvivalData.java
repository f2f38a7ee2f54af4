package org.clv4j.models.sbg;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Survivor counts of one or several cohorts: the input of the {@link SbgEstimator}.
 *
 * <pre>{@code
 * SurvivalData data = SurvivalData.of("regular", 1000, 631, 468, 382, 326, 289, 262, 241);
 *
 * // or row by row, e.g. from a CSV file with columns cohort, period, customers_alive
 * SurvivalData.Builder builder = SurvivalData.builder();
 * builder.add("regular", 0, 1000).add("regular", 1, 631).add("high end", 0, 1000).add("high end", 1, 869);
 * SurvivalData two = builder.build();
 * }</pre>
 *
 * <p>Cohorts keep the order in which they were given; labels are unique. Each cohort is validated as described in
 * {@link SurvivalCohort}. Immutable and thread-safe.
 */
public final class SurvivalData {

    /** The label of the single cohort created by {@link #of(long...)} and {@link Builder#add(int, double)}. */
    public static final String DEFAULT_COHORT = "all";

    private final List<SurvivalCohort> cohorts;

    private SurvivalData(List<SurvivalCohort> cohorts) {
        this.cohorts = cohorts;
    }

    /**
     * One cohort labelled {@value #DEFAULT_COHORT}.
     *
     * @param alive the customers alive at the start of periods {@code 0..n}
     * @return the data
     * @throws IllegalArgumentException if the counts are invalid (see {@link SurvivalCohort#of(String, long...)})
     */
    public static SurvivalData of(long... alive) {
        return of(DEFAULT_COHORT, alive);
    }

    /**
     * One labelled cohort.
     *
     * @param cohort the cohort's label, not blank
     * @param alive the customers alive at the start of periods {@code 0..n}
     * @return the data
     * @throws IllegalArgumentException if the label or the counts are invalid (see
     *         {@link SurvivalCohort#of(String, long...)})
     */
    public static SurvivalData of(String cohort, long... alive) {
        return new SurvivalData(List.of(SurvivalCohort.of(cohort, alive)));
    }

    /**
     * Several cohorts.
     *
     * @param cohorts the cohorts, at least one, with distinct labels
     * @return the data
     * @throws IllegalArgumentException if there is no cohort or two share a label
     */
    public static SurvivalData of(Collection<SurvivalCohort> cohorts) {
        Objects.requireNonNull(cohorts, "cohorts");
        if (cohorts.isEmpty()) {
            throw new IllegalArgumentException("survival data needs at least one cohort: cohorts=[]");
        }
        Map<String, SurvivalCohort> byLabel = new LinkedHashMap<>();
        for (SurvivalCohort cohort : cohorts) {
            Objects.requireNonNull(cohort, "cohort");
            if (byLabel.putIfAbsent(cohort.label(), cohort) != null) {
                throw new IllegalArgumentException("cohort labels must be unique: cohort " + cohort.label()
                        + " is given twice");
            }
        }
        return new SurvivalData(List.copyOf(byLabel.values()));
    }

    /**
     * An empty builder that collects {@code (cohort, period, customers alive)} rows in any order.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The cohorts, in the order given.
     *
     * @return an unmodifiable list, never empty
     */
    public List<SurvivalCohort> cohorts() {
        return cohorts;
    }

    /**
     * The cohort with a label.
     *
     * @param label the label
     * @return the cohort
     * @throws IllegalArgumentException if there is no cohort with this label
     */
    public SurvivalCohort cohort(String label) {
        for (SurvivalCohort cohort : cohorts) {
            if (cohort.label().equals(label)) {
                return cohort;
            }
        }
        throw new IllegalArgumentException("no cohort with label " + label + "; cohorts are " + labels());
    }

    /**
     * The labels of the cohorts, in order.
     *
     * @return an unmodifiable list of labels
     */
    public List<String> labels() {
        List<String> labels = new ArrayList<>(cohorts.size());
        for (SurvivalCohort cohort : cohorts) {
            labels.add(cohort.label());
        }
        return Collections.unmodifiableList(labels);
    }

    /**
     * The total number of customers over all cohorts: the sum of the period-0 counts.
     *
     * @return the total, {@code > 0}
     */
    public long customers() {
        long total = 0;
        for (SurvivalCohort cohort : cohorts) {
            total += cohort.size();
        }
        return total;
    }

    /**
     * The last period observed in any cohort.
     *
     * @return the largest {@link SurvivalCohort#lastPeriod()}
     */
    public int lastPeriod() {
        int last = 0;
        for (SurvivalCohort cohort : cohorts) {
            last = Math.max(last, cohort.lastPeriod());
        }
        return last;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SurvivalData && cohorts.equals(((SurvivalData) other).cohorts);
    }

    @Override
    public int hashCode() {
        return cohorts.hashCode();
    }

    @Override
    public String toString() {
        return "SurvivalData" + cohorts;
    }

    /**
     * Collects survivor counts row by row, e.g. while reading a file with columns {@code period,
     * customers_alive} and optionally {@code cohort}. Rows may come in any order; every cohort's periods must
     * cover {@code 0..n} without gaps by the time {@link #build()} is called.
     *
     * <p>Not thread-safe; use one builder per input.
     */
    public static final class Builder {

        private final Map<String, TreeMap<Integer, Long>> rows = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a row of the single cohort {@value SurvivalData#DEFAULT_COHORT}.
         *
         * @param period the period, {@code >= 0}
         * @param customersAlive the customers alive at the start of the period: a whole number {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException as {@link #add(String, int, double)}
         */
        public Builder add(int period, double customersAlive) {
            return add(DEFAULT_COHORT, period, customersAlive);
        }

        /**
         * Adds a row.
         *
         * @param cohort the cohort's label, not blank
         * @param period the period, {@code >= 0}
         * @param customersAlive the customers alive at the start of the period: a whole number {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if the label is blank, the period negative, the count not a
         *         non-negative whole number or the period already given for this cohort; the message names the
         *         cohort, the period and the value
         */
        public Builder add(String cohort, int period, double customersAlive) {
            Objects.requireNonNull(cohort, "cohort");
            if (cohort.isBlank()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "cohort label must not be blank at period %d: cohort=\"%s\"", period, cohort));
            }
            if (period < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "period must be >= 0 in cohort %s: period=%d", cohort, period));
            }
            if (!(customersAlive >= 0.0) || !Double.isFinite(customersAlive)
                    || customersAlive != Math.rint(customersAlive) || customersAlive > 0x1p53) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "customers alive must be a whole number >= 0 in cohort %s at period %d: "
                                + "customersAlive=%s", cohort, period, customersAlive));
            }
            long count = (long) customersAlive;
            Long previous = rows.computeIfAbsent(cohort, c -> new TreeMap<>()).putIfAbsent(period, count);
            if (previous != null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "period %d is given twice for cohort %s: customersAlive=%d and %d",
                        period, cohort, previous, count));
            }
            return this;
        }

        /**
         * The data collected so far.
         *
         * @return the validated data; cohorts in order of their first row
         * @throws IllegalStateException if no row was added
         * @throws IllegalArgumentException if a cohort's periods do not run {@code 0..n} without gaps, or its counts
         *         are invalid (see {@link SurvivalCohort#of(String, long...)})
         */
        public SurvivalData build() {
            if (rows.isEmpty()) {
                throw new IllegalStateException("no survivor counts were added to the builder");
            }
            List<SurvivalCohort> cohorts = new ArrayList<>(rows.size());
            for (Map.Entry<String, TreeMap<Integer, Long>> entry : rows.entrySet()) {
                String label = entry.getKey();
                TreeMap<Integer, Long> periods = entry.getValue();
                long[] alive = new long[periods.size()];
                int expected = 0;
                for (Map.Entry<Integer, Long> row : periods.entrySet()) {
                    if (row.getKey() != expected) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT,
                                "periods of cohort %s must run 0..n without gaps: period %d is missing "
                                        + "(next given period=%d)", label, expected, row.getKey()));
                    }
                    alive[expected++] = row.getValue();
                }
                cohorts.add(SurvivalCohort.of(label, alive));
            }
            return SurvivalData.of(cohorts);
        }
    }
}
