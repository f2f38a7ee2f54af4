package org.clv4j.core.summary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clv4j.core.TimeUnit;
import org.junit.jupiter.api.Test;

class SummaryColumnsTest {

    @Test
    void compressMergesIdenticalRowsIntoWeights() {
        SummaryColumns columns = SummaryColumns.of(new double[] {0, 2, 0, 2, 1}, new double[] {0, 5, 0, 5, 1},
                new double[] {10, 10, 10, 10, 10}, new double[] {0, 10, 0, 20, 3}, null, TimeUnit.WEEK);
        SummaryColumns c = columns.compress();
        assertEquals(3, c.size());
        assertEquals(5.0, c.totalWeight());
        assertArrayEquals(new double[] {2, 2, 1}, c.weight());
        assertArrayEquals(new double[] {0, 2, 1}, c.frequency());
        assertArrayEquals(new double[] {0, 15, 3}, c.monetaryValue(), "weighted mean of the merged rows");
        assertEquals(TimeUnit.WEEK, c.timeUnit());
    }

    @Test
    void invalidRowsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SummaryColumns.of(
                new double[] {1, 2}, new double[] {1, 12}, new double[] {10, 10}, null, null, TimeUnit.WEEK));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("recency=12.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SummaryColumns.of(new double[] {1.5},
                new double[] {1}, new double[] {2}, null, null, TimeUnit.DAY));
        assertThrows(IllegalArgumentException.class, () -> SummaryColumns.of(new double[] {0},
                new double[] {1}, new double[] {2}, null, null, TimeUnit.DAY));
        assertThrows(IllegalArgumentException.class, () -> SummaryColumns.of(new double[] {1},
                new double[] {1}, new double[] {2}, null, new double[] {0}, TimeUnit.DAY));
        assertThrows(IllegalArgumentException.class, () -> SummaryColumns.of(List.of()));
    }

    @Test
    void summariesBecomeColumns() {
        SummaryColumns c = SummaryColumns.of(List.of(CustomerSummary.of("a", 2, 3.0, 5.0, 7.0, TimeUnit.DAY),
                CustomerSummary.of("b", 0, 0.0, 4.0, 0.0, TimeUnit.DAY)));
        assertArrayEquals(new double[] {2, 0}, c.frequency());
        assertArrayEquals(new double[] {5, 4}, c.T());
        assertArrayEquals(new double[] {1, 1}, c.weight());
        assertThrows(IllegalArgumentException.class, () -> SummaryColumns.of(List.of(
                CustomerSummary.of("a", 2, 3.0, 5.0, 7.0, TimeUnit.DAY),
                CustomerSummary.of("b", 0, 0.0, 4.0, 0.0, TimeUnit.WEEK))));
    }

    @Test
    void summaryValidationNamesCustomerFieldAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CustomerSummary.of("4711", 3, 40.0, 38.9, 1.0, TimeUnit.WEEK));
        assertEquals("recency must be <= T for customer 4711: recency=40.0, T=38.9", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CustomerSummary.of("x", 0, 1.0, 2.0, 0.0, TimeUnit.DAY));
        assertThrows(IllegalArgumentException.class, () -> CustomerSummary.of("x", 1, 1.0, 2.0, -1, TimeUnit.DAY));
        assertThrows(IllegalArgumentException.class,
                () -> CustomerSummary.of("x", 1, Double.NaN, 2.0, 1, TimeUnit.DAY));
    }
}
