package org.clv4j.models.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.clv4j.core.Transaction;
import org.clv4j.core.TransactionRecord;
import org.clv4j.core.summary.RefundPolicy;
import org.junit.jupiter.api.Test;

class CohortAnalysisTest {

    static TransactionRecord tx(String id, String date, double amount) {
        return Transaction.of(id, LocalDate.parse(date), amount);
    }

    /** Three customers over January..March 2024; every figure below is worked out by hand in the comments. */
    static final List<Transaction> SMALL = List.of(
            tx("a", "2024-01-05", 10.0), tx("a", "2024-01-20", 5.0), tx("a", "2024-03-02", 20.0),
            tx("b", "2024-01-31", 7.0),
            tx("c", "2024-02-10", 3.0), tx("c", "2024-02-11", 4.0), tx("c", "2024-03-31", 1.0));

    static void assertRow(CohortRow row, String cohort, int customers, int period, int active, long orders,
                          double revenue, double cumulativePerCustomer) {
        assertEquals(cohort, row.cohort());
        assertEquals(customers, row.customers());
        assertEquals(period, row.period());
        assertEquals(active, row.activeCustomers());
        assertEquals((double) active / customers, row.retentionRate(), 0.0);
        assertEquals(orders, row.orders());
        assertEquals(revenue, row.revenue(), 1e-12);
        assertEquals(cumulativePerCustomer, row.cumulativeRevenuePerCustomer(), 1e-12);
    }

    @Test
    void handComputedMonthlyTable() {
        CohortTable table = CohortAnalysis.withDefaults().compute(SMALL);
        // observation end = latest transaction 2024-03-31, the last day of March: no partial period
        assertEquals(LocalDate.of(2024, 3, 31), table.observationEnd().orElseThrow());
        assertFalse(table.lastPeriodPartial());
        List<CohortRow> rows = table.rows();
        assertEquals(5, rows.size());
        // January cohort {a, b}: January 3 orders 22.0; February nothing; March a's 20.0
        assertRow(rows.get(0), "2024-01", 2, 0, 2, 3, 22.0, 11.0);
        assertRow(rows.get(1), "2024-01", 2, 1, 0, 0, 0.0, 11.0);
        assertRow(rows.get(2), "2024-01", 2, 2, 1, 1, 20.0, 21.0);
        // February cohort {c}: February 2 orders 7.0; March 1 order 1.0
        assertRow(rows.get(3), "2024-02", 1, 0, 1, 2, 7.0, 7.0);
        assertRow(rows.get(4), "2024-02", 1, 1, 1, 1, 1.0, 8.0);
        assertEquals(LocalDate.of(2024, 2, 1), rows.get(1).periodStart());
        assertEquals(3, table.customers());
        assertEquals(7, table.orders());
        assertEquals(50.0, table.revenue(), 0.0);
        assertEquals(2, table.cohorts().size());
        assertEquals(0.5, table.row("2024-01", 2).orElseThrow().retentionRate(), 0.0);
        assertTrue(table.row("2024-02", 2).isEmpty());
        assertTrue(table.rows().stream().noneMatch(CohortRow::partial));
    }

    @Test
    void quarterlyAndWeeklyCohorts() {
        CohortTable quarters = CohortAnalysis.withDefaults().withUnit(CohortUnit.QUARTER).compute(SMALL);
        assertEquals(1, quarters.rows().size());
        assertRow(quarters.rows().get(0), "2024-Q1", 3, 0, 3, 7, 50.0, 50.0 / 3);
        // observation end 2024-03-31 (a Sunday) is the last day of the quarter and of ISO week 2024-W13
        assertFalse(quarters.lastPeriodPartial());

        CohortTable weeks = CohortAnalysis.withDefaults().withUnit(CohortUnit.WEEK).compute(SMALL);
        // a: 2024-01-05 is in 2024-W01; 2024-01-20 in W03 (period 2); 2024-03-02 in W09 (period 8)
        CohortRow a0 = weeks.row("2024-W01", 0).orElseThrow();
        assertRow(a0, "2024-W01", 1, 0, 1, 1, 10.0, 10.0);
        assertRow(weeks.row("2024-W01", 2).orElseThrow(), "2024-W01", 1, 2, 1, 1, 5.0, 15.0);
        assertRow(weeks.row("2024-W01", 8).orElseThrow(), "2024-W01", 1, 8, 1, 1, 20.0, 35.0);
        assertEquals(13, weeks.cohorts().get(0).rows().size()); // W01..W13
    }

