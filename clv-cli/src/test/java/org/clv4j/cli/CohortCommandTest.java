package org.clv4j.cli;

import static org.clv4j.cli.BadInputTest.assertContains;
import static org.clv4j.cli.BadInputTest.assertOneLineError;
import static org.clv4j.cli.SummaryCommandTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clv cohort}: a hand-checked table, the labels of every unit, and the Online Retail export with its cleaning
 * options, checked cell by cell against an independent group-by written in this test.
 */
class CohortCommandTest {

    static final Path RETAIL = Path.of("..", "data", "online_retail_invoices.csv");
    static final String[] RETAIL_COLUMNS = {"--transactions", RETAIL.toString(), "--customer-column", "CustomerID",
        "--date-column", "InvoiceDate", "--amount-column", "UnitPrice"};
    static final String[] RETAIL_CLEANING = {"--date-format", "M/d/yyyy H:mm", "--quantity-column", "Quantity",
        "--drop-blank-customer-ids", "--order-column", "InvoiceNo", "--cancellation-prefix", "C",
        "--cancellations", "drop"};

    @TempDir
    Path dir;

    static String[] concat(String[]... parts) {
        List<String> all = new ArrayList<>();
        for (String[] part : parts) {
            all.addAll(List.of(part));
        }
        return all.toArray(String[]::new);
    }

