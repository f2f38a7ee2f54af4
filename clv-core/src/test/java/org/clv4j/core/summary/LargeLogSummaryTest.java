package org.clv4j.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.Transaction;
import org.junit.jupiter.api.Test;

/**
 * Logs large enough (more than 16,384 customers, more than one chunk) for the bulk entry points to partition rows
 * by customer shard. Each result is checked against a brute-force group-by of the whole log, and against adding the
 * rows one at a time; errors must name the first invalid row in input order, as a row-by-row pass would.
 */
class LargeLogSummaryTest {

    static final LocalDate START = LocalDate.of(2023, 1, 1);
    static final int DAYS = 400;

    /** A log in date order: 300,000 rows over 40,000 customers, ids as separate strings per row (as a reader makes). */
    static List<Transaction> dateOrderedLog(long seed, boolean withRefunds) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Transaction> log = new ArrayList<>();
        int rows = 300_000;
        for (int k = 0; k < rows; k++) {
            int day = (int) ((long) k * DAYS / rows);
            if (withRefunds && k > 0 && day <= DAYS / 2 && random.nextInt(50) == 0) {
                // a small refund by the customer of the previous row, who has just bought at least 1.00
                log.add(Transaction.of(log.get(k - 1).customerId(), START.plusDays(day), -0.01));
                continue;
            }
            String id = new String(("c" + random.nextInt(40_000)).toCharArray());
            double amount = Math.round(random.nextDouble(withRefunds ? 1.0 : 0.0, 100.0) * 100.0) / 100.0;
            log.add(Transaction.of(id, START.plusDays(day), amount));
        }
        return log;
    }

    static SummaryOptions options() {
        return SummaryOptions.defaults().withTimeUnit(TimeUnit.WEEK).withObservationEnd(START.plusDays(DAYS))
                .withCalibrationEnd(START.plusDays(DAYS / 2));
    }

    @Test
    void partitionedBulkPathsAgreeWithABruteForceGroupByAndWithRowByRowAdds() {
        List<Transaction> log = dateOrderedLog(11, false);
        SummaryOptions options = options();
        List<CustomerSummary> bulk = CustomerSummaries.summarize(log, options);

        SummaryAccumulator rowByRow = SummaryAccumulator.create(options);
        log.forEach(rowByRow::add);
        assertEquals(rowByRow.finish(), bulk, "same summaries in the same order (first appearance)");

        SummaryAccumulator columns = SummaryAccumulator.create(options);
        String[] ids = log.stream().map(Transaction::customerId).toArray(String[]::new);
        long[] days = log.stream().mapToLong(t -> t.date().toEpochDay()).toArray();
        double[] amounts = log.stream().mapToDouble(Transaction::amount).toArray();
        columns.addAll(ids, days, amounts, 0, ids.length);
        assertEquals(bulk, columns.finish());

        // brute force: every customer's purchase days, in order of first appearance
        Map<String, TreeMap<Long, double[]>> byCustomer = new LinkedHashMap<>();
        for (Transaction t : log) {
            double[] day = byCustomer.computeIfAbsent(t.customerId(), k -> new TreeMap<>())
                    .computeIfAbsent(t.date().toEpochDay(), k -> new double[2]);
            day[0] += t.amount();
            day[1]++;
        }
        long calibrationEnd = START.plusDays(DAYS / 2).toEpochDay();
        List<String> expectedOrder = new ArrayList<>();
        Map<String, CustomerSummary> actual = new HashMap<>();
        bulk.forEach(s -> actual.put(s.customerId(), s));
        for (Map.Entry<String, TreeMap<Long, double[]>> e : byCustomer.entrySet()) {
            TreeMap<Long, double[]> purchaseDays = e.getValue();
            long first = purchaseDays.firstKey();
            if (first > calibrationEnd) {
                continue;
            }
            expectedOrder.add(e.getKey());
            NavigableMap<Long, double[]> calibration = purchaseDays.headMap(calibrationEnd, true);
            Map<Long, double[]> holdout = purchaseDays.tailMap(calibrationEnd, false);
            double repeat = calibration.entrySet().stream().filter(d -> d.getKey() != first)
                    .mapToDouble(d -> d.getValue()[0]).sum();
            int orders = (int) calibration.values().stream().mapToDouble(d -> d[1]).sum();
            long last = calibration.lastKey();
            CustomerSummary s = actual.get(e.getKey());
            String who = "customer " + e.getKey();
            assertEquals(calibration.size() - 1, s.frequency(), who);
            assertEquals((last - first) / 7.0, s.recency(), 1e-12, who);
            assertEquals((calibrationEnd - first) / 7.0, s.T(), 1e-12, who);
            assertEquals(calibration.size() > 1 ? repeat / (calibration.size() - 1) : 0.0, s.monetaryValue(),
                    1e-9, who);
            assertEquals(orders, s.orders(), who);
            assertEquals(holdout.size(), s.holdout().orElseThrow().frequency(), who);
        }
        assertEquals(expectedOrder, bulk.stream().map(CustomerSummary::customerId).toList());
        assertTrue(bulk.size() > 30_000, "the log must have enough customers to be partitioned");
    }

    @Test
    void nettedAndDroppedRefundsGiveTheSameResultOnEveryPath() {
        List<Transaction> log = dateOrderedLog(12, true);
        for (RefundPolicy policy : new RefundPolicy[] {RefundPolicy.NET, RefundPolicy.DROP}) {
            SummaryOptions options = options().withRefundPolicy(policy);
            SummaryAccumulator rowByRow = SummaryAccumulator.create(options);
            log.forEach(rowByRow::add);
            SummaryAccumulator bulk = SummaryAccumulator.create(options);
            bulk.addAll(log);
            assertEquals(rowByRow.transactionCount(), bulk.transactionCount(), policy.name());
            assertEquals(rowByRow.finish(), bulk.finish(), policy.name());
        }
    }

    /** The log with row {@code row} replaced. */
    static List<Transaction> with(List<Transaction> log, int row, Transaction replacement) {
        List<Transaction> copy = new ArrayList<>(log);
        copy.set(row, replacement);
        return copy;
    }

    @Test
    void theFirstInvalidRowInInputOrderIsReportedFromAPartitionedChunk() {
        // rows from 65,536 on form the second chunk, partitioned (by then 30,000+ customers are known)
        List<Transaction> log = dateOrderedLog(13, false);
        String[] ids = log.stream().map(Transaction::customerId).toArray(String[]::new);
        long[] days = log.stream().mapToLong(t -> t.date().toEpochDay()).toArray();
        double[] amounts = log.stream().mapToDouble(Transaction::amount).toArray();

        String[] blankFirst = ids.clone();
        blankFirst[100_000] = "  ";
        double[] nanLater = amounts.clone();
        nanLater[100_010] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SummaryAccumulator.create(options()).addAll(blankFirst, days, nanLater, 0, ids.length));
        assertTrue(e.getMessage().contains("customer id must not be blank"), e.getMessage());

        String[] blankLater = ids.clone();
        blankLater[100_010] = "  ";
        double[] nanFirst = amounts.clone();
        nanFirst[100_000] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class,
                () -> SummaryAccumulator.create(options()).addAll(blankLater, days, nanFirst, 0, ids.length));
        assertTrue(e.getMessage().contains("amount must be finite for customer " + ids[100_000]), e.getMessage());

        // a purchase dated inside a customer's known span of 3+ days fails an accumulator without a second pass
        String regular = log.subList(0, 100_000).stream().map(Transaction::customerId)
                .filter(id -> log.subList(0, 100_000).stream().filter(t -> t.customerId().equals(id))
                        .map(Transaction::date).distinct().count() >= 3)
                .findFirst().orElseThrow();
        List<Transaction> outOfOrder = with(log, 100_000, Transaction.of(regular, START.plusDays(1), 1.0));
        String[] outOfOrderIds = outOfOrder.stream().map(Transaction::customerId).toArray(String[]::new);
        long[] outOfOrderDays = outOfOrder.stream().mapToLong(t -> t.date().toEpochDay()).toArray();
        outOfOrderIds[100_010] = " ";
        e = assertThrows(IllegalArgumentException.class, () -> SummaryAccumulator.create(options())
                .addAll(outOfOrderIds, outOfOrderDays, amounts, 0, ids.length));
        assertTrue(e.getMessage().contains("customer " + regular + " are out of date order"), e.getMessage());
        // ... while summarize makes its second pass and agrees with a sorted log
        List<Transaction> sorted = new ArrayList<>(outOfOrder.subList(0, 100_010));
        sorted.sort((a, b) -> a.date().compareTo(b.date()));
        assertEquals(SummaryAccumulatorTest.sortById(CustomerSummaries.summarize(sorted, options())),
                SummaryAccumulatorTest.sortById(CustomerSummaries.summarize(outOfOrder.subList(0, 100_010),
                        options())));
    }
}
