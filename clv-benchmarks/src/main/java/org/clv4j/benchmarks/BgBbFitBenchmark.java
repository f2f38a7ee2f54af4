package org.clv4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.bgbb.BgBbEstimator;
import org.clv4j.models.bgbb.BgBbModel;
import org.clv4j.models.bgbb.BgBbSimulator;
import org.clv4j.models.fit.FitResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * BG/BB on 1M simulated customers at the donations parameters, observed for 6..30 periods (uncompressed rows, as a
 * per-customer export would give them): the fit (validation, row merging, maximum likelihood) and scoring of
 * every customer (E[transactions in the next 5 periods] and P(alive)).
 *
 * <p>Run: {@code java -jar clv-benchmarks/target/benchmarks.jar BgBb -f 1 -wi 2 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class BgBbFitBenchmark {

    private SummaryColumns customers;
    private BgBbModel model;
    private double[] expected;
    private double[] alive;

    /** Simulates the customers once per trial. */
    @Setup
    public void simulate() {
        model = BgBbModel.of(1.2035, 0.7497, 0.6568, 2.7834, org.clv4j.core.TimeUnit.YEAR);
        int[] n = new int[1_000_000];
        for (int i = 0; i < n.length; i++) {
            n[i] = 6 + i % 25;
        }
        customers = BgBbSimulator.of(model, 1).simulate(n);
        expected = new double[n.length];
        alive = new double[n.length];
    }

    /**
     * Fits the model to 1M customers.
     *
     * @return the fit
     */
    @Benchmark
    public FitResult<BgBbModel> fit() {
        return BgBbEstimator.withDefaults().fit(customers);
    }

    /**
     * Scores 1M customers.
     *
     * @return the expectations (to keep the work alive)
     */
    @Benchmark
    public double[] score() {
        model.score(customers, 5, expected, alive);
        return expected;
    }
}
