package org.clv4j.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.Transaction;
import org.junit.jupiter.api.Test;

/** Hand-computed summaries: each expected value is worked out in the comment next to it. */
class SummaryAccumulatorTest {

    static final LocalDate JAN1 = LocalDate.of(2024, 1, 1);

    static Transaction t(String id, int dayOffset, double amount) {
        return Transaction.of(id, JAN1.plusDays(dayOffset), amount);
    }

    static SummaryOptions daysTo(int dayOffset) {
        return SummaryOptions.defaults().withObservationEnd(JAN1.plusDays(dayOffset));
    }

    @Test
    void firstPurchaseDatesAreRightWhateverTheirSpread() {
        // days within a few years (one shared date per day), centuries apart, and farther apart than the span the
        // summaries share dates over (2^20 days, about 2,870 years)
        LocalDate[] firsts = {LocalDate.of(2024, 1, 1), LocalDate.of(2023, 12, 31), LocalDate.of(1800, 6, 1),
            LocalDate.of(2024, 1, 1), LocalDate.of(-3000, 1, 1), LocalDate.of(2200, 2, 28), LocalDate.of(1800, 6, 1)};
        List<Transaction> log = new ArrayList<>();
        for (int i = 0; i < firsts.length; i++) {
            log.add(Transaction.of("c" + i, firsts[i], 1.0));
        }
        log.sort(java.util.Comparator.comparing(Transaction::date));
        SummaryOptions options = SummaryOptions.defaults().withObservationEnd(LocalDate.of(2200, 3, 1));
        for (CustomerSummary s : CustomerSummaries.summarize(log, options)) {
            int i = Integer.parseInt(s.customerId().substring(1));
            assertEquals(java.util.Optional.of(firsts[i]), s.firstPurchase(), s.customerId());
            assertEquals(options.observationEnd().get().toEpochDay() - firsts[i].toEpochDay(), s.T(), 0.0,
                    s.customerId());
        }
        // 5,000 first days three days apart, met in increasing order (the shared dates' table grows as they come)
        List<Transaction> spread = new ArrayList<>();
        LocalDate start = LocalDate.of(1990, 1, 1);
        for (int k = 0; k < 5000; k++) {
            spread.add(Transaction.of("d" + k, start.plusDays(3L * k), 1.0));
        }
        List<CustomerSummary> summaries = CustomerSummaries.summarize(spread,
                SummaryOptions.defaults().withObservationEnd(start.plusDays(15_000)));
        for (int k = 0; k < 5000; k++) {
            assertEquals(java.util.Optional.of(start.plusDays(3L * k)), summaries.get(k).firstPurchase());
        }
    }

    @Test
    void sameDayPurchasesMergeAndTheFirstDayIsNotARepeat() {
        List<Transaction> log = List.of(t("a", 0, 10), t("a", 0, 5), t("a", 7, 20), t("a", 7, 2), t("a", 14, 30));
        CustomerSummary s = CustomerSummaries.summarize(log, daysTo(28)).get(0);
        // purchase days 0, 7, 14 → 2 repeat days; recency 14; T 28; repeat spend (22 + 30) / 2 = 26
        assertEquals(2, s.frequency());
        assertEquals(14.0, s.recency());
        assertEquals(28.0, s.T());
        assertEquals(26.0, s.monetaryValue());
        assertEquals(5, s.orders());
        assertEquals(67.0, s.totalSpend());
        assertEquals(JAN1, s.firstPurchase().orElseThrow());
    }

    @Test
    void weeksAreDaysOverSeven() {
        CustomerSummary s = CustomerSummaries.summarize(List.of(t("a", 0, 1), t("a", 10, 1)),
                daysTo(21).withTimeUnit(TimeUnit.WEEK)).get(0);
        assertEquals(10.0 / 7.0, s.recency(), 1e-15);
        assertEquals(3.0, s.T(), 1e-15);
        assertEquals(TimeUnit.WEEK, s.timeUnit());
    }

    @Test
    void zeroAmountOrdersAreOrders() {
        CustomerSummary s = CustomerSummaries.summarize(List.of(t("a", 0, 0), t("a", 3, 0)), daysTo(5)).get(0);
        assertEquals(1, s.frequency());
        assertEquals(0.0, s.monetaryValue());
        assertEquals(2, s.orders());
    }

    @Test
    void observationEndDefaultsToTheLatestTransaction() {
        List<CustomerSummary> s = CustomerSummaries.summarize(List.of(t("a", 0, 1), t("b", 9, 1)),
                SummaryOptions.defaults());
        assertEquals(9.0, s.get(0).T());
        assertEquals(0.0, s.get(1).T());
    }

