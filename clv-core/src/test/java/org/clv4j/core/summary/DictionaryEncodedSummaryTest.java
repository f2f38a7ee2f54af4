package org.clv4j.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clv4j.core.Transaction;
import org.junit.jupiter.api.Test;

/**
 * The dictionary-encoded entry point ({@code addAll(dictionary, codes, days, amounts, from, to)}) against the id
 * column entry point on the same rows: the same summaries in the same order, on logs large enough to be partitioned
 * and on small ones, and the same first error in input order.
 */
class DictionaryEncodedSummaryTest {

    /** A log's columns, its ids encoded as codes into a dictionary with extra entries no row uses. */
    private static final class Encoded {
        final String[] ids;
        final long[] days;
        final double[] amounts;
        final String[] dictionary;
        final int[] codes;

        Encoded(List<Transaction> log) {
            int n = log.size();
            ids = new String[n];
            days = new long[n];
            amounts = new double[n];
            codes = new int[n];
            List<String> entries = new ArrayList<>(List.of("  ", "unused"));
            entries.add(null);
            Map<String, Integer> codeOf = new HashMap<>();
            for (int i = 0; i < n; i++) {
                Transaction t = log.get(i);
                ids[i] = t.customerId();
                days[i] = t.date().toEpochDay();
                amounts[i] = t.amount();
                Integer code = codeOf.get(ids[i]);
                if (code == null) {
                    code = entries.size();
                    codeOf.put(ids[i], code);
                    entries.add(ids[i]);
                    entries.add(new String(ids[i].toCharArray())); // a second code for an equal id
                }
                codes[i] = code + (i % 3 == 0 ? 1 : 0); // rows use both codes of their customer
            }
            dictionary = entries.toArray(new String[0]);
        }

        List<CustomerSummary> byIds(SummaryOptions options) {
            SummaryAccumulator accumulator = SummaryAccumulator.create(options);
            accumulator.addAll(ids, days, amounts, 0, ids.length);
            return accumulator.finish();
        }

        List<CustomerSummary> byCodes(SummaryOptions options) {
            SummaryAccumulator accumulator = SummaryAccumulator.create(options);
            accumulator.addAll(dictionary, codes, days, amounts, 0, codes.length);
            return accumulator.finish();
        }
    }

    @Test
    void codesGiveTheSummariesOfTheIdsOnPartitionedAndSmallLogs() {
        Encoded large = new Encoded(LargeLogSummaryTest.dateOrderedLog(31, false));
        List<CustomerSummary> expected = large.byIds(LargeLogSummaryTest.options());
        assertTrue(expected.size() > 30_000, "enough customers to be partitioned");
        assertEquals(expected, large.byCodes(LargeLogSummaryTest.options()));

        Encoded small = new Encoded(LargeLogSummaryTest.dateOrderedLog(32, false).subList(0, 5_000));
        assertEquals(small.byIds(LargeLogSummaryTest.options()), small.byCodes(LargeLogSummaryTest.options()));

        // sorted by customer: runs of one customer, processed in input order
        List<Transaction> sorted = new ArrayList<>(LargeLogSummaryTest.dateOrderedLog(33, false));
        sorted.sort((a, b) -> a.customerId().equals(b.customerId()) ? a.date().compareTo(b.date())
                : a.customerId().compareTo(b.customerId()));
        Encoded runs = new Encoded(sorted);
        assertEquals(runs.byIds(LargeLogSummaryTest.options()), runs.byCodes(LargeLogSummaryTest.options()));
    }

    @Test
    void refundsAndEarlierRowsByIdGiveTheSameResult() {
        Encoded log = new Encoded(LargeLogSummaryTest.dateOrderedLog(34, true));
        for (RefundPolicy policy : new RefundPolicy[] {RefundPolicy.NET, RefundPolicy.DROP}) {
            SummaryOptions options = LargeLogSummaryTest.options().withRefundPolicy(policy);
            assertEquals(log.byIds(options), log.byCodes(options), policy.name());

            // the first 100,000 rows by id, the rest by code: customers already known by id are found by code
            SummaryAccumulator mixed = SummaryAccumulator.create(options);
            mixed.addAll(log.ids, log.days, log.amounts, 0, 100_000);
            mixed.addAll(log.dictionary, log.codes, log.days, log.amounts, 100_000, log.codes.length);
            assertEquals(log.byIds(options), mixed.finish(), policy.name());
        }
    }

    @Test
    void theFirstInvalidRowInInputOrderIsReported() {
        Encoded log = new Encoded(LargeLogSummaryTest.dateOrderedLog(35, false));
        SummaryOptions options = LargeLogSummaryTest.options();

        int[] outside = log.codes.clone();
        outside[100_000] = log.dictionary.length;
        outside[100_010] = -1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SummaryAccumulator
                .create(options).addAll(log.dictionary, outside, log.days, log.amounts, 0, outside.length));
        assertEquals("customer code outside the dictionary at row 100000: code=" + log.dictionary.length
                + ", dictionary size=" + log.dictionary.length, e.getMessage());

