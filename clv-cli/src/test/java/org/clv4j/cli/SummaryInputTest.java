package org.clv4j.cli;

import static org.clv4j.cli.BadInputTest.assertContains;
import static org.clv4j.cli.BadInputTest.assertOneLineError;
import static org.clv4j.cli.SummaryCommandTest.write;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad summary files given to {@code clv fit} and {@code clv predict}: one line on stderr naming the file, line,
 * column and value, exit code 1, nothing written.
 */
class SummaryInputTest {

    @TempDir
    Path dir;

    private Cli.Run fitFails(String... lines) throws IOException {
        Path file = write(dir, "s.csv", lines);
        Cli.Run run = Cli.run("fit", "--model", "bg-nbd", "--summary", file.toString());
        assertOneLineError(run, 1, "clv fit: error: " + file + ", line ");
        return run;
    }

    @Test
    void recencyAfterT() throws IOException {
        assertContains(fitFails("customer_id,frequency,recency,T", "a,1,5,10", "b,2,40,38.9"),
                "s.csv, line 3, column 'recency': recency must be <= T: recency=40.0, T=38.9 (value '40')");
    }

    @Test
    void negativeValues() throws IOException {
        assertContains(fitFails("frequency,recency,T", "1,5,10", "1,5,-1"),
                "line 3, column 'T': T must be >= 0 (value '-1')");
        assertContains(fitFails("frequency,recency,T", "-1,0,10"),
                "line 2, column 'frequency': frequency must be >= 0 (value '-1')");
        assertContains(fitFails("frequency,recency,T,monetary_value", "1,5,10,-3"),
                "line 2, column 'monetary_value': monetary_value must be >= 0 (value '-3')");
    }

    @Test
    void frequencyZeroWithRecency() throws IOException {
        assertContains(fitFails("frequency,recency,T", "1,5,10", "", "0,3,10"),
                "line 4, column 'recency': recency must be 0 when frequency is 0", "(value '3')");
    }

    @Test
    void nonIntegerFrequency() throws IOException {
        assertContains(fitFails("frequency,recency,T", "1.5,5,10"),
                "line 2, column 'frequency': frequency (repeat purchases) must be a whole number (value '1.5')");
    }

    @Test
    void unparsableBlankAndNonFiniteNumbers() throws IOException {
        assertContains(fitFails("frequency,recency,T", "1,abc,10"), "line 2, column 'recency': not a number",
                "(value 'abc')");
        assertContains(fitFails("frequency,recency,T", "1,5,NaN"), "line 2, column 'T': not a number",
                "(value 'NaN')");
        assertContains(fitFails("frequency,recency,T", "1,5,1e999"), "line 2, column 'T'", "too large",
                "(value '1e999')");
        assertContains(fitFails("frequency,recency,T", "1,,10"), "line 2, column 'recency': the cell is blank");
        assertContains(fitFails("frequency,recency,T", "1,\"3,5\",10"), "line 2, column 'recency'",
                "(value '3,5')");
    }

    @Test
    void wrongNumberOfFields() throws IOException {
        assertContains(fitFails("frequency,recency,T", "1,5,10", "1,5"),
                "line 3: the row has 2 fields but the header has 3");
    }

    @Test
    void missingColumnsAndEmptyFiles() throws IOException {
        Path noT = write(dir, "noT.csv", "frequency,recency,age", "1,5,10");
        Cli.Run run = Cli.run("fit", "--model", "bg-nbd", "--summary", noT.toString());
        assertOneLineError(run, 1, "clv fit: error: " + noT + ", line 1, column 'T': no such column");
        assertContains(run, "the header has: frequency, recency, age");

        Path noMoney = write(dir, "m.csv", "frequency,recency,T", "1,5,10");
        run = Cli.run("fit", "--model", "gamma-gamma", "--summary", noMoney.toString());
        assertOneLineError(run, 1, "clv fit: error: " + noMoney + ", line 1, column 'monetary_value'");

        Path noWeight = write(dir, "w.csv", "frequency,recency,T", "1,5,10");
        run = Cli.run("fit", "--model", "bg-nbd", "--summary", noWeight.toString(), "--weight-column", "n");
        assertOneLineError(run, 1, "clv fit: error: " + noWeight + ", line 1, column 'n': no such column "
                + "in the header (--weight-column)");

        Path empty = write(dir, "empty.csv");
        run = Cli.run("fit", "--model", "bg-nbd", "--summary", empty.toString());
        assertOneLineError(run, 1, "clv fit: error: " + empty + ": the file is empty");

        Path header = write(dir, "header.csv", "frequency,recency,T");
        run = Cli.run("fit", "--model", "bg-nbd", "--summary", header.toString());
        assertOneLineError(run, 1, "clv fit: error: " + header + ": no customers");

        run = Cli.run("fit", "--model", "bg-nbd", "--summary", dir.resolve("missing.csv").toString());
        assertOneLineError(run, 1, "clv fit: error: ");
        assertContains(run, "missing.csv");
    }

    @Test
    void badWeights() throws IOException {
        Path file = write(dir, "w.csv", "frequency,recency,T,weight", "1,5,10,3", "2,6,10,0");
        Cli.Run run = Cli.run("fit", "--model", "bg-nbd", "--summary", file.toString(), "--weight-column",
                "weight");
        assertOneLineError(run, 1, "clv fit: error: " + file + ", line 3, column 'weight': a weight must be > 0");
    }

    @Test
    void discretePeriodsMustBeWholeAndConsistent() throws IOException {
        Path file = write(dir, "p.csv", "frequency,recency,n_periods", "2,4,6", "1,2.5,6");
        Cli.Run run = Cli.run("fit", "--model", "bg-bb", "--summary", file.toString());
        assertOneLineError(run, 1, "clv fit: error: " + file + ", line 3, column 'recency': recency must be a "
                + "whole number of periods");
        file = write(dir, "q.csv", "frequency,recency,n_periods", "3,2,6");
        run = Cli.run("fit", "--model", "bg-bb", "--summary", file.toString());
        assertOneLineError(run, 1, "clv fit: error: " + file + ", line 2, column 'frequency': frequency must be "
                + "<= recency");
        file = write(dir, "r.csv", "frequency,recency,n_periods", "1,2,6.5");
        run = Cli.run("fit", "--model", "bg-bb", "--summary", file.toString());
        assertOneLineError(run, 1, "clv fit: error: " + file + ", line 2, column 'n_periods': n_periods must be "
                + "a whole number");
    }
}
