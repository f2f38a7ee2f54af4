package org.clv4j.models.nps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NetPromoterScoreTest {

    static final NetPromoterScore WALD = NetPromoterScore.withDefaults().withIntervalMethod(NpsIntervalMethod.WALD);
    static final double Z95 = 1.959963984540054; // standard normal 97.5% quantile

    /** docs/REFERENCES.md: 250 promoters, 75 detractors, 675 passives → 17.5, se 1.716 points, 14.1..20.9. */
    @Test
    void reproducesTheReferenceFigures() {
        NpsResult r = WALD.fromCounts(250, 675, 75);
        assertEquals(17.5, r.nps(), 1e-12);
        assertEquals(1000, r.responses());
        assertEquals(1.716, r.standardError(), 5e-4); // published to 4 significant digits
        assertEquals(14.1, r.confidenceLow(), 0.05); // published to one decimal
        assertEquals(20.9, r.confidenceHigh(), 0.05);
        // by hand: se = 100 √((0.25 + 0.075 − 0.175²)/1000) = 100 √0.000294375
        double se = 100 * Math.sqrt(0.000294375);
        assertEquals(se, r.standardError(), 1e-12);
        assertEquals(17.5 - Z95 * se, r.confidenceLow(), 1e-12);
        assertEquals(17.5 + Z95 * se, r.confidenceHigh(), 1e-12);
        assertEquals(0.25, r.promoterShare(), 0.0);
        assertEquals(0.675, r.passiveShare(), 0.0);
        assertEquals(0.075, r.detractorShare(), 0.0);
        assertEquals(NpsIntervalMethod.WALD, r.method());
    }

    @Test
    void adjustedWaldAddsThreePseudoAnswers() {
        NpsResult r = NetPromoterScore.withDefaults().fromCounts(250, 675, 75);
        assertEquals(NpsIntervalMethod.ADJUSTED_WALD, r.method());
        assertEquals(17.5, r.nps(), 1e-12); // the point estimate is not adjusted
        assertEquals(100 * Math.sqrt(0.000294375), r.standardError(), 1e-12); // nor the reported se
        // by hand: p'P = 250.75/1003, p'D = 75.75/1003, centre 175/1003, se' = √((p'P + p'D − centre²)/1003)
        double pP = 250.75 / 1003;
        double pD = 75.75 / 1003;
        double centre = pP - pD;
        double se = Math.sqrt((pP + pD - centre * centre) / 1003);
        assertEquals(100 * (centre - Z95 * se), r.confidenceLow(), 1e-12);
        assertEquals(100 * (centre + Z95 * se), r.confidenceHigh(), 1e-12);
        assertEquals(14.0859, r.confidenceLow(), 1e-4); // scipy 1.17 check of the same formula
        assertEquals(20.8094, r.confidenceHigh(), 1e-4);
        assertArrayEquals(new double[] {r.confidenceLow(), r.confidenceHigh()}, r.confidenceInterval(), 0.0);
        assertArrayEquals(r.confidenceInterval(), r.adjustedWaldInterval(), 0.0);
        assertArrayEquals(WALD.fromCounts(250, 675, 75).confidenceInterval(), r.waldInterval(), 0.0);
    }

    @Test
    void smallSamples() {
        // ten promoters: Wald collapses to [100, 100]; adjusted: p'P = 10.75/13, p'D = 0.75/13 → [47.50, 100]
        NpsResult wald = WALD.fromCounts(10, 0, 0);
        assertEquals(100.0, wald.nps(), 0.0);
        assertEquals(0.0, wald.standardError(), 0.0);
        assertArrayEquals(new double[] {100.0, 100.0}, wald.confidenceInterval(), 0.0);
        NpsResult adjusted = NetPromoterScore.withDefaults().fromCounts(10, 0, 0);
        assertEquals(47.5036, adjusted.confidenceLow(), 1e-4);
        assertEquals(100.0, adjusted.confidenceHigh(), 0.0); // clipped
        // one detractor: p'P = 0.75/4, p'D = 1.75/4, centre −0.25, se' = √((0.625 − 0.0625)/4) = 0.375
        NpsResult one = NetPromoterScore.withDefaults().score(3);
        assertEquals(-100.0, one.nps(), 0.0);
        assertEquals(100 * (-0.25 - Z95 * 0.375), one.confidenceLow(), 1e-12);
        assertEquals(100 * (-0.25 + Z95 * 0.375), one.confidenceHigh(), 1e-12);
    }

    @Test
    void confidenceLevelChangesTheQuantile() {
        NpsResult r = WALD.withConfidenceLevel(0.90).fromCounts(250, 675, 75);
        assertEquals(17.5 - 1.6448536269514722 * r.standardError(), r.confidenceLow(), 1e-10);
        assertEquals(0.90, r.confidenceLevel(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> WALD.withConfidenceLevel(0.0));
    }

    @Test
    void zeroResponsesAreAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetPromoterScore.withDefaults().fromCounts(0, 0, 0));
        assertEquals("NPS needs at least one response: responses=0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NetPromoterScore.withDefaults().score(List.of()));
        assertThrows(IllegalArgumentException.class, () -> NetPromoterScore.withDefaults().score(new int[0]));
        e = assertThrows(IllegalArgumentException.class, () -> NetPromoterScore.withDefaults().fromCounts(-1, 2, 3));
        assertEquals("NPS counts must be non-negative: promoters=-1, passives=2, detractors=3", e.getMessage());
    }

    @Test
    void categoriesFollowTheScale() {
        int[] expected = {0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2};
        for (int s = 0; s <= 10; s++) {
            assertEquals(NpsCategory.values()[expected[s]], NpsCategory.of(s), "score " + s);
        }
        NpsResult r = NetPromoterScore.withDefaults().score(IntStream.rangeClosed(0, 10).toArray());
        assertEquals(2, r.promoters());
        assertEquals(2, r.passives());
        assertEquals(7, r.detractors());
        assertEquals(100.0 * (2 - 7) / 11, r.nps(), 1e-12);
    }

    @Test
    void answersOutsideTheScaleNameTheLine() {
        assertEquals(9, NpsAnswer.parse(" 9 ", 3).score());
        assertEquals(9, NpsAnswer.parse("9.0", 3).score());
        assertEquals(0, NpsAnswer.of(0.0, 4).score());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpsAnswer.parse("7.5", 17));
        assertEquals("NPS answer must be a whole number from 0 to 10 at line 17: score='7.5'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NpsAnswer.parse("11", 18));
        assertEquals("NPS answer must be a whole number from 0 to 10 at line 18: score='11'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NpsAnswer.parse("ten", 19));
        assertEquals("NPS answer must be a whole number from 0 to 10 at line 19: score='ten'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NpsAnswer.parse("", 20));
        assertEquals("NPS answer must be a whole number from 0 to 10 at line 20: score=''", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NpsAnswer.of(-1.0, 21));
        assertEquals("NPS answer must be a whole number from 0 to 10 at line 21: score=-1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NpsAnswer.of(Double.NaN, 22));
        assertEquals("NPS answer must be a whole number from 0 to 10 at line 22: score=NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NpsAnswer.of(12));
        assertEquals("NPS answer must be a whole number from 0 to 10: score=12", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NetPromoterScore.withDefaults().score(9, 10, 11));
        assertEquals("NPS answer must be a whole number from 0 to 10 at index 2: score=11", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NpsAnswer.of(5).withLine(9).withSegment(" "));
        assertEquals("at line 9: segment must not be blank: segment=' '", e.getMessage());
    }

    static List<NpsAnswer> survey() {
        List<NpsAnswer> answers = new ArrayList<>();
        int[] scores = {10, 9, 8, 3, 10, 6, 7, 9, 2, 10};
        String[] segments = {"retail", "retail", "retail", "retail", "b2b", "b2b", "b2b", "retail", "b2b", "b2b"};
        for (int i = 0; i < scores.length; i++) {
            answers.add(NpsAnswer.of(scores[i]).withLine(i + 2).withCustomerId("c" + i).withSegment(segments[i])
                    .withDate(LocalDate.of(2024, 1 + i % 2, 10)));
        }
        return answers;
    }

    @Test
    void bySegmentMonthAndCustomerKey() {
        NetPromoterScore nps = NetPromoterScore.withDefaults();
        SortedMap<String, NpsResult> segments = nps.bySegment(survey());
        assertEquals(List.of("b2b", "retail"), new ArrayList<>(segments.keySet()));
        // b2b: 10, 6, 7, 2, 10 → P 2, passive 1, D 2 → 0; retail: 10, 9, 8, 3, 9 → P 3, passive 1, D 1 → 40
        assertEquals(0.0, segments.get("b2b").nps(), 1e-12);
        assertEquals(40.0, segments.get("retail").nps(), 1e-12);
        SortedMap<YearMonth, NpsResult> months = nps.byMonth(survey());
        // January: lines 2,4,6,8,10 → 10, 8, 10, 7, 2 → P 2, passive 2, D 1 → 20
        assertEquals(20.0, months.get(YearMonth.of(2024, 1)).nps(), 1e-12);
        // February: 9, 3, 6, 9, 10 → P 3, D 2 → 20
        assertEquals(20.0, months.get(YearMonth.of(2024, 2)).nps(), 1e-12);
        // linked to customers: group by a customer attribute from elsewhere (say an RFM segment)
        Map<String, String> tier = Map.of("c0", "gold", "c1", "gold", "c2", "gold", "c3", "silver", "c4", "silver",
                "c5", "silver", "c6", "silver", "c7", "silver", "c8", "silver", "c9", "silver");
        Map<String, NpsResult> byTier = nps.groupBy(survey(), a -> tier.get(a.customerId()));
        assertEquals(List.of("gold", "silver"), new ArrayList<>(byTier.keySet()));
        assertEquals(100.0 * 2 / 3, byTier.get("gold").nps(), 1e-12);
        assertEquals(10, byTier.values().stream().mapToInt(NpsResult::responses).sum());
    }

    @Test
    void missingGroupKeyNamesTheLine() {
        List<NpsAnswer> answers = new ArrayList<>(survey());
        answers.add(NpsAnswer.of(9).withLine(40));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetPromoterScore.withDefaults().bySegment(answers));
        assertEquals("NPS answer at line 40 has no segment", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NetPromoterScore.withDefaults().byMonth(answers));
        assertEquals("NPS answer at line 40 has no date", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NetPromoterScore.withDefaults().bySegment(List.of(NpsAnswer.of(9).withCustomerId("c-42"))));
        assertEquals("NPS answer of customer c-42 has no segment", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NetPromoterScore.withDefaults().groupBy(List.of(NpsAnswer.of(7)), a -> null));
        assertEquals("NPS answer 7 (no line number) has no group key", e.getMessage());
    }

    @Test
    void differenceTest() {
        NpsResult a = WALD.fromCounts(250, 675, 75);
        NpsResult b = WALD.fromCounts(200, 700, 100);
        NpsDifference d = WALD.compare(a, b);
        // by hand: var_a = 0.000294375, var_b = (0.3 − 0.01)/1000 = 0.00029; se = 100 √(0.000584375)
        double se = 100 * Math.sqrt(0.000294375 + 0.00029);
        assertEquals(7.5, d.difference(), 1e-12);
        assertEquals(se, d.standardError(), 1e-12);
        assertEquals(7.5 / se, d.z(), 1e-12);
        assertEquals(3.10253, d.z(), 1e-5);
        assertEquals(0.0019188, d.pValue(), 1e-7); // 2 Φ(−3.10253), scipy 1.17 norm.cdf
        assertEquals(7.5 - Z95 * se, d.confidenceLow(), 1e-12);
        assertTrue(d.significantAt(0.05));
        NpsDifference reversed = WALD.compare(b, a);
        assertEquals(-d.z(), reversed.z(), 1e-12);
        assertEquals(d.pValue(), reversed.pValue(), 1e-15);
        NpsDifference same = WALD.compare(a, a);
        assertEquals(0.0, same.z(), 0.0);
        assertEquals(1.0, same.pValue(), 0.0);
        assertFalse(same.significantAt(0.05));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WALD.compare(WALD.fromCounts(5, 0, 0), WALD.fromCounts(0, 0, 7)));
        assertTrue(e.getMessage().startsWith("the NPS difference has standard error 0"), e.getMessage());
    }

    @Test
    void collectorOnParallelStream() {
        List<NpsAnswer> answers = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            answers.add(NpsAnswer.of((i * 7919) % 11));
        }
        NpsResult sequential = NetPromoterScore.withDefaults().score(answers);
        NpsResult parallel = answers.parallelStream().collect(NetPromoterScore.withDefaults().collector());
        assertEquals(sequential, parallel);
    }
}
