package org.clv4j.cli;

import static org.clv4j.cli.SummaryCommandTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input: each case must fail with exit code 1 (bad data) or 2 (bad command line), print exactly one line on
 * stderr naming the file, line, column and value where they apply, print no stack trace, and write nothing.
 */
class BadInputTest {

    @TempDir
    Path dir;

    /** Runs {@code clv summary} on a file with the given lines and checks the one-line error. */
    Cli.Run failsOn(String name, String header, String... rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(List.of(rows));
        Path file = write(dir, name, lines.toArray(String[]::new));
        Cli.Run run = Cli.run("summary", "--transactions", file.toString());
        assertOneLineError(run, 1, "clv summary: error: " + file);
        return run;
    }

    static void assertOneLineError(Cli.Run run, int exitCode, String prefix) {
        assertEquals(exitCode, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.err().startsWith(prefix), () -> "expected prefix '" + prefix + "': " + run);
        assertFalse(run.err().contains("\tat "), run::toString);
    }

    static void assertContains(Cli.Run run, String... parts) {
        for (String part : parts) {
            assertTrue(run.err().contains(part), () -> "expected '" + part + "' in: " + run.err());
        }
    }

    @Test
    void negativeAmountNamesTheRefundOption() throws IOException {
        Cli.Run run = failsOn("refund.csv", "customer_id,date,amount", "a,2024-01-01,10", "a,2024-01-02,-5");
        assertContains(run, "refund.csv, line 3, column 'amount'", "(value '-5')", "--refunds drop",
                "--refunds net");
    }

    @Test
    void nanInfiniteAndUnparsableAmounts() throws IOException {
        assertContains(failsOn("nan.csv", "customer_id,date,amount", "a,2024-01-01,NaN"),
                "nan.csv, line 2, column 'amount'", "not a number", "(value 'NaN')");
        assertContains(failsOn("inf.csv", "customer_id,date,amount", "a,2024-01-01,1", "a,2024-01-01,Infinity"),
                "line 3, column 'amount'", "(value 'Infinity')");
        assertContains(failsOn("huge.csv", "customer_id,date,amount", "a,2024-01-01,1e999"),
                "line 2, column 'amount'", "too large", "(value '1e999')");
        assertContains(failsOn("comma.csv", "customer_id,date,amount", "a,2024-01-01,\"12,50\""),
                "line 2, column 'amount'", "(value '12,50')");
        assertContains(failsOn("empty-amount.csv", "customer_id,date,amount", "a,2024-01-01,"),
                "line 2, column 'amount'", "(value '')");
    }

    @Test
    void blankCustomerIdFailsUnlessDropped() throws IOException {
        assertContains(failsOn("blank.csv", "customer_id,date,amount", "a,2024-01-01,1", "  ,2024-01-02,2"),
                "blank.csv, line 3, column 'customer_id'", "blank", "--drop-blank-customer-ids", "(value '  ')");

        Path file = dir.resolve("blank.csv");
        Cli.Run run = Cli.run("summary", "-t", file.toString(), "--drop-blank-customer-ids");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(2, run.csv().size());
        assertEquals(List.of("clv summary: note: " + file + ": skipped 1 rows with a blank customer id "
                + "(--drop-blank-customer-ids)"), run.errLines());
    }

    @Test
    void unparsableDates() throws IOException {
        assertContains(failsOn("month13.csv", "customer_id,date,amount", "a,2024-13-01,1"),
                "month13.csv, line 2, column 'date'", "not an ISO date", "(value '2024-13-01')", "--date-format");
        assertContains(failsOn("us.csv", "customer_id,date,amount", "a,12/1/2010,1"),
                "line 2, column 'date'", "(value '12/1/2010')");

        Path file = write(dir, "pattern.csv", "customer_id,date,amount", "a,1.2.2024,1", "a,2024-02-03,1");
        Cli.Run run = Cli.run("summary", "-t", file.toString(), "--date-format", "d.M.yyyy");
        assertOneLineError(run, 1, "clv summary: error: " + file);
        assertContains(run, "line 3, column 'date'", "pattern 'd.M.yyyy'", "(value '2024-02-03')");
    }