        int[] blankFirst = log.codes.clone();
        blankFirst[100_000] = 0; // "  "
        double[] nanLater = log.amounts.clone();
        nanLater[100_010] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> SummaryAccumulator.create(options)
                .addAll(log.dictionary, blankFirst, log.days, nanLater, 0, blankFirst.length));
        assertEquals("customer id must not be blank: customerId='  ', date=" + day(log, 100_000), e.getMessage());

        // among the first chunk's tens of thousands of new codes, which are looked up shard by shard
        int[] blankAmongNew = log.codes.clone();
        blankAmongNew[40_000] = 0;
        blankAmongNew[40_001] = 2;
        e = assertThrows(IllegalArgumentException.class, () -> SummaryAccumulator.create(options)
                .addAll(log.dictionary, blankAmongNew, log.days, log.amounts, 0, blankAmongNew.length));
        assertEquals("customer id must not be blank: customerId='  ', date=" + day(log, 40_000), e.getMessage());

        int[] nullLater = log.codes.clone();
        nullLater[100_010] = 2; // null
        double[] nanFirst = log.amounts.clone();
        nanFirst[100_000] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> SummaryAccumulator.create(options)
                .addAll(log.dictionary, nullLater, log.days, nanFirst, 0, nullLater.length));
        assertTrue(e.getMessage().startsWith("amount must be finite for customer " + log.ids[100_000]),
                e.getMessage());

        int[] nullOnly = log.codes.clone();
        nullOnly[100_010] = 2;
        e = assertThrows(IllegalArgumentException.class, () -> SummaryAccumulator.create(options)
                .addAll(log.dictionary, nullOnly, log.days, log.amounts, 0, nullOnly.length));
        assertEquals("customer id must not be blank: customerId='null', date=" + day(log, 100_010), e.getMessage());

        // a purchase inside a customer's known span of 3+ days: named like the id path names it
        int row = 200_000;
        java.util.TreeSet<Long> known = new java.util.TreeSet<>();
        for (int i = 0; i < row; i++) {
            if (log.ids[i].equals(log.ids[0])) {
                known.add(log.days[i]);
            }
        }
        assertTrue(known.size() >= 3 && known.last() - known.first() > known.size(), "a customer with a gap");
        long inside = known.first() + 1;
        while (known.contains(inside)) {
            inside++;
        }
        String[] ids = log.ids.clone();
        int[] codes = log.codes.clone();
        long[] days = log.days.clone();
        ids[row] = log.ids[0];
        codes[row] = log.codes[0];
        days[row] = inside;
        IllegalArgumentException byIds = assertThrows(IllegalArgumentException.class, () -> SummaryAccumulator
                .create(options).addAll(ids, days, log.amounts, 0, days.length));
        e = assertThrows(IllegalArgumentException.class, () -> SummaryAccumulator.create(options)
                .addAll(log.dictionary, codes, days, log.amounts, 0, days.length));
        assertEquals(byIds.getMessage(), e.getMessage());
        assertTrue(e.getMessage().contains("out of date order"), e.getMessage());
    }

    @Test
    void ofTwoRowsOutOfOrderInDifferentShardsTheEarlierInInputOrderIsReported() {
        Encoded log = new Encoded(LargeLogSummaryTest.dateOrderedLog(35, false));
        SummaryOptions options = LargeLogSummaryTest.options();
        int row = 200_000;
        // the first customer (the lowest ordinal, the first shard) and the last to appear before 100,000 rows
        // (a high ordinal, a late shard)
        String first = log.ids[0];
        java.util.Set<String> seen = new java.util.HashSet<>();
        String late = null;
        for (int i = 0; i < 100_000; i++) {
            if (seen.add(log.ids[i])) {
                late = log.ids[i];
            }
        }
        for (String[] pair : new String[][] {{first, late}, {late, first}}) {
            String[] ids = log.ids.clone();
            int[] codes = log.codes.clone();
            long[] days = log.days.clone();
            for (int k = 0; k < 2; k++) {
                int at = row + k;
                ids[at] = pair[k];
                codes[at] = codeOf(log, pair[k]);
                days[at] = dayInsideKnownSpan(log, pair[k], row);
            }
            IllegalArgumentException byIds = assertThrows(IllegalArgumentException.class, () -> SummaryAccumulator
                    .create(options).addAll(ids, days, log.amounts, 0, days.length));
            IllegalArgumentException byCodes = assertThrows(IllegalArgumentException.class, () -> SummaryAccumulator
                    .create(options).addAll(log.dictionary, codes, days, log.amounts, 0, days.length));
            assertTrue(byCodes.getMessage().contains("customer " + pair[0] + ":")
                    || byCodes.getMessage().contains("customer " + pair[0] + " "), byCodes.getMessage());
            assertEquals(byIds.getMessage(), byCodes.getMessage());
        }
    }

    private static int codeOf(Encoded log, String id) {
        for (int i = 0; i < log.ids.length; i++) {
            if (log.ids[i].equals(id)) {
                return log.codes[i];
            }
        }
        throw new AssertionError(id);
    }

    /** A day between a customer's first and last purchase days before {@code row}, on which it bought nothing. */
    private static long dayInsideKnownSpan(Encoded log, String id, int row) {
        java.util.TreeSet<Long> known = new java.util.TreeSet<>();
        for (int i = 0; i < row; i++) {
            if (log.ids[i].equals(id)) {
                known.add(log.days[i]);
            }
        }
        assertTrue(known.size() >= 3 && known.last() - known.first() > known.size(), "a customer with a gap: " + id);
        long inside = known.first() + 1;
        while (known.contains(inside)) {
            inside++;
        }
        return inside;
    }

    private static java.time.LocalDate day(Encoded log, int row) {
        return java.time.LocalDate.ofEpochDay(log.days[row]);
    }
}
