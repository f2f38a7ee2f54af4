package org.clv4j.cli;

import static org.clv4j.cli.SummaryCommandTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clv historical} on hand-computed cases (weeks; observation end 2024-03-31).
 * <pre>
 * A: orders 30, 50, 40 on 03-03, 03-17, 03-24 (8, 2 and 1 weeks before the end): AOV 40, tenure 4 weeks,
 *    frequency 3/4 = 0.75 per week
 * B: orders 10 and 20 on 03-17 (2 weeks before): 2 orders, AOV 15, tenure 2, frequency 1
 * </pre>
 * With margin 0.5, lifespan 2.5 weeks, discount rate 10% a week, acquisition cost 3:
 * factor = 1/1.1 + 1/1.1² + 0.5/1.1³ = 2.1111945905334335;
 * CLV(A) = 0.5 × 40 × 0.75 × factor − 3 = 28.667918858; CLV(B) = 0.5 × 15 × 1 × factor − 3 = 12.833959429.
 */
class HistoricalCommandTest {

    @TempDir
    Path dir;

    @Test
    void handComputedCustomers() throws IOException {
        Path file = write(dir, "t.csv", "customer_id,date,amount", "A,2024-03-03,30", "B,2024-03-17,10",
                "A,2024-03-17,50", "B,2024-03-17,20", "A,2024-03-24,40");
        Cli.Run run = Cli.run("historical", "-t", file.toString(), "--time-unit", "week", "--observation-end",
                "2024-03-31", "--margin", "0.5", "--lifespan", "2.5", "--discount-rate", "0.1",
                "--acquisition-cost", "3");
        assertEquals(0, run.exitCode(), run::toString);
        List<CSVRecord> rows = run.csv();
        assertEquals(List.of("customer_id", "orders", "revenue", "average_order_value", "purchase_frequency",
                "tenure", "lifespan", "clv"), rows.get(0).toList());
        double factor = 1 / 1.1 + 1 / (1.1 * 1.1) + 0.5 / (1.1 * 1.1 * 1.1);
        CSVRecord a = rows.get(1);
        assertEquals(List.of("A", "3", "120.0", "40.0", "0.75", "4.0", "2.5"), a.toList().subList(0, 7));
        assertEquals(0.5 * 40 * 0.75 * factor - 3, Double.parseDouble(a.get(7)), 1e-12);
        assertEquals(28.667918858, Double.parseDouble(a.get(7)), 1e-9);
        CSVRecord b = rows.get(2);
        assertEquals(List.of("B", "2", "30.0", "15.0", "1.0", "2.0", "2.5"), b.toList().subList(0, 7));
        assertEquals(12.833959429, Double.parseDouble(b.get(7)), 1e-9);

        // aggregates on stderr, full precision
        double clvA = Double.parseDouble(a.get(7));
        double clvB = Double.parseDouble(b.get(7));
        assertTrue(run.err().contains("clv historical: lifespan 2.5 week (given)"), run.err());
        assertTrue(run.err().contains("CLV of all 2 customers: total " + (clvA + clvB) + ", mean "
                + (clvA + clvB) / 2), run.err());
    }

    @Test
    void estimatedLifespanIsReportedOnStderr() throws IOException {
        // churn after 4 weeks: A (last order 1 week before the end) is active with exposure T = 8 weeks,
        // C (one order 10 weeks before) churned with exposure 0: lifespan = 8 / 1 = 8 weeks
        Cli.Run run = weeklyWithChurnAfter4("A,2024-02-04,30");
        assertTrue(run.err().contains("lifespan 8.0 week (estimated: 1 of 2 customers churned, no purchase in the "
                + "last 4.0 week; churn rate 0.125 per week)"), run.err());
        // A: AOV 35, 2 orders / 8 weeks, × 8 weeks = 70
        assertEquals(70.0, Double.parseDouble(run.csv().get(1).get(7)), 1e-12);
        assertTrue(!run.err().contains("warning"), run.err());
    }

    @Test
    void anImplausiblyLongEstimatedLifespanIsWarnedAbout() throws IOException {
        // A has bought since 1910 and is active; C churned: lifespan = A's exposure / 1 ≈ 114 years
        Cli.Run run = weeklyWithChurnAfter4("A,1910-01-01,30");
        assertTrue(run.err().contains("clv historical: warning: the estimated lifespan is 114 years, because almost "
                + "no customer churned within the data"), run.err());
    }

    /**
     * {@code clv historical} in weeks to 2024-03-31, churned after 4 weeks without a purchase, on A's first order
     * {@code firstOrderOfA}, A's second order on 2024-03-24 and C's one order on 2024-01-21; must succeed.
     */
    private Cli.Run weeklyWithChurnAfter4(String firstOrderOfA) throws IOException {
        Path file = write(dir, "t.csv", "customer_id,date,amount", firstOrderOfA, "A,2024-03-24,40",
                "C,2024-01-21,9");
        Cli.Run run = Cli.run("historical", "-t", file.toString(), "--time-unit", "week", "--observation-end",
                "2024-03-31", "--churn-after", "4");
        assertEquals(0, run.exitCode(), run::toString);
        return run;
    }

    @Test
    void formulaLikeCustomerIdsAreDefused() throws IOException {
        Path file = write(dir, "t.csv", "customer_id,date,amount", "\"=HYPERLINK(\"\"x\"\")\",2024-01-01,5",
                "-42,2024-01-02,5");
        Cli.Run run = Cli.run("historical", "-t", file.toString(), "--lifespan", "1");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("'=HYPERLINK(\"x\")", run.csv().get(1).get(0));
        assertEquals("-42", run.csv().get(2).get(0));
    }
}
