package org.clv4j.cli.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void writesRfc4180() throws IOException {
        StringBuilder out = new StringBuilder();
        CsvWriter csv = CsvWriter.to(out);
        csv.header("id", "note", "x");
        csv.text("a,b").text("say \"hi\"").number(1.5).endRow();
        csv.text("line\nbreak").text("").integer(-3).endRow();
        csv.flush();
        assertEquals("id,note,x\r\n\"a,b\",\"say \"\"hi\"\"\",1.5\r\n\"line\nbreak\",,-3\r\n", out.toString());
        List<CSVRecord> back = CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords();
        assertEquals(List.of("line\nbreak", "", "-3"), back.get(2).toList());
    }

    @Test
    void numbersRoundTripExactly() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 10_000; i++) {
            double x = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(x)) {
                assertEquals(x, Double.parseDouble(CsvWriter.formatNumber(x)), 0.0);
            }
            double y = random.nextDouble() * 1000;
            assertEquals(y, Double.parseDouble(CsvWriter.formatNumber(y)), 0.0);
        }
        assertEquals("38.857142857142854", CsvWriter.formatNumber(272.0 / 7.0));
        assertEquals("0.0", CsvWriter.formatNumber(-0.0));
        assertEquals("1.0E-7", CsvWriter.formatNumber(1e-7));
        assertThrows(IllegalArgumentException.class, () -> CsvWriter.formatNumber(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> CsvWriter.formatNumber(Double.NEGATIVE_INFINITY));
    }

    @Test
    void defusesFormulasButNotNumbers() {
        assertEquals("'=SUM(A1:A9)", CsvWriter.defuse("=SUM(A1:A9)"));
        assertEquals("'+1+1", CsvWriter.defuse("+1+1"));
        assertEquals("'-2+3", CsvWriter.defuse("-2+3"));
        assertEquals("'@cmd", CsvWriter.defuse("@cmd"));
        assertEquals("'\tx", CsvWriter.defuse("\tx"));
        assertEquals("'\rx", CsvWriter.defuse("\rx"));
        assertEquals("-5", CsvWriter.defuse("-5"));
        assertEquals("+44", CsvWriter.defuse("+44"));
        assertEquals("-1.5e3", CsvWriter.defuse("-1.5e3"));
        assertEquals("c-42", CsvWriter.defuse("c-42"));
        assertEquals("", CsvWriter.defuse(""));
    }

    @Test
    void rowsMustMatchTheHeader() throws IOException {
        CsvWriter csv = CsvWriter.to(new StringBuilder());
        csv.header("a", "b");
        csv.text("x");
        assertThrows(IllegalStateException.class, csv::endRow);
    }
}
