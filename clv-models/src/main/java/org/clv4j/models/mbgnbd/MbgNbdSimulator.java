package org.clv4j.models.mbgnbd;

import java.util.Objects;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.internal.BetaGeometricNbdSimulation;

/**
 * Simulates customers from a {@link MbgNbdModel}, following the model's story (Batislam, Denizel &amp;
 * Filiztekin 2007): each customer draws λ ~ Gamma(r, α) and p ~ Beta(a, b), drops out right after the first
 * purchase with probability p, else buys at exponential gaps with rate λ and, after each repeat purchase, drops
 * out with probability p. Given each customer's observation window T (time from
 * the first purchase to the end of the calibration period), it reports (x, t_x, T). Continuous T and t_x make every
 * row distinct, which is what the benchmarks and the parameter-recovery study need.
 *
 * <pre>{@code
 * SummaryColumns data = MbgNbdSimulator.of(model).simulate(ages, 42L);
 * }</pre>
 *
 * <p>Reproducible: the same seed and ages give the same customers. Immutable and thread-safe.
 */
public final class MbgNbdSimulator {

    private final MbgNbdModel model;

    private MbgNbdSimulator(MbgNbdModel model) {
        this.model = model;
    }

    /**
     * A simulator for the given model.
     *
     * @param model the model whose parameters and time unit are used
     * @return the simulator
     */
    public static MbgNbdSimulator of(MbgNbdModel model) {
        return new MbgNbdSimulator(Objects.requireNonNull(model, "model"));
    }

    /**
     * Simulates one customer per entry of {@code T}.
     *
     * @param T the observation windows, finite and {@code >= 0}, in the model's time unit
     * @param seed the seed of the {@link java.util.SplittableRandom} generator
     * @return the customers' summaries, in input order, each with weight 1 and monetary value 0
     * @throws IllegalArgumentException if {@code T} is empty or an entry is negative or not finite
     */
    public SummaryColumns simulate(double[] T, long seed) {
        return BetaGeometricNbdSimulation.simulate(1, model.r(), model.alpha(), model.a(), model.b(),
                model.timeUnit(), T, seed);
    }
}
