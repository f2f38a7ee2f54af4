package org.clv4j.models.historical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.clv4j.core.CustomerRecord;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.Transaction;
import org.clv4j.core.summary.RefundPolicy;
import org.clv4j.models.ClvCalculator;
import org.junit.jupiter.api.Test;

/**
 * Historical CLV on hand-computed cases. Every expected value below is worked out in the comment next to it from
 * the formula {@code margin × AOV × frequency × lifespanFactor − acquisitionCost}; tolerances are a few ulps of
 * the result (1e-12 relative), since the implementation performs the same few multiplications.
 */
class HistoricalClvTest {

    /** Observation end of the hand cases; the time unit is the week, so day offsets below are multiples of 7. */
    static final LocalDate END = LocalDate.of(2024, 3, 31);
    static final double EPS = 1e-12;

    static LocalDate weeksBefore(int weeks) {
        return END.minusDays(7L * weeks);
    }

    /**
     * A: 3 orders (30, 50, 40) 10, 5 and 1 weeks before the end. B: 2 orders (10, 20) on one day 2 weeks before.
     * C: 1 order of 8, 3 days before the end (tenure below one week). D: one zero-amount order 3 weeks before.
     */
    static List<Transaction> fourCustomers() {
        return List.of(
                Transaction.of("A", weeksBefore(10), 30.0),
                Transaction.of("B", weeksBefore(2), 10.0),
                Transaction.of("A", weeksBefore(5), 50.0),
                Transaction.of("B", weeksBefore(2), 20.0),
                Transaction.of("D", weeksBefore(3), 0.0),
                Transaction.of("C", END.minusDays(3), 8.0),
                Transaction.of("A", weeksBefore(1), 40.0));
    }

    static HistoricalClvOptions weekly() {
        return HistoricalClvOptions.defaults().withTimeUnit(TimeUnit.WEEK).withObservationEnd(END);
    }

    @Test
    void severalCustomersWithGivenLifespan() {
        HistoricalClvResult result = ClvCalculator.historical(fourCustomers(), weekly().withMargin(0.5)
                .withLifespan(20));

        CustomerClv a = result.customer("A").orElseThrow();
        assertEquals(3, a.orders());
        assertEquals(120.0, a.revenue(), EPS);
        assertEquals(40.0, a.averageOrderValue(), EPS);          // 120 / 3
        assertEquals(10.0, a.tenure(), EPS);                     // 70 days = 10 weeks
        assertEquals(0.3, a.purchaseFrequency(), EPS);           // 3 orders / 10 weeks
        assertEquals(20.0, a.lifespan(), 0.0);
        assertEquals(20.0, a.lifespanFactor(), 0.0);             // no discounting
        assertEquals(0.5, a.margin(), 0.0);
        assertEquals(0.0, a.acquisitionCost(), 0.0);
        assertEquals(120.0, a.clv(), 120 * EPS);                 // 0.5 × 40 × 0.3 × 20
        assertEquals(weeksBefore(10), a.firstPurchase());
        assertEquals(weeksBefore(1), a.lastPurchase());
        assertEquals(TimeUnit.WEEK, a.timeUnit());

        CustomerClv b = result.customer("B").orElseThrow();
        assertEquals(2, b.orders());                             // two orders on one day are two orders
        assertEquals(15.0, b.averageOrderValue(), EPS);          // 30 / 2
        assertEquals(2.0, b.tenure(), EPS);
        assertEquals(1.0, b.purchaseFrequency(), EPS);           // 2 orders / 2 weeks
        assertEquals(150.0, b.clv(), 150 * EPS);                 // 0.5 × 15 × 1 × 20

        CustomerClv c = result.customer("C").orElseThrow();
        assertEquals(1.0, c.tenure(), 0.0);                      // 3/7 week, raised to one unit
        assertEquals(1.0, c.purchaseFrequency(), EPS);
        assertEquals(80.0, c.clv(), 80 * EPS);                   // 0.5 × 8 × 1 × 20

        CustomerClv d = result.customer("D").orElseThrow();
        assertEquals(1, d.orders());                             // a zero-amount order is an order
        assertEquals(0.0, d.averageOrderValue(), 0.0);
        assertEquals(1.0 / 3.0, d.purchaseFrequency(), EPS);
        assertEquals(0.0, d.clv(), 0.0);

        // first-appearance order; aggregate of {120, 150, 0, 80}
        assertEquals(List.of("A", "B", "D", "C"), result.customers().stream().map(CustomerClv::customerId).toList());
        ClvAggregate all = result.aggregate();
        assertEquals(4, all.customers());
        assertEquals(350.0, all.total(), 350 * EPS);
        assertEquals(87.5, all.mean(), 87.5 * EPS);
        assertEquals(100.0, all.median(), 100 * EPS);            // (80 + 120) / 2
        assertEquals(0.0, all.min(), 0.0);
        assertEquals(150.0, all.max(), 150 * EPS);
        assertEquals(END, result.observationEnd());
        assertEquals(20.0, result.lifespan(), 0.0);
        assertTrue(result.churnEstimate().isEmpty());
        assertTrue(result.bySegment().isEmpty());
        assertEquals(all, result.unsegmented().orElseThrow());
    }

