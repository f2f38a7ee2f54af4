package org.clv4j.cli.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.clv4j.core.Transaction;
import org.clv4j.core.TransactionRecord;
import org.clv4j.core.summary.CustomerSummaries;
import org.clv4j.core.summary.CustomerSummary;
import org.clv4j.core.summary.SummaryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionCsvTest {

    @TempDir
    Path dir;

    Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("t.csv"), text, StandardCharsets.UTF_8);
    }

    static List<TransactionRecord> all(TransactionCsv csv) {
        List<TransactionRecord> rows = new ArrayList<>();
        csv.forEach(rows::add);
        return rows;
    }

    @Test
    void readsQuotedFieldsBomBlankLinesAndCrlf() throws IOException {
        Path file = write("\uFEFFdate,\"customer_id\",amount,memo\r\n2024-01-01,\" a \",1.5,\"x,\ny\"\r\n\r\n"
                + "2024-01-02,b,+2,\r\n");
        TransactionCsv csv = TransactionCsv.open(TransactionCsv.Source.file(file), TransactionCsv.Format.defaults());
        assertEquals(List.of(Transaction.of("a", LocalDate.of(2024, 1, 1), 1.5),
                Transaction.of("b", LocalDate.of(2024, 1, 2), 2.0)), all(csv));
        assertEquals(2, csv.rows());
    }

    @Test
    void aByteOrderMarkBeforeAQuotedHeaderNameIsSkipped() throws IOException {
        // as Excel's "CSV UTF-8" writes a file whose header names are quoted
        Path file = write("\uFEFF\"customer_id\",\"date\",\"amount\"\r\n\"a\",\"2024-01-01\",\"1.5\"\r\n");
        TransactionCsv csv = TransactionCsv.open(TransactionCsv.Source.file(file), TransactionCsv.Format.defaults());
        assertEquals(List.of(Transaction.of("a", LocalDate.of(2024, 1, 1), 1.5)), all(csv));
        SummaryCsv summaries = SummaryCsv.read(TransactionCsv.Source.file(write("\uFEFF\"customer_id\",\"frequency\","
                + "\"recency\",\"T\"\r\na,1,2,3\r\n")), SummaryCsv.Layout.continuous(), org.clv4j.core.TimeUnit.WEEK);
        assertEquals(List.of("customer_id", "frequency", "recency", "T"), summaries.header());
        CsvFile plain = CsvFile.open(TransactionCsv.Source.file(write("\uFEFF\"score\"\r\n9\r\n")));
        assertEquals(0, plain.column("score", "--score-column", true));
    }

    @Test
    void errorsOfTheComputationNameTheLineOfTheRowBeingHandled() throws IOException {
        // the record on lines 3-4 spans two lines; the row after it is on line 5
        Path file = write("customer_id,date,amount,memo\na,2024-01-01,1,\nb,2024-01-02,2,\"two\nlines\"\n"
                + "c,2024-01-03,3,\n");
        TransactionCsv csv = TransactionCsv.open(TransactionCsv.Source.file(file), TransactionCsv.Format.defaults());
        CsvInputException e = assertThrows(CsvInputException.class, () -> csv.compute(log -> {
            for (Transaction t : log) {
                if (t.customerId().equals("c")) {
                    throw new IllegalArgumentException("customer c is not welcome");
                }
            }
            return null;
        }));
        assertEquals(5, e.line());
        assertEquals(file + ", line 5: customer c is not welcome", e.getMessage());

        CsvInputException after = assertThrows(CsvInputException.class, () -> csv.compute(log -> {
            log.forEach(t -> { });
            throw new IllegalArgumentException("too few customers");
        }));
        assertEquals(file + ": too few customers", after.getMessage());
    }

    @Test
    void unsortedFilesGetASecondPass() throws IOException {
        // a's days 01-01, 01-20, 01-10: the middle day arrives last, which needs the exact second pass
        Path file = write("customer_id,date,amount\na,2024-01-01,1\na,2024-01-20,2\nb,2024-01-05,7\n"
                + "a,2024-01-10,3\na,2024-01-15,4\n");
        TransactionCsv csv = TransactionCsv.open(TransactionCsv.Source.file(file), TransactionCsv.Format.defaults());
        List<CustomerSummary> summaries = csv.compute(log -> CustomerSummaries.summarize(log,
                SummaryOptions.defaults()));
        CustomerSummary a = summaries.get(0);
        assertEquals(3, a.frequency());
        assertEquals(19.0, a.recency(), 0.0);
        assertEquals(3.0, a.monetaryValue(), 1e-15);   // (2 + 3 + 4) / 3
        assertEquals(5, csv.rows());
    }

    @Test
    void classpathResourceSource() throws IOException {
        TransactionCsv csv = TransactionCsv.open(TransactionCsv.Source.resource(
                "/org/clv4j/cli/demo/cdnow_sample_transactions.csv", "demo"), TransactionCsv.Format.defaults());
        assertEquals(6919, all(csv).size());
        IOException missing = assertThrows(IOException.class, () -> TransactionCsv.open(
                TransactionCsv.Source.resource("/nope.csv", "nope"), TransactionCsv.Format.defaults()));
        assertTrue(missing.getMessage().contains("/nope.csv"));
    }

    @Test
    void plainDecimalsOnly() {
        for (String ok : new String[] {"0", "12", "12.5", "-3", "+2", ".5", "5.", "1e3", "1.5E-7", "-0.0"}) {
            assertTrue(TransactionCsv.isPlainDecimal(ok), ok);
        }
        for (String bad : new String[] {"", "-", ".", "NaN", "Infinity", "-Infinity", "0x1p3", "1d", "1f", "1,5",
                "1.2.3", "e5", "1e", "1e+", " 1", "1 000", "--1"}) {
            assertTrue(!TransactionCsv.isPlainDecimal(bad), bad);
        }
    }

    @Test
    void theFastDecimalPathGivesParseDoublesValueOrDeclines() {
        // hand-picked: rounding cases, leading and trailing zeros, the limits of 15 digits and 22 decimals
        for (String text : new String[] {"0", "-0", "-0.0", "+2", ".5", "5.", "129.99", "0.1", "0.3", "2.675",
                "000123.4500", "999999999999999", "0.000000000000000000001", "1.7976931348623157",
                "123456789012345.6", "0.00000000000000000000001", "9007199254740993", "-42.000000000000000000"}) {
            assertSameOrDeclined(text);
        }
        for (String declined : new String[] {"", "-", ".", "1e3", "1,5", "NaN", "1.2.3", " 1", "1234567890123456",
                "0.00000000000000000000001"}) {
            assertTrue(Double.isNaN(TransactionCsv.fastPlainDecimal(declined)), declined);
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        int fast = 0;
        for (int trial = 0; trial < 200_000; trial++) {
            StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
            int digits = 1 + random.nextInt(19);
            int point = random.nextInt(digits + 2) - 1;
            for (int k = 0; k < digits; k++) {
                if (k == point) {
                    text.append('.');
                }
                text.append((char) ('0' + (random.nextInt(3) == 0 ? 0 : random.nextInt(10))));
            }
            fast += assertSameOrDeclined(text.toString()) ? 1 : 0;
        }
        assertTrue(fast > 100_000, "the fast path took " + fast + " of 200,000");
    }

    @Test
    void plainDecimalsAreReadAsParseDoubleReadsThemOrRefused() {
        assertEquals(12.5, TransactionCsv.plainDecimal("12.5"));
        assertEquals(1000.0, TransactionCsv.plainDecimal("1e3"));                   // past the fast path
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(TransactionCsv.plainDecimal("-0")));
        assertEquals(Double.doubleToRawLongBits(0.0),
                Double.doubleToRawLongBits(TransactionCsv.plainDecimal("-0.0e5")));
        assertEquals(Double.POSITIVE_INFINITY, TransactionCsv.plainDecimal("1e999")); // the caller names it
        assertEquals(1234567890123456.7, TransactionCsv.plainDecimal("1234567890123456.7"));
        for (String bad : new String[] {"", "NaN", "Infinity", "0x1p3", "1,5", "1d"}) {
            assertTrue(Double.isNaN(TransactionCsv.plainDecimal(bad)), bad);
        }
    }

    /** True when the fast path gave a value, which must then be bit for bit {@code Double.parseDouble}'s. */
    private static boolean assertSameOrDeclined(String text) {
        double value = TransactionCsv.fastPlainDecimal(text);
        if (Double.isNaN(value)) {
            return false;
        }
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(value), text);
        return true;
    }

    @Test
    void isoDatesAndDateTimes() {
        assertEquals(LocalDate.of(2024, 2, 29), TransactionCsv.parseIsoDate("2024-02-29"));
        assertEquals(LocalDate.of(2014, 3, 8), TransactionCsv.parseIsoDate("2014-03-08 00:00:00"));
        assertEquals(LocalDate.of(2014, 3, 8), TransactionCsv.parseIsoDate("2014-03-08T23:59:59.123Z"));
        assertEquals(LocalDate.of(2014, 3, 8), TransactionCsv.parseIsoDate("2014-03-08T10:00+01:00"));
        for (String bad : new String[] {"2023-02-29", "2024-13-01", "2024-1-01", "2024/01/01", "2024-01-01X10:00",
                "2024-01-01T25:00", "20240101", ""}) {
            assertThrows(java.time.DateTimeException.class, () -> TransactionCsv.parseIsoDate(bad), bad);
        }
    }
}