    @Test
    void handComputedMonthlyTable() throws IOException {
        // docs/cohorts.md: a on 01-05 (10), 01-20 (5), 03-02 (20); b on 01-31 (7); c on 02-10 (3), 02-11 (4),
        // 03-31 (1)
        Path file = write(dir, "t.csv", "customer_id,date,amount", "a,2024-01-05,10", "a,2024-01-20,5",
                "b,2024-01-31,7", "c,2024-02-10,3", "c,2024-02-11,4", "a,2024-03-02,20", "c,2024-03-31,1");
        Cli.Run run = Cli.run("cohort", "-t", file.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(String.join("\r\n",
                "cohort,customers,period,active_customers,retention_rate,orders,revenue,"
                        + "cumulative_revenue_per_customer",
                "2024-01,2,0,2,1.0,3,22.0,11.0",
                "2024-01,2,1,0,0.0,0,0.0,11.0",
                "2024-01,2,2,1,0.5,1,20.0,21.0",
                "2024-02,1,0,1,1.0,2,7.0,7.0",
                "2024-02,1,1,1,1.0,1,1.0,8.0") + "\r\n", run.out());
        // 2024-03-31 is the last day of March: nothing partial
        assertEquals(List.of("clv cohort: 3 customers in 2 cohorts, 7 orders, revenue 50.0"), run.errLines());
    }

    @Test
    void labelsOfEveryUnitAndThePartialPeriodNote() throws IOException {
        // 2010-12-06 is a Monday of ISO week 49
        Path file = write(dir, "t.csv", "customer_id,date,amount", "a,2010-12-06,1", "a,2011-01-04,2");
        Map<String, String> firstCohort = Map.of("week", "2010-W49", "month", "2010-12", "quarter", "2010-Q4",
                "year", "2010");
        for (Map.Entry<String, String> unit : firstCohort.entrySet()) {
            Cli.Run run = Cli.run("cohort", "-t", file.toString(), "--cohort-unit", unit.getKey());
            assertEquals(0, run.exitCode(), run::toString);
            List<CSVRecord> rows = run.csv();
            assertEquals(unit.getValue(), rows.get(1).get(0));
            assertEquals("0", rows.get(1).get(2), "period 0 holds the first purchase");
            assertTrue(run.err().contains("is partial"), run::toString);
        }
        Cli.Run monthly = Cli.run("cohort", "-t", file.toString(), "--observation-end", "2011-01-31");
        assertEquals(3, monthly.csv().size(), monthly::toString); // header, periods 0 and 1
        assertTrue(!monthly.err().contains("partial"), monthly::toString);
        Cli.Run complete = Cli.run("cohort", "-t", file.toString(), "--complete-periods-only");
        assertEquals(2, complete.csv().size(), complete::toString); // January 2011 (to the 4th) left out

        Cli.Run bad = Cli.run("cohort", "-t", file.toString(), "--cohort-unit", "fortnight");
        assertOneLineError(bad, 2, "clv cohort: Invalid value for option '--cohort-unit'");
        assertContains(bad, "'fortnight' is not a cohort unit");
    }

    @Test
    void onlineRetailWithoutCleaningOptionsFailsNamingLineColumnValueAndOption() {
        Cli.Run columns = Cli.run("cohort", "--transactions", RETAIL.toString());
        assertOneLineError(columns, 1, "clv cohort: error: " + RETAIL + ", line 1, column 'customer_id'");
        assertContains(columns, "--customer-column", "InvoiceNo, InvoiceDate, CustomerID, Country, Quantity, "
                + "UnitPrice");

        Cli.Run dates = Cli.run(retail("cohort"));
        assertOneLineError(dates, 1, "clv cohort: error: " + RETAIL + ", line 2, column 'InvoiceDate'");
        assertContains(dates, "(value '12/1/2010 8:26')", "--date-format");

        Cli.Run blank = Cli.run(concat(retail("cohort"), new String[] {"--date-format", "M/d/yyyy H:mm",
            "--quantity-column", "Quantity"}));
        assertOneLineError(blank, 1, "clv cohort: error: " + RETAIL + ", line 45, column 'CustomerID'");
        assertContains(blank, "placeholder", "--drop-blank-customer-ids", "(value '(blank)')");

        Cli.Run refund = Cli.run(concat(retail("cohort"), new String[] {"--date-format",
            "M/d/yyyy H:mm", "--quantity-column", "Quantity", "--drop-blank-customer-ids"}));
        assertOneLineError(refund, 1, "clv cohort: error: " + RETAIL
                + ", line 22108, column 'Quantity x UnitPrice'");
        assertContains(refund, "negative amount", "--refunds drop", "--cancellation-prefix", "(value '-1 x 27.5')");

        Cli.Run cancellation = Cli.run(concat(retail("cohort"), new String[] {"--date-format",
            "M/d/yyyy H:mm", "--quantity-column", "Quantity", "--drop-blank-customer-ids", "--order-column",
            "InvoiceNo", "--cancellation-prefix", "C"}));
        assertOneLineError(cancellation, 1, "clv cohort: error: " + RETAIL + ", line 22108, column 'InvoiceNo'");
        assertContains(cancellation, "cancellation", "--cancellations drop", "--cancellations net",
                "(value 'C536379')");
    }

    @Test
    void onlineRetailCancellationsNettedLeaveCustomersWithRefundsOnly() {
        String[] net = RETAIL_CLEANING.clone();
        net[net.length - 1] = "net";
        Cli.Run run = Cli.run(concat(retail("cohort"), net));
        // 33 customers have cancellation invoices only: refunds without a purchase
        assertOneLineError(run, 1, "clv cohort: error: " + RETAIL + ": customer 17547 has refunds but no purchase "
                + "in the observation window");
    }

    static String[] retail(String command) {
        return concat(new String[] {command}, RETAIL_COLUMNS);
    }

    @Test
    void onlineRetailWithCleaningOptionsMatchesAnIndependentGroupBy() throws IOException {
        Path target = dir.resolve("cohorts.csv");
        Cli.Run run = Cli.run(concat(retail("cohort"), RETAIL_CLEANING,
                new String[] {"--output", target.toString()}));
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of(
                "clv cohort: note: " + RETAIL + ": skipped 3722 rows with a blank customer id "
                        + "(--drop-blank-customer-ids)",
                "clv cohort: note: " + RETAIL + ": skipped 3655 cancellations, order ids starting with 'C' "
                        + "(--cancellations drop)",
                "clv cohort: note: the last period, 2011-12, is partial: the observation ends on 2011-12-09; its "
                        + "figures are so far (--complete-periods-only leaves it out)"),
                run.errLines().subList(0, 3));
        assertEquals("clv cohort: 4339 customers in 13 cohorts, 18566 orders, revenue 1.36265546641E7",
                run.errLines().get(3)); // docs/cli.md
        List<CSVRecord> rows = Cli.parse(Files.readString(target));

        // the independent computation: split lines, parse the US date-times, drop (blank) ids and C invoices
        DateTimeFormatter us = DateTimeFormatter.ofPattern("M/d/yyyy H:mm", Locale.ROOT);
        Map<String, LocalDate> first = new HashMap<>();
        List<String[]> kept = new ArrayList<>();
        List<String> lines = Files.readAllLines(RETAIL);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[2].equals("(blank)") || f[0].startsWith("C")) {
                continue;
            }
            kept.add(f);
            LocalDate day = LocalDateTime.parse(f[1], us).toLocalDate();
            first.merge(f[2], day, (x, y) -> x.isBefore(y) ? x : y);
        }
        // cohort month → period → {orders, revenue}; and the active customers per cell
        Map<String, Integer> size = new TreeMap<>();
        first.forEach((c, d) -> size.merge(d.toString().substring(0, 7), 1, Integer::sum));
        Map<String, long[]> orders = new HashMap<>();
        Map<String, double[]> revenue = new HashMap<>();
        Map<String, Set<String>> active = new HashMap<>();
        for (String[] f : kept) {
            LocalDate day = LocalDateTime.parse(f[1], us).toLocalDate();
            LocalDate start = first.get(f[2]);
            long period = ChronoUnit.MONTHS.between(start.withDayOfMonth(1), day.withDayOfMonth(1));
            String key = start.toString().substring(0, 7) + "/" + period;
            orders.computeIfAbsent(key, k -> new long[1])[0]++;
            revenue.computeIfAbsent(key, k -> new double[1])[0] += Double.parseDouble(f[4])
                    * Double.parseDouble(f[5]);
            active.computeIfAbsent(key, k -> new HashSet<>()).add(f[2]);
        }
        assertEquals(4339, first.size());
        assertEquals(18566, kept.size());

        int customers = 0;
        long orderCount = 0;
        double revenueSum = 0.0;
        Map<String, Double> cumulative = new HashMap<>();
        assertEquals(List.of("cohort", "customers", "period", "active_customers", "retention_rate", "orders",
                "revenue", "cumulative_revenue_per_customer"), rows.get(0).toList());
        for (CSVRecord row : rows.subList(1, rows.size())) {
            String key = row.get(0) + "/" + row.get(2);
            int n = size.get(row.get(0));
            if (row.get(2).equals("0")) {
                customers += n;
            }
            int a = active.containsKey(key) ? active.get(key).size() : 0;
            long o = orders.containsKey(key) ? orders.get(key)[0] : 0;
            double r = revenue.containsKey(key) ? revenue.get(key)[0] : 0.0;
            assertEquals(n, Integer.parseInt(row.get(1)), key);
            assertEquals(a, Integer.parseInt(row.get(3)), key);
            assertEquals((double) a / n, Double.parseDouble(row.get(4)), 1e-15, key);
            assertEquals(o, Long.parseLong(row.get(5)), key);
            assertEquals(r, Double.parseDouble(row.get(6)), 1e-9 * Math.max(1.0, r), key);
            double cum = cumulative.merge(row.get(0), r, Double::sum);
            assertEquals(cum / n, Double.parseDouble(row.get(7)), 1e-9 * Math.max(1.0, cum / n), key);
            orderCount += o;
            revenueSum += r;
        }
        // every cell with activity is in the output: the totals add up to the whole cleaned file
        assertEquals(4339, customers);
        assertEquals(18566, orderCount);
        double total = 0.0;
        for (String[] f : kept) {
            total += Double.parseDouble(f[4]) * Double.parseDouble(f[5]);
        }
        assertEquals(total, revenueSum, 1e-9 * total);
        assertEquals(91, rows.size() - 1); // 13 monthly cohorts, 13 + 12 + ... + 1 rows
        assertEquals("2010-12,885,0,885,1.0,1401", String.join(",", rows.get(1).toList().subList(0, 6)));
    }
}
