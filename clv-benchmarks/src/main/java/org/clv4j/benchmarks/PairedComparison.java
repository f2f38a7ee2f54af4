package org.clv4j.benchmarks;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.clv4j.core.Transaction;
import org.clv4j.core.summary.CustomerSummaries;
import org.clv4j.core.summary.SummaryAccumulator;
import org.clv4j.models.cohort.CohortAnalysis;

/**
 * Compares versions of clv4j on one workload in one JVM, for changes smaller than the run-to-run noise of a JMH
 * run on a shared machine (±10% on the 2-vCPU VM of docs/performance.md, drifting over minutes).
 *
 * <p>Each version's compiled classes get a class loader of their own; all of them sit under a parent loader that
 * holds only {@link Transaction} and its record, so every version reads the very same log, generated once. The
 * versions then compute the workload in turn, the first of each round rotating, for 3 rounds of warm-up and the
 * given number of measured rounds; the report gives each version's fastest and median time per transaction and,
 * against the first version, the median of the per-round ratios and the rounds it was faster. Run a comparison in
 * both orders (A B, then B A) and trust it when both agree: the order of loading biased one workload by 4–9%. This
 * measures elapsed time of whole computations, like JMH's average-time mode, without its forks; the absolute
 * figures of record stay JMH's.
 *
 * <pre>
 * git worktree add /tmp/old HEAD~1 &amp;&amp; (cd /tmp/old &amp;&amp; mvn -q -o -B -pl clv-models -am compile)
 * mvn -q -o -B -pl clv-benchmarks -am package -DskipTests
 * java -Xms8g -Xmx8g -cp clv-benchmarks/target/benchmarks.jar org.clv4j.benchmarks.PairedComparison cohort 12 \
 *     /tmp/old/clv-core/target/classes:/tmp/old/clv-models/target/classes \
 *     clv-core/target/classes:clv-models/target/classes
 * </pre>
 *
 * <p>Workloads: {@code cohort} ({@link CohortTableBenchmark}'s monthly table of 10M transactions, 500k customers),
 * {@code summary:CUSTOMERS:shared} or {@code summary:CUSTOMERS:perRow} ({@link SummaryBenchmark}'s date-ordered
 * log of 10M transactions, summaries through {@link CustomerSummaries#summarize}), {@code codes:CUSTOMERS} (the
 * same log as dictionary-encoded columns, through {@link SummaryAccumulator}'s coded {@code addAll}).
 */
public final class PairedComparison {

    private static final int WARM_UP_ROUNDS = 3;
    /** The only clv4j classes the versions share: the input. */
    private static final Set<String> SHARED = Set.of(Transaction.class.getName(), "org.clv4j.core.TransactionRecord");

    private PairedComparison() {
    }

