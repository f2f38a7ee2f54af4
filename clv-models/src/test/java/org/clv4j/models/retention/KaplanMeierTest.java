package org.clv4j.models.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KaplanMeierTest {

    /**
     * Remission times in weeks of the 21 patients on 6-MP in Freireich et al. (1963), the classic Kaplan-Meier
     * example (Gehan 1965; Klein &amp; Moeschberger, Survival Analysis, table 4.1); negative = censored.
     */
    static final int[] SIX_MP = {6, 6, 6, -6, 7, -9, 10, -10, -11, 13, 16, -17, -19, -20, 22, 23, -25, -32, -32,
        -34, -35};

    static List<SurvivalObservation> sixMp() {
        List<SurvivalObservation> list = new ArrayList<>();
        for (int i = 0; i < SIX_MP.length; i++) {
            list.add(SurvivalObservation.of("p" + i, Math.abs(SIX_MP[i]), SIX_MP[i] > 0));
        }
        return list;
    }

    /**
     * The published estimates at the event times, as printed by R's survival package
     * ({@code summary(survfit(Surv(time, status) ~ 1, conf.type = "log-log"))}): time, n.risk, n.event, survival
     * (3 decimals), std.err (4 decimals), lower and upper 95% (3 decimals). S and the Greenwood standard error are
     * also in Klein &amp; Moeschberger's table 4.1.
     */
    static final double[][] PUBLISHED = {
        {6, 21, 3, 0.857, 0.0764, 0.620, 0.952},
        {7, 17, 1, 0.807, 0.0869, 0.563, 0.923},
        {10, 15, 1, 0.753, 0.0963, 0.503, 0.889},
        {13, 12, 1, 0.690, 0.1068, 0.432, 0.849},
        {16, 11, 1, 0.627, 0.1141, 0.368, 0.805},
        {22, 7, 1, 0.538, 0.1282, 0.268, 0.747},
        {23, 6, 1, 0.448, 0.1346, 0.188, 0.680},
    };

    @Test
    void reproducesThePublishedSixMpTable() {
        SurvivalCurve curve = KaplanMeier.withDefaults().estimate(sixMp());
        assertEquals(21, curve.subscribers());
        assertEquals(9, curve.events());
        int matched = 0;
        for (SurvivalPoint p : curve.points()) {
            if (p.events() == 0) {
                continue;
            }
            double[] row = PUBLISHED[matched++];
            assertEquals(row[0], p.time(), 0.0);
            assertEquals((int) row[1], p.atRisk());
            assertEquals((int) row[2], p.events());
            assertEquals(row[3], p.survival(), 5e-4, "S at " + p.time());
            assertEquals(row[4], p.standardError(), 5e-5, "se at " + p.time());
            assertEquals(row[5], p.lower(), 5e-4, "lower at " + p.time());
            assertEquals(row[6], p.upper(), 5e-4, "upper at " + p.time());
        }
        assertEquals(PUBLISHED.length, matched);
        // hand: S(6) = 18/21, S(7) = 18/21 · 16/17 exactly
        assertEquals(18.0 / 21.0, curve.survivalAt(6.0), 1e-15);
        assertEquals(18.0 / 21.0 * 16.0 / 17.0, curve.survivalAt(8.5), 1e-15);
        assertEquals(1.0, curve.survivalAt(5.99), 0.0);
        assertEquals(23.0, curve.medianSurvivalTime().getAsDouble(), 0.0);
        // censored-only times are points too: 9 (one censored), at risk 16
        SurvivalPoint nine = curve.points().stream().filter(p -> p.time() == 9.0).findFirst().orElseThrow();
        assertEquals(16, nine.atRisk());
        assertEquals(1, nine.censored());
        assertEquals(0, nine.events());
        assertEquals(curve.survivalAt(7.0), nine.survival(), 0.0);
        // the tie at 6: three events and one censoring; the censored patient is at risk at 6
        assertEquals(1, curve.points().get(0).censored());
    }

    @Test
    void primitiveColumnsGiveTheSameCurve() {
        double[] durations = new double[SIX_MP.length];
        boolean[] churned = new boolean[SIX_MP.length];
        for (int i = 0; i < SIX_MP.length; i++) {
            durations[i] = Math.abs(SIX_MP[i]);
            churned[i] = SIX_MP[i] > 0;
        }
        assertEquals(KaplanMeier.withDefaults().estimate(sixMp()).points(),
                KaplanMeier.withDefaults().estimate(durations, churned).points());
    }

    /** Brute force: at every distinct time, recount the at-risk set and the events from the whole list. */
    @Test
    void matchesBruteForceProductLimitOnRandomDataWithTies() {
        Random random = new Random(42);
        List<SurvivalObservation> list = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            list.add(SurvivalObservation.of(random.nextInt(40), random.nextDouble() < 0.6));
        }
        SurvivalCurve curve = KaplanMeier.withDefaults().withConfidenceLevel(0.9).estimate(list);
        double z = 1.6448536269514722; // standard normal 95% quantile, for a 90% two-sided interval
        for (SurvivalPoint p : curve.points()) {
            double s = 1.0;
            double greenwood = 0.0;
            for (int t = 0; t <= p.time(); t++) {
                int n = 0;
                int d = 0;
                for (SurvivalObservation o : list) {
                    if (o.duration() >= t) {
                        n++;
                    }
                    if (o.duration() == t && o.churned()) {
                        d++;
                    }
                }
                if (d > 0) {
                    s *= (n - d) / (double) n;
                    greenwood += d / ((double) n * (n - d));
                }
            }
            assertEquals(s, p.survival(), 1e-12, "S at " + p.time());
            assertEquals(s * Math.sqrt(greenwood), p.standardError(), 1e-12);
            if (greenwood > 0) {
                double v = Math.sqrt(greenwood) / -Math.log(s);
                assertEquals(Math.pow(s, Math.exp(z * v)), p.lower(), 1e-12);
                assertEquals(Math.pow(s, Math.exp(-z * v)), p.upper(), 1e-12);
            }
            assertTrue(p.lower() <= p.survival() && p.survival() <= p.upper());
        }
        assertEquals(0.9, curve.confidenceLevel(), 0.0);
    }

    @Test
    void degenerateCurves() {
        SurvivalCurve allCensored = KaplanMeier.withDefaults().estimate(List.of(SurvivalObservation.of(3, false),
                SurvivalObservation.of(5, false)));
        for (SurvivalPoint p : allCensored.points()) {
            assertEquals(1.0, p.survival(), 0.0);
            assertEquals(0.0, p.standardError(), 0.0);
            assertEquals(1.0, p.lower(), 0.0);
            assertEquals(1.0, p.upper(), 0.0);
        }
        assertTrue(allCensored.medianSurvivalTime().isEmpty());

        // the last subscriber at risk churns: S = 0, reported with se 0 and interval [0, 0]
        SurvivalCurve allChurn = KaplanMeier.withDefaults().estimate(List.of(SurvivalObservation.of(2, true),
                SurvivalObservation.of(4, true), SurvivalObservation.of(4, false), SurvivalObservation.of(9, true)));
        SurvivalPoint last = allChurn.points().get(allChurn.points().size() - 1);
        assertEquals(9.0, last.time(), 0.0);
        assertEquals(0.0, last.survival(), 0.0);
        assertEquals(0.0, last.standardError(), 0.0);
        assertEquals(0.0, last.lower(), 0.0);
        assertEquals(0.0, last.upper(), 0.0);
        // hand: S(2) = 3/4, S(4) = 3/4 · 2/3 = 1/2 (the censoring at 4 is at risk)
        assertEquals(0.5, allChurn.survivalAt(4), 1e-15);
        assertEquals(4.0, allChurn.medianSurvivalTime().getAsDouble(), 0.0);
    }

    @Test
    void invalidInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SurvivalObservation.of("s-17", -1.0, true));
        assertEquals("duration must be finite and >= 0 for subscriber s-17: duration=-1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SurvivalObservation.of(Double.NaN, true));
        assertEquals("duration must be finite and >= 0: duration=NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> KaplanMeier.withDefaults().estimate(new double[] {1, Double.POSITIVE_INFINITY},
                        new boolean[] {true, false}));
        assertEquals("duration must be finite and >= 0 at index 1: duration=Infinity", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> KaplanMeier.withDefaults().estimate(new double[] {1}, new boolean[] {true, false}));
        assertEquals("durations and churned must have the same length: durations=1, churned=2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> KaplanMeier.withDefaults().estimate(List.of()));
        assertEquals("Kaplan-Meier needs at least one subscriber: subscribers=0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KaplanMeier.withDefaults().withConfidenceLevel(1.0));
    }
}
