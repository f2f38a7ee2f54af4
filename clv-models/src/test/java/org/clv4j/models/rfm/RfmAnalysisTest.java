package org.clv4j.models.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.clv4j.core.Transaction;
import org.clv4j.core.summary.CustomerSummaries;
import org.clv4j.core.summary.CustomerSummary;
import org.clv4j.core.summary.RefundPolicy;
import org.clv4j.core.summary.SummaryOptions;
import org.junit.jupiter.api.Test;

class RfmAnalysisTest {

    /** Ten customers; the quintile ranks and scores are worked out by hand in {@link #handScoredQuintiles()}. */
    static final List<RfmValues> TEN = List.of(
            new RfmValues("a", 5, 1, 10), new RfmValues("b", 50, 1, 20), new RfmValues("c", 10, 1, 30),
            new RfmValues("d", 200, 2, 40), new RfmValues("e", 1, 2, 50), new RfmValues("f", 30, 3, 60),
            new RfmValues("g", 30, 5, 70), new RfmValues("h", 400, 8, 80), new RfmValues("i", 0, 1, 90),
            new RfmValues("j", 90, 12, 100));

    static void assertScore(RfmTable table, String id, int r, int f, int m, RfmSegment segment) {
        RfmScore s = table.score(id).orElseThrow();
        assertEquals(r, s.recencyScore(), id + " R");
        assertEquals(f, s.frequencyScore(), id + " F");
        assertEquals(m, s.monetaryScore(), id + " M");
        assertEquals(segment, s.segment(), id + " segment");
        assertEquals("" + r + f + m, s.code());
    }

    @Test
    void handScoredQuintiles() {
        // n = 10: ranks 0-1 → 1, 2-3 → 2, 4-5 → 3, 6-7 → 4, 8-9 → 5.
        // R by decreasing days: h 400, d 200, j 90, b 50, f 30, g 30 (tie: f first), c 10, a 5, e 1, i 0
        // F by increasing orders: a 1, b 1, c 1, i 1 (ties by id), d 2, e 2, f 3, g 5, h 8, j 12
        // M by increasing spend: a .. j
        RfmTable table = RfmAnalysis.score(TEN);
        assertScore(table, "a", 4, 1, 1, RfmSegment.PROMISING); // FM = (1+1+1)/2 = 1
        assertScore(table, "b", 2, 1, 1, RfmSegment.HIBERNATING);
        assertScore(table, "c", 4, 2, 2, RfmSegment.POTENTIAL_LOYALISTS);
        assertScore(table, "d", 1, 3, 2, RfmSegment.AT_RISK); // FM = (3+2+1)/2 = 3
        assertScore(table, "e", 5, 3, 3, RfmSegment.POTENTIAL_LOYALISTS);
        assertScore(table, "f", 3, 4, 3, RfmSegment.LOYAL); // FM = 4
        assertScore(table, "g", 3, 4, 4, RfmSegment.LOYAL);
        assertScore(table, "h", 1, 5, 4, RfmSegment.CANT_LOSE); // FM = 5
        assertScore(table, "i", 5, 2, 5, RfmSegment.CHAMPIONS); // FM = (2+5+1)/2 = 4
        assertScore(table, "j", 2, 5, 5, RfmSegment.CANT_LOSE);
        Map<RfmSegment, Integer> counts = table.segmentCounts();
        assertEquals(11, counts.size());
        assertEquals(2, counts.get(RfmSegment.CANT_LOSE));
        assertEquals(0, counts.get(RfmSegment.LOST));
        assertEquals(10, counts.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(table.observationEnd().isEmpty());
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"),
                table.scores().stream().map(RfmScore::customerId).toList());
    }

