package org.clv4j.models.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.clv4j.core.Transaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cohorts on the UCI Online Retail invoices ({@code data/online_retail_invoices.csv}, see data/PROVENANCE.md):
 * a real, messy export. The test does its own cleaning, explicitly: rows without a customer id ({@code (blank)})
 * and cancellation invoices ({@code C…}) are dropped; an invoice's amount is quantity × unit price. The table is
 * then checked for its invariants and, cell by cell, against a naive group-by ({@link BruteForceCohorts}).
 */
class OnlineRetailCohortTest {

    static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy H:mm", Locale.ROOT);
    static List<Transaction> invoices;
    static int rows;
    static int blankIds;
    static int cancellations;

    @BeforeAll
    static void readInvoices() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "data", "online_retail_invoices.csv"));
        assertEquals("InvoiceNo,InvoiceDate,CustomerID,Country,Quantity,UnitPrice", lines.get(0));
        invoices = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows++;
            String[] f = line.split(",", -1);
            if (f[2].equals("(blank)") || f[2].isBlank()) {
                blankIds++;
                continue;
            }
            if (f[0].startsWith("C")) {
                cancellations++;
                continue;
            }
            double amount = Double.parseDouble(f[4]) * Double.parseDouble(f[5]);
            invoices.add(Transaction.of(f[2], LocalDateTime.parse(f[1], US), amount));
        }
    }

    @Test
    void cleaningDroppedWhatItShould() {
        assertEquals(25943, rows);
        assertEquals(3722, blankIds); // blank ids (their cancellations included)
        assertEquals(3837 - 182, cancellations); // 3,837 C-invoices, 182 of them without a customer id
        assertEquals(18566, invoices.size()); // counted with awk: not C…, not (blank)
        assertTrue(invoices.stream().allMatch(t -> t.amount() >= 0.0));
    }

    @Test
    void sharedLoaderCleansTheSameWay() {
        assertEquals(invoices, org.clv4j.models.OnlineRetail.invoices());
    }

    @Test
    void monthlyCohortsSatisfyTheInvariantsAndMatchBruteForce() {
        CohortTable table = CohortAnalysis.withDefaults().compute(invoices);
        // the data end on 2011-12-09: December 2011 is a partial month, flagged
        assertEquals(LocalDate.of(2011, 12, 9), table.observationEnd().orElseThrow());
        assertTrue(table.lastPeriodPartial());
        assertEquals(13, table.cohorts().size()); // 2010-12 .. 2011-12
        assertEquals("2010-12", table.cohorts().get(0).label());
        assertEquals(13, table.cohorts().get(0).rows().size());
        assertInvariants(table, invoices);
        assertMatchesBruteForce(table, invoices, CohortUnit.MONTH);
    }

    @Test
    void otherUnitsMatchBruteForce() {
        for (CohortUnit unit : List.of(CohortUnit.WEEK, CohortUnit.QUARTER, CohortUnit.YEAR)) {
            CohortTable table = CohortAnalysis.withDefaults().withUnit(unit).compute(invoices);
            assertInvariants(table, invoices);
            assertMatchesBruteForce(table, invoices, unit);
        }
    }

    static void assertInvariants(CohortTable table, List<Transaction> log) {
        Set<String> ids = new HashSet<>();
        double total = 0.0;
        for (Transaction t : log) {
            ids.add(t.customerId());
            total += t.amount();
        }
        assertEquals(ids.size(), table.customers());
        assertEquals(log.size(), table.orders());
        assertEquals(total, table.revenue(), 1e-9 * total);
        for (Cohort cohort : table.cohorts()) {
            double previous = 0.0;
            for (CohortRow row : cohort.rows()) {
                assertTrue(row.activeCustomers() <= row.customers(), row.toString());
                assertTrue(row.cumulativeRevenuePerCustomer() >= previous, row.toString());
                previous = row.cumulativeRevenuePerCustomer();
            }
            CohortRow first = cohort.rows().get(0);
            assertEquals(1.0, first.retentionRate(), 0.0, first.toString());
            assertEquals(cohort.customers(), first.activeCustomers());
            assertTrue(cohort.rows().get(cohort.rows().size() - 1).partial() == table.lastPeriodPartial());
        }
    }

    static void assertMatchesBruteForce(CohortTable table, List<Transaction> log, CohortUnit unit) {
        Map<String, TreeMap<Long, BruteForceCohorts.Cell>> expected = BruteForceCohorts.compute(log, unit);
        int checked = 0;
        for (Map.Entry<String, TreeMap<Long, BruteForceCohorts.Cell>> cohort : expected.entrySet()) {
            int size = cohort.getValue().get(0L).customers;
            for (Map.Entry<Long, BruteForceCohorts.Cell> e : cohort.getValue().entrySet()) {
                CohortRow row = table.row(cohort.getKey(), e.getKey().intValue()).orElseThrow();
                assertEquals(size, row.customers(), row.toString());
                assertEquals(e.getValue().active.size(), row.activeCustomers(), row.toString());
                assertEquals(e.getValue().orders, row.orders(), row.toString());
                assertEquals(e.getValue().revenue, row.revenue(), 1e-9 * Math.abs(e.getValue().revenue),
                        row.toString());
                checked++;
            }
        }
        long nonEmpty = table.rows().stream().filter(r -> r.orders() > 0).count();
        assertEquals(nonEmpty, checked, "every non-empty cell was checked");
    }
}