    @Test
    void invalidDatePatternIsAnError() throws IOException {
        Path file = write(dir, "t.csv", "customer_id,date,amount", "a,2024-01-01,1");
        Cli.Run run = Cli.run("summary", "-t", file.toString(), "--date-format", "yyyy-bb-dd");
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertContains(run, "invalid date pattern (--date-format): 'yyyy-bb-dd'");
    }

    @Test
    void transactionAfterTheObservationEnd() throws IOException {
        Path file = write(dir, "late.csv", "customer_id,date,amount", "a,1998-06-30,1", "b,1998-07-01,2");
        Cli.Run run = Cli.run("summary", "-t", file.toString(), "--observation-end", "1998-06-30");
        assertOneLineError(run, 1, "clv summary: error: " + file);
        assertContains(run, "line 3, column 'date'", "after the observation end 1998-06-30", "(value '1998-07-01')");

        Cli.Run historical = Cli.run("historical", "-t", file.toString(), "--observation-end", "1998-06-30",
                "--lifespan", "2");
        assertOneLineError(historical, 1, "clv historical: error: " + file);
        assertContains(historical, "line 3, column 'date'", "(value '1998-07-01')");
    }

    @Test
    void calibrationEndAfterTheObservationEnd() throws IOException {
        Path file = write(dir, "t.csv", "customer_id,date,amount", "a,1998-01-01,1", "a,1998-03-01,1");
        Cli.Run run = Cli.run("summary", "-t", file.toString(), "--calibration-end", "1998-07-01",
                "--observation-end", "1998-06-30");
        assertOneLineError(run, 2, "clv summary: invalid option value: calibration end must not be after the "
                + "observation end");
        assertContains(run, "calibrationEnd=1998-07-01", "observationEnd=1998-06-30");

        // without --observation-end the last transaction date ends the window
        Cli.Run implicit = Cli.run("summary", "-t", file.toString(), "--calibration-end", "1998-03-01");
        assertOneLineError(implicit, 1, "clv summary: error: " + file);
        assertContains(implicit, "calibration end must be before the observation end");
    }

    @Test
    void emptyInput() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        Cli.Run run = Cli.run("summary", "-t", empty.toString());
        assertOneLineError(run, 1, "clv summary: error: " + empty);
        assertContains(run, "the file is empty");

        assertContains(failsOn("header.csv", "customer_id,date,amount"), "no transactions");