    @Test
    void theSegmentGridCoversEveryCellOnce() {
        String[] expected = {
            // FM = 1..5 for R = 5 (top) .. 1 (bottom), as documented on RfmSegment
            "new potential-loyalists potential-loyalists champions champions",
            "promising potential-loyalists potential-loyalists loyal loyal",
            "about-to-sleep about-to-sleep need-attention loyal loyal",
            "hibernating hibernating at-risk at-risk cant-lose",
            "lost lost at-risk at-risk cant-lose",
        };
        for (int r = 5; r >= 1; r--) {
            String[] row = expected[5 - r].split(" ");
            for (int fm = 1; fm <= 5; fm++) {
                assertEquals(row[fm - 1], RfmSegment.of(r, fm).id(), "R=" + r + " FM=" + fm);
            }
        }
        assertEquals("can't lose", RfmSegment.CANT_LOSE.label());
        assertEquals(3, RfmSegment.fm(2, 3)); // 2.5 rounds half up
        assertEquals(2, RfmSegment.fm(1, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RfmSegment.of(0, 3));
        assertEquals("recency score must be in 1..5: score=0", e.getMessage());
    }

    @Test
    void quintileGroupsDifferInSizeByAtMostOne() {
        for (int n = 1; n <= 60; n++) {
            double[] key = new double[n];
            for (int i = 0; i < n; i++) {
                key[i] = i % 3; // heavy ties
            }
            int[] score = RfmAnalysis.quintiles(key);
            int[] count = new int[6];
            for (int i = 0; i < n; i++) {
                count[score[i]]++;
                // ties resolved by index: within equal keys, scores never decrease with the index
                for (int j = 0; j < i; j++) {
                    if (key[j] == key[i]) {
                        assertTrue(score[j] <= score[i]);
                    }
                    if (key[j] < key[i]) {
                        assertTrue(score[j] <= score[i]);
                    }
                }
            }
            for (int s = 1; s <= 5; s++) {
                assertTrue(count[s] == n / 5 || count[s] == (n + 4) / 5, "n=" + n + " score " + s);
            }
        }
    }

    static Transaction tx(String id, String date, double amount) {
        return Transaction.of(id, LocalDate.parse(date), amount);
    }

    @Test
    void valuesFromTransactions() {
        List<Transaction> log = List.of(tx("x", "2024-01-01", 10), tx("x", "2024-01-01", 5),
                tx("x", "2024-03-01", 30), tx("y", "2024-02-15", 8), tx("z", "2024-03-31", 0));
        List<RfmValues> values = RfmAnalysis.withDefaults().values(log);
        // observation end = 2024-03-31; x: last 2024-03-01 → 30 days, 3 orders (two on one day), 45.0
        assertEquals(List.of(new RfmValues("x", 30, 3, 45.0), new RfmValues("y", 45, 1, 8.0),
                new RfmValues("z", 0, 1, 0.0)), values);
        List<RfmValues> average = RfmAnalysis.withDefaults().withMonetary(RfmMonetary.AVERAGE_ORDER)
                .withObservationEnd(LocalDate.of(2024, 4, 30)).values(log);
        assertEquals(new RfmValues("x", 60, 3, 15.0), average.get(0));
        RfmTable table = RfmAnalysis.withDefaults().compute(log);
        assertEquals(LocalDate.of(2024, 3, 31), table.observationEnd().orElseThrow());
        assertEquals("rfm", RfmAnalysis.withDefaults().name());
    }

    @Test
    void valuesAgreeWithCustomerSummariesAndBruteForce() {
        Random random = new Random(9);
        List<Transaction> log = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            log.add(Transaction.of("c" + random.nextInt(700), LocalDate.of(2023, 1, 1).plusDays(random.nextInt(365)),
                    Math.round(random.nextDouble() * 5000) / 100.0));
        }
        Collections.shuffle(log, random);
        LocalDate end = LocalDate.of(2024, 1, 31);
        List<RfmValues> values = RfmAnalysis.withDefaults().withObservationEnd(end).values(log);

        // brute force: group by id
        Map<String, List<Transaction>> byId = new TreeMap<>();
        for (Transaction t : log) {
            byId.computeIfAbsent(t.customerId(), k -> new ArrayList<>()).add(t);
        }
        assertEquals(byId.size(), values.size());
        int i = 0;
        for (Map.Entry<String, List<Transaction>> e : byId.entrySet()) {
            LocalDate last = e.getValue().stream().map(Transaction::date).max(LocalDate::compareTo).orElseThrow();
            double spend = e.getValue().stream().mapToDouble(Transaction::amount).sum();
            RfmValues v = values.get(i++);
            assertEquals(e.getKey(), v.customerId());
            assertEquals(last.until(end, java.time.temporal.ChronoUnit.DAYS), v.recencyDays());
            assertEquals(e.getValue().size(), v.frequency());
            assertEquals(spend, v.monetary(), 1e-9);
        }

        // clv-core's summaries give the same values
        Map<String, RfmValues> fromSummaries = new HashMap<>();
        for (CustomerSummary s : CustomerSummaries.summarize(log,
                SummaryOptions.defaults().withObservationEnd(end))) {
            fromSummaries.put(s.customerId(), RfmValues.fromSummary(s, RfmMonetary.TOTAL));
        }
        for (RfmValues v : values) {
            RfmValues s = fromSummaries.get(v.customerId());
            assertEquals(v.recencyDays(), s.recencyDays());
            assertEquals(v.frequency(), s.frequency());
            assertEquals(v.monetary(), s.monetary(), 1e-9);
        }

        // the scores do not depend on input order
        List<Transaction> reversed = new ArrayList<>(log);
        Collections.reverse(reversed);
        List<RfmScore> forward = RfmAnalysis.withDefaults().compute(log).scores();
        List<RfmScore> backward = RfmAnalysis.withDefaults().compute(reversed).scores();
        for (int k = 0; k < forward.size(); k++) {
            assertEquals(forward.get(k).code(), backward.get(k).code());
            assertEquals(forward.get(k).segment(), backward.get(k).segment());
            assertEquals(forward.get(k).monetary(), backward.get(k).monetary(), 1e-9);
        }
    }

