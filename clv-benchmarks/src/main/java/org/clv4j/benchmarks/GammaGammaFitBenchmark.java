package org.clv4j.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.clv4j.models.gammagamma.GammaGammaEstimator;
import org.clv4j.models.gammagamma.GammaGammaFit;
import org.clv4j.models.gammagamma.GammaGammaModel;
import org.clv4j.models.gammagamma.GammaGammaSimulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Gamma-Gamma fit on 1M simulated repeat buyers at the CDNOW parameters (continuous mean values, nothing merges).
 *
 * <p>Run: {@code java -jar clv-benchmarks/target/benchmarks.jar GammaGammaFit -f 1 -wi 1 -i 3 -bm ss}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class GammaGammaFitBenchmark {

    private double[] x;
    private double[] meanValue;

    /** Simulates the customers once per trial. */
    @Setup
    public void simulate() {
        SplittableRandom random = new SplittableRandom(1);
        x = new double[1_000_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1 + Math.floor(Math.log(random.nextDouble()) / Math.log(0.75));
        }
        meanValue = GammaGammaSimulator.of(GammaGammaModel.of(6.25, 3.74, 15.44), 2).simulate(x).meanValue();
    }

    /**
     * Fits the model to 1M repeat buyers.
     *
     * @return the fit
     */
    @Benchmark
    public GammaGammaFit fit() {
        return GammaGammaEstimator.withDefaults().fit(x, meanValue, null);
    }
}
