package org.clv4j.models.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.clv4j.core.Transaction;
import org.clv4j.core.summary.RefundPolicy;
import org.clv4j.models.cohort.CohortUnit;
import org.junit.jupiter.api.Test;

class RetentionAnalysisTest {

    static Transaction tx(String id, String date, double amount) {
        return Transaction.of(id, LocalDate.parse(date), amount);
    }

    /**
     * Active sets by month: January {a, b, e}, February {a, c}, March {a, b, c, d}, April {c}; d buys twice in
     * March, e once. Hand-computed figures in the tests.
     */
    static final List<Transaction> LOG = List.of(
            tx("a", "2024-01-10", 1), tx("a", "2024-02-10", 1), tx("a", "2024-03-10", 1),
            tx("b", "2024-01-15", 1), tx("b", "2024-03-15", 1),
            tx("c", "2024-02-01", 1), tx("c", "2024-03-01", 1), tx("c", "2024-04-30", 1),
            tx("d", "2024-03-01", 1), tx("d", "2024-03-05", 1),
            tx("e", "2024-01-20", 1));

    static void assertPeriod(PeriodRetention row, String period, int previous, int retained, int fresh,
                             int reactivated, int active) {
        assertEquals(period, row.period());
        assertEquals(previous, row.previousActive());
        assertEquals(retained, row.retained());
        assertEquals(fresh, row.newCustomers());
        assertEquals(reactivated, row.reactivated());
        assertEquals(active, row.active());
        assertEquals((double) retained / previous, row.retentionRate(), 1e-15);
        assertEquals(1.0 - (double) retained / previous, row.churnRate(), 1e-15);
    }

    static void assertTenure(TenureRetention row, int period, int active, int retained) {
        assertEquals(period, row.period());
        assertEquals(active, row.active());
        assertEquals(retained, row.retained());
        assertEquals((double) retained / active, row.retentionRate(), 1e-15);
    }

    @Test
    void handComputedMonthlyRetention() {
        RetentionReport report = RetentionAnalysis.withDefaults().compute(LOG);
        assertEquals(LocalDate.of(2024, 4, 30), report.observationEnd());
        assertFalse(report.lastPeriodPartial());
        assertEquals(5, report.customers());
        assertEquals(4, report.repeatCustomers()); // all but e; d's two purchase days are in one month
        assertEquals(0.8, report.repeatPurchaseRate(), 1e-15);

        List<PeriodRetention> base = report.customerBase();
        assertEquals(3, base.size());
        assertPeriod(base.get(0), "2024-02", 3, 1, 1, 0, 2); // {a,b,e} -> {a,c}: a kept, c new
        assertPeriod(base.get(1), "2024-03", 2, 2, 1, 1, 4); // {a,c} -> {a,b,c,d}: d new, b back
        assertPeriod(base.get(2), "2024-04", 4, 1, 0, 0, 1); // {a,b,c,d} -> {c}
        assertEquals(LocalDate.of(2024, 3, 1), base.get(1).periodStart());

        // pooled: (1 + 2 + 1) / (3 + 2 + 4) = 4/9; churn 5/9; lifespan 9/5 months
        assertEquals(4.0 / 9.0, report.retentionRate().getAsDouble(), 1e-15);
        assertEquals(5.0 / 9.0, report.churnRate().getAsDouble(), 1e-15);
        assertEquals(1.8, report.averageLifespan().getAsDouble(), 1e-14);

        // since acquisition: k=0: a, b, e (Jan), c (Feb), d (Mar) -> a and c active one month later
        // k=1: a (Feb), c (Mar) -> both active at k=2; k=2: a, b (Mar) -> neither active in April
        List<TenureRetention> tenure = report.byPeriodSinceAcquisition();
        assertEquals(3, tenure.size());
        assertTenure(tenure.get(0), 0, 5, 2);
        assertTenure(tenure.get(1), 1, 2, 2);
        assertTenure(tenure.get(2), 2, 2, 0);
    }

