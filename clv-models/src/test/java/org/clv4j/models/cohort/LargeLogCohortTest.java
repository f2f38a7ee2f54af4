package org.clv4j.models.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.clv4j.core.Transaction;
import org.clv4j.models.rfm.RfmAnalysis;
import org.clv4j.models.rfm.RfmValues;
import org.junit.jupiter.api.Test;

/**
 * Logs large enough (more than 16,384 customers, more than one 65,536-row chunk) for the activity log behind cohort
 * tables, retention and RFM to record rows shard by shard. Checked cell by cell against the naive group-by of
 * {@link BruteForceCohorts}, and RFM values against a direct computation.
 */
class LargeLogCohortTest {

    static final LocalDate START = LocalDate.of(2022, 1, 1);
    static final int DAYS = 730;

    /** 300,000 rows in date order over 40,000 customers, each row's id its own string (as a reader makes them). */
    static List<Transaction> dateOrderedLog(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Transaction> log = new ArrayList<>();
        int rows = 300_000;
        for (int k = 0; k < rows; k++) {
            int day = (int) ((long) k * DAYS / rows);
            String id = new String(("C" + random.nextInt(40_000)).toCharArray());
            log.add(Transaction.of(id, START.plusDays(day), (100 + random.nextInt(10_000)) / 100.0));
        }
        return log;
    }

    @Test
    void monthlyAndWeeklyTablesMatchTheNaiveGroupBy() {
        List<Transaction> log = dateOrderedLog(21);
        for (CohortUnit unit : new CohortUnit[] {CohortUnit.MONTH, CohortUnit.WEEK}) {
            CohortTable table = CohortAnalysis.withDefaults().withUnit(unit).compute(log);
            OnlineRetailCohortTest.assertInvariants(table, log);
            OnlineRetailCohortTest.assertMatchesBruteForce(table, log, unit);
            assertTrue(table.customers() > 30_000, "enough customers to be partitioned");
        }
    }

    @Test
    void rfmValuesMatchADirectComputation() {
        List<Transaction> log = dateOrderedLog(22);
        LocalDate end = START.plusDays(DAYS);
        Map<String, long[]> lastAndOrders = new HashMap<>();
        Map<String, Double> spend = new HashMap<>();
        for (Transaction t : log) {
            long[] v = lastAndOrders.computeIfAbsent(t.customerId(), k -> new long[2]);
            v[0] = Math.max(v[0], t.date().toEpochDay());
            v[1]++;
            spend.merge(t.customerId(), t.amount(), Double::sum);
        }
        List<RfmValues> values = RfmAnalysis.withDefaults().withObservationEnd(end).values(log);
        assertEquals(lastAndOrders.size(), values.size());
        for (RfmValues v : values) {
            long[] expected = lastAndOrders.get(v.customerId());
            assertEquals(end.toEpochDay() - expected[0], v.recencyDays(), v.customerId());
            assertEquals(expected[1], v.frequency(), v.customerId());
            assertEquals(spend.get(v.customerId()), v.monetary(), 1e-9 * spend.get(v.customerId()), v.customerId());
        }
    }

    /** A transaction that skips the record's validation, as a user's own {@link Transaction} may. */
    static Transaction raw(String id, LocalDate date, double amount) {
        return new Transaction() {
            @Override
            public String customerId() {
                return id;
            }

            @Override
            public LocalDate date() {
                return date;
            }

            @Override
            public double amount() {
                return amount;
            }
        };
    }

    @Test
    void theFirstInvalidRowInInputOrderIsReportedFromAPartitionedChunk() {
        List<Transaction> log = dateOrderedLog(23);
        LocalDate day = log.get(100_000).date();
        LocalDate end = log.get(log.size() - 1).date();
        List<Transaction> blankFirst = new ArrayList<>(log);
        blankFirst.set(100_000, raw(" ", day, 1.0));
        blankFirst.set(100_010, raw("C7", end.plusDays(1), 1.0));
        CohortAnalysis analysis = CohortAnalysis.withDefaults().withObservationEnd(end);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> analysis.compute(blankFirst));
        assertEquals("customer id must not be blank: customerId=' ', date=" + day, e.getMessage());

        // two blank ids, in both orders: in one of them the later row's shard comes first (their shards differ)
        String[][] blanks = {{"", "\t "}, {"\t ", ""}};
        for (String[] pair : blanks) {
            List<Transaction> twoBlanks = new ArrayList<>(log);
            twoBlanks.set(100_000, raw(pair[0], day, 1.0));
            twoBlanks.set(100_007, raw(pair[1], day, 1.0));
            e = assertThrows(IllegalArgumentException.class, () -> analysis.compute(twoBlanks));
            assertEquals("customer id must not be blank: customerId='" + pair[0] + "', date=" + day, e.getMessage());
        }

        List<Transaction> lateFirst = new ArrayList<>(log);
        lateFirst.set(100_000, raw("C7", end.plusDays(1), 1.0));
        lateFirst.set(100_010, raw(" ", day, 1.0));
        e = assertThrows(IllegalArgumentException.class, () -> analysis.compute(lateFirst));
        assertTrue(e.getMessage().startsWith("transaction after the observation end for customer C7"), e.getMessage());
    }
}