    @Test
    void observationEndDefaultsToTheLatestTransaction() {
        // latest transaction: C, 3 days before END; A's tenure becomes 67 days
        HistoricalClvResult result = ClvCalculator.historical(fourCustomers(),
                HistoricalClvOptions.defaults().withTimeUnit(TimeUnit.WEEK).withLifespan(20));
        assertEquals(END.minusDays(3), result.observationEnd());
        assertEquals(67.0 / 7.0, result.customer("A").orElseThrow().tenure(), EPS);
        assertEquals(3.0 / (67.0 / 7.0), result.customer("A").orElseThrow().purchaseFrequency(), EPS);
    }

    @Test
    void discountingWithAFractionalLastUnit() {
        // L = 2.5 weeks, d = 10% a week: 1/1.1 + 1/1.1² + 0.5/1.1³ = 0.909090.. + 0.826446.. + 0.375657.. = 2.1111945905
        double expected = 1 / 1.1 + 1 / (1.1 * 1.1) + 0.5 / (1.1 * 1.1 * 1.1);
        assertEquals(2.1111945905334335, expected, 1e-15);
        assertEquals(expected, HistoricalClv.lifespanFactor(2.5, 0.1), 1e-15);

        HistoricalClvResult result = ClvCalculator.historical(fourCustomers(), weekly().withLifespan(2.5)
                .withDiscountRate(0.1));
        CustomerClv a = result.customer("A").orElseThrow();
        assertEquals(2.5, a.lifespan(), 0.0);
        assertEquals(expected, a.lifespanFactor(), 1e-15);
        assertEquals(40.0 * 0.3 * expected, a.clv(), 1e-12);     // margin 1: 40 × 0.3 × 2.1112 = 25.334
    }

