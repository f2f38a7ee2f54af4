package org.clv4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TimeUnitTest {

    @Test
    void namedUnitsHaveTheirLengthInDays() {
        assertEquals(1.0, TimeUnit.DAY.days());
        assertEquals(7.0, TimeUnit.WEEK.days());
        assertEquals(30.4375, TimeUnit.MONTH.days());
        assertEquals(365.25, TimeUnit.YEAR.days());
        assertEquals(12.0, TimeUnit.YEAR.convert(1.0, TimeUnit.MONTH), 1e-15);
        assertEquals(2.0, TimeUnit.WEEK.fromDays(14.0));
    }

    @Test
    void parsesNamesAndDayCounts() {
        assertSame(TimeUnit.WEEK, TimeUnit.parse("Weeks"));
        assertSame(TimeUnit.MONTH, TimeUnit.parse("month"));
        assertSame(TimeUnit.WEEK, TimeUnit.parse("7"));
        assertEquals(14.0, TimeUnit.parse("14-days").days());
        assertEquals("14.0-days", TimeUnit.ofDays(14).name());
        assertThrows(IllegalArgumentException.class, () -> TimeUnit.parse("fortnight"));
        assertThrows(IllegalArgumentException.class, () -> TimeUnit.ofDays(0));
        assertThrows(IllegalArgumentException.class, () -> TimeUnit.ofDays(Double.NaN));
    }
}