    @Test
    void partialLastPeriodIsLeftOutOfRates() {
        List<Transaction> log = new ArrayList<>(LOG);
        log.set(7, tx("c", "2024-04-10", 1));
        RetentionReport report = RetentionAnalysis.withDefaults().withObservationEnd(LocalDate.of(2024, 4, 15))
                .compute(log);
        assertTrue(report.lastPeriodPartial());
        assertEquals(2, report.customerBase().size()); // February and March only
        assertEquals(3.0 / 5.0, report.retentionRate().getAsDouble(), 1e-15);
        List<TenureRetention> tenure = report.byPeriodSinceAcquisition();
        assertEquals(2, tenure.size());
        assertTenure(tenure.get(0), 0, 4, 2); // d (March) has no complete next month
        assertTenure(tenure.get(1), 1, 1, 1); // c's next month (April) is partial
        assertEquals(0.8, report.repeatPurchaseRate(), 1e-15); // uses every transaction
    }

    @Test
    void noTransitionGivesEmptyPooledRates() {
        RetentionReport report = RetentionAnalysis.withDefaults().compute(List.of(tx("a", "2024-01-10", 1),
                tx("b", "2024-01-12", 1)));
        assertTrue(report.customerBase().isEmpty());
        assertTrue(report.retentionRate().isEmpty());
        assertTrue(report.churnRate().isEmpty());
        assertTrue(report.averageLifespan().isEmpty());
        assertEquals(0.0, report.repeatPurchaseRate(), 0.0);
    }

    @Test
    void noChurnGivesNoLifespan() {
        RetentionReport report = RetentionAnalysis.withDefaults().withObservationEnd(LocalDate.of(2024, 2, 29))
                .compute(List.of(tx("a", "2024-01-10", 1), tx("a", "2024-02-12", 1)));
        assertEquals(1.0, report.retentionRate().getAsDouble(), 0.0);
        assertEquals(0.0, report.churnRate().getAsDouble(), 0.0);
        assertTrue(report.averageLifespan().isEmpty());
    }

