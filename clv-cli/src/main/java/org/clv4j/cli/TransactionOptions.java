package org.clv4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import org.clv4j.cli.csv.TransactionCsv;
import org.clv4j.core.summary.RefundPolicy;
import picocli.CommandLine.Option;

/**
 * The options that say where the transactions are and how to read them; a picocli mixin shared by every subcommand
 * that reads a transaction file:
 * <pre>
 * --transactions FILE  [--customer-column customer_id] [--date-column date] [--amount-column amount]
 * [--date-format PATTERN] [--refunds reject|drop|net] [--drop-blank-customer-ids]
 * </pre>
 * Use it with {@code @Mixin TransactionOptions input;} and read with {@link #open(LocalDate)}.
 */
public final class TransactionOptions {

    @Option(names = {"-t", "--transactions"}, required = true, paramLabel = "FILE",
            description = "Transaction CSV file with a header row; one row per order.")
    Path transactions;

    @Option(names = "--customer-column", paramLabel = "NAME", defaultValue = "customer_id",
            description = "Column with the customer id (default: ${DEFAULT-VALUE}).")
    String customerColumn;

    @Option(names = "--date-column", paramLabel = "NAME", defaultValue = "date",
            description = "Column with the order date (default: ${DEFAULT-VALUE}).")
    String dateColumn;

    @Option(names = "--amount-column", paramLabel = "NAME",
            description = "Column with the order amount (default: amount, if the file has it; without an amount "
                    + "column every amount is 0).")
    String amountColumn;

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "java.time pattern of the dates, such as M/d/yyyy or dd.MM.yyyy HH:mm (default: ISO, "
                    + "2024-03-01; date-times are truncated to the day).")
    String dateFormat;

    @Option(names = "--refunds", paramLabel = "POLICY", defaultValue = "reject",
            converter = Converters.RefundPolicyConverter.class, completionCandidates = Converters.RefundPolicies.class,
            description = "Negative amounts: reject (an error, the default), drop (leave them out) or net "
                    + "(subtract them from the customer's spend).")
    RefundPolicy refunds;

    @Option(names = "--drop-blank-customer-ids",
            description = "Skip rows with a blank customer id (and say how many) instead of failing.")
    boolean dropBlankCustomerIds;

    /**
     * The file.
     *
     * @return the transaction file as given
     */
    public Path file() {
        return transactions;
    }

    /**
     * The refund policy.
     *
     * @return what to do with negative amounts
     */
    public RefundPolicy refundPolicy() {
        return refunds;
    }

    /**
     * The reader format from the options.
     *
     * @return the format
     * @throws IllegalArgumentException if the date pattern is invalid or a column name blank
     */
    public TransactionCsv.Format format() {
        return new TransactionCsv.Format(customerColumn, dateColumn, amountColumn == null ? "amount" : amountColumn,
                amountColumn != null, dateFormat, refunds, dropBlankCustomerIds);
    }

    /**
     * Opens the transaction file and checks its header.
     *
     * @param observationEnd rows dated after it are errors; {@code null} for none
     * @return the reader
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException for a missing column, an empty file or an invalid option
     */
    public TransactionCsv open(LocalDate observationEnd) throws IOException {
        return TransactionCsv.open(TransactionCsv.Source.file(transactions), format())
                .withObservationEnd(observationEnd);
    }

    /**
     * Prints the reader's notes on skipped rows to stderr, as {@code clv <command>: note: ...}.
     *
     * @param err the error stream
     * @param command the qualified command name
     * @param csv the reader, after the computation
     */
    public static void printNotes(PrintWriter err, String command, TransactionCsv csv) {
        for (String note : csv.notes()) {
            err.println(command + ": note: " + note);
        }
        err.flush();
    }
}
