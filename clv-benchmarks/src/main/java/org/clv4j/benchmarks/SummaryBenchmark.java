package org.clv4j.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.clv4j.core.Transaction;
import org.clv4j.core.summary.CustomerSummaries;
import org.clv4j.core.summary.CustomerSummary;
import org.clv4j.core.summary.SummaryAccumulator;
import org.clv4j.core.summary.SummaryOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Summarising 10 million in-memory transactions over two years on one thread, for customer bases of 10,000,
 * 100,000 and 1,000,000 customers, with the log in date order (customers interleaved at random: every transaction
 * looks up a random customer) or sorted by customer and date (as many exports are).
 *
 * <p>Reported as time per transaction; transactions per second = 1e9 / (ns/op). Target: at least 20 million
 * transactions per second, i.e. at most 50 ns/op, met by the library's in-memory bulk path
 * ({@link #fromCustomerCodes()}) at 10,000 and 100,000 customers, and from {@code Transaction} objects at 10,000
 * customers with shared ids (docs/performance.md has the figures and what is not met). In date order the cost is
 * set by the cache misses of the per-customer look-up, so it grows with the number of customers once their states
 * outgrow the caches; at 1,000,000 customers (10 transactions each) the per-customer work (finding or creating
 * each customer by id, building each summary) dominates.
 *
 * <pre>
 * java -jar clv-benchmarks/target/benchmarks.jar SummaryBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class SummaryBenchmark {

    static final int TRANSACTIONS = 10_000_000;
    static final int DAYS = 730;
    static final LocalDate START = LocalDate.of(2023, 1, 1);

    /** The number of distinct customers. */
    @Param({"10000", "100000", "1000000"})
    public int customers;

    /** The order of the log: {@code date} (customers interleaved) or {@code customer} (by customer, then date). */
    @Param({"date", "customer"})
    public String order;

    /**
     * The id strings: {@code shared} (one {@code String} per customer, referenced by all its transactions, as a
     * loader that interns ids gives) or {@code perRow} (a separate, equal {@code String} per transaction, allocated
     * next to it, as a CSV or JDBC reader gives).
     */
    @Param({"shared", "perRow"})
    public String ids;

    private List<Transaction> transactions;
    private String[] idColumn;
    private String[] dictionary;
    private int[] codeColumn;
    private long[] days;
    private double[] amounts;
    private SummaryOptions options;

    /** Builds the transaction log with a fixed seed. */
    @Setup
    public void setUp() {
        build();
        if (order.equals("customer")) {
            sortByCustomer();
        }
        options = options();
    }

    /** The options of every summary here: weeks, observation end the day after the log's last day. */
    static SummaryOptions options() {
        return SummaryOptions.defaults().withObservationEnd(START.plusDays(DAYS))
                .withTimeUnit(org.clv4j.core.TimeUnit.WEEK);
    }

    /**
     * The log in date order, as {@link #fromTransactionObjects()} reads it with {@code order = date}; also used by
     * {@link PairedComparison}.
     *
     * @param customers the number of customers
     * @param perRowIds whether each transaction gets its own copy of its customer's id
     * @return 10 million transactions
     */
    static List<Transaction> dateOrderedLog(int customers, boolean perRowIds) {
        SummaryBenchmark benchmark = new SummaryBenchmark();
        benchmark.customers = customers;
        benchmark.ids = perRowIds ? "perRow" : "shared";
        benchmark.build();
        return benchmark.transactions;
    }

    /**
     * The log in date order as dictionary-encoded columns, as {@link #fromCustomerCodes()} reads it with
     * {@code order = date}; used by {@link PairedComparison}.
     *
     * @param customers the number of customers
     * @return the dictionary ({@code String[]}), the codes ({@code int[]}), the epoch days ({@code long[]}) and the
     *         amounts ({@code double[]}) of 10 million transactions
     */
    static Object[] dateOrderedColumns(int customers) {
        SummaryBenchmark benchmark = new SummaryBenchmark();
        benchmark.customers = customers;
        benchmark.ids = "shared";
        benchmark.build();
        return new Object[] {benchmark.dictionary, benchmark.codeColumn, benchmark.days, benchmark.amounts};
    }

    private void build() {
        SplittableRandom random = new SplittableRandom(20261122L);
        String[] customerIds = new String[customers];
        for (int i = 0; i < customers; i++) {
            customerIds[i] = "customer-" + i;
        }
        LocalDate start = START;
        transactions = new ArrayList<>(TRANSACTIONS);
        idColumn = new String[TRANSACTIONS];
        codeColumn = new int[TRANSACTIONS];
        dictionary = customerIds;
        days = new long[TRANSACTIONS];
        amounts = new double[TRANSACTIONS];
        int perDay = TRANSACTIONS / DAYS + 1;
        int k = 0;
        for (int d = 0; d < DAYS && k < TRANSACTIONS; d++) {
            LocalDate date = start.plusDays(d);
            for (int j = 0; j < perDay && k < TRANSACTIONS; j++, k++) {
                int code = random.nextInt(customers);
                String id = ownString(customerIds[code]);
                double amount = Math.round(random.nextDouble(1.0, 200.0) * 100.0) / 100.0;
                transactions.add(Transaction.of(id, date, amount));
                idColumn[k] = id;
                codeColumn[k] = code;
                days[k] = date.toEpochDay();
                amounts[k] = amount;
            }
        }
    }

    /** The id itself, or with {@code ids = perRow} an equal string of its own. */
    private String ownString(String id) {
        return ids.equals("perRow") ? new String(id.toCharArray()) : id;
    }

    private void sortByCustomer() {
        Integer[] index = new Integer[TRANSACTIONS];
        for (int i = 0; i < TRANSACTIONS; i++) {
            index[i] = i;
        }
        java.util.Arrays.sort(index, java.util.Comparator.<Integer, String>comparing(i -> idColumn[i])
                .thenComparingLong(i -> days[i]));
        List<Transaction> sorted = new ArrayList<>(TRANSACTIONS);
        String[] sortedIds = new String[TRANSACTIONS];
        int[] sortedCodes = new int[TRANSACTIONS];
        long[] sortedDays = new long[TRANSACTIONS];
        double[] sortedAmounts = new double[TRANSACTIONS];
        for (int k = 0; k < TRANSACTIONS; k++) {
            int i = index[k];
            // new objects, allocated in the sorted order, as a reader of a sorted file would allocate them
            String id = ownString(idColumn[i]);
            sorted.add(Transaction.of(id, LocalDate.ofEpochDay(days[i]), amounts[i]));
            sortedIds[k] = id;
            sortedCodes[k] = codeColumn[i];
            sortedDays[k] = days[i];
            sortedAmounts[k] = amounts[i];
        }
        transactions = sorted;
        idColumn = sortedIds;
        codeColumn = sortedCodes;
        days = sortedDays;
        amounts = sortedAmounts;
    }

    /**
     * Summaries from {@code Transaction} objects through the public entry point.
     *
     * @return the summaries
     */
    @Benchmark
    @OperationsPerInvocation(TRANSACTIONS)
    public List<CustomerSummary> fromTransactionObjects() {
        return CustomerSummaries.summarize(transactions, options);
    }

    /**
     * Summaries from dictionary-encoded columns (customer codes into a dictionary of ids, as columnar readers and
     * integer customer keys give) through the accumulator's fastest entry point; the {@code ids} parameter does not
     * apply.
     *
     * @return the summaries
     */
    @Benchmark
    @OperationsPerInvocation(TRANSACTIONS)
    public List<CustomerSummary> fromCustomerCodes() {
        SummaryAccumulator accumulator = SummaryAccumulator.create(options);
        accumulator.addAll(dictionary, codeColumn, days, amounts, 0, TRANSACTIONS);
        return accumulator.finish();
    }

    /**
     * Summaries from primitive columns through the accumulator's bulk entry point.
     *
     * @return the summaries
     */
    @Benchmark
    @OperationsPerInvocation(TRANSACTIONS)
    public List<CustomerSummary> fromPrimitiveColumns() {
        SummaryAccumulator accumulator = SummaryAccumulator.create(options);
        accumulator.addAll(idColumn, days, amounts, 0, TRANSACTIONS);
        return accumulator.finish();
    }
}
