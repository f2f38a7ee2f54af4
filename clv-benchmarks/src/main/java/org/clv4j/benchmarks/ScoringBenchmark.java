package org.clv4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.bgnbd.BgNbdModel;
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
 * Scoring customers with a fitted BG/NBD model: P(alive) and the expected purchases in the next 52 weeks of every
 * customer. Target: 1M customers in at most 0.3 s on 2 cores.
 *
 * <pre>
 * java -jar clv-benchmarks/target/benchmarks.jar Scoring -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScoringBenchmark {

    /** Number of customers. */
    @Param({"1000000"})
    public int customers;

    /** The horizon in weeks. */
    @Param({"52"})
    public double horizon;

    private SummaryColumns data;
    private BgNbdModel model;
    private double[] expected;
    private double[] alive;

    /** Simulates the customers (as in {@link BgNbdFitBenchmark}) and sets up the CDNOW model. */
    @Setup(Level.Trial)
    public void setUp() {
        data = BgNbdFitBenchmark.simulatedCustomers(customers, 1L);
        model = BgNbdModel.of(0.2426, 4.4135, 0.7929, 2.4259, org.clv4j.core.TimeUnit.WEEK);
        expected = new double[customers];
        alive = new double[customers];
    }

    /**
     * P(alive) and E[Y(horizon)] for every customer.
     *
     * @return the output array, so that the work is not optimised away
     */
    @Benchmark
    public double[] bgNbd() {
        model.score(data, horizon, expected, alive);
        return expected;
    }
}