    @Test
    void holdoutCountsPurchaseDaysAfterTheCalibrationEnd() {
        SummaryOptions options = daysTo(20).withCalibrationEnd(JAN1.plusDays(10));
        List<Transaction> log = List.of(t("a", 0, 1), t("a", 5, 3), t("a", 12, 4), t("a", 12, 6), t("a", 20, 2),
                t("late", 15, 9));
        List<CustomerSummary> s = CustomerSummaries.summarize(log, options);
        assertEquals(1, s.size(), "a customer whose first purchase is in the holdout has no calibration summary");
        CustomerSummary a = s.get(0);
        assertEquals(1, a.frequency());
        assertEquals(5.0, a.recency());
        assertEquals(10.0, a.T());
        assertEquals(3.0, a.monetaryValue());
        // holdout days 12 (4 + 6) and 20 (2): 2 days, mean (10 + 2) / 2 = 6
        assertEquals(new Holdout(2, 6.0, 10.0), a.holdout().orElseThrow());
        assertEquals(2, a.orders());
    }

    @Test
    void refundsAreRejectedByDefaultWithTheOptionNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CustomerSummaries.summarize(List.of(t("a", 0, 10), t("a", 2, -4)), daysTo(5)));
        assertTrue(e.getMessage().contains("customer a"), e.getMessage());
        assertTrue(e.getMessage().contains("RefundPolicy.DROP"), e.getMessage());
        assertTrue(e.getMessage().contains("amount=-4.0"), e.getMessage());
    }

    @Test
    void refundsCanBeDroppedOrNetted() {
        List<Transaction> log = List.of(t("a", 0, 10), t("a", 2, 30), t("a", 3, -4), t("a", 4, 20));
        CustomerSummary dropped = CustomerSummaries.summarize(log,
                daysTo(5).withRefundPolicy(RefundPolicy.DROP)).get(0);
        assertEquals(2, dropped.frequency());
        assertEquals(25.0, dropped.monetaryValue());
        CustomerSummary netted = CustomerSummaries.summarize(log,
                daysTo(5).withRefundPolicy(RefundPolicy.NET)).get(0);
        // repeat spend 30 + 20 − 4 = 46 over 2 repeat days
        assertEquals(2, netted.frequency());
        assertEquals(23.0, netted.monetaryValue());
        assertEquals(56.0, netted.totalSpend());
        assertEquals(3, netted.orders(), "a refund is not an order");
        assertThrows(IllegalArgumentException.class, () -> CustomerSummaries.summarize(
                List.of(t("a", 0, 10), t("a", 1, -11)), daysTo(5).withRefundPolicy(RefundPolicy.NET)));
        // a customer with nothing but dropped refunds is not a customer of the window
        assertEquals(List.of("a"), CustomerSummaries.summarize(List.of(t("a", 0, 10), t("r", 1, -5)),
                daysTo(5).withRefundPolicy(RefundPolicy.DROP)).stream().map(CustomerSummary::customerId).toList());
    }

    @Test
    void monetaryValueIsSummedNotSubtracted() {
        // 11.77 as total − first day would print as 11.769999999999996
        CustomerSummary s = CustomerSummaries.summarize(List.of(t("a", 0, 29.33), t("a", 5, 11.77)),
                daysTo(9)).get(0);
        assertEquals("11.77", Double.toString(s.monetaryValue()));
    }

    @Test
    void transactionsAfterTheObservationEndAreErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CustomerSummaries.summarize(List.of(t("a", 0, 1), t("a", 9, 1)), daysTo(5)));
        assertTrue(e.getMessage().contains("customer a") && e.getMessage().contains("2024-01-10"), e.getMessage());
    }

    @Test
    void calibrationEndMustPrecedeTheObservationEnd() {
        assertThrows(IllegalArgumentException.class,
                () -> daysTo(5).withCalibrationEnd(JAN1.plusDays(6)));
        assertThrows(IllegalArgumentException.class, () -> CustomerSummaries.summarize(List.of(t("a", 0, 1)),
                SummaryOptions.defaults().withCalibrationEnd(JAN1.plusDays(3))));
    }

    @Test
    void blankIdsAndNonFiniteAmountsAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> t(" ", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> t("a", 0, Double.NaN));
        SummaryAccumulator acc = SummaryAccumulator.create(daysTo(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> acc.add("", 0L, 1.0));
        assertTrue(e.getMessage().contains("blank"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> acc.add("a", 0L, Double.POSITIVE_INFINITY));
    }

    @Test
    void emptyInputGivesNoSummaries() {
        assertTrue(CustomerSummaries.summarize(List.of(), SummaryOptions.defaults()).isEmpty());
    }

    @Test
    void outOfOrderTransactionsFailTheCollectorButNotSummarize() {
        List<Transaction> log = List.of(t("a", 0, 1), t("a", 5, 1), t("a", 9, 1), t("a", 5, 2), t("a", 7, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> log.stream().collect(SummaryAccumulator.collector(daysTo(10))));
        assertTrue(e.getMessage().contains("out of date order"), e.getMessage());
        CustomerSummary s = CustomerSummaries.summarize(log, daysTo(10)).get(0);
        // days 0, 5 (1 + 2), 7, 9 → 3 repeat days, spend (3 + 4 + 1) / 3
        assertEquals(3, s.frequency());
        assertEquals(8.0 / 3.0, s.monetaryValue(), 1e-15);
        assertEquals(9.0, s.recency());
        assertEquals(5, s.orders());
    }

    @Test
    void anyOrderGivesTheSameSummariesAsSortedInput() {
        Random random = new Random(1);
        List<Transaction> log = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            log.add(t("c" + random.nextInt(200), random.nextInt(60), random.nextInt(50)));
        }
        SummaryOptions options = daysTo(90).withCalibrationEnd(JAN1.plusDays(40));
        List<Transaction> sorted = new ArrayList<>(log);
        sorted.sort((a, b) -> a.date().compareTo(b.date()));
        List<CustomerSummary> expected = sortById(CustomerSummaries.summarize(sorted, options));
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(log, random);
            assertEquals(expected, sortById(CustomerSummaries.summarize(log, options)));
        }
        assertEquals(expected, sortById(sorted.parallelStream().collect(SummaryAccumulator.collector(options))));
    }

    @Test
    void brutForceSummariesAgreeOnRandomLogs() {
        Random random = new Random(3);
        List<Transaction> log = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            log.add(t("c" + random.nextInt(100), random.nextInt(30), random.nextInt(20)));
        }
        for (CustomerSummary s : CustomerSummaries.summarize(log, daysTo(30))) {
            java.util.TreeMap<LocalDate, Double> days = new java.util.TreeMap<>();
            int orders = 0;
            for (Transaction tr : log) {
                if (tr.customerId().equals(s.customerId())) {
                    days.merge(tr.date(), tr.amount(), Double::sum);
                    orders++;
                }
            }
            assertEquals(days.size() - 1, s.frequency());
            assertEquals(orders, s.orders());
            double repeat = days.values().stream().skip(1).mapToDouble(Double::doubleValue).sum();
            assertEquals(days.size() > 1 ? repeat / (days.size() - 1) : 0.0, s.monetaryValue(), 1e-12);
            assertEquals(days.lastKey().toEpochDay() - days.firstKey().toEpochDay(), s.recency());
        }
    }

    @Test
    void oneCustomerWithAHundredThousandPurchases() {
        SummaryAccumulator acc = SummaryAccumulator.create(daysTo(100_000));
        for (int i = 0; i <= 100_000; i++) {
            acc.add("whale", JAN1.toEpochDay() + i, 1.5);
        }
        CustomerSummary s = acc.finish().get(0);
        assertEquals(100_000, s.frequency());
        assertEquals(1.5, s.monetaryValue());
        assertEquals(s.T(), s.recency());
        assertEquals(1, acc.customerCount());
    }

    @Test
    void combiningAccumulatorsThatShareABoundaryDay() {
        SummaryAccumulator left = SummaryAccumulator.create(daysTo(10));
        left.add("a", JAN1, 1.0);
        left.add("a", JAN1.plusDays(3), 2.0);
        SummaryAccumulator right = SummaryAccumulator.create(daysTo(10));
        right.add("a", JAN1.plusDays(3), 4.0);
        right.add("a", JAN1.plusDays(6), 8.0);
        right.add("b", JAN1.plusDays(6), 8.0);
        List<CustomerSummary> s = left.combine(right).finish();
        // days 0, 3 (2 + 4), 6 → 2 repeat days with mean (6 + 8) / 2
        assertEquals(2, s.get(0).frequency());
        assertEquals(7.0, s.get(0).monetaryValue());
        assertEquals(4, s.get(0).orders());
        assertEquals("b", s.get(1).customerId());
        assertFalse(s.get(1).holdout().isPresent());
    }

    static List<CustomerSummary> sortById(List<CustomerSummary> list) {
        List<CustomerSummary> copy = new ArrayList<>(list);
        copy.sort((a, b) -> a.customerId().compareTo(b.customerId()));
        return copy;
    }
}
