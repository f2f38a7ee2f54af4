package org.clv4j.models.gammagamma;

import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Simulates repeat buyers' mean transaction values under a {@link GammaGammaModel}: each customer draws its rate
 * ν ~ Gamma(shape q, rate γ), and the mean m̄ of its x transaction values, each Gamma(shape p, rate ν), is drawn
 * directly as Gamma(shape p x, rate x ν) (the sum of x independent Gamma(p, ν) values is Gamma(p x, ν)).
 *
 * <p>Every call starts a fresh {@link Well19937c} generator from the seed, so equal calls return equal data.
 * Immutable and thread-safe.
 */
public final class GammaGammaSimulator {

    private final GammaGammaModel model;
    private final long seed;

    private GammaGammaSimulator(GammaGammaModel model, long seed) {
        this.model = model;
        this.seed = seed;
    }

    /**
     * A simulator of a model's customers.
     *
     * @param model the model
     * @param seed the seed of the random generator
     * @return the simulator
     */
    public static GammaGammaSimulator of(GammaGammaModel model, long seed) {
        return new GammaGammaSimulator(Objects.requireNonNull(model, "model"), seed);
    }

    /**
     * Simulates one customer per element of {@code x}.
     *
     * @param x each customer's number of repeat transactions, whole numbers {@code >= 1}
     * @return the customers' mean values m̄ and their latent mean transaction values p/ν
     * @throws IllegalArgumentException if an element of {@code x} is not a whole number {@code >= 1}
     */
    public Sample simulate(double[] x) {
        Objects.requireNonNull(x, "x");
        RandomGenerator random = new Well19937c(seed);
        GammaDistribution rates = new GammaDistribution(random, model.q(), 1.0 / model.gamma());
        double[] meanValue = new double[x.length];
        double[] customerMean = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= 1.0) || x[i] != Math.rint(x[i]) || !Double.isFinite(x[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "x must be a whole number >= 1 for customer %d: x=%s", i, x[i]));
            }
            double nu = rates.sample();
            customerMean[i] = model.p() / nu;
            meanValue[i] = new GammaDistribution(random, model.p() * x[i], 1.0 / (x[i] * nu)).sample();
        }
        return new Sample(x.clone(), meanValue, customerMean);
    }

    /**
     * Simulated customers.
     *
     * @param x the number of repeat transactions per customer
     * @param meanValue the mean value m̄ of those transactions
     * @param customerMean each customer's latent mean transaction value p/ν, which
     *                     {@link GammaGammaModel#expectedAverageValue(double, double)} estimates
     */
    public record Sample(double[] x, double[] meanValue, double[] customerMean) {
    }
}