    @Test
    void partialLastPeriodIsFlaggedOrLeftOut() {
        LocalDate end = LocalDate.of(2024, 3, 15);
        List<Transaction> log = new ArrayList<>(SMALL.subList(0, 6));
        log.add(tx("d", "2024-03-10", 9.0));
        CohortTable table = CohortAnalysis.withDefaults().withObservationEnd(end).compute(log);
        assertTrue(table.lastPeriodPartial());
        for (CohortRow row : table.rows()) {
            assertEquals(row.periodStart().getMonthValue() == 3, row.partial(), row.toString());
        }
        assertEquals(4, table.customers());
        assertRow(table.row("2024-03", 0).orElseThrow(), "2024-03", 1, 0, 1, 1, 9.0, 9.0);

        CohortTable complete = CohortAnalysis.withDefaults().withObservationEnd(end).withPartialPeriods(false)
                .compute(log);
        assertTrue(complete.lastPeriodPartial());
        assertTrue(complete.rows().stream().noneMatch(CohortRow::partial));
        assertEquals(3, complete.rows().size()); // 2024-01 periods 0 and 1, 2024-02 period 0
        assertEquals(3, complete.customers()); // the March cohort {d} is not in the table
        assertTrue(complete.row("2024-03", 0).isEmpty());
    }

    @Test
    void observationEndAfterTheDataAddsEmptyPeriods() {
        CohortTable table = CohortAnalysis.withDefaults().withObservationEnd(LocalDate.of(2024, 5, 31))
                .compute(SMALL);
        assertRow(table.row("2024-01", 4).orElseThrow(), "2024-01", 2, 4, 0, 0, 0.0, 21.0);
        assertEquals(5, table.cohorts().get(0).rows().size());
        assertFalse(table.lastPeriodPartial());
    }

