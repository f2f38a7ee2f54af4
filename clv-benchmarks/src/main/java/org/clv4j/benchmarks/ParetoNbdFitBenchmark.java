package org.clv4j.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.fit.FitResult;
import org.clv4j.models.paretonbd.ParetoNbdEstimator;
import org.clv4j.models.paretonbd.ParetoNbdModel;
import org.clv4j.models.paretonbd.ParetoNbdSimulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fitting the Pareto/NBD model to simulated customers with continuous recency and T (nothing compresses),
 * including the row compression and the covariance; and scoring them (P(alive) and expected purchases in the next
 * 52 weeks). Target: a 1M-customer fit in at most 5 s on 2 cores (Python lifetimes 0.11.3: 287 s).
 *
 * <pre>
 * java -jar clv-benchmarks/target/benchmarks.jar ParetoNbdFit -f 1 -wi 1 -i 3 -bm ss
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ParetoNbdFitBenchmark {

    /** Number of simulated customers. */
    @Param({"1000000"})
    public int customers;

    private SummaryColumns data;
    private ParetoNbdModel truth;
    private double[] expected;
    private double[] alive;

    /** Simulates the customers from the CDNOW estimates, ages uniform on (1, 39) weeks. */
    @Setup(Level.Trial)
    public void simulate() {
        SplittableRandom random = new SplittableRandom(1L);
        double[] ages = new double[customers];
        for (int i = 0; i < customers; i++) {
            ages[i] = 1.0 + 38.0 * random.nextDouble();
        }
        truth = ParetoNbdModel.of(0.5533, 10.578, 0.6062, 11.67, org.clv4j.core.TimeUnit.WEEK);
        data = ParetoNbdSimulator.of(truth).simulate(ages, 2L);
        expected = new double[customers];
        alive = new double[customers];
    }

    /**
     * One full fit.
     *
     * @return the fit, so that it is not optimised away
     */
    @Benchmark
    public FitResult<ParetoNbdModel> fit() {
        return ParetoNbdEstimator.withDefaults().fit(data);
    }

    /**
     * Scoring every customer: P(alive) and E[Y(52) | x, t_x, T].
     *
     * @return the output array, so that it is not optimised away
     */
    @Benchmark
    public double[] score() {
        truth.score(data, 52.0, expected, alive);
        return expected;
    }
}