    @Test
    void refundsAndInvalidValues() {
        List<Transaction> log = List.of(tx("x", "2024-01-01", 10), tx("x", "2024-01-05", -4), tx("y", "2024-01-02", 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RfmAnalysis.withDefaults().compute(log));
        assertTrue(e.getMessage().startsWith("negative amount (refund) for customer x on 2024-01-05"));
        List<RfmValues> net = RfmAnalysis.withDefaults().withRefundPolicy(RefundPolicy.NET).values(log);
        // the refund is not an order and not a purchase: recency counts from 2024-01-01 to 2024-01-05
        assertEquals(new RfmValues("x", 4, 1, 6.0), net.get(0));
        List<Transaction> over = List.of(tx("x", "2024-01-01", 10), tx("x", "2024-01-05", -14));
        e = assertThrows(IllegalArgumentException.class,
                () -> RfmAnalysis.withDefaults().withRefundPolicy(RefundPolicy.NET).compute(over));
        assertEquals("refunds exceed purchases for customer x: net spend=-4.0", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> new RfmValues("q", -1, 1, 1));
        assertEquals("recency must be >= 0 days for customer q: recencyDays=-1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RfmValues("q", 1, 0, 1));
        assertEquals("frequency must be >= 1 order for customer q: frequency=0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RfmValues("q", 1, 1, Double.NaN));
        assertEquals("monetary value must be finite and >= 0 for customer q: monetary=NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RfmAnalysis.score(List.of(new RfmValues("q", 1, 1, 1), new RfmValues("q", 2, 1, 1))));
        assertEquals("duplicate customer in RFM values: customerId=q", e.getMessage());
        assertTrue(RfmAnalysis.withDefaults().compute(List.of()).scores().isEmpty());
    }
}
