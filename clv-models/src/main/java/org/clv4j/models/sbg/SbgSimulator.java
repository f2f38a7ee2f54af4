package org.clv4j.models.sbg;

import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Simulates cohorts under the sBG process, for checks and parameter-recovery studies: each customer draws her
 * churn probability θ from Beta(α, β), then renews at the end of every period with probability {@code 1 − θ}.
 *
 * <p>The lifetime is drawn by inversion, {@code T = max(1, ⌈ln U / ln(1 − θ)⌉)} with U uniform on (0, 1], so
 * that {@code P(T > t | θ) = (1 − θ)^t}. Results depend only on the seed (Well19937c generator); the simulator is
 * immutable and thread-safe, each call using its own generator.
 */
public final class SbgSimulator {

    private final SbgModel model;

    private SbgSimulator(SbgModel model) {
        this.model = model;
    }

    /**
     * A simulator for a model.
     *
     * @param model the true parameters
     * @return the simulator
     */
    public static SbgSimulator of(SbgModel model) {
        return new SbgSimulator(Objects.requireNonNull(model, "model"));
    }

    /**
     * Simulates one cohort and counts the customers alive at the start of periods {@code 0..lastPeriod}.
     *
     * @param label the cohort's label, not blank
     * @param size the number of customers acquired at period 0, {@code >= 1}
     * @param lastPeriod the last period observed, {@code >= 0}
     * @param seed the random seed
     * @return the simulated cohort
     * @throws IllegalArgumentException if {@code size < 1} or {@code lastPeriod < 0}
     */
    public SurvivalCohort simulateCohort(String label, int size, int lastPeriod, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "cohort size must be >= 1: size=%d",
                    size));
        }
        if (lastPeriod < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "last period must be >= 0: lastPeriod=%d", lastPeriod));
        }
        RandomGenerator random = new Well19937c(seed);
        BetaDistribution churnProbability = new BetaDistribution(random, model.alpha(), model.beta());
        // lostIn[t] = customers whose lifetime T equals t; T > lastPeriod is pooled in lostIn[lastPeriod + 1]
        long[] lostIn = new long[lastPeriod + 2];
        for (int i = 0; i < size; i++) {
            double theta = churnProbability.sample();
            double u = 1.0 - random.nextDouble();
            long lifetime;
            if (theta >= 1.0) {
                lifetime = 1;
            } else if (theta <= 0.0) {
                lifetime = Long.MAX_VALUE;
            } else {
                double periods = Math.ceil(Math.log(u) / Math.log1p(-theta));
                lifetime = periods >= lastPeriod + 1 ? lastPeriod + 1 : Math.max(1, (long) periods);
            }
            lostIn[(int) Math.min(lifetime, lastPeriod + 1)]++;
        }
        long[] alive = new long[lastPeriod + 1];
        long remaining = size;
        for (int t = 0; t <= lastPeriod; t++) {
            remaining -= lostIn[t];
            alive[t] = remaining;
        }
        return SurvivalCohort.of(label, alive);
    }
}
