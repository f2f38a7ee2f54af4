package org.clv4j.benchmarks;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.clv4j.core.Transaction;
import org.clv4j.models.cohort.CohortAnalysis;
import org.clv4j.models.cohort.CohortTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The monthly cohort table over 10 million transactions of 500,000 customers spread over three years
 * (2021-01-01 .. 2023-12-31), in date order, on one thread. Throughput in transactions per second is
 * 10,000,000 / (time per operation).
 *
 * <p>Synthetic log, fixed seed: customer c is acquired on a uniform day of the three years and makes its first
 * purchase then; the remaining 9.5 million purchases go to uniformly drawn customers on a uniform day between their
 * acquisition and the end. The transactions are materialised {@link Transaction} records sorted by day (counting
 * sort) and allocated in that order, customer ids are shared {@code String}s (as a loader that interns ids would
 * give), dates are shared {@code LocalDate}s.
 *
 * <p>{@link #readBaseline()} measures only reading the transactions (ids, dates, amounts), for comparison.
 *
 * <pre>
 * mvn -o -q -B -pl clv-benchmarks -am package -DskipTests
 * java -jar clv-benchmarks/target/benchmarks.jar CohortTable -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class CohortTableBenchmark {

    static final int CUSTOMERS = 500_000;
    static final int TRANSACTIONS = 10_000_000;
    static final int DAYS = 3 * 365;
    static final LocalDate START = LocalDate.of(2021, 1, 1);

    private List<Transaction> transactions;
    private final CohortAnalysis monthly = CohortAnalysis.withDefaults();

    /** Generates the log. */
    @Setup(Level.Trial)
    public void generate() {
        transactions = log();
    }

    /**
     * The benchmark's log (described in the class comment), also used by {@link PairedComparison}.
     *
     * @return 10 million transactions in date order
     */
    static List<Transaction> log() {
        SplittableRandom random = new SplittableRandom(20240501L);
        String[] ids = new String[CUSTOMERS];
        int[] acquired = new int[CUSTOMERS];
        int[] customer = new int[TRANSACTIONS];
        int[] day = new int[TRANSACTIONS];
        for (int c = 0; c < CUSTOMERS; c++) {
            ids[c] = "C" + (1_000_000 + c);
            acquired[c] = random.nextInt(DAYS);
            customer[c] = c;
            day[c] = acquired[c];
        }
        for (int i = CUSTOMERS; i < TRANSACTIONS; i++) {
            int c = random.nextInt(CUSTOMERS);
            customer[i] = c;
            day[i] = acquired[c] + random.nextInt(DAYS - acquired[c]);
        }
        int[] offset = new int[DAYS + 1];
        for (int d : day) {
            offset[d + 1]++;
        }
        for (int d = 0; d < DAYS; d++) {
            offset[d + 1] += offset[d];
        }
        LocalDate[] dates = new LocalDate[DAYS];
        for (int d = 0; d < DAYS; d++) {
            dates[d] = START.plusDays(d);
        }
        int[] sortedCustomer = new int[TRANSACTIONS];
        int[] sortedDay = new int[TRANSACTIONS];
        for (int i = 0; i < TRANSACTIONS; i++) {
            int position = offset[day[i]]++;
            sortedCustomer[position] = customer[i];
            sortedDay[position] = day[i];
        }
        // allocate the records in date order, as a reader of a date-ordered file would
        Transaction[] sorted = new Transaction[TRANSACTIONS];
        for (int i = 0; i < TRANSACTIONS; i++) {
            double amount = (500 + random.nextInt(20_000)) / 100.0;
            sorted[i] = Transaction.of(ids[sortedCustomer[i]], dates[sortedDay[i]], amount);
        }
        return Arrays.asList(sorted);
    }

    /**
     * One monthly cohort table over the whole log.
     *
     * @return the table (consumed by JMH)
     */
    @Benchmark
    public CohortTable monthlyCohortTable() {
        return monthly.compute(transactions);
    }

    /**
     * Baseline: read each transaction's customer id hash, date and amount, the memory traffic any id-keyed
     * aggregation of this input must pay (the id strings are scattered over the heap). The cohort table's time
     * divided by this one is its cost over the bare minimum.
     *
     * @return a checksum (consumed by JMH)
     */
    @Benchmark
    public long readBaseline() {
        long checksum = 0;
        for (Transaction t : transactions) {
            checksum += t.customerId().hashCode() + t.date().toEpochDay() + Double.doubleToRawLongBits(t.amount());
        }
        return checksum;
    }
}
