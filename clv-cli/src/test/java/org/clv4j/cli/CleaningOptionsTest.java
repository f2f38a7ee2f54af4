package org.clv4j.cli;

import static org.clv4j.cli.BadInputTest.assertContains;
import static org.clv4j.cli.BadInputTest.assertOneLineError;
import static org.clv4j.cli.SummaryCommandTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opt-in cleaning rules of the transaction reader: quantity × unit price, cancellations by order-id prefix,
 * placeholders for missing customer ids. Each default is an error naming the option; each rule is checked on a
 * hand-computed file through {@code clv summary} (day units: recency and T in days, monetary value = mean repeat
 * purchase day spend).
 */
class CleaningOptionsTest {

    @TempDir
    Path dir;

    Path invoices() throws IOException {
        return write(dir, "invoices.csv", "InvoiceNo,Date,Customer,Qty,Price",
                "100,2024-01-01,a,2,5",        // a: 10
                "101,2024-01-11,a,3,2.5",      // a: 7.5
                "C102,2024-01-12,a,-1,2.5",    // a: cancels 2.5
                "103,2024-01-05,b,1,4",        // b: 4
                "C104,2024-01-06,b,-1,4",      // b: cancels it all
                "105,2024-01-21,b,2,3");       // b: 6
    }

    static String[] args(Path file, String... more) {
        String[] base = {"summary", "-t", file.toString(), "--customer-column", "Customer", "--date-column", "Date",
            "--amount-column", "Price", "--quantity-column", "Qty"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void quantityTimesUnitPriceAndCancellationsDropped() throws IOException {
        Path file = invoices();
        Cli.Run run = Cli.run(args(file, "--order-column", "InvoiceNo", "--cancellation-prefix", "C",
                "--cancellations", "drop"));
        assertEquals(0, run.exitCode(), run::toString);
        List<CSVRecord> rows = run.csv();
        // a: days 01-01 (10) and 01-11 (7.5): frequency 1, recency 10, T 20 (to 01-21), monetary 7.5
        assertEquals(List.of("a", "1", "10.0", "20.0", "7.5"), rows.get(1).toList());
        // b: days 01-05 (4) and 01-21 (6): frequency 1, recency 16, T 16, monetary 6
        assertEquals(List.of("b", "1", "16.0", "16.0", "6.0"), rows.get(2).toList());
        assertEquals(List.of("clv summary: note: " + file + ": skipped 2 cancellations, order ids starting with "
                + "'C' (--cancellations drop)"), run.errLines());
    }

    @Test
    void cancellationsNetted() throws IOException {
        Path file = invoices();
        Cli.Run run = Cli.run(args(file, "--order-column", "InvoiceNo", "--cancellation-prefix", "C",
                "--cancellations", "net"));
        assertEquals(0, run.exitCode(), run::toString);
        List<CSVRecord> rows = run.csv();
        // a: the cancellation of 2.5 on 01-12 falls after the repeat purchase: repeat spend 7.5 - 2.5 = 5
        assertEquals(List.of("a", "1", "10.0", "20.0", "5.0"), rows.get(1).toList());
        // b: the cancellation reduces the spend of the calibration window; repeat spend 6 - 4 = 2 (RefundPolicy.NET:
        // refunds net against the repeat-purchase spend)
        assertEquals(List.of("b", "1", "16.0", "16.0", "2.0"), rows.get(2).toList());
        assertEquals(List.of("clv summary: note: " + file + ": netted 2 cancellations, order ids starting with 'C', "
                + "against their customers' spend (--cancellations net)"), run.errLines());
    }

    @Test
    void cancellationsRejectedByDefaultAndOptionsChecked() throws IOException {
        Path file = invoices();
        Cli.Run reject = Cli.run(args(file, "--order-column", "InvoiceNo", "--cancellation-prefix", "C"));
        assertOneLineError(reject, 1, "clv summary: error: " + file + ", line 4, column 'InvoiceNo'");
        assertContains(reject, "--cancellations drop", "--cancellations net", "(value 'C102')");

        Cli.Run refunds = Cli.run(args(file));
        assertOneLineError(refunds, 1, "clv summary: error: " + file + ", line 4, column 'Qty x Price'");
        assertContains(refunds, "negative amount", "(value '-1 x 2.5')", "--cancellation-prefix");

        assertOneLineError(Cli.run(args(file, "--cancellation-prefix", "C")), 2,
                "clv summary: --cancellation-prefix needs --order-column");
        assertOneLineError(Cli.run(args(file, "--order-column", "InvoiceNo", "--cancellations", "drop")), 2,
                "clv summary: --cancellations needs --cancellation-prefix");
        assertOneLineError(Cli.run(args(file, "--order-column", "InvoiceNo", "--cancellation-prefix", "C",
                "--cancellations", "keep")), 2, "clv summary: Invalid value for option '--cancellations'");
        assertOneLineError(Cli.run("summary", "-t", file.toString(), "--customer-column", "Customer",
                "--date-column", "Date", "--quantity-column", "Qty"), 2,
                "clv summary: --quantity-column needs --amount-column");
        Cli.Run missing = Cli.run(args(file, "--order-column", "Invoice"));
        assertOneLineError(missing, 1, "clv summary: error: " + file + ", line 1, column 'Invoice'");
        assertContains(missing, "--order-column");
    }

    @Test
    void aCancellationToNetNeedsANegativeAmount() throws IOException {
        Path file = write(dir, "odd.csv", "InvoiceNo,Date,Customer,Qty,Price", "100,2024-01-01,a,2,5",
                "C101,2024-01-02,a,1,5");
        Cli.Run run = Cli.run(args(file, "--order-column", "InvoiceNo", "--cancellation-prefix", "C",
                "--cancellations", "net"));
        assertOneLineError(run, 1, "clv summary: error: " + file + ", line 3, column 'Qty x Price'");
        assertContains(run, "must have a negative amount", "(value '1 x 5')");
    }

    @Test
    void badQuantities() throws IOException {
        Path file = write(dir, "q.csv", "InvoiceNo,Date,Customer,Qty,Price", "100,2024-01-01,a,two,5");
        Cli.Run run = Cli.run(args(file));
        assertOneLineError(run, 1, "clv summary: error: " + file + ", line 2, column 'Qty'");
        assertContains(run, "the quantity is not a number", "(value 'two')");
        Path price = write(dir, "p.csv", "InvoiceNo,Date,Customer,Qty,Price", "100,2024-01-01,a,2,");
        assertContains(Cli.run(args(price)), "line 2, column 'Price'", "the unit price is not a number");
        Path huge = write(dir, "h.csv", "InvoiceNo,Date,Customer,Qty,Price", "100,2024-01-01,a,1e200,1e200");
        assertContains(Cli.run(args(huge)), "line 2, column 'Qty'", "too large", "(value '1e200 x 1e200')");
    }

    @Test
    void placeholderCustomerIds() throws IOException {
        Path file = write(dir, "ids.csv", "customer_id,date,amount", "a,2024-01-01,1", "(blank),2024-01-02,2",
                "N/A,2024-01-03,3", "na-42,2024-01-04,4");
        Cli.Run run = Cli.run("summary", "-t", file.toString());
        assertOneLineError(run, 1, "clv summary: error: " + file + ", line 3, column 'customer_id'");
        assertContains(run, "placeholder", "--drop-blank-customer-ids", "--blank-customer-id-value",
                "(value '(blank)')");

        Cli.Run dropped = Cli.run("summary", "-t", file.toString(), "--drop-blank-customer-ids");
        assertEquals(0, dropped.exitCode(), dropped::toString);
        assertEquals(List.of("a", "na-42"), dropped.csv().subList(1, 3).stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("clv summary: note: " + file + ": skipped 2 rows with a blank customer id "
                + "(--drop-blank-customer-ids)"), dropped.errLines());

        // a declared placeholder replaces the built-in list: N/A is then a real id
        Cli.Run declared = Cli.run("summary", "-t", file.toString(), "--blank-customer-id-value", "(blank)",
                "--drop-blank-customer-ids");
        assertEquals(0, declared.exitCode(), declared::toString);
        assertEquals(List.of("a", "N/A", "na-42"), declared.csv().subList(1, 4).stream().map(r -> r.get(0))
                .toList());

        // only empty cells are blank
        Cli.Run none = Cli.run("summary", "-t", file.toString(), "--blank-customer-id-value", "");
        assertEquals(0, none.exitCode(), none::toString);
        assertEquals(5, none.csv().size());
    }
}
