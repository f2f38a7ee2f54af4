package org.clv4j.models.bgbb;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.clv4j.core.summary.SummaryColumns;

/**
 * Simulates customers of a {@link BgBbModel} by its story (Fader, Hardie &amp; Shang 2010): each customer draws
 * p ~ Beta(α, β) and θ ~ Beta(γ, δ); at the start of each period 1, 2, ... a living customer becomes inactive with
 * probability θ, and a customer still alive then transacts with probability p.
 *
 * <p>Every call starts a fresh {@link Well19937c} generator from the seed, so equal calls return equal data.
 * Immutable and thread-safe.
 */
public final class BgBbSimulator {

    private final BgBbModel model;
    private final long seed;

    private BgBbSimulator(BgBbModel model, long seed) {
        this.model = model;
        this.seed = seed;
    }

    /**
     * A simulator of a model's customers.
     *
     * @param model the model whose parameters and period are used
     * @param seed the seed of the random generator
     * @return the simulator
     */
    public static BgBbSimulator of(BgBbModel model, long seed) {
        return new BgBbSimulator(Objects.requireNonNull(model, "model"), seed);
    }

    /**
     * Simulates {@code customers} customers observed for {@code n} opportunities each.
     *
     * @param customers the number of customers, {@code >= 1}
     * @param n the number of opportunities, {@code >= 0}
     * @return histories: frequency = x, recency = t_x, T = n, weight 1, in the model's period
     * @throws IllegalArgumentException if {@code customers < 1} or {@code n < 0}
     */
    public SummaryColumns simulate(int customers, int n) {
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be >= 1: customers=" + customers);
        }
        int[] periods = new int[customers];
        Arrays.fill(periods, n);
        return simulate(periods);
    }

    /**
     * Simulates one customer per element of {@code n}, observed for that many opportunities.
     *
     * @param n the number of opportunities of each customer, each {@code >= 0}; at least one customer
     * @return histories: frequency = x, recency = t_x, T = n, weight 1, in the model's period
     * @throws IllegalArgumentException if {@code n} is empty or has a negative element
     */
    public SummaryColumns simulate(int[] n) {
        return run(n, 0).calibration();
    }

    /**
     * Simulates {@code customers} customers observed for {@code n} opportunities and followed for
     * {@code holdoutPeriods} more, keeping what a test of the model's predictions needs: whether each customer is
     * alive at period n and its transactions in periods n+1 .. n+holdoutPeriods.
     *
     * @param customers the number of customers, {@code >= 1}
     * @param n the number of calibration opportunities, {@code >= 0}
     * @param holdoutPeriods the number of later periods, {@code >= 0}
     * @return the panel
     * @throws IllegalArgumentException if an argument is out of range
     */
    public Panel simulatePanel(int customers, int n, int holdoutPeriods) {
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be >= 1: customers=" + customers);
        }
        if (holdoutPeriods < 0) {
            throw new IllegalArgumentException("holdout periods must be >= 0: holdoutPeriods=" + holdoutPeriods);
        }
        int[] periods = new int[customers];
        Arrays.fill(periods, n);
        return run(periods, holdoutPeriods);
    }

    private Panel run(int[] n, int holdoutPeriods) {
        if (n.length == 0) {
            throw new IllegalArgumentException("at least one customer must be simulated: n is empty");
        }
        RandomGenerator random = new Well19937c(seed);
        BetaDistribution transactionProbability = new BetaDistribution(random, model.alpha(), model.beta());
        BetaDistribution dropoutProbability = new BetaDistribution(random, model.gamma(), model.delta());
        int customers = n.length;
        double[] x = new double[customers];
        double[] tx = new double[customers];
        double[] periods = new double[customers];
        double[] holdout = new double[customers];
        boolean[] alive = new boolean[customers];
        for (int c = 0; c < customers; c++) {
            if (n[c] < 0) {
                throw new IllegalArgumentException("n must be >= 0 for customer " + c + ": n=" + n[c]);
            }
            double p = transactionProbability.sample();
            double theta = dropoutProbability.sample();
            boolean living = true;
            int count = 0;
            int last = 0;
            int later = 0;
            for (int j = 1; j <= n[c] + holdoutPeriods && living; j++) {
                if (random.nextDouble() < theta) {
                    living = false;
                } else if (random.nextDouble() < p) {
                    if (j <= n[c]) {
                        count++;
                        last = j;
                    } else {
                        later++;
                    }
                }
                if (j == n[c]) {
                    alive[c] = living;
                }
            }
            if (n[c] == 0) {
                alive[c] = true;
            }
            x[c] = count;
            tx[c] = last;
            periods[c] = n[c];
            holdout[c] = later;
        }
        return new Panel(SummaryColumns.of(x, tx, periods, null, null, model.timeUnit()), holdout, alive);
    }

    /**
     * A simulated panel: calibration histories, later transactions, and the latent state at the end of the
     * calibration.
     *
     * @param calibration the histories (x, t_x, n) of the first n opportunities
     * @param holdoutTransactions each customer's transactions in the holdout periods (the caller owns the array)
     * @param aliveAtEnd whether each customer was alive at period n (the caller owns the array)
     */
    public record Panel(SummaryColumns calibration, double[] holdoutTransactions, boolean[] aliveAtEnd) {
    }
}
