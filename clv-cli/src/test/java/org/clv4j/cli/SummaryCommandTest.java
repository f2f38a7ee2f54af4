package org.clv4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clv summary}, run in-process. The CDNOW case reproduces the published calibration summary of Fader,
 * Hardie &amp; Lee (2005) as shipped by R BTYD 2.4.3 ({@code data/cdnow_sample_summary.csv}, see
 * {@code data/PROVENANCE.md}): frequencies exactly, recency, T and monetary value to 1e-9 (the reference file has 15
 * significant digits).
 */
class SummaryCommandTest {

    static final Path DATA = Path.of("..", "data");

    @Test
    void reproducesTheCdnowReferenceSummary() throws IOException {
        Cli.Run run = Cli.run("summary", "--transactions", DATA.resolve("cdnow_sample_transactions.csv").toString(),
                "--time-unit", "week", "--calibration-end", "1997-09-30", "--observation-end", "1998-06-30");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err());
        List<CSVRecord> rows = run.csv();
        assertEquals(List.of("customer_id", "frequency", "recency", "T", "monetary_value", "holdout_frequency",
                "holdout_monetary_value"), rows.get(0).toList());
        Map<String, CSVRecord> byId = new HashMap<>();
        for (CSVRecord r : rows.subList(1, rows.size())) {
            byId.put(r.get(0), r);
        }
        List<String> reference = Files.readAllLines(DATA.resolve("cdnow_sample_summary.csv"));
        assertEquals(2357, reference.size() - 1);
        assertEquals(2357, byId.size());
        assertEquals(2357, rows.size() - 1);
        for (String line : reference.subList(1, reference.size())) {
            String[] f = line.split(",");
            CSVRecord r = byId.get(f[0]);
            assertEquals(f[1], r.get(1), "frequency of " + f[0]);
            assertEquals(Double.parseDouble(f[2]), Double.parseDouble(r.get(2)), 1e-9, "recency of " + f[0]);
            assertEquals(Double.parseDouble(f[3]), Double.parseDouble(r.get(3)), 1e-9, "T of " + f[0]);
            assertEquals(Double.parseDouble(f[4]), Double.parseDouble(r.get(4)), 1e-9,
                    "monetary value of " + f[0]);
            assertEquals(f[5], r.get(5), "holdout frequency of " + f[0]);
        }
        // RFC 4180: CRLF after every row, nothing after the last one
        assertTrue(run.out().endsWith("\r\n") && !run.out().endsWith("\r\n\r\n"));
        assertEquals(2358, run.out().split("\r\n", -1).length - 1);
    }

    @Test
    void holdoutMonetaryValueIsTheMeanOfTheHoldoutPurchaseDays(@TempDir Path dir) throws IOException {
        // c1: calibration days 01-01 (10) and 01-08 (20 + 4 on the same day); holdout days 02-01 (6) and 02-15 (9)
        Path file = write(dir, "t.csv", "customer_id,date,amount",
                "c1,2024-01-01,10", "c1,2024-01-08,20", "c1,2024-01-08,4", "c1,2024-02-01,6", "c1,2024-02-15,9",
                "c2,2024-01-20,5");
        Cli.Run run = Cli.run("summary", "-t", file.toString(), "--time-unit", "week",
                "--calibration-end", "2024-01-29", "--observation-end", "2024-02-26");
        assertEquals(0, run.exitCode(), run::toString);
        List<CSVRecord> rows = run.csv();
        // c1: frequency 1, recency 1 week, T 4 weeks, monetary 24; holdout 2 days, mean (6 + 9) / 2 = 7.5
        assertEquals(List.of("c1", "1", "1.0", "4.0", "24.0", "2", "7.5"), rows.get(1).toList());
        // c2: first purchase 9 days before the calibration end
        assertEquals(List.of("c2", "0", "0.0", Double.toString(9 / 7.0), "0.0", "0", "0.0"), rows.get(2).toList());
    }

    @Test
    void withoutCalibrationEndTheLastTransactionEndsTheWindow(@TempDir Path dir) throws IOException {
        Path file = write(dir, "t.csv", "customer_id,date,amount", "a,2024-01-01,10", "a,2024-01-11,30",
                "b,2024-01-21,5");
        Cli.Run run = Cli.run("summary", "-t", file.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("customer_id", "frequency", "recency", "T", "monetary_value"), run.csv().get(0).toList());
        assertEquals(List.of("a", "1", "10.0", "20.0", "30.0"), run.csv().get(1).toList());   // days
        assertEquals(List.of("b", "0", "0.0", "0.0", "0.0"), run.csv().get(2).toList());
    }

    @Test
    void customColumnsDateTimesAndPatterns(@TempDir Path dir) throws IOException {
        // date-times are truncated to the day: the two 2014-03-08 rows are one purchase day
        Path iso = write(dir, "iso.csv", "when,who,total,extra",
                "2014-03-01 09:15:00,x,1.5,q", "2014-03-08T23:59:59,x,2.5,q", "2014-03-08 00:00,x,3,q",
                "2014-03-15T10:00:00Z,x,4,q");
        Cli.Run run = Cli.run("summary", "-t", iso.toString(), "--customer-column", "who", "--date-column", "when",
                "--amount-column", "total");
        assertEquals(0, run.exitCode(), run::toString);
        // repeat days 03-08 (2.5 + 3) and 03-15 (4): frequency 2, recency 14 days, monetary (5.5 + 4) / 2
        assertEquals(List.of("x", "2", "14.0", "14.0", "4.75"), run.csv().get(1).toList());

        Path us = write(dir, "us.csv", "InvoiceDate,CustomerID,Price", "12/1/2010 8:26,17850,3.91",
                "12/31/2010 17:05,17850,1.85");
        Cli.Run usRun = Cli.run("summary", "-t", us.toString(), "--customer-column", "CustomerID",
                "--date-column", "InvoiceDate", "--amount-column", "Price", "--date-format", "M/d/yyyy H:mm");
        assertEquals(0, usRun.exitCode(), usRun::toString);
        CSVRecord row = usRun.csv().get(1);
        assertEquals(List.of("17850", "1", "30.0", "30.0"), row.toList().subList(0, 4));
        assertEquals(1.85, Double.parseDouble(row.get(4)), 1e-12);
    }

    @Test
    void aFileWithoutAmountsGivesMonetaryValueZero(@TempDir Path dir) throws IOException {
        Path file = write(dir, "t.csv", "date,customer_id", "2014-03-08 00:00:00,0", "2014-05-21 00:00:00,0");
        Cli.Run run = Cli.run("summary", "-t", file.toString(), "--time-unit", "day");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("0", "1", "74.0", "74.0", "0.0"), run.csv().get(1).toList());
    }

    @Test
    void zeroAmountOrdersAreOrders(@TempDir Path dir) throws IOException {
        Path file = write(dir, "t.csv", "customer_id,date,amount", "a,2024-01-01,0", "a,2024-01-03,0.00");
        Cli.Run run = Cli.run("summary", "-t", file.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("a", "1", "2.0", "2.0", "0.0"), run.csv().get(1).toList());
    }

    @Test
    void outputFileHasTheSameContentAsStdout(@TempDir Path dir) throws IOException {
        Path file = write(dir, "t.csv", "customer_id,date,amount", "a,2024-01-01,10", "a,2024-01-11,30");
        Path target = dir.resolve("summary.csv");
        Cli.Run toFile = Cli.run("summary", "-t", file.toString(), "--output", target.toString());
        Cli.Run toStdout = Cli.run("summary", "-t", file.toString());
        assertEquals(0, toFile.exitCode(), toFile::toString);
        assertEquals("", toFile.out());
        assertEquals(toStdout.out(), Files.readString(target));
        try (var listing = Files.list(dir)) {
            assertEquals(2, listing.count(), "no temporary file is left behind");
        }
    }

    @Test
    void refundsCanBeDroppedOrNetted(@TempDir Path dir) throws IOException {
        Path file = write(dir, "t.csv", "customer_id,date,amount", "a,2024-01-01,10", "a,2024-01-11,30",
                "a,2024-01-12,-5", "r,2024-01-05,-1");
        Cli.Run dropped = Cli.run("summary", "-t", file.toString(), "--refunds", "drop");
        assertEquals(0, dropped.exitCode(), dropped::toString);
        // a dropped refund is as if the row were not there: the window ends at the last purchase, 01-11
        assertEquals(List.of("a", "1", "10.0", "10.0", "30.0"), dropped.csv().get(1).toList());
        assertEquals(2, dropped.csv().size(), "the refund-only customer r is not a customer");
        assertTrue(dropped.err().contains("skipped 2 rows with a negative amount (--refunds drop)"), dropped.err());

        Path noRefundOnly = write(dir, "n.csv", "customer_id,date,amount", "a,2024-01-01,10", "a,2024-01-11,30",
                "a,2024-01-12,-5");
        Cli.Run netted = Cli.run("summary", "-t", noRefundOnly.toString(), "--refunds", "NET");
        assertEquals(0, netted.exitCode(), netted::toString);
        assertEquals(List.of("a", "1", "10.0", "11.0", "25.0"), netted.csv().get(1).toList());
    }

    static Path write(Path dir, String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
