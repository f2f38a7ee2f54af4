package org.clv4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.clv4j.core.CustomerRecord;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.Transaction;
import org.clv4j.models.historical.CustomerClv;
import org.clv4j.models.historical.HistoricalClvOptions;
import org.clv4j.models.historical.HistoricalClvResult;
import org.junit.jupiter.api.Test;

/**
 * The Java example of the README, compiled and run. {@link #readmeSnippetIsTheBodyOfTheExampleMethod()} checks
 * that the README's {@code java} block is, line for line, the body of {@link #readmeExample()} between the
 * markers, so the two cannot drift apart.
 */
class ReadmeExampleTest {

    static final String BEGIN = "// README example: begin";
    static final String END = "// README example: end";

    @SuppressWarnings("unused")
    static HistoricalClvResult readmeExample() {
        // README example: begin
        List<Transaction> orders = List.of(
                Transaction.of("alice", LocalDate.of(2023, 1, 15), 120.00),
                Transaction.of("alice", LocalDate.of(2023, 9, 2), 80.00),
                Transaction.of("alice", LocalDate.of(2024, 6, 30), 100.00),
                Transaction.of("bob", LocalDate.of(2024, 11, 20), 45.00));
        List<CustomerRecord> customers = List.of(
                CustomerRecord.of("alice").withAcquisitionCost(30.0).withAttribute("segment", "web"),
                CustomerRecord.of("bob").withAttribute("segment", "store"));

        HistoricalClvResult result = ClvCalculator.historical(orders, HistoricalClvOptions.defaults()
                .withTimeUnit(TimeUnit.YEAR)
                .withObservationEnd(LocalDate.of(2024, 12, 31))
                .withMargin(0.25)             // a quarter of revenue is profit
                .withLifespan(3.0)            // years
                .withDiscountRate(0.08)       // per year
                .withAcquisitionCost(10.0)    // for customers without a cost of their own
                .withCustomers(customers));

        CustomerClv alice = result.customer("alice").orElseThrow();
        // alice: 3 orders, average order value 100.0, tenure 1.96 years, 1.53 orders a year,
        // CLV = 0.25 × 100.0 × 1.53 × (1/1.08 + 1/1.08² + 1/1.08³) − 30 = 68.60
        double meanClv = result.aggregate().mean();             // (68.60 + 18.99) / 2 = 43.80
        double webClv = result.bySegment().get("web").total();  // 68.60
        // README example: end
        return result;
    }

    @Test
    void readmeSnippetIsTheBodyOfTheExampleMethod() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int open = readme.indexOf("```java\n");
        int close = readme.indexOf("```", open + 8);
        String snippet = readme.substring(open + 8, close);

        List<String> source = Files.readAllLines(Path.of("src", "test", "java", "org", "clv4j", "models",
                "ReadmeExampleTest.java"));
        int begin = indexOfTrimmed(source, BEGIN);
        int end = indexOfTrimmed(source, END);
        StringBuilder body = new StringBuilder();
        for (String line : source.subList(begin + 1, end)) {
            body.append(line.isBlank() ? "" : line.substring(8)).append('\n');
        }
        assertEquals(snippet, body.toString());
    }

    private static int indexOfTrimmed(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError("marker not found: " + marker);
    }

    /**
     * The values stated in the README's comments, recomputed by hand: alice's tenure is 716 days (2023-01-15 to
     * 2024-12-31) = 1.9603 years, so 3 / 1.9603 = 1.5304 orders a year; the lifespan factor at 8% over 3 years is
     * 1/1.08 + 1/1.08² + 1/1.08³ = 2.5771. bob's tenure (41 days) is raised to one year.
     */
    @Test
    void readmeExampleComputesTheStatedValues() {
        HistoricalClvResult result = readmeExample();
        double factor = 1 / 1.08 + 1 / (1.08 * 1.08) + 1 / (1.08 * 1.08 * 1.08);
        double tenure = 716 / 365.25;
        double alice = 0.25 * 100.0 * (3 / tenure) * factor - 30.0;
        double bob = 0.25 * 45.0 * 1.0 * factor - 10.0;

        CustomerClv a = result.customer("alice").orElseThrow();
        assertEquals(3, a.orders());
        assertEquals(100.0, a.averageOrderValue(), 1e-12);
        assertEquals(tenure, a.tenure(), 1e-12);
        assertEquals(1.53, a.purchaseFrequency(), 0.005);
        assertEquals(alice, a.clv(), 1e-12);
        assertEquals(68.60, a.clv(), 0.005);
        assertEquals(1.0, result.customer("bob").orElseThrow().tenure(), 0.0);
        assertEquals(bob, result.customer("bob").orElseThrow().clv(), 1e-12);
        assertEquals(18.99, bob, 0.005);
        assertEquals((alice + bob) / 2, result.aggregate().mean(), 1e-12);
        assertEquals(43.80, result.aggregate().mean(), 0.005);
        assertEquals(alice, result.bySegment().get("web").total(), 1e-12);
        assertEquals(bob, result.bySegment().get("store").total(), 1e-12);
        assertEquals(TimeUnit.YEAR, result.timeUnit());
    }
}