    @Test
    void inputOrderDoesNotMatter() {
        List<Transaction> shuffled = new ArrayList<>(SMALL);
        CohortTable expected = CohortAnalysis.withDefaults().compute(SMALL);
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(shuffled, random);
            assertEquals(expected.rows(), CohortAnalysis.withDefaults().compute(shuffled).rows());
        }
    }

    static List<Transaction> synthetic(int customers, int transactions, long seed) {
        Random random = new Random(seed);
        LocalDate start = LocalDate.of(2019, 11, 1);
        List<Transaction> log = new ArrayList<>(transactions);
        for (int i = 0; i < transactions; i++) {
            int c = random.nextInt(customers);
            // customers drift in over time: customer c cannot buy before day c / 4
            int day = c / 4 + random.nextInt(900 - c / 4);
            log.add(Transaction.of("c" + c, start.plusDays(day), Math.round(random.nextDouble() * 10000) / 100.0));
        }
        return log;
    }

    @Test
    void matchesBruteForceGroupByForEveryUnit() {
        List<Transaction> log = synthetic(2000, 20000, 11);
        for (CohortUnit unit : CohortUnit.values()) {
            CohortTable table = CohortAnalysis.withDefaults().withUnit(unit).compute(log);
            Map<String, TreeMap<Long, BruteForceCohorts.Cell>> expected = BruteForceCohorts.compute(log, unit);
            assertEquals(expected.keySet().size(), table.cohorts().size(), unit.id());
            for (CohortRow row : table.rows()) {
                TreeMap<Long, BruteForceCohorts.Cell> cohort = expected.get(row.cohort());
                int size = cohort.get(0L).customers;
                BruteForceCohorts.Cell cell = cohort.get((long) row.period());
                assertEquals(size, row.customers(), row.toString());
                assertEquals(cell == null ? 0 : cell.active.size(), row.activeCustomers(), row.toString());
                assertEquals(cell == null ? 0 : cell.orders, row.orders(), row.toString());
                assertEquals(cell == null ? 0.0 : cell.revenue, row.revenue(), 1e-9, row.toString());
            }
            // every brute-force cell appears in the table
            for (Map.Entry<String, TreeMap<Long, BruteForceCohorts.Cell>> e : expected.entrySet()) {
                for (long k : e.getValue().keySet()) {
                    assertTrue(table.row(e.getKey(), (int) k).isPresent(), e.getKey() + " " + k);
                }
            }
        }
    }

    @Test
    void collectorOnParallelStreamAndShuffledInputGiveTheSameTable() {
        List<Transaction> log = synthetic(3000, 30000, 5);
        CohortAnalysis analysis = CohortAnalysis.withDefaults().withUnit(CohortUnit.WEEK);
        CohortTable sequential = analysis.compute(log);
        CohortTable parallel = log.parallelStream().collect(analysis.collector());
        List<Transaction> shuffled = new ArrayList<>(log);
        Collections.shuffle(shuffled, new Random(3));
        CohortTable fromShuffled = analysis.compute(shuffled);
        for (CohortTable other : List.of(parallel, fromShuffled)) {
            assertEquals(sequential.rows().size(), other.rows().size());
            for (int i = 0; i < sequential.rows().size(); i++) {
                CohortRow a = sequential.rows().get(i);
                CohortRow b = other.rows().get(i);
                assertEquals(a.cohort(), b.cohort());
                assertEquals(a.period(), b.period());
                assertEquals(a.customers(), b.customers());
                assertEquals(a.activeCustomers(), b.activeCustomers());
                assertEquals(a.orders(), b.orders());
                // sums of doubles in another order: equal to within rounding
                assertEquals(a.revenue(), b.revenue(), 1e-9 * Math.max(1.0, Math.abs(a.revenue())));
            }
        }
    }

    @Test
    void emptyInputGivesAnEmptyTable() {
        CohortTable table = CohortAnalysis.withDefaults().compute(List.of());
        assertTrue(table.rows().isEmpty());
        assertTrue(table.observationEnd().isEmpty());
        assertEquals(0, table.customers());
    }

    @Test
    void refundsAreRejectedByDefaultDroppedOrNetted() {
        List<Transaction> log = new ArrayList<>(SMALL);
        log.add(tx("a", "2024-03-05", -5.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CohortAnalysis.withDefaults().compute(log));
        assertTrue(e.getMessage().startsWith("negative amount (refund) for customer a on 2024-03-05: amount=-5.0"),
                e.getMessage());

        CohortTable dropped = CohortAnalysis.withDefaults().withRefundPolicy(RefundPolicy.DROP).compute(log);
        assertEquals(CohortAnalysis.withDefaults().compute(SMALL).rows(), dropped.rows());

        CohortTable netted = CohortAnalysis.withDefaults().withRefundPolicy(RefundPolicy.NET).compute(log);
        // March for the January cohort: a's order 20.0 less the refund 5.0; still one order, one active customer
        assertRow(netted.row("2024-01", 2).orElseThrow(), "2024-01", 2, 2, 1, 1, 15.0, 18.5);
    }

    @Test
    void refundOnlyPeriodDoesNotMakeACustomerActive() {
        List<Transaction> log = new ArrayList<>(SMALL);
        log.add(tx("b", "2024-02-15", -2.0));
        CohortTable netted = CohortAnalysis.withDefaults().withRefundPolicy(RefundPolicy.NET).compute(log);
        assertRow(netted.row("2024-01", 1).orElseThrow(), "2024-01", 2, 1, 0, 0, -2.0, 10.0);
    }

    @Test
    void invalidInputNamesTheCustomer() {
        List<Transaction> late = List.of(tx("x", "2024-01-01", 1.0), tx("y", "2024-02-02", 1.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CohortAnalysis.withDefaults().withObservationEnd(LocalDate.of(2024, 1, 31)).compute(late));
        assertEquals("transaction after the observation end for customer y: date=2024-02-02, "
                + "observationEnd=2024-01-31", e.getMessage());

        List<Transaction> refundFirst = List.of(tx("x", "2024-01-01", -1.0), tx("x", "2024-02-02", 1.0));
        e = assertThrows(IllegalArgumentException.class,
                () -> CohortAnalysis.withDefaults().withRefundPolicy(RefundPolicy.NET).compute(refundFirst));
        assertTrue(e.getMessage().startsWith("refund before the first purchase for customer x: refund period=2024-01,"
                + " first purchase=2024-02-02"), e.getMessage());

        List<Transaction> refundOnly = List.of(tx("x", "2024-01-01", 1.0), tx("z", "2024-02-02", -1.0));
        e = assertThrows(IllegalArgumentException.class,
                () -> CohortAnalysis.withDefaults().withRefundPolicy(RefundPolicy.NET).compute(refundOnly));
        assertEquals("customer z has refunds but no purchase in the observation window", e.getMessage());

        Transaction blank = new Transaction() {
            @Override
            public String customerId() {
                return " ";
            }

            @Override
            public LocalDate date() {
                return LocalDate.of(2024, 1, 1);
            }

            @Override
            public double amount() {
                return 1.0;
            }
        };
        e = assertThrows(IllegalArgumentException.class, () -> CohortAnalysis.withDefaults().compute(List.of(blank)));
        assertEquals("customer id must not be blank: customerId=' ', date=2024-01-01", e.getMessage());
        CohortAccumulator single = CohortAnalysis.withDefaults().accumulator();
        e = assertThrows(IllegalArgumentException.class, () -> single.add(blank));
        assertEquals("customer id must not be blank: customerId=' ', date=2024-01-01", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CohortAnalysis.withDefaults().accumulator()
                .add("x", LocalDate.of(2024, 1, 1), Double.POSITIVE_INFINITY));
        assertEquals("amount must be finite for customer x on 2024-01-01: amount=Infinity", e.getMessage());
    }

    @Test
    void accumulatorStaysUsableAfterFinish() {
        List<Transaction> log = synthetic(300, 3000, 21);
        CohortAccumulator accumulator = CohortAnalysis.withDefaults().accumulator();
        accumulator.addAll(log.subList(0, 1000));
        CohortTable part = accumulator.finish();
        assertEquals(CohortAnalysis.withDefaults().compute(log.subList(0, 1000)).rows().size(), part.rows().size());
        for (Transaction t : log.subList(1000, 3000)) {
            accumulator.add(t);
        }
        CohortTable all = accumulator.finish();
        CohortTable expected = CohortAnalysis.withDefaults().compute(log);
        assertEquals(expected.rows().size(), all.rows().size());
        for (int i = 0; i < all.rows().size(); i++) {
            assertEquals(expected.rows().get(i).activeCustomers(), all.rows().get(i).activeCustomers());
            assertEquals(expected.rows().get(i).orders(), all.rows().get(i).orders());
            assertEquals(expected.rows().get(i).revenue(), all.rows().get(i).revenue(), 1e-9);
        }
    }

    @Test
    void combiningDifferentAnalysesIsAnError() {
        CohortAccumulator months = CohortAnalysis.withDefaults().accumulator();
        CohortAccumulator weeks = CohortAnalysis.withDefaults().withUnit(CohortUnit.WEEK).accumulator();
        assertThrows(IllegalArgumentException.class, () -> months.combine(weeks));
    }

    @Test
    void accumulatorCountsAndCombine() {
        CohortAnalysis analysis = CohortAnalysis.withDefaults();
        CohortAccumulator left = analysis.accumulator();
        CohortAccumulator right = analysis.accumulator();
        for (int i = 0; i < SMALL.size(); i++) {
            (i % 2 == 0 ? left : right).add(SMALL.get(SMALL.size() - 1 - i));
        }
        assertEquals(7, left.transactionCount() + right.transactionCount());
        CohortTable combined = left.combine(right).finish();
        assertEquals(3, left.customerCount());
        assertEquals(analysis.compute(SMALL).rows(), combined.rows());
        assertEquals("cohort-table", analysis.name());
    }
}
