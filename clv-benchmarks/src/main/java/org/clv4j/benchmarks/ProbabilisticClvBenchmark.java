package org.clv4j.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.ClvCalculator;
import org.clv4j.models.bgnbd.BgNbdModel;
import org.clv4j.models.gammagamma.GammaGammaModel;
import org.clv4j.models.predictive.ProbabilisticClvOptions;
import org.clv4j.models.predictive.ProbabilisticClvResult;
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
 * Probabilistic CLV of many customers: BG/NBD × Gamma-Gamma at the CDNOW fits, 12 monthly steps of 4.345 weeks,
 * 1% a month (lifetimes' convention), on customers simulated as in {@link BgNbdFitBenchmark} with a mean spend for
 * each repeat buyer.
 *
 * <pre>
 * java -jar clv-benchmarks/target/benchmarks.jar ProbabilisticClv -f 1 -wi 2 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProbabilisticClvBenchmark {

    /** Number of customers. */
    @Param({"1000000"})
    public int customers;

    private SummaryColumns data;
    private BgNbdModel transactions;
    private GammaGammaModel spend;
    private ProbabilisticClvOptions options;

    /** Simulates the customers and sets up the models. */
    @Setup(Level.Trial)
    public void setUp() {
        SummaryColumns simulated = BgNbdFitBenchmark.simulatedCustomers(customers, 1L);
        double[] x = simulated.frequency();
        double[] mbar = new double[x.length];
        SplittableRandom random = new SplittableRandom(2L);
        for (int i = 0; i < x.length; i++) {
            mbar[i] = x[i] == 0 ? 0.0 : 5.0 + 60.0 * random.nextDouble();
        }
        data = SummaryColumns.of(x, simulated.recency(), simulated.T(), mbar, null, simulated.timeUnit());
        transactions = BgNbdModel.of(0.2426, 4.4135, 0.7929, 2.4259, org.clv4j.core.TimeUnit.WEEK);
        spend = GammaGammaModel.of(6.2488, 3.7446, 15.448);
        options = ProbabilisticClvOptions.defaults().withSteps(12).withStepLength(4.345).withDiscountRate(0.01);
    }

    /**
     * The CLV, expected purchases and P(alive) of every customer.
     *
     * @return the result, so that the work is not optimised away
     */
    @Benchmark
    public ProbabilisticClvResult bgNbdGammaGamma() {
        return ClvCalculator.probabilistic(transactions, spend, data, options);
    }
}