    /**
     * Runs a comparison; see the class comment.
     *
     * @param args the workload, the number of measured rounds, then one class path per version
     * @throws Exception if a version cannot be loaded or fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: PairedComparison cohort|summary:CUSTOMERS:shared|perRow|codes:CUSTOMERS ROUNDS "
                    + "CLASSPATH_OF_VERSION...");
            System.exit(2);
        }
        String workload = args[0];
        int rounds = Integer.parseInt(args[1]);
        List<String> versions = Arrays.asList(args).subList(2, args.length);
        boolean coded = workload.startsWith("codes:");
        Object input = coded ? columns(workload) : log(workload);
        int rows = coded ? SummaryBenchmark.TRANSACTIONS : ((List<?>) input).size();
        ClassLoader shared = new SharedLoader(PairedComparison.class.getClassLoader());
        URL code = PairedComparison.class.getProtectionDomain().getCodeSource().getLocation();
        List<Method> runs = new ArrayList<>();
        for (String version : versions) {
            ClassLoader loader = new URLClassLoader(urls(version, code), shared);
            Class<?> run = Class.forName(Run.class.getName(), true, loader);
            runs.add(coded ? run.getMethod("codes", Object[].class)
                    : run.getMethod(workload.equals("cohort") ? "cohort" : "summary", List.class));
        }
        int k = versions.size();
        double[][] nanosPerRow = new double[k][rounds];
        for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
            for (int turn = 0; turn < k; turn++) {
                int v = (turn + round) % k;
                long nanos = invoke(runs.get(v), input);
                if (round >= WARM_UP_ROUNDS) {
                    nanosPerRow[v][round - WARM_UP_ROUNDS] = (double) nanos / rows;
                }
            }
        }
        for (int v = 0; v < k; v++) {
            double[] sorted = nanosPerRow[v].clone();
            Arrays.sort(sorted);
            String line = String.format(Locale.ROOT, "%-60s fastest %6.1f  median %6.1f ns/transaction",
                    versions.get(v), sorted[0], sorted[rounds / 2]);
            if (v > 0) {
                double[] ratio = new double[rounds];
                int faster = 0;
                for (int r = 0; r < rounds; r++) {
                    ratio[r] = nanosPerRow[v][r] / nanosPerRow[0][r];
                    faster += ratio[r] < 1.0 ? 1 : 0;
                }
                Arrays.sort(ratio);
                line += String.format(Locale.ROOT, "  time / first's: median %.3f, faster in %d of %d rounds",
                        ratio[rounds / 2], faster, rounds);
            }
            System.out.println(line);
        }
    }

    private static List<Transaction> log(String workload) {
        if (workload.equals("cohort")) {
            return CohortTableBenchmark.log();
        }
        String[] parts = workload.split(":");
        if (parts.length != 3 || !parts[0].equals("summary") || !Set.of("shared", "perRow").contains(parts[2])) {
            throw new IllegalArgumentException("workload must be cohort or summary:CUSTOMERS:shared|perRow: "
                    + workload);
        }
        return SummaryBenchmark.dateOrderedLog(Integer.parseInt(parts[1]), parts[2].equals("perRow"));
    }

    /** The {@code codes:CUSTOMERS} workload's columns, of JDK types only, so that every version can read them. */
    private static Object[] columns(String workload) {
        String[] parts = workload.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("workload must be codes:CUSTOMERS: " + workload);
        }
        return SummaryBenchmark.dateOrderedColumns(Integer.parseInt(parts[1]));
    }

    private static URL[] urls(String classPath, URL code) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        urls.add(code); // for Run, and any class the version's path lacks
        return urls.toArray(new URL[0]);
    }

    private static long invoke(Method run, Object input) throws Exception {
        try {
            return (Long) run.invoke(null, input);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    /** Delegates the JDK and {@link #SHARED} to the application's loader and nothing else. */
    private static final class SharedLoader extends ClassLoader {
        private final ClassLoader application;

        SharedLoader(ClassLoader application) {
            super(ClassLoader.getPlatformClassLoader());
            this.application = application;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (SHARED.contains(name)) {
                return application.loadClass(name);
            }
            throw new ClassNotFoundException(name);
        }
    }

    /**
     * One computation of a workload, loaded once per version (by that version's loader) and called reflectively.
     */
    public static final class Run {

        private Run() {
        }

        /**
         * The monthly cohort table.
         *
         * @param log the transactions
         * @return the elapsed nanoseconds
         */
        public static long cohort(List<Transaction> log) {
            long start = System.nanoTime();
            int customers = CohortAnalysis.withDefaults().compute(log).customers();
            long elapsed = System.nanoTime() - start;
            if (customers <= 0) {
                throw new IllegalStateException("no customers");
            }
            return elapsed;
        }

        /**
         * The customer summaries.
         *
         * @param log the transactions
         * @return the elapsed nanoseconds
         */
        public static long summary(List<Transaction> log) {
            long start = System.nanoTime();
            int customers = CustomerSummaries.summarize(log, SummaryBenchmark.options()).size();
            long elapsed = System.nanoTime() - start;
            if (customers <= 0) {
                throw new IllegalStateException("no customers");
            }
            return elapsed;
        }

        /**
         * The customer summaries from dictionary-encoded columns.
         *
         * @param columns the dictionary ({@code String[]}), codes ({@code int[]}), epoch days ({@code long[]}) and
         *        amounts ({@code double[]}), as {@link SummaryBenchmark#dateOrderedColumns} gives them
         * @return the elapsed nanoseconds
         */
        public static long codes(Object[] columns) {
            int[] codes = (int[]) columns[1];
            long start = System.nanoTime();
            SummaryAccumulator accumulator = SummaryAccumulator.create(SummaryBenchmark.options());
            accumulator.addAll((String[]) columns[0], codes, (long[]) columns[2], (double[]) columns[3], 0,
                    codes.length);
            int customers = accumulator.finish().size();
            long elapsed = System.nanoTime() - start;
            if (customers <= 0) {
                throw new IllegalStateException("no customers");
            }
            return elapsed;
        }
    }
}
