package org.clv4j.models.predictive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.CdnowSample;
import org.clv4j.models.ClvCalculator;
import org.clv4j.models.bgnbd.BgNbdModel;
import org.clv4j.models.gammagamma.GammaGammaModel;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/clv-probabilistic.md: its Java block is, line for line, the code between the markers
 * below, and the numbers in its comments and its step table are asserted to the digits shown. (The published
 * figures are checked in {@link ProbabilisticClvReferenceTest}.)
 */
class ProbabilisticClvDocumentationTest {

    static final String BEGIN = "// docs/clv-probabilistic.md: begin";
    static final String END = "// docs/clv-probabilistic.md: end";

    @Test
    void workedExample() {
        SummaryColumns cdnow = CdnowSample.calibrationWithMonetaryValue();
        double[] x = cdnow.frequency();
        double[] tx = cdnow.recency();
        double[] T = cdnow.T();
        double[] mbar = cdnow.monetaryValue();

        // docs/clv-probabilistic.md: begin
        SummaryColumns customers = SummaryColumns.of(x, tx, T, mbar, null, TimeUnit.WEEK);  // CDNOW, in weeks
        BgNbdModel purchases = BgNbdModel.of(0.2426, 4.4135, 0.7929, 2.4259, TimeUnit.WEEK);
        GammaGammaModel spend = GammaGammaModel.of(6.2488, 3.7446, 15.448);
        ProbabilisticClvOptions monthly = ProbabilisticClvOptions.defaults()
                .withSteps(12)              // one year ...
                .withStepLength(4.345)      // ... of lifetimes' months, in weeks
                .withDiscountRate(0.01);    // per month

        ProbabilisticClvResult result = ClvCalculator.probabilistic(purchases, spend, customers, monthly);
        double total = result.total();                        // 71,509.8 for the 2,357 customers
        double first = result.clv(0);                         // 36.276 (customer 1)
        double firstAlive = result.probabilityAlive(0);       // 0.7266
        double firstPurchases = result.expectedPurchases(0);  // 1.5621 in the next 52.14 weeks

        double one = ProbabilisticClv.of(purchases, spend, monthly)
                .customerValue(2, 30.43, 38.86, 22.35);       // 36.279
        // docs/clv-probabilistic.md: end

        assertEquals(71_509.8, total, 0.05);
        assertEquals(36.276, first, 0.0005);
        assertEquals(0.7266, firstAlive, 0.00005);
        assertEquals(1.5621, firstPurchases, 0.00005);
        assertEquals(36.279, one, 0.0005);
        // margin 0.3: 0.3 × 71,509.8 = 21,452.9
        assertEquals(21_452.9, ClvCalculator.probabilistic(purchases, spend, customers, monthly.withMargin(0.3))
                .total(), 0.05);
        // calendar months (30.4375 days = 4.3482 weeks) instead of lifetimes' 4.345 weeks: 71,552.1
        ProbabilisticClvResult calendar = ClvCalculator.probabilistic(purchases, spend, customers,
                ProbabilisticClvOptions.defaults().withDiscountRate(0.01));
        assertEquals(4.3482, calendar.calculator().stepLength(), 0.00005);
        assertEquals(71_552.1, calendar.total(), 0.05);
    }

    /** The step table of the worked example: E[X(4.345 i)], its increments, the discount and the running sum. */
    @Test
    void stepTable() {
        BgNbdModel purchases = BgNbdModel.of(0.2426, 4.4135, 0.7929, 2.4259, TimeUnit.WEEK);
        double m = GammaGammaModel.of(6.2488, 3.7446, 15.448).expectedAverageValue(2, 22.35);
        assertEquals(24.6587, m, 0.00005);
        double[] cumulative = {0.15973, 0.31225, 0.45831, 0.59856, 0.73351, 0.86363, 0.98931, 1.11091, 1.22873,
            1.34303, 1.45406, 1.56204};
        double[] running = {3.8996, 7.5865, 11.0824, 14.4056, 17.5719, 20.5945, 23.4852, 26.2543, 28.9106, 31.4622,
            33.9163, 36.2790};
        double previous = 0.0;
        double sum = 0.0;
        for (int i = 1; i <= 12; i++) {
            double e = purchases.conditionalExpectedPurchases(i * 4.345, 2, 30.43, 38.86);
            assertEquals(cumulative[i - 1], e, 0.000005, "E[X] at step " + i);
            sum += m * (e - previous) / Math.pow(1.01, i);
            assertEquals(running[i - 1], sum, 0.00005, "sum at step " + i);
            previous = e;
        }
        // without discounting the sum telescopes: m · E[X(52.14)] = 24.6587 · 1.56204 = 38.52
        assertEquals(38.52, m * previous, 0.005);
    }

    @Test
    void documentationSnippetIsTheCodeBetweenTheMarkers() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "clv-probabilistic.md"));
        int open = doc.indexOf("```java\n");
        int close = doc.indexOf("```", open + 8);
        String snippet = doc.substring(open + 8, close);
        List<String> source = Files.readAllLines(Path.of("src", "test", "java", "org", "clv4j", "models",
                "predictive", "ProbabilisticClvDocumentationTest.java"));
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
}
