package org.clv4j.models.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.clv4j.core.Transaction;
import org.clv4j.core.summary.RefundPolicy;
import org.junit.jupiter.api.Test;

/**
 * {@link CohortAnalysis#compute} accumulates the table directly per (cohort, period) when every customer's
 * transactions come in period order starting with an order, and otherwise falls back to the per-customer period
 * cells of the accumulator. Both routes must give the same table; the fallback must not silently run on an
 * {@code Iterable} that cannot be read twice.
 */
class DirectCohortPathTest {

    /** The table through the accumulator, which always keeps per-customer cells. */
    static CohortTable viaCells(CohortAnalysis analysis, List<Transaction> log) {
        CohortAccumulator accumulator = analysis.accumulator();
        accumulator.addAll(log);
        return accumulator.finish();
    }

    static void assertSameTable(CohortTable expected, CohortTable actual) {
        assertEquals(expected.rows().size(), actual.rows().size());
        for (int i = 0; i < expected.rows().size(); i++) {
            CohortRow e = expected.rows().get(i);
            CohortRow a = actual.rows().get(i);
            assertEquals(e.cohort(), a.cohort());
            assertEquals(e.period(), a.period());
            assertEquals(e.customers(), a.customers(), e.toString());
            assertEquals(e.activeCustomers(), a.activeCustomers(), e.toString());
            assertEquals(e.orders(), a.orders(), e.toString());
            assertEquals(e.revenue(), a.revenue(), 1e-9 * Math.max(1.0, Math.abs(e.revenue())), e.toString());
            assertEquals(e.cumulativeRevenuePerCustomer(), a.cumulativeRevenuePerCustomer(),
                    1e-9 * Math.max(1.0, e.cumulativeRevenuePerCustomer()), e.toString());
            assertEquals(e.partial(), a.partial());
        }
    }

    @Test
    void dateOrderedLogsGiveTheCellsTableForEveryUnitAndRefundPolicy() {
        List<Transaction> log = new ArrayList<>(CohortAnalysisTest.synthetic(3000, 40_000, 5));
        // netted refunds, each after an order of the same customer on the same day
        List<Transaction> withRefunds = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            withRefunds.add(log.get(i));
            if (i % 37 == 0) {
                Transaction t = log.get(i);
                withRefunds.add(Transaction.of(t.customerId(), t.date(), -Math.min(1.0, t.amount())));
            }
        }
        withRefunds.sort(Comparator.comparing(Transaction::date));
        for (CohortUnit unit : CohortUnit.values()) {
            for (RefundPolicy policy : new RefundPolicy[] {RefundPolicy.NET, RefundPolicy.DROP}) {
                CohortAnalysis analysis = CohortAnalysis.withDefaults().withUnit(unit).withRefundPolicy(policy);
                assertSameTable(viaCells(analysis, withRefunds), analysis.compute(withRefunds));
            }
        }
    }

    /** A date-ordered log, then one customer's transaction a year back, at the end. */
    static List<Transaction> oneCustomerGoesBack(long seed) {
        List<Transaction> log = new ArrayList<>(CohortAnalysisTest.synthetic(500, 5000, seed));
        log.sort(Comparator.comparing(Transaction::date));
        Transaction late = log.get(4000);
        log.add(Transaction.of(late.customerId(), late.date().minusYears(1), 12.5));
        return log;
    }

    @Test
    void outOfOrderCustomersAndRefundsFirstFallBackToTheCells() {
        List<Transaction> log = oneCustomerGoesBack(6);
        CohortAnalysis monthly = CohortAnalysis.withDefaults();
        assertSameTable(viaCells(monthly, log), monthly.compute(log));

        // a customer whose first transaction is a refund, in the same month as its first order: valid under NET
        List<Transaction> refundFirst = new ArrayList<>(log.subList(0, 4000));
        refundFirst.sort(Comparator.comparing(Transaction::date));
        Transaction first = refundFirst.get(0);
        refundFirst.add(0, Transaction.of("newcomer", first.date(), -1.0));
        refundFirst.add(1, Transaction.of("newcomer", first.date(), 20.0));
        CohortAnalysis net = CohortAnalysis.withDefaults().withRefundPolicy(RefundPolicy.NET);
        assertSameTable(viaCells(net, refundFirst), net.compute(refundFirst));
    }

    @Test
    void aFallbackOnAOneShotIterableIsAnErrorNotAnEmptyTable() {
        Iterator<Transaction> once = oneCustomerGoesBack(8).iterator();
        Iterable<Transaction> oneShot = () -> once;
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CohortAnalysis.withDefaults().compute(oneShot));
        assertTrue(e.getMessage().contains("iterated twice"), e.getMessage());
    }
}
