package org.clv4j.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.clv4j.core.Transaction;
import org.clv4j.core.summary.RefundPolicy;
import org.clv4j.models.cohort.CohortUnit;
import org.junit.jupiter.api.Test;

/** The activity log in cohort-matrix mode: hand-counted cells, the out-of-order signal, no cells to read. */
class CohortMatrixModeTest {

    static final LocalDate JAN = LocalDate.of(2024, 1, 10);

    @Test
    void countsActiveCustomersOrdersAndRevenuePerCohortAndPeriod() {
        ActivityLog log = new ActivityLog(CohortUnit.MONTH, null, RefundPolicy.NET, true);
        log.addAll(List.of(
                Transaction.of("a", JAN, 10.0),                 // a: January cohort, period 0
                Transaction.of("b", JAN.plusDays(1), 5.0),      // b: January cohort, period 0
                Transaction.of("a", JAN.plusDays(2), 1.0),      // a again in January: an order, not a new active
                Transaction.of("a", JAN.plusMonths(1), -2.0),   // a's refund in February: revenue, not active
                Transaction.of("c", JAN.plusMonths(1), 7.0),    // c: February cohort, period 0
                Transaction.of("b", JAN.plusMonths(2), 3.0)));  // b: January cohort, period 2
        CohortMatrix m = log.matrix();
        assertEquals(2, m.cohorts());
        int january = m.cohortPeriod(0) < m.cohortPeriod(1) ? 0 : 1;
        int february = 1 - january;
        assertEquals(2, m.cohortSize(january));
        assertEquals(1, m.cohortSize(february));
        // January cohort: period 0 → a and b active, 3 orders, 16.0; period 1 → a's refund only; period 2 → b
        assertEquals(2, m.active(january, 0));
        assertEquals(3, m.orders(january, 0));
        assertEquals(16.0, m.revenue(january, 0) + m.compensation(january, 0));
        assertEquals(0, m.active(january, 1));
        assertEquals(0, m.orders(january, 1));
        assertEquals(-2.0, m.revenue(january, 1) + m.compensation(january, 1));
        assertEquals(1, m.active(january, 2));
        assertEquals(3.0, m.revenue(january, 2));
        assertEquals(0, m.active(january, 7), "beyond the periods with activity");
        assertEquals(1, m.active(february, 0));
        assertEquals(6, log.transactionCount());
        assertThrows(IllegalStateException.class, log::seal);
    }

    @Test
    void aCustomerGoingBackAPeriodOrStartingWithARefundSignalsNotInOrder() {
        ActivityLog back = new ActivityLog(CohortUnit.MONTH, null, RefundPolicy.NET, true);
        RuntimeException e = assertThrows(RuntimeException.class, () -> back.addAll(List.of(
                Transaction.of("a", JAN.plusMonths(1), 1.0), Transaction.of("a", JAN, 1.0))));
        assertSame(CohortMatrix.NOT_IN_ORDER, e);
        ActivityLog refundFirst = new ActivityLog(CohortUnit.MONTH, null, RefundPolicy.NET, true);
        e = assertThrows(RuntimeException.class, () -> refundFirst.addAll(List.of(
                Transaction.of("a", JAN, -1.0), Transaction.of("a", JAN, 1.0))));
        assertSame(CohortMatrix.NOT_IN_ORDER, e);
    }
}