        Path blank = write(dir, "allblank.csv", "customer_id,date,amount", ",2024-01-01,1");
        Cli.Run dropped = Cli.run("summary", "-t", blank.toString(), "--drop-blank-customer-ids");
        assertOneLineError(dropped, 1, "clv summary: error: " + blank);
        assertContains(dropped, "no transactions left: all 1 rows were skipped");
    }

    @Test
    void missingColumns() throws IOException {
        assertContains(failsOn("nocustomer.csv", "client,date,amount", "a,2024-01-01,1"),
                "nocustomer.csv, line 1, column 'customer_id'", "--customer-column", "the header has: client, date, "
                        + "amount");
        Path file = write(dir, "noamount.csv", "customer_id,date", "a,2024-01-01");
        Cli.Run run = Cli.run("summary", "-t", file.toString(), "--amount-column", "revenue");
        assertOneLineError(run, 1, "clv summary: error: " + file);
        assertContains(run, "line 1, column 'revenue'", "--amount-column");
        assertContains(failsOn("short.csv", "customer_id,date,amount", "a,2024-01-01,1", "b"),
                "short.csv, line 3", "the row has 1 fields", "(value 'b')");
    }

    @Test
    void malformedCsvAndMissingFile() throws IOException {
        assertContains(failsOn("quote.csv", "customer_id,date,amount", "a,2024-01-01,1", "\"b,2024-01-02,1"),
                "quote.csv, line", "malformed CSV");
        Cli.Run missing = Cli.run("summary", "-t", dir.resolve("nope.csv").toString());
        assertOneLineError(missing, 1, "clv summary: error: no such file: " + dir.resolve("nope.csv"));
    }

    @Test
    void nothingIsWrittenOnError() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("customer_id,date,amount");
        for (int i = 0; i < 5000; i++) {
            lines.add("c" + i + ",2024-01-01," + i);
        }
        lines.add("late,2024-01-02,oops");
        Path file = write(dir, "big.csv", lines.toArray(String[]::new));
        Path target = Files.writeString(dir.resolve("out.csv"), "old content\n");
        Cli.Run run = Cli.run("summary", "-t", file.toString(), "--output", target.toString());
        assertOneLineError(run, 1, "clv summary: error: " + file);
        assertContains(run, "line 5002, column 'amount'", "(value 'oops')");
        assertEquals("old content\n", Files.readString(target));
        Path fresh = dir.resolve("fresh.csv");
        assertEquals(1, Cli.run("historical", "-t", file.toString(), "-o", fresh.toString()).exitCode());
        assertFalse(Files.exists(fresh));
        try (Stream<Path> listing = Files.list(dir)) {
            assertEquals(List.of("big.csv", "out.csv"), listing.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "no temporary files left");
        }
    }

    @Test
    void outputIntoAMissingDirectory() throws IOException {
        Path file = write(dir, "t.csv", "customer_id,date,amount", "a,2024-01-01,1");
        Cli.Run run = Cli.run("summary", "-t", file.toString(), "-o", dir.resolve("no/such/dir/out.csv").toString());
        assertOneLineError(run, 1, "clv summary: error: ");
        assertContains(run, "the output directory does not exist");
    }

    @Test
    void verbosePrintsTheStackTrace() throws IOException {
        Path file = write(dir, "nan.csv", "customer_id,date,amount", "a,2024-01-01,NaN");
        Cli.Run run = Cli.run("summary", "-t", file.toString(), "--verbose");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("\tat org.clv4j.cli"), run::toString);
        assertTrue(run.err().strip().endsWith("(value 'NaN')"), run::toString);
    }

    @Test
    void commandLineErrorsAreOneLineWithExitCodeTwo() throws IOException {
        assertOneLineError(Cli.run("summary"), 2, "clv summary: Missing required option: '--transactions=FILE'");
        Path file = write(dir, "t.csv", "customer_id,date,amount", "a,2024-01-01,1");
        Cli.Run unit = Cli.run("summary", "-t", file.toString(), "--time-unit", "fortnight");
        assertOneLineError(unit, 2, "clv summary: Invalid value for option '--time-unit'");
        assertContains(unit, "'fortnight' is not a time unit");
        Cli.Run date = Cli.run("summary", "-t", file.toString(), "--observation-end", "30/06/1998");
        assertOneLineError(date, 2, "clv summary: Invalid value for option '--observation-end'");
        Cli.Run refunds = Cli.run("summary", "-t", file.toString(), "--refunds", "keep");
        assertOneLineError(refunds, 2, "clv summary: Invalid value for option '--refunds'");
        Cli.Run margin = Cli.run("historical", "-t", file.toString(), "--margin", "1.5");
        assertOneLineError(margin, 2, "clv historical: invalid option value: margin must be a fraction in [0, 1]");
        Cli.Run lifespan = Cli.run("historical", "-t", file.toString(), "--lifespan", "-1");
        assertOneLineError(lifespan, 2, "clv historical: invalid option value: lifespan must be finite and > 0");
        Cli.Run unknown = Cli.run("sumary");
        assertEquals(2, unknown.exitCode(), unknown::toString);
        assertEquals(1, unknown.errLines().size(), unknown::toString);
    }
}