    @Test
    void lifespanFactorAgreesWithDirectSummation() {
        for (double d : new double[] {1e-9, 0.001, 0.01, 0.08, 0.5, 3.0}) {
            for (double lifespan : new double[] {0.25, 1.0, 1.5, 7.0, 12.75, 120.0}) {
                int n = (int) Math.floor(lifespan);
                double sum = 0.0;
                for (int k = 1; k <= n; k++) {
                    sum += Math.pow(1.0 + d, -k);
                }
                sum += (lifespan - n) * Math.pow(1.0 + d, -(n + 1));
                assertEquals(sum, HistoricalClv.lifespanFactor(lifespan, d), 1e-13 * lifespan,
                        "L=" + lifespan + ", d=" + d);
                assertTrue(HistoricalClv.lifespanFactor(lifespan, d) <= lifespan);
            }
        }
        assertEquals(7.0, HistoricalClv.lifespanFactor(7.0, 0.0), 0.0);
        // continuous at whole lifespans: the fractional unit grows into the next whole one
        assertEquals(HistoricalClv.lifespanFactor(3.0, 0.2), HistoricalClv.lifespanFactor(Math.nextDown(3.0), 0.2),
                1e-15);
        assertThrows(IllegalArgumentException.class, () -> HistoricalClv.lifespanFactor(0.0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> HistoricalClv.lifespanFactor(2.0, -0.1));
        assertThrows(IllegalArgumentException.class, () -> HistoricalClv.lifespanFactor(2.0, Double.NaN));
    }

    @Test
    void acquisitionCostsPerCustomerAndByDefault() {
        List<CustomerRecord> customers = List.of(
                CustomerRecord.of("A").withAcquisitionCost(25.0),
                CustomerRecord.of("B"),                                  // no cost of its own: the default
                CustomerRecord.of("Z").withAcquisitionCost(99.0));       // no orders
        HistoricalClvResult result = ClvCalculator.historical(fourCustomers(), weekly().withMargin(0.5)
                .withLifespan(20).withAcquisitionCost(12.0).withCustomers(customers));
        assertEquals(25.0, result.customer("A").orElseThrow().acquisitionCost(), 0.0);
        assertEquals(120.0 - 25.0, result.customer("A").orElseThrow().clv(), 1e-12);
        assertEquals(150.0 - 12.0, result.customer("B").orElseThrow().clv(), 1e-12);
        assertEquals(80.0 - 12.0, result.customer("C").orElseThrow().clv(), 1e-12);  // no record: the default
        assertEquals(-12.0, result.customer("D").orElseThrow().clv(), 0.0);           // negative CLV is allowed
        assertEquals(List.of("Z"), result.customersWithoutOrders());
        assertTrue(result.customer("Z").isEmpty());
        assertEquals(4, result.aggregate().customers());
        assertEquals(350.0 - 25.0 - 3 * 12.0, result.aggregate().total(), 1e-12);
    }

    @Test
    void aggregatesBySegment() {
        List<CustomerRecord> customers = List.of(
                CustomerRecord.of("A").withAttribute("segment", "web"),
                CustomerRecord.of("B").withAttribute("segment", "web"),
                CustomerRecord.of("C").withAttribute("segment", "store"),
                CustomerRecord.of("D").withAttribute("channel", "store"));  // no segment attribute
        HistoricalClvResult result = ClvCalculator.historical(fourCustomers(), weekly().withMargin(0.5)
                .withLifespan(20).withCustomers(customers));
        Map<String, ClvAggregate> segments = result.bySegment();
        assertEquals(List.of("store", "web"), List.copyOf(segments.keySet()));
        // web = {A 120, B 150}
        assertEquals(new ClvAggregate(2, 270.0, 135.0, 135.0, 120.0, 150.0), segments.get("web"));
        // store = {C 80}
        assertEquals(new ClvAggregate(1, 80.0, 80.0, 80.0, 80.0, 80.0), segments.get("store"));
        // D has no segment
        assertEquals(new ClvAggregate(1, 0.0, 0.0, 0.0, 0.0, 0.0), result.unsegmented().orElseThrow());
        assertEquals(Optional.of("web"), result.customer("A").orElseThrow().segment());
        assertEquals(Optional.empty(), result.customer("D").orElseThrow().segment());

        // another attribute as the segment
        HistoricalClvResult byChannel = ClvCalculator.historical(fourCustomers(), weekly().withLifespan(20)
                .withCustomers(customers).withSegmentAttribute("channel"));
        assertEquals(List.of("store"), List.copyOf(byChannel.bySegment().keySet()));
        assertEquals(3, byChannel.unsegmented().orElseThrow().customers());
    }

    /**
     * Churn threshold 4 weeks, observation end END:
     * <pre>
     * customer  first  last (weeks before END)  inactive  status   exposure (weeks)
     * A         10     1                        1         active   T = 10
     * B         2      2                        2         active   T = 2
     * E         14     8                        8         churned  last − first = 6
     * F         9      9                        9         churned  0
     * </pre>
     * churned = 2, exposure = 18 weeks, churn rate = 2/18 per week, lifespan = 9 weeks.
     */
    @Test
    void estimatedLifespanFromObservedChurn() {
        List<Transaction> log = new ArrayList<>(List.of(
                Transaction.of("A", weeksBefore(10), 30.0),
                Transaction.of("A", weeksBefore(5), 50.0),
                Transaction.of("A", weeksBefore(1), 40.0),
                Transaction.of("B", weeksBefore(2), 10.0),
                Transaction.of("B", weeksBefore(2), 20.0),
                Transaction.of("E", weeksBefore(14), 60.0),
                Transaction.of("E", weeksBefore(8), 40.0),
                Transaction.of("F", weeksBefore(9), 5.0)));
        HistoricalClvResult result = ClvCalculator.historical(log, weekly().withChurnThreshold(4));
        ChurnEstimate churn = result.churnEstimate().orElseThrow();
        assertEquals(4.0, churn.churnThreshold(), 0.0);
        assertEquals(4, churn.customers());
        assertEquals(2, churn.churnedCustomers());
        assertEquals(18.0, churn.exposure(), 1e-12);
        assertEquals(1.0 / 9.0, churn.churnRate(), 1e-15);
        assertEquals(9.0, churn.lifespan(), 1e-12);
        assertEquals(9.0, result.lifespan(), 1e-12);
        // A: 40 × 0.3 × 9 = 108; E: AOV 50, tenure 14, frequency 1/7: 50/7 × 9 = 64.2857..
        assertEquals(108.0, result.customer("A").orElseThrow().clv(), 1e-12);
        assertEquals(50.0 / 7.0 * 9.0, result.customer("E").orElseThrow().clv(), 1e-12);

        // the default threshold is one year, 365.25 / 7 weeks: nobody here churned
        assertEquals(365.25 / 7.0, weekly().churnThreshold(), 1e-12);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ClvCalculator.historical(log, weekly()));
        assertTrue(none.getMessage().contains("no customer churned"), none.getMessage());
    }

