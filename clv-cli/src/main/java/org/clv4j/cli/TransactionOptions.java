package org.clv4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.clv4j.cli.csv.TransactionCsv;
import org.clv4j.core.summary.RefundPolicy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that say where the transactions are and how to read them; a picocli mixin shared by every subcommand
 * that reads a transaction file:
 * <pre>
 * --transactions FILE  [--customer-column customer_id] [--date-column date] [--amount-column amount]
 * [--date-format PATTERN] [--refunds reject|drop|net] [--drop-blank-customer-ids]
 * [--quantity-column NAME] [--order-column NAME [--cancellation-prefix P [--cancellations reject|drop|net]]]
 * [--blank-customer-id-value TEXT]...
 * </pre>
 * Messy exports (see {@link TransactionCsv.Format}): every cleaning rule is opt-in, and without it the reader
 * stops at the first offending row with a message naming the option.
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
            description = "Skip rows with a blank customer id (an empty cell or a placeholder such as (blank), "
                    + "see --blank-customer-id-value) and say how many, instead of failing.")
    boolean dropBlankCustomerIds;

    @Option(names = "--blank-customer-id-value", paramLabel = "TEXT",
            description = "A cell value that means 'no customer id' (repeatable; replaces the built-in "
                    + "placeholders (blank), (null), null, none, nil, nan, na, n/a, #n/a, undefined, compared "
                    + "ignoring case). --blank-customer-id-value '' makes only empty cells blank.")
    List<String> blankCustomerIdValues;

    @Option(names = "--quantity-column", paramLabel = "NAME",
            description = "Column with a quantity: the amount becomes quantity x the --amount-column value (a unit "
                    + "price).")
    String quantityColumn;

    @Option(names = "--order-column", paramLabel = "NAME",
            description = "Column with the order (invoice) id; needed by --cancellation-prefix.")
    String orderColumn;

    @Option(names = "--cancellation-prefix", paramLabel = "P",
            description = "Order ids starting with P are cancellations, handled by --cancellations (needs "
                    + "--order-column).")
    String cancellationPrefix;

    @Option(names = "--cancellations", paramLabel = "POLICY", defaultValue = "reject",
            converter = Converters.CancellationPolicyConverter.class,
            completionCandidates = Converters.RefundPolicies.class,
            description = "Cancellations: reject (an error, the default), drop (leave them out) or net (subtract "
                    + "them, with their negative amount, from the customer's spend).")
    RefundPolicy cancellations;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /**
     * The file.
     *
     * @return the transaction file as given
     */
    public Path file() {
        return transactions;
    }

    /**
     * The refund policy for the computations on the transactions read: {@code --refunds}, or {@code NET} when
     * cancellations are netted. The reader has already rejected or dropped other negative amounts under
     * {@code --refunds reject} or {@code drop}, so netting then applies to the cancellations only.
     *
     * @return what the computations do with negative amounts
     */
    public RefundPolicy refundPolicy() {
        return cancellationPrefix != null && cancellations == RefundPolicy.NET ? RefundPolicy.NET : refunds;
    }

    /**
     * The reader format from the options.
     *
     * @return the format
     * @throws IllegalArgumentException if the date pattern is invalid or a column name blank
     * @throws ParameterException if the cancellation options are inconsistent (exit code 2)
     */
    public TransactionCsv.Format format() {
        if (cancellationPrefix != null && orderColumn == null) {
            throw usage("--cancellation-prefix needs --order-column (the column with the order ids)");
        }
        if (cancellationPrefix == null && mixee != null
                && mixee.commandLine().getParseResult().hasMatchedOption("--cancellations")) {
            throw usage("--cancellations needs --cancellation-prefix (how cancellations are recognised)");
        }
        if (quantityColumn != null && amountColumn == null) {
            throw usage("--quantity-column needs --amount-column (the unit price to multiply)");
        }
        return new TransactionCsv.Format(customerColumn, dateColumn, amountColumn == null ? "amount" : amountColumn,
                amountColumn != null, dateFormat, refunds, dropBlankCustomerIds)
                .withQuantityColumn(quantityColumn)
                .withOrderColumn(orderColumn)
                .withCancellations(cancellationPrefix, cancellations)
                .withBlankCustomerIdValues(blankCustomerIdValues);
    }

    private RuntimeException usage(String message) {
        if (mixee == null) {
            return new IllegalArgumentException(message);
        }
        return new ParameterException(mixee.commandLine(), message);
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
