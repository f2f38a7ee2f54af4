package org.clv4j.models.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Labels and period boundaries, checked against calendar facts (ISO 8601 week numbering). */
class CohortUnitTest {

    @Test
    void labelsFollowTheCalendar() {
        LocalDate d = LocalDate.of(2010, 12, 1); // a Wednesday in ISO week 48 of 2010
        assertEquals("2010-W48", CohortUnit.WEEK.label(d));
        assertEquals("2010-12", CohortUnit.MONTH.label(d));
        assertEquals("2010-Q4", CohortUnit.QUARTER.label(d));
        assertEquals("2010", CohortUnit.YEAR.label(d));
        assertEquals("2010-W49", CohortUnit.WEEK.label(LocalDate.of(2010, 12, 6)));
    }

    @Test
    void isoWeeksCrossYearBoundaries() {
        // 2010-01-03 is a Sunday belonging to 2009-W53; 2021-01-01 is a Friday in 2020-W53; 2019-12-30 a Monday
        // in 2020-W01
        assertEquals("2009-W53", CohortUnit.WEEK.label(LocalDate.of(2010, 1, 3)));
        assertEquals("2010-W01", CohortUnit.WEEK.label(LocalDate.of(2010, 1, 4)));
        assertEquals("2020-W53", CohortUnit.WEEK.label(LocalDate.of(2021, 1, 1)));
        assertEquals("2020-W01", CohortUnit.WEEK.label(LocalDate.of(2019, 12, 30)));
    }

    @Test
    void periodBoundaries() {
        long week = CohortUnit.WEEK.periodIndex(LocalDate.of(2010, 12, 1));
        assertEquals(LocalDate.of(2010, 11, 29), CohortUnit.WEEK.periodStart(week)); // Monday
        assertEquals(LocalDate.of(2010, 12, 5), CohortUnit.WEEK.periodEnd(week)); // Sunday
        long feb = CohortUnit.MONTH.periodIndex(LocalDate.of(2012, 2, 14));
        assertEquals(LocalDate.of(2012, 2, 29), CohortUnit.MONTH.periodEnd(feb));
        long q = CohortUnit.QUARTER.periodIndex(LocalDate.of(2011, 5, 31));
        assertEquals(LocalDate.of(2011, 4, 1), CohortUnit.QUARTER.periodStart(q));
        assertEquals(LocalDate.of(2011, 6, 30), CohortUnit.QUARTER.periodEnd(q));
        assertEquals(LocalDate.of(2011, 12, 31), CohortUnit.YEAR.periodEnd(2011));
    }

    @Test
    void consecutivePeriodsHaveConsecutiveIndices() {
        for (CohortUnit unit : CohortUnit.values()) {
            LocalDate d = LocalDate.of(1969, 12, 20);
            long previous = unit.periodIndex(d);
            for (int i = 0; i < 3000; i++) {
                LocalDate next = d.plusDays(1);
                long index = unit.periodIndex(next);
                long expected = unit.periodStart(index).equals(next) ? previous + 1 : previous;
                assertEquals(expected, index, unit + " at " + next);
                assertEquals(index, unit.periodIndex(unit.periodStart(index)));
                assertEquals(index, unit.periodIndex(unit.periodEnd(index)));
                d = next;
                previous = index;
            }
        }
    }

    @Test
    void parsesNames() {
        assertEquals(CohortUnit.WEEK, CohortUnit.parse("week"));
        assertEquals(CohortUnit.MONTH, CohortUnit.parse(" Months "));
        assertEquals(CohortUnit.QUARTER, CohortUnit.parse("QUARTER"));
        assertEquals(CohortUnit.YEAR, CohortUnit.parse("years"));
        assertEquals("quarter", CohortUnit.QUARTER.id());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CohortUnit.parse("day"));
        assertEquals("unknown cohort unit: 'day' (expected week, month, quarter or year)", e.getMessage());
    }
}