    @Test
    void outOfOrderInputGivesTheSameResult() {
        List<Transaction> shuffled = new ArrayList<>(fourCustomers());
        Collections.shuffle(shuffled, new Random(7));
        HistoricalClvOptions options = weekly().withMargin(0.5).withLifespan(20);
        HistoricalClvResult sorted = ClvCalculator.historical(fourCustomers(), options);
        HistoricalClvResult mixed = ClvCalculator.historical(shuffled, options);
        for (CustomerClv row : sorted.customers()) {
            assertEquals(row, mixed.customer(row.customerId()).orElseThrow());
        }
        assertEquals(sorted.aggregate(), mixed.aggregate());
    }

    @Test
    void refundsAreRejectedDroppedOrNetted() {
        List<Transaction> log = List.of(
                Transaction.of("A", weeksBefore(4), 50.0),
                Transaction.of("A", weeksBefore(2), 30.0),
                Transaction.of("A", weeksBefore(1), -20.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClvCalculator.historical(log, weekly().withLifespan(10)));
        assertTrue(e.getMessage().contains("refund") && e.getMessage().contains("A"), e.getMessage());

        CustomerClv dropped = ClvCalculator.historical(log, weekly().withLifespan(10)
                .withRefundPolicy(RefundPolicy.DROP)).customer("A").orElseThrow();
        assertEquals(2, dropped.orders());
        assertEquals(80.0, dropped.revenue(), 0.0);

        CustomerClv netted = ClvCalculator.historical(log, weekly().withLifespan(10)
                .withRefundPolicy(RefundPolicy.NET)).customer("A").orElseThrow();
        assertEquals(2, netted.orders());                         // a refund is never an order
        assertEquals(60.0, netted.revenue(), 0.0);
        assertEquals(30.0, netted.averageOrderValue(), 0.0);
        assertEquals(30.0 * 0.5 * 10, netted.clv(), 1e-12);       // 2 orders / 4 weeks × 10 weeks
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ClvCalculator.historical(List.of(), weekly()));
        assertTrue(empty.getMessage().contains("no transactions"), empty.getMessage());

        IllegalArgumentException late = assertThrows(IllegalArgumentException.class,
                () -> ClvCalculator.historical(List.of(Transaction.of("A", END.plusDays(1), 5.0)), weekly()));
        assertTrue(late.getMessage().contains("after the observation end") && late.getMessage().contains("A"),
                late.getMessage());

        assertMessage("margin=1.5", () -> weekly().withMargin(1.5));
        assertMessage("margin=NaN", () -> weekly().withMargin(Double.NaN));
        assertMessage("acquisitionCost=-1.0", () -> weekly().withAcquisitionCost(-1));
        assertMessage("lifespan=0.0", () -> weekly().withLifespan(0));
        assertMessage("lifespan=Infinity", () -> weekly().withLifespan(Double.POSITIVE_INFINITY));
        assertMessage("churnThreshold=-2.0", () -> weekly().withChurnThreshold(-2));
        assertMessage("discountRate=NaN", () -> weekly().withDiscountRate(Double.NaN));
        assertMessage("discountRate=-0.1", () -> weekly().withDiscountRate(-0.1));
        assertMessage("segmentAttribute=' '", () -> weekly().withSegmentAttribute(" "));
        assertMessage("customerId=A", () -> weekly().withCustomers(List.of(CustomerRecord.of("A"),
                CustomerRecord.of("A"))));
    }

    @Test
    void optionsAreImmutableCopies() {
        HistoricalClvOptions base = HistoricalClvOptions.defaults();
        HistoricalClvOptions changed = base.withMargin(0.2).withLifespan(4).withDiscountRate(0.05);
        assertEquals(1.0, base.margin(), 0.0);
        assertTrue(base.lifespan().isEmpty());
        assertEquals(0.2, changed.margin(), 0.0);
        assertEquals(4.0, changed.lifespan().getAsDouble(), 0.0);
        assertTrue(changed.withEstimatedLifespan().lifespan().isEmpty());
        assertEquals(TimeUnit.YEAR, base.timeUnit());
        assertEquals(1.0, base.churnThreshold(), 0.0);                  // one year, in years
        assertEquals(12.0, base.withTimeUnit(TimeUnit.MONTH).churnThreshold(), 1e-12);
        assertEquals(RefundPolicy.REJECT, base.refundPolicy());
        assertFalse(base.observationEnd().isPresent());
    }

    static void assertMessage(String expectedPart, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expectedPart), () -> "expected '" + expectedPart + "' in: "
                + e.getMessage());
    }
}
