package org.clv4j.cli.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.junit.jupiter.api.Test;

/** The summary reader on small in-memory files: columns, weights, ids, line numbers, the second pass. */
class SummaryCsvTest {

    private static TransactionCsv.Source text(String name, String content) {
        return new TransactionCsv.Source() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Reader open() {
                return new StringReader(content);
            }
        };
    }

    @Test
    void readsColumnsAndWeightsInFileOrder() throws IOException {
        SummaryCsv csv = SummaryCsv.read(text("s.csv", "\uFEFFcustomer_id, frequency ,recency,T,monetary_value,n,"
                + "note\r\n" + "a,2,30.5,38,22.5,3,x\r\n" + "\r\n" + "b,0,0,38,0,1.5,\"y, z\"\r\n"
                + "c,1,2e1,3.8E1,7,2,"), SummaryCsv.Layout.continuous().withWeightColumn("n"), TimeUnit.WEEK);
        SummaryColumns c = csv.columns();
        assertEquals(3, csv.size());
        assertArrayEquals(new double[] {2, 0, 1}, c.frequency());
        assertArrayEquals(new double[] {30.5, 0, 20}, c.recency());
        assertArrayEquals(new double[] {38, 38, 38}, c.T());
        assertArrayEquals(new double[] {22.5, 0, 7}, c.monetaryValue());
        assertArrayEquals(new double[] {3, 1.5, 2}, c.weight());
        assertEquals(6.5, c.totalWeight());
        assertEquals(TimeUnit.WEEK, c.timeUnit());
        assertEquals(List.of("customer_id", "frequency", "recency", "T", "monetary_value", "n", "note"),
                csv.header());
        assertTrue(csv.hasMonetaryValue());
        assertEquals("T", csv.ageColumn());
        // a blank line is skipped but counted; the last line has no line break
        assertEquals(2, csv.line(0));
        assertEquals(4, csv.line(1));
        assertEquals(5, csv.line(2));

        List<String> echoed = new ArrayList<>();
        csv.forEachRecord((row, cells) -> echoed.add(row + ":" + String.join("|", cells)));
        assertEquals(List.of("0:a|2|30.5|38|22.5|3|x", "1:b|0|0|38|0|1.5|y, z", "2:c|1|2e1|3.8E1|7|2|"), echoed);
    }

    @Test
    void lineNumbersAfterBlankLinesAndAtTheEndOfTheFile() throws IOException {
        CsvInputException e = assertThrows(CsvInputException.class, () -> SummaryCsv.read(text("s.csv",
                "frequency,recency,T\n1,2,3\n\n\n1,4,3"), SummaryCsv.Layout.continuous(), TimeUnit.DAY));
        assertEquals(5, e.line());
        assertEquals("recency", e.column());
        assertEquals("4", e.value());
        e = assertThrows(CsvInputException.class, () -> SummaryCsv.read(text("s.csv",
                "frequency,recency,T\n1,2,3\n\n\n1,4,3\n"), SummaryCsv.Layout.continuous(), TimeUnit.DAY));
        assertEquals(5, e.line());
        e = assertThrows(CsvInputException.class, () -> SummaryCsv.read(text("s.csv",
                "frequency,recency,T\r\n1,2,3\r\n1,x,3\r\n"), SummaryCsv.Layout.continuous(), TimeUnit.DAY));
        assertEquals(3, e.line());
        assertEquals("s.csv, line 3, column 'recency': not a number (expected digits with an optional sign, '.' "
                + "and exponent) (value 'x')", e.getMessage());
    }

    @Test
    void discretePeriodsReadNPeriodsOrT() throws IOException {
        SummaryCsv.Layout periods = SummaryCsv.Layout.continuous().withPeriods(true);
        SummaryCsv withN = SummaryCsv.read(text("p.csv", "frequency,recency,n_periods,T\n2,4,6,99\n"), periods,
                TimeUnit.YEAR);
        assertEquals("n_periods", withN.ageColumn());
        assertArrayEquals(new double[] {6}, withN.columns().T());
        SummaryCsv withT = SummaryCsv.read(text("p.csv", "frequency,recency,T\n2,4,6\n"), periods, TimeUnit.YEAR);
        assertEquals("T", withT.ageColumn());
        assertFalse(withT.hasMonetaryValue());
        assertArrayEquals(new double[] {0}, withT.columns().monetaryValue());
        CsvInputException e = assertThrows(CsvInputException.class, () -> SummaryCsv.read(text("p.csv",
                "frequency,recency\n2,4\n"), periods, TimeUnit.YEAR));
        assertEquals("p.csv, line 1, column 'T': no such column in the header (or n_periods); the header has: "
                + "frequency, recency", e.getMessage());
    }

    @Test
    void duplicateColumnsAndBlankWeightColumnNames() {
        CsvInputException e = assertThrows(CsvInputException.class, () -> SummaryCsv.read(text("d.csv",
                "frequency,recency,T,T\n1,2,3,3\n"), SummaryCsv.Layout.continuous(), TimeUnit.DAY));
        assertEquals("d.csv, line 1, column 'T': the header names this column twice", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SummaryCsv.Layout.continuous().withWeightColumn(" "));
    }

    @Test
    void aFileThatChangesBetweenPassesIsAnError() throws IOException {
        String[] content = {"frequency,recency,T\n1,2,3\n1,2,3\n"};
        TransactionCsv.Source changing = new TransactionCsv.Source() {
            @Override
            public String name() {
                return "c.csv";
            }

            @Override
            public Reader open() {
                return new StringReader(content[0]);
            }
        };
        SummaryCsv csv = SummaryCsv.read(changing, SummaryCsv.Layout.continuous(), TimeUnit.DAY);
        content[0] = "frequency,recency,T\n1,2,3\n";
        CsvInputException e = assertThrows(CsvInputException.class, () -> csv.forEachRecord((row, cells) -> { }));
        assertEquals("c.csv: the file changed while it was being read", e.getMessage());
    }
}
