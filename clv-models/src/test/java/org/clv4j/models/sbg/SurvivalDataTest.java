package org.clv4j.models.sbg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation of survivor counts: every message names the cohort, the period and the value. */
class SurvivalDataTest {

    private static String message(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }

    @Test
    void cohortAccessors() {
        SurvivalCohort c = SurvivalCohort.of("regular", 1000, 631, 468);
        assertEquals("regular", c.label());
        assertEquals(2, c.lastPeriod());
        assertEquals(1000, c.size());
        assertEquals(631, c.alive(1));
        assertEquals(163, c.lost(2));
        assertArrayEquals(new double[] {1.0, 0.631, 0.468}, c.fractionAlive(), 1e-15);
        assertEquals("period must be in 1..2 for cohort regular: t=0", message(() -> c.lost(0)));
        assertEquals("period must be in 0..2 for cohort regular: t=3", message(() -> c.alive(3)));
    }

    @Test
    void rejectsInvalidCounts() {
        assertEquals("customers alive must not increase in cohort a: period 2 has customersAlive=70 > 60 at "
                + "period 1", message(() -> SurvivalCohort.of("a", 100, 60, 70)));
        assertEquals("customers alive must be >= 0 in cohort a at period 1: customersAlive=-1",
                message(() -> SurvivalCohort.of("a", 100, -1)));
        assertEquals("customers alive at period 0 must be > 0 in cohort a: customersAlive=0",
                message(() -> SurvivalCohort.of("a", 0, 0)));
        assertEquals("cohort a has no periods: at least the count alive at period 0 is needed",
                message(() -> SurvivalCohort.of("a")));
        assertEquals("cohort label must not be blank: label=\" \"", message(() -> SurvivalCohort.of(" ", 1)));
        assertEquals("cohort labels must be unique: cohort a is given twice",
                message(() -> SurvivalData.of(List.of(SurvivalCohort.of("a", 5), SurvivalCohort.of("a", 6)))));
        assertEquals("survival data needs at least one cohort: cohorts=[]", message(() -> SurvivalData.of(List.of())));
    }

    @Test
    void builderCollectsRowsInAnyOrder() {
        SurvivalData data = SurvivalData.builder()
                .add("b", 1, 869).add("a", 1, 631).add("a", 0, 1000).add("b", 0, 1000).add("a", 2, 468.0)
                .build();
        assertEquals(List.of("b", "a"), data.labels());
        assertArrayEquals(new long[] {1000, 631, 468}, data.cohort("a").aliveCounts());
        assertArrayEquals(new long[] {1000, 869}, data.cohort("b").aliveCounts());
        assertEquals(2000, data.customers());
        assertEquals(2, data.lastPeriod());
        assertEquals(SurvivalData.of(1000, 631), SurvivalData.builder().add(1, 631).add(0, 1000).build());
        assertEquals(SurvivalData.DEFAULT_COHORT, SurvivalData.of(5, 4).labels().get(0));
        assertEquals("no cohort with label c; cohorts are [b, a]", message(() -> data.cohort("c")));
    }

    @Test
    void builderRejectsBadRows() {
        assertEquals("customers alive must be a whole number >= 0 in cohort a at period 2: customersAlive=3.5",
                message(() -> SurvivalData.builder().add("a", 2, 3.5)));
        assertEquals("customers alive must be a whole number >= 0 in cohort a at period 2: customersAlive=-1.0",
                message(() -> SurvivalData.builder().add("a", 2, -1)));
        assertEquals("customers alive must be a whole number >= 0 in cohort a at period 2: customersAlive=NaN",
                message(() -> SurvivalData.builder().add("a", 2, Double.NaN)));
        assertEquals("period must be >= 0 in cohort a: period=-1",
                message(() -> SurvivalData.builder().add("a", -1, 5)));
        assertEquals("period 1 is given twice for cohort a: customersAlive=5 and 4",
                message(() -> SurvivalData.builder().add("a", 1, 5).add("a", 1, 4)));
        assertEquals("periods of cohort a must run 0..n without gaps: period 1 is missing (next given period=2)",
                message(() -> SurvivalData.builder().add("a", 0, 5).add("a", 2, 4).build()));
        assertEquals("periods of cohort a must run 0..n without gaps: period 0 is missing (next given period=1)",
                message(() -> SurvivalData.builder().add("a", 1, 5).build()));
        assertEquals("customers alive must not increase in cohort a: period 1 has customersAlive=6 > 5 at period 0",
                message(() -> SurvivalData.builder().add("a", 0, 5).add("a", 1, 6).build()));
        assertThrows(IllegalStateException.class, () -> SurvivalData.builder().build());
    }
}