    @Test
    void lifespanIsTheMeanOfAGeometricLifetime() {
        assertEquals(4.0, RetentionAnalysis.averageLifespan(0.25), 0.0);
        // brute force: E[L] = Σ_{l>=1} l · c (1 − c)^(l−1)
        double c = 0.3;
        double sum = 0.0;
        for (int l = 1; l < 2000; l++) {
            sum += l * c * Math.pow(1 - c, l - 1);
        }
        assertEquals(sum, RetentionAnalysis.averageLifespan(c), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RetentionAnalysis.averageLifespan(0.0));
        assertEquals("churn rate must be in (0, 1] for a finite lifespan: churnRate=0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RetentionAnalysis.averageLifespan(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RetentionAnalysis.averageLifespan(1.5));
    }

    @Test
    void emptyInputIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RetentionAnalysis.withDefaults().compute(List.of()));
        assertEquals("retention needs at least one transaction: transactions=0", e.getMessage());
    }

    @Test
    void refundsNeverMakeACustomerActive() {
        List<Transaction> log = new ArrayList<>(LOG);
        log.add(tx("e", "2024-02-20", -1));
        assertThrows(IllegalArgumentException.class, () -> RetentionAnalysis.withDefaults().compute(log));
        RetentionReport expected = RetentionAnalysis.withDefaults().compute(LOG);
        for (RefundPolicy policy : List.of(RefundPolicy.DROP, RefundPolicy.NET)) {
            RetentionReport report = RetentionAnalysis.withDefaults().withRefundPolicy(policy).compute(log);
            assertEquals(expected.customerBase(), report.customerBase());
            assertEquals(expected.byPeriodSinceAcquisition(), report.byPeriodSinceAcquisition());
            assertEquals(expected.repeatCustomers(), report.repeatCustomers());
        }
    }

    static List<Transaction> synthetic(long seed) {
        Random random = new Random(seed);
        List<Transaction> log = new ArrayList<>();
        LocalDate start = LocalDate.of(2022, 1, 1);
        for (int c = 0; c < 800; c++) {
            int day = random.nextInt(700);
            while (day < 730) {
                log.add(Transaction.of("c" + c, start.plusDays(day), 1.0));
                day += 1 + (int) (-40 * Math.log(random.nextDouble()));
                if (random.nextDouble() < 0.05) {
                    break;
                }
            }
        }
        Collections.shuffle(log, random);
        return log;
    }

    /** Independent computation with sets of active customers per month, by java.time arithmetic. */
    @Test
    void matchesSetArithmeticOnRandomData() {
        LocalDate end = LocalDate.of(2023, 12, 20); // December 2023 partial
        List<Transaction> log = new ArrayList<>(synthetic(17));
        log.removeIf(t -> t.date().isAfter(end));
        RetentionReport report = RetentionAnalysis.withDefaults().withObservationEnd(end).compute(log);

        TreeMap<YearMonth, Set<String>> active = new TreeMap<>();
        Map<String, LocalDate> first = new HashMap<>();
        Map<String, Set<LocalDate>> days = new HashMap<>();
        for (Transaction t : log) {
            active.computeIfAbsent(YearMonth.from(t.date()), k -> new HashSet<>()).add(t.customerId());
            first.merge(t.customerId(), t.date(), (a, b) -> a.isBefore(b) ? a : b);
            days.computeIfAbsent(t.customerId(), k -> new HashSet<>()).add(t.date());
        }
        YearMonth lastComplete = YearMonth.of(2023, 11);
        long retainedSum = 0;
        long previousSum = 0;
        int row = 0;
        for (YearMonth m = active.firstKey().plusMonths(1); !m.isAfter(lastComplete); m = m.plusMonths(1)) {
            Set<String> previous = active.getOrDefault(m.minusMonths(1), Set.of());
            Set<String> now = active.getOrDefault(m, Set.of());
            if (previous.isEmpty()) {
                continue;
            }
            Set<String> both = new HashSet<>(previous);
            both.retainAll(now);
            YearMonth month = m;
            long fresh = now.stream().filter(id -> YearMonth.from(first.get(id)).equals(month)).count();
            PeriodRetention r = report.customerBase().get(row++);
            assertEquals(m.toString(), r.period());
            assertEquals(previous.size(), r.previousActive());
            assertEquals(both.size(), r.retained());
            assertEquals(fresh, r.newCustomers());
            assertEquals(now.size(), r.active());
            retainedSum += both.size();
            previousSum += previous.size();
        }
        assertEquals(row, report.customerBase().size());
        assertEquals((double) retainedSum / previousSum, report.retentionRate().getAsDouble(), 1e-15);

        // since acquisition
        Map<Integer, int[]> tenure = new TreeMap<>();
        for (Map.Entry<String, LocalDate> e : first.entrySet()) {
            YearMonth cohort = YearMonth.from(e.getValue());
            for (YearMonth m = cohort; m.plusMonths(1).compareTo(lastComplete) <= 0; m = m.plusMonths(1)) {
                if (active.getOrDefault(m, Set.of()).contains(e.getKey())) {
                    int[] counts = tenure.computeIfAbsent((int) cohort.until(m, java.time.temporal.ChronoUnit.MONTHS),
                            k -> new int[2]);
                    counts[0]++;
                    if (active.getOrDefault(m.plusMonths(1), Set.of()).contains(e.getKey())) {
                        counts[1]++;
                    }
                }
            }
        }
        assertEquals(tenure.size(), report.byPeriodSinceAcquisition().size());
        for (TenureRetention r : report.byPeriodSinceAcquisition()) {
            assertEquals(tenure.get(r.period())[0], r.active(), "k=" + r.period());
            assertEquals(tenure.get(r.period())[1], r.retained(), "k=" + r.period());
        }
        long repeat = days.values().stream().filter(s -> s.size() >= 2).count();
        assertEquals(repeat, report.repeatCustomers());
        assertEquals(first.size(), report.customers());
    }

    @Test
    void parallelCollectorAgreesAndUnitsWork() {
        List<Transaction> log = synthetic(3);
        for (CohortUnit unit : CohortUnit.values()) {
            RetentionAnalysis analysis = RetentionAnalysis.withDefaults().withUnit(unit);
            RetentionReport sequential = analysis.compute(log);
            RetentionReport parallel = log.parallelStream().collect(analysis.collector());
            assertEquals(sequential.customerBase(), parallel.customerBase());
            assertEquals(sequential.byPeriodSinceAcquisition(), parallel.byPeriodSinceAcquisition());
            assertEquals(sequential.repeatCustomers(), parallel.repeatCustomers());
        }
        assertEquals("retention", RetentionAnalysis.withDefaults().name());
    }
}
