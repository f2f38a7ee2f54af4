package org.clv4j.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.bgnbd.BgNbdEstimator;
import org.clv4j.models.bgnbd.BgNbdModel;
import org.clv4j.models.bgnbd.BgNbdSimulator;
import org.clv4j.models.fit.FitResult;
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
 * Fitting the BG/NBD model to simulated customers with continuous recency and T (nothing compresses), including
 * the row compression and the covariance. Target: 1M customers in at most 1 s on 2 cores (Python lifetimes 0.11.3:
 * 10.4 s).
 *
 * <pre>
 * java -jar clv-benchmarks/target/benchmarks.jar BgNbdFit -f 1 -wi 1 -i 3 -bm ss
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class BgNbdFitBenchmark {

    /** Number of simulated customers. */
    @Param({"1000000"})
    public int customers;

    private SummaryColumns data;

    /** Simulates the customers from the CDNOW estimates, ages uniform on (1, 39) weeks. */
    @Setup(Level.Trial)
    public void simulate() {
        data = simulatedCustomers(customers, 1L);
    }

    static SummaryColumns simulatedCustomers(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] ages = new double[n];
        for (int i = 0; i < n; i++) {
            ages[i] = 1.0 + 38.0 * random.nextDouble();
        }
        BgNbdModel truth = BgNbdModel.of(0.2426, 4.4135, 0.7929, 2.4259, org.clv4j.core.TimeUnit.WEEK);
        return BgNbdSimulator.of(truth).simulate(ages, seed + 1);
    }

    /**
     * One full fit.
     *
     * @return the fit, so that it is not optimised away
     */
    @Benchmark
    public FitResult<BgNbdModel> fit() {
        return BgNbdEstimator.withDefaults().fit(data);
    }
}
