package org.clv4j.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /**
     * The column loop against the row-by-row update and a plain count: weekly periods over three years (many more
     * cohorts and period offsets than the matrix starts with, so its cells are re-laid out while rows arrive),
     * refunds, customers added between batches, batches of random length.
     */
    @Test
    void recordAllEqualsRecordOnEachRowAndAPlainCount() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        int customers = 3_000;
        int periods = 156;
        int[] acquired = new int[customers];
        int[] last = new int[customers];
        for (int c = 0; c < customers; c++) {
            acquired[c] = random.nextInt(periods);
            last[c] = -1;
        }
        // rows in period order, each customer's first row an order in its acquisition period
        java.util.List<int[]> rows = new java.util.ArrayList<>();
        java.util.List<Double> amounts = new java.util.ArrayList<>();
        for (int p = 0; p < periods; p++) {
            for (int c = 0; c < customers; c++) {
                if (p == acquired[c] || p > acquired[c] && random.nextInt(8) == 0) {
                    int orders = 1 + random.nextInt(3);
                    for (int k = 0; k < orders; k++) {
                        boolean refund = p > acquired[c] && random.nextInt(6) == 0;
                        rows.add(new int[] {c, p});
                        amounts.add(refund ? -random.nextInt(500) / 10.0 : random.nextInt(10_000) / 100.0);
                    }
                }
            }
        }
        int n = rows.size();
        int[] customer = new int[n];
        int[] period = new int[n];
        double[] amount = new double[n];
        for (int i = 0; i < n; i++) {
            customer[i] = rows.get(i)[0];
            period[i] = 1000 + rows.get(i)[1];
            amount[i] = amounts.get(i);
        }
        CohortMatrix byRow = new CohortMatrix();
        CohortMatrix byColumns = new CohortMatrix();
        int initialised = 0;
        int i = 0;
        while (i < n) {
            int end = Math.min(n, i + 1 + random.nextInt(5_000));
            int highest = initialised - 1;
            for (int j = i; j < end; j++) {
                highest = Math.max(highest, customer[j]);
            }
            for (; initialised <= highest; initialised++) {
                byRow.initialise(initialised);
                byColumns.initialise(initialised);
            }
            for (int j = i; j < end; j++) {
                byRow.record(customer[j], period[j], amount[j], amount[j] >= 0.0);
            }
            byColumns.recordAll(customer, period, amount, i, end);
            i = end;
        }
        // the plain count, per (cohort period, offset)
        java.util.Map<Long, long[]> counts = new java.util.HashMap<>();
        java.util.Map<Long, Double> revenue = new java.util.HashMap<>();
        java.util.Set<Long> activeKeys = new java.util.HashSet<>();
        for (int j = 0; j < n; j++) {
            int c = customer[j];
            long key = 1000L * (1000 + acquired[c]) + (period[j] - 1000 - acquired[c]);
            revenue.merge(key, amount[j], Double::sum);
            long[] cell = counts.computeIfAbsent(key, k -> new long[2]);
            if (amount[j] >= 0.0) {
                cell[0]++;
                if (activeKeys.add(key * customers + c)) {
                    cell[1]++;
                }
            }
        }
        assertEquals(byRow.cohorts(), byColumns.cohorts());
        int cellsChecked = 0;
        for (int slot = 0; slot < byColumns.cohorts(); slot++) {
            assertEquals(byRow.cohortPeriod(slot), byColumns.cohortPeriod(slot));
            assertEquals(byRow.cohortSize(slot), byColumns.cohortSize(slot));
            for (int k = 0; k < periods + 2; k++) {
                long key = 1000L * byColumns.cohortPeriod(slot) + k;
                long[] want = counts.getOrDefault(key, new long[2]);
                assertEquals(want[0], byColumns.orders(slot, k), "orders " + key);
                assertEquals(want[1], byColumns.active(slot, k), "active " + key);
                assertEquals(byRow.orders(slot, k), byColumns.orders(slot, k));
                assertEquals(byRow.active(slot, k), byColumns.active(slot, k));
                assertEquals(byRow.revenue(slot, k), byColumns.revenue(slot, k));
                assertEquals(byRow.compensation(slot, k), byColumns.compensation(slot, k));
                assertEquals(revenue.getOrDefault(key, 0.0),
                        byColumns.revenue(slot, k) + byColumns.compensation(slot, k), 1e-9, "revenue " + key);
                cellsChecked += want[0] > 0 ? 1 : 0;
            }
        }
        assertEquals(periods, byColumns.cohorts());
        assertEquals(counts.values().stream().filter(cell -> cell[0] > 0).count(), cellsChecked,
                "every cell with orders visited");
        assertTrue(cellsChecked > 5_000, "cells far beyond the matrix's initial 16 × 16");
        // a row going back a period, in the middle of a batch
        CohortMatrix back = new CohortMatrix();
        back.initialise(0);
        back.initialise(1);
        assertSame(CohortMatrix.NOT_IN_ORDER, assertThrows(RuntimeException.class, () -> back.recordAll(
                new int[] {0, 1, 0, 0}, new int[] {5, 5, 6, 5}, new double[] {1, 1, 1, 1}, 0, 4)));
    }

    /**
     * The matrix keeps a customer in one long (periods as 24-bit offsets, the cohort in 16 bits): periods 2^23 or
     * more apart, or more than 65,536 cohorts, send the input to the general cells (as out-of-order input does)
     * instead of wrapping around.
     */
    @Test
    void periodsTooFarApartOrTooManyCohortsSignalNotInOrder() {
        CohortMatrix far = new CohortMatrix();
        far.initialise(0);
        far.initialise(1);
        far.record(0, 1_000, 1.0, true);
        far.record(1, 1_000 + (1 << 23) - 1, 1.0, true); // the last period that fits
        assertSame(CohortMatrix.NOT_IN_ORDER, assertThrows(RuntimeException.class,
                () -> far.record(1, 1_000 + (1 << 23), 1.0, true)));
        CohortMatrix before = new CohortMatrix();
        before.initialise(0);
        before.initialise(1);
        before.record(0, 1_000, 1.0, true);
        assertSame(CohortMatrix.NOT_IN_ORDER, assertThrows(RuntimeException.class,
                () -> before.record(1, 1_000 - (1 << 23), 1.0, true)));
        CohortMatrix many = new CohortMatrix();
        for (int c = 0; c < 65_536; c++) {
            many.initialise(c);
            many.recordAll(new int[] {c}, new int[] {c}, new double[] {1.0}, 0, 1);
        }
        assertEquals(65_536, many.cohorts());
        many.initialise(65_536);
        assertSame(CohortMatrix.NOT_IN_ORDER, assertThrows(RuntimeException.class,
                () -> many.recordAll(new int[] {65_536}, new int[] {65_536}, new double[] {1.0}, 0, 1)));
    }

    /**
     * Weekly cohorts over decades: 1,100 cohorts and a span of 3,000 weeks would need a 2,048 × 4,002 rectangle of
     * cells (229 MB; the width doubles), past the 2^22-cell bound, so the matrix hands over to the general cells.
     */
    @Test
    void aLayoutPastTheCellBoundSignalsNotInOrder() {
        CohortMatrix weekly = new CohortMatrix();
        for (int c = 0; c < 1_100; c++) {
            weekly.initialise(c);
            weekly.record(c, c, 1.0, true);
        }
        weekly.record(0, 2_000, 1.0, true); // 1,024 → 2,048 cohorts × 2,001 periods: 4.1M cells, within the bound
        assertEquals(1.0, weekly.revenue(0, 2_000));
        assertSame(CohortMatrix.NOT_IN_ORDER, assertThrows(RuntimeException.class,
                () -> weekly.record(0, 3_000, 1.0, true)));
    }
}
