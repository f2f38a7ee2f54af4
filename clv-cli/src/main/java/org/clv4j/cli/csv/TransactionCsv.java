package org.clv4j.cli.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import org.clv4j.core.Transaction;
import org.clv4j.core.TransactionRecord;
import org.clv4j.core.summary.RefundPolicy;

/**
 * A transaction log in a CSV file, read as a stream of {@link TransactionRecord}s with every bad cell reported by
 * file, line, column and value.
 *
 * <p>The file must have a header row. Three columns are used: the customer id, the date and, optionally, the amount;
 * other columns are ignored. Cells are trimmed. Dates are ISO ({@code 2024-03-01}) by default, or follow a
 * {@link DateTimeFormatter} pattern; date-times ({@code 2024-03-01T14:05:00}, {@code 2024-03-01 14:05}, or per
 * the pattern) are truncated to the day. Amounts are plain decimal numbers ({@code 12.5}, {@code -3}, {@code 1e3});
 * without an amount column every amount is 0.
 *
 * <p>Each {@link #iterator()} re-opens the source and streams it, so the object can be handed to clv-core as an
 * {@code Iterable} that is read twice when needed (see {@code CustomerSummaries.summarize}). Wrap the computation in
 * {@link #compute(Function)}: an {@link IllegalArgumentException} raised by the computation while it handles a row
 * (a transaction after the observation end, say) is then reported with that row's line.
 *
 * <pre>{@code
 * TransactionCsv csv = TransactionCsv.open(TransactionCsv.Source.file(path), TransactionCsv.Format.defaults());
 * List<CustomerSummary> summaries = csv.compute(log -> CustomerSummaries.summarize(log, options));
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class TransactionCsv implements Iterable<TransactionRecord> {

    /** Where the CSV text comes from; opened once per pass. */
    public interface Source {

        /**
         * The name used in error messages: the path as given, or a resource name.
         *
         * @return the name
         */
        String name();

        /**
         * Opens a fresh reader at the start of the text.
         *
         * @return the reader; the caller closes it
         * @throws IOException if the source cannot be opened
         */
        Reader open() throws IOException;

        /**
         * A UTF-8 file.
         *
         * @param path the file
         * @return the source
         */
        static Source file(Path path) {
            Objects.requireNonNull(path, "path");
            return new Source() {
                @Override
                public String name() {
                    return path.toString();
                }

                @Override
                public Reader open() throws IOException {
                    return Files.newBufferedReader(path, StandardCharsets.UTF_8);
                }
            };
        }

        /**
         * A UTF-8 classpath resource.
         *
         * @param resource the absolute resource path, such as {@code /org/clv4j/cli/demo/data.csv}
         * @param name the name for messages
         * @return the source
         */
        static Source resource(String resource, String name) {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(name, "name");
            return new Source() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public Reader open() throws IOException {
                    InputStream in = TransactionCsv.class.getResourceAsStream(resource);
                    if (in == null) {
                        throw new IOException("resource not found on the classpath: " + resource);
                    }
                    return new InputStreamReader(in, StandardCharsets.UTF_8);
                }
            };
        }
    }

    /**
     * Which columns hold what, how dates are written, and what to do with refunds, cancellations and blank customer
     * ids. Build one from {@link #defaults()} with the {@code withX} copies.
     *
     * <p>Cleaning rules for messy exports, each opt-in and each reported:
     * <ul>
     *   <li><b>quantity</b>: with a quantity column, a row's amount is quantity × the amount column (a unit price);
     *   </li>
     *   <li><b>cancellations</b>: with an order column and a cancellation prefix, a row whose order id starts with
     *       the prefix is a cancellation: rejected (the default, an error naming the row), dropped, or netted (passed
     *       on as a refund, which needs a negative amount);</li>
     *   <li><b>blank customer ids</b>: an empty cell, or a cell equal to one of {@link #blankCustomerIdValues()},
     *       has no customer id: an error unless {@link #dropBlankCustomerIds()}. By default those values are the
     *       {@link #PLACEHOLDER_CUSTOMER_IDS well-known placeholders} such as {@code (blank)} or {@code N/A}
     *       (compared ignoring case), so that a placeholder is never taken for a real customer.</li>
     * </ul>
     *
     * @param customerColumn the header name of the customer id column
     * @param dateColumn the header name of the date column
     * @param amountColumn the header name of the amount column (the unit price when a quantity column is set)
     * @param amountRequired whether the amount column must exist; when false and the file has no such column,
     *        every amount is 0
     * @param datePattern a {@link DateTimeFormatter} pattern such as {@code M/d/yyyy H:mm}, or {@code null} for ISO
     *        dates and date-times
     * @param refundPolicy negative amounts (other than cancellations): rejected (an error naming the row), dropped,
     *        or passed on to be netted
     * @param dropBlankCustomerIds whether rows with a blank customer id are skipped (and counted) instead of an error
     * @param quantityColumn the header name of a quantity column multiplying the amount, or {@code null}
     * @param orderColumn the header name of the order id column, or {@code null}
     * @param cancellationPrefix order ids starting with it are cancellations, or {@code null} for none; needs an
     *        order column
     * @param cancellationPolicy what to do with cancellations: reject, drop or net
     * @param blankCustomerIdValues cell values (exact, after trimming) that mean "no customer id" besides the empty
     *        cell, or {@code null} for the {@link #PLACEHOLDER_CUSTOMER_IDS built-in placeholders} (ignoring case)
     */
    public record Format(String customerColumn, String dateColumn, String amountColumn, boolean amountRequired,
                         String datePattern, RefundPolicy refundPolicy, boolean dropBlankCustomerIds,
                         String quantityColumn, String orderColumn, String cancellationPrefix,
                         RefundPolicy cancellationPolicy, List<String> blankCustomerIdValues) {

        /**
         * Customer id values read as "no customer id" unless {@link #blankCustomerIdValues()} says otherwise,
         * compared ignoring case: the usual spellings of a missing value in spreadsheet and database exports.
         */
        public static final List<String> PLACEHOLDER_CUSTOMER_IDS = List.of("(blank)", "(null)", "(none)",
                "(empty)", "null", "none", "nil", "nan", "na", "n/a", "#n/a", "undefined");

        /**
         * Validates the components.
         *
         * @param customerColumn the header name of the customer id column
         * @param dateColumn the header name of the date column
         * @param amountColumn the header name of the amount column
         * @param amountRequired whether the amount column must exist
         * @param datePattern a {@link DateTimeFormatter} pattern, or {@code null} for ISO
         * @param refundPolicy what to do with negative amounts
         * @param dropBlankCustomerIds whether rows with a blank customer id are skipped
         * @param quantityColumn the quantity column, or {@code null}
         * @param orderColumn the order id column, or {@code null}
         * @param cancellationPrefix the prefix of cancellation order ids, or {@code null}
         * @param cancellationPolicy what to do with cancellations
         * @param blankCustomerIdValues the values meaning "no customer id", or {@code null} for the placeholders
         * @throws IllegalArgumentException if a column name or the cancellation prefix is blank, the date pattern is
         *         invalid, or a cancellation prefix is given without an order column
         */
        public Format {
            requireColumn(customerColumn, "--customer-column");
            requireColumn(dateColumn, "--date-column");
            requireColumn(amountColumn, "--amount-column");
            if (quantityColumn != null) {
                requireColumn(quantityColumn, "--quantity-column");
            }
            if (orderColumn != null) {
                requireColumn(orderColumn, "--order-column");
            }
            Objects.requireNonNull(refundPolicy, "refundPolicy");
            Objects.requireNonNull(cancellationPolicy, "cancellationPolicy");
            if (cancellationPrefix != null) {
                if (cancellationPrefix.isBlank()) {
                    throw new IllegalArgumentException("the cancellation prefix must not be blank: "
                            + "--cancellation-prefix='" + cancellationPrefix + "'");
                }
                if (orderColumn == null) {
                    throw new IllegalArgumentException("a cancellation prefix needs the order id column: "
                            + "--cancellation-prefix='" + cancellationPrefix + "' without --order-column");
                }
            }
            if (blankCustomerIdValues != null) {
                List<String> trimmed = new ArrayList<>(blankCustomerIdValues.size());
                for (String value : blankCustomerIdValues) {
                    trimmed.add(Objects.requireNonNull(value, "blankCustomerIdValues").trim());
                }
                blankCustomerIdValues = List.copyOf(trimmed);
            }
            if (datePattern != null) {
                dateFormatter(datePattern);
            }
        }

        /**
         * The format of the original seven settings: no quantity, order or cancellation columns, the built-in
         * placeholders as blank customer ids.
         *
         * @param customerColumn the header name of the customer id column
         * @param dateColumn the header name of the date column
         * @param amountColumn the header name of the amount column
         * @param amountRequired whether the amount column must exist
         * @param datePattern a {@link DateTimeFormatter} pattern, or {@code null} for ISO
         * @param refundPolicy what to do with negative amounts
         * @param dropBlankCustomerIds whether rows with a blank customer id are skipped
         * @throws IllegalArgumentException if a column name is blank or the date pattern is invalid
         */
        public Format(String customerColumn, String dateColumn, String amountColumn, boolean amountRequired,
                      String datePattern, RefundPolicy refundPolicy, boolean dropBlankCustomerIds) {
            this(customerColumn, dateColumn, amountColumn, amountRequired, datePattern, refundPolicy,
                    dropBlankCustomerIds, null, null, null, RefundPolicy.REJECT, null);
        }

        /**
         * Columns {@code customer_id}, {@code date} and, if present, {@code amount}; ISO dates; refunds rejected;
         * blank customer ids (and placeholders such as {@code (blank)}) rejected; no quantity, no cancellations.
         *
         * @return the default format
         */
        public static Format defaults() {
            return new Format("customer_id", "date", "amount", false, null, RefundPolicy.REJECT, false);
        }

        /**
         * A copy in which the amount is quantity × the amount column; the amount column becomes required.
         *
         * @param column the quantity column's header name, or {@code null} for none
         * @return the copy
         * @throws IllegalArgumentException if the name is blank
         */
        public Format withQuantityColumn(String column) {
            return new Format(customerColumn, dateColumn, amountColumn, amountRequired || column != null,
                    datePattern, refundPolicy, dropBlankCustomerIds, column, orderColumn, cancellationPrefix,
                    cancellationPolicy, blankCustomerIdValues);
        }

        /**
         * A copy that reads order ids from a column (into {@link TransactionRecord#orderId()}).
         *
         * @param column the order id column's header name, or {@code null} for none
         * @return the copy
         * @throws IllegalArgumentException if the name is blank, or it is {@code null} while a cancellation prefix
         *         is set
         */
        public Format withOrderColumn(String column) {
            return new Format(customerColumn, dateColumn, amountColumn, amountRequired, datePattern, refundPolicy,
                    dropBlankCustomerIds, quantityColumn, column, cancellationPrefix, cancellationPolicy,
                    blankCustomerIdValues);
        }

        /**
         * A copy that recognises cancellations by the prefix of their order id.
         *
         * @param prefix order ids starting with it are cancellations, such as {@code C}; {@code null} for none
         * @param policy reject (an error naming the row), drop (skip and count) or net (a refund to subtract; the
         *        amount must then be negative)
         * @return the copy
         * @throws IllegalArgumentException if the prefix is blank or no order column is set
         */
        public Format withCancellations(String prefix, RefundPolicy policy) {
            return new Format(customerColumn, dateColumn, amountColumn, amountRequired, datePattern, refundPolicy,
                    dropBlankCustomerIds, quantityColumn, orderColumn, prefix, policy, blankCustomerIdValues);
        }

        /**
         * A copy with the cell values that mean "no customer id", replacing the built-in placeholders.
         *
         * @param values the values, compared exactly after trimming; an empty list (or {@code List.of("")}) makes
         *        only empty cells blank; {@code null} restores the {@link #PLACEHOLDER_CUSTOMER_IDS placeholders}
         * @return the copy
         */
        public Format withBlankCustomerIdValues(List<String> values) {
            return new Format(customerColumn, dateColumn, amountColumn, amountRequired, datePattern, refundPolicy,
                    dropBlankCustomerIds, quantityColumn, orderColumn, cancellationPrefix, cancellationPolicy,
                    values);
        }

        /**
         * Whether a trimmed customer id cell means "no customer id".
         *
         * @param id the trimmed cell
         * @return true for the empty cell and the configured (or placeholder) values
         */
        public boolean isBlankCustomerId(String id) {
            if (id.isEmpty()) {
                return true;
            }
            if (blankCustomerIdValues != null) {
                return blankCustomerIdValues.contains(id);
            }
            for (String placeholder : PLACEHOLDER_CUSTOMER_IDS) {
                if (placeholder.equalsIgnoreCase(id)) {
                    return true;
                }
            }
            return false;
        }

        private static void requireColumn(String name, String option) {
            Objects.requireNonNull(name, option);
            if (name.isBlank()) {
                throw new IllegalArgumentException("column name must not be blank: " + option + "='" + name + "'");
            }
        }
    }

    private final Source source;
    private final Format format;
    private final int customerIndex;
    private final int dateIndex;
    private final int amountIndex;
    private final int quantityIndex;
    private final int orderIndex;
    private final int fieldsNeeded;
    private final DateTimeFormatter dateFormatter;
    private final LocalDate observationEnd;

    private final List<Rows> openPasses = new ArrayList<>();
    private long currentLine;
    private boolean inRow;
    private boolean counted;
    private long rows;
    private long droppedBlankCustomerIds;
    private long droppedRefunds;
    private long droppedCancellations;
    private long nettedCancellations;

    private TransactionCsv(Source source, Format format, int customerIndex, int dateIndex, int amountIndex,
                           int quantityIndex, int orderIndex, LocalDate observationEnd) {
        this.source = source;
        this.format = format;
        this.customerIndex = customerIndex;
        this.dateIndex = dateIndex;
        this.amountIndex = amountIndex;
        this.quantityIndex = quantityIndex;
        this.orderIndex = orderIndex;
        this.fieldsNeeded = Math.max(Math.max(customerIndex, dateIndex), Math.max(amountIndex,
                Math.max(quantityIndex, orderIndex))) + 1;
        this.dateFormatter = format.datePattern() == null ? null : dateFormatter(format.datePattern());
        this.observationEnd = observationEnd;
    }

    /**
     * Opens a transaction file: reads its header and checks that the columns exist.
     *
     * @param source the file or resource
     * @param format the columns, date pattern and policies
     * @return the reader, ready to iterate
     * @throws IOException if the source cannot be read
     * @throws CsvInputException if the file is empty or a column is missing, naming the file and the columns it has
     */
    public static TransactionCsv open(Source source, Format format) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        List<String> header;
        try (CsvRecordReader records = new CsvRecordReader(ByteOrderMark.skip(source.open()))) {
            if (!records.next()) {
                throw new CsvInputException(source.name(), 0, null, null, String.format(Locale.ROOT,
                        "the file is empty; expected a header row naming the columns %s, %s and %s",
                        format.customerColumn(), format.dateColumn(), format.amountColumn()), null);
            }
            header = new ArrayList<>();
            for (String name : records.toList()) {
                header.add(name.trim());
            }
        } catch (CsvRecordReader.MalformedCsvException e) {
            throw new CsvInputException(source.name(), e.line(), null, null, "malformed CSV header: "
                    + e.getMessage(), e);
        }
        int customer = column(source, header, format.customerColumn(), "--customer-column", true);
        int date = column(source, header, format.dateColumn(), "--date-column", true);
        int amount = column(source, header, format.amountColumn(), "--amount-column", format.amountRequired());
        int quantity = format.quantityColumn() == null ? -1
                : column(source, header, format.quantityColumn(), "--quantity-column", true);
        int order = format.orderColumn() == null ? -1
                : column(source, header, format.orderColumn(), "--order-column", true);
        return new TransactionCsv(source, format, customer, date, amount, quantity, order, null);
    }

    /**
     * A copy that also rejects transactions dated after {@code date}, naming the row.
     *
     * @param date the last day of the observation window, or {@code null} for no check
     * @return the copy
     */
    public TransactionCsv withObservationEnd(LocalDate date) {
        return new TransactionCsv(source, format, customerIndex, dateIndex, amountIndex, quantityIndex, orderIndex,
                date);
    }

    private static int column(Source source, List<String> header, String name, String option, boolean required) {
        int found = -1;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(name)) {
                if (found >= 0) {
                    throw new CsvInputException(source.name(), 1, name, null,
                            "the header names this column twice", null);
                }
                found = i;
            }
        }
        if (found < 0 && required) {
            throw new CsvInputException(source.name(), 1, name, null, String.format(Locale.ROOT,
                    "no such column in the header (choose another with %s); the header has: %s", option,
                    String.join(", ", header)), null);
        }
        return found;
    }

    /**
     * Runs a computation over the transactions, adding the location to its errors: an
     * {@link IllegalArgumentException} thrown while the computation handles a row becomes a
     * {@link CsvInputException} naming that row's line; one thrown after the last row names the file. Files left
     * open by an aborted pass are closed.
     *
     * @param computation what to compute from the transactions, such as a summary or historical CLV
     * @param <R> the result type
     * @return the result
     * @throws CsvInputException for bad data, located
     * @throws UncheckedIOException if the source cannot be read
     */
    public <R> R compute(Function<? super Iterable<TransactionRecord>, ? extends R> computation) {
        try {
            return computation.apply(this);
        } catch (CsvInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new CsvInputException(source.name(), inRow ? currentLine : 0, null, null, e.getMessage(), e);
        } finally {
            for (Rows pass : List.copyOf(openPasses)) {
                pass.close();
            }
        }
    }

    /**
     * Streams the transactions from the start of the source.
     *
     * @return an iterator that reads the source lazily and closes it at the end
     * @throws UncheckedIOException if the source cannot be opened or read
     * @throws CsvInputException (from {@code hasNext}) for a bad row, or when the file has no transaction
     */
    @Override
    public Iterator<TransactionRecord> iterator() {
        try {
            return new Rows();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The source name, as used in messages.
     *
     * @return the file or resource name
     */
    public String name() {
        return source.name();
    }

    /**
     * The number of transactions read in the first complete pass.
     *
     * @return the transactions, dropped rows excluded
     */
    public long rows() {
        return rows;
    }

    /**
     * The number of rows skipped for a blank customer id in the first complete pass.
     *
     * @return the count; 0 unless {@link Format#dropBlankCustomerIds()}
     */
    public long droppedBlankCustomerIds() {
        return droppedBlankCustomerIds;
    }

    /**
     * The number of negative amounts skipped in the first complete pass.
     *
     * @return the count; 0 unless the refund policy is {@link RefundPolicy#DROP}
     */
    public long droppedRefunds() {
        return droppedRefunds;
    }

    /**
     * The number of cancellations skipped in the first complete pass.
     *
     * @return the count; 0 unless the cancellation policy is {@link RefundPolicy#DROP}
     */
    public long droppedCancellations() {
        return droppedCancellations;
    }

    /**
     * The number of cancellations passed on as refunds to net in the first complete pass.
     *
     * @return the count; 0 unless the cancellation policy is {@link RefundPolicy#NET}
     */
    public long nettedCancellations() {
        return nettedCancellations;
    }

    /**
     * The format the file is read with.
     *
     * @return the format
     */
    public Format format() {
        return format;
    }

    /**
     * Human-readable notes on rows that were skipped as the format asked, for stderr.
     *
     * @return one sentence per kind of skipped row; empty when nothing was skipped
     */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (droppedBlankCustomerIds > 0) {
            notes.add(String.format(Locale.ROOT, "%s: skipped %d rows with a blank customer id "
                    + "(--drop-blank-customer-ids)", source.name(), droppedBlankCustomerIds));
        }
        if (droppedRefunds > 0) {
            notes.add(String.format(Locale.ROOT, "%s: skipped %d rows with a negative amount (--refunds drop)",
                    source.name(), droppedRefunds));
        }
        if (droppedCancellations > 0) {
            notes.add(String.format(Locale.ROOT, "%s: skipped %d cancellations, order ids starting with '%s' "
                    + "(--cancellations drop)", source.name(), droppedCancellations, format.cancellationPrefix()));
        }
        if (nettedCancellations > 0) {
            notes.add(String.format(Locale.ROOT, "%s: netted %d cancellations, order ids starting with '%s', "
                    + "against their customers' spend (--cancellations net)", source.name(), nettedCancellations,
                    format.cancellationPrefix()));
        }
        return notes;
    }

    /**
     * A date reader with the rules of the transaction date column: ISO dates and date-times (truncated to the day as
     * written) when {@code pattern} is {@code null}, else the {@link DateTimeFormatter} pattern (month names in
     * English, any case).
     *
     * @param pattern the pattern, or {@code null} for ISO
     * @return a function that throws {@link DateTimeException} for text that is not a date
     * @throws IllegalArgumentException if the pattern is invalid
     */
    public static Function<String, LocalDate> dateParser(String pattern) {
        if (pattern == null) {
            return TransactionCsv::parseIsoDate;
        }
        DateTimeFormatter formatter = dateFormatter(pattern);
        return text -> formatter.parse(text, LocalDate::from);
    }

    static DateTimeFormatter dateFormatter(String pattern) {
        try {
            return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                    .toFormatter(Locale.US);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "invalid date pattern (--date-format): '%s': %s", pattern, e.getMessage()), e);
        }
    }

    /**
     * Parses an ISO date, or an ISO date-time with {@code T} or a space before the time (and optionally an offset),
     * keeping the date as written.
     */
    static LocalDate parseIsoDate(String text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            // fast path for the common yyyy-MM-dd; LocalDate.of rejects impossible dates
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        if (text.length() > 10) {
            char separator = text.charAt(10);
            if (separator != 'T' && separator != ' ') {
                throw new DateTimeParseException("expected 'T' or a space between date and time", text, 10);
            }
            DateTimeFormatter.ISO_TIME.parse(text.substring(11));
            return LocalDate.parse(text.substring(0, 10));
        }
        return LocalDate.parse(text);
    }

    /** The value of the decimal digits in {@code text[from, to)}, or -1 if one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** 10^0 .. 10^22, the powers of ten that are exact doubles. */
    private static final double[] EXACT_POWERS_OF_TEN = new double[23];

    static {
        EXACT_POWERS_OF_TEN[0] = 1.0;
        for (int k = 1; k < EXACT_POWERS_OF_TEN.length; k++) {
            EXACT_POWERS_OF_TEN[k] = EXACT_POWERS_OF_TEN[k - 1] * 10.0;
        }
    }

    /**
     * The value of a plain decimal without exponent ({@code 12}, {@code -0.5}, {@code 129.99}) whose digits fit a
     * double exactly: at most 15 significant digits, at most 22 after the point. NaN for any other text, which
     * {@link Double#parseDouble} then decides. The result equals {@code parseDouble}'s: the digits as a
     * {@code long} (below 2^53) and the power of ten are exact doubles, and their quotient is rounded once, to the
     * nearest double of the decimal's exact value (Clinger's fast path, "How to read floating point numbers
     * accurately", PLDI 1990).
     */
    static double fastPlainDecimal(String text) {
        int n = text.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        long digits = 0;
        int significant = 0;
        int afterPoint = 0;
        boolean point = false;
        boolean any = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                any = true;
                if (digits != 0 || c != '0') {
                    if (++significant > 15) {
                        return Double.NaN;
                    }
                }
                digits = digits * 10 + (c - '0');
                afterPoint += point ? 1 : 0;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return Double.NaN;
            }
        }
        if (!any || afterPoint >= EXACT_POWERS_OF_TEN.length) {
            return Double.NaN;
        }
        double value = digits / EXACT_POWERS_OF_TEN[afterPoint];
        return negative ? -value : value;
    }

    /**
     * The value of a plain decimal number ({@link #isPlainDecimal}), read exactly as {@link Double#parseDouble}
     * reads it (by {@link #fastPlainDecimal} where it can) with −0 made 0; NaN when {@code text} is not one. The
     * value may be infinite (too large for a double): the caller says so, naming the cell.
     *
     * @param text the cell, trimmed
     * @return the value, or NaN
     */
    static double plainDecimal(String text) {
        double fast = fastPlainDecimal(text);
        if (!Double.isNaN(fast)) {
            return fast + 0.0;
        }
        return isPlainDecimal(text) ? Double.parseDouble(text) + 0.0 : Double.NaN;
    }

    /**
     * Whether {@code text} is a plain decimal number: an optional sign, digits with at most one point (at least one
     * digit in all), and an optional exponent. Rejects NaN, Infinity, hexadecimal and type suffixes that
     * {@link Double#parseDouble} would accept.
     */
    static boolean isPlainDecimal(String text) {
        int n = text.length();
        int i = 0;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int mantissaDigits = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                mantissaDigits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (mantissaDigits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            for (; i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** One pass over the source. */
    private final class Rows implements Iterator<TransactionRecord> {

        private final CsvRecordReader records;
        private TransactionRecord next;
        private long nextLine;
        private boolean done;
        private long passRows;
        private long passBlank;
        private long passRefunds;
        private long passCancellations;
        private long passNetted;

        Rows() throws IOException {
            records = new CsvRecordReader(ByteOrderMark.skip(source.open()));
            try {
                records.next(); // the header, checked by open()
            } catch (IOException | RuntimeException e) {
                records.close();
                throw e;
            }
            openPasses.add(this);
        }

        @Override
        public boolean hasNext() {
            inRow = false;
            if (next == null && !done) {
                advance();
            }
            return next != null;
        }

        @Override
        public TransactionRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            TransactionRecord row = next;
            next = null;
            currentLine = nextLine;
            inRow = true;
            return row;
        }

        private void advance() {
            while (true) {
                try {
                    if (!records.next()) {
                        finishPass();
                        return;
                    }
                } catch (CsvRecordReader.MalformedCsvException e) {
                    close();
                    throw new CsvInputException(source.name(), e.line(), null, null,
                            "malformed CSV: " + e.getMessage(), e);
                } catch (IOException e) {
                    close();
                    throw new UncheckedIOException(e);
                }
                long line = records.line();
                TransactionRecord row;
                try {
                    row = parse(records, line);
                } catch (CsvInputException e) {
                    close();
                    throw e;
                }
                if (row != null) {
                    next = row;
                    nextLine = line;
                    passRows++;
                    return;
                }
            }
        }

        private void finishPass() {
            close();
            done = true;
            if (passRows == 0) {
                long skipped = passBlank + passRefunds + passCancellations;
                String problem = skipped == 0 ? "no transactions: the file has a header but no rows"
                        : String.format(Locale.ROOT, "no transactions left: all %d rows were skipped", skipped);
                throw new CsvInputException(source.name(), 0, null, null, problem, null);
            }
            if (!counted) {
                counted = true;
                rows = passRows;
                droppedBlankCustomerIds = passBlank;
                droppedRefunds = passRefunds;
                droppedCancellations = passCancellations;
                nettedCancellations = passNetted;
            }
        }

        /** The transaction of one row, or null when the row is skipped as the format asks. */
        private TransactionRecord parse(CsvRecordReader record, long line) {
            if (record.size() < fieldsNeeded) {
                throw new CsvInputException(source.name(), line, null, String.join(",", record.toList()),
                        String.format(Locale.ROOT, "the row has %d fields, too few to hold the column '%s'",
                                record.size(), firstMissingColumn(record.size())), null);
            }
            String customerId = record.get(customerIndex).trim();
            if (format.isBlankCustomerId(customerId)) {
                if (format.dropBlankCustomerIds()) {
                    passBlank++;
                    return null;
                }
                throw new CsvInputException(source.name(), line, format.customerColumn(), record.get(customerIndex),
                        customerId.isEmpty()
                                ? "the customer id is blank (use --drop-blank-customer-ids to skip such rows)"
                                : "the customer id is a placeholder for a missing id; rows without a customer id "
                                        + "are rejected by default (use --drop-blank-customer-ids to skip them; if it "
                                        + "is a real customer id, list the file's placeholders with "
                                        + "--blank-customer-id-value, such as --blank-customer-id-value '')", null);
            }
            String orderId = null;
            boolean cancellation = false;
            if (orderIndex >= 0) {
                String orderText = record.get(orderIndex).trim();
                orderId = orderText.isEmpty() ? null : orderText;
                if (orderId != null && format.cancellationPrefix() != null
                        && orderId.startsWith(format.cancellationPrefix())) {
                    switch (format.cancellationPolicy()) {
                        case DROP:
                            passCancellations++;
                            return null;
                        case NET:
                            cancellation = true;
                            break;
                        case REJECT:
                        default:
                            throw new CsvInputException(source.name(), line, format.orderColumn(), orderText,
                                    "a cancellation (order id starting with '" + format.cancellationPrefix()
                                            + "', --cancellation-prefix); cancellations are rejected by default: use "
                                            + "--cancellations drop to leave them out or --cancellations net to "
                                            + "subtract them from the customer's spend", null);
                    }
                }
            }
            String dateText = record.get(dateIndex).trim();
            LocalDate date;
            try {
                date = dateFormatter == null ? parseIsoDate(dateText) : dateFormatter.parse(dateText, LocalDate::from);
            } catch (DateTimeException e) {
                throw new CsvInputException(source.name(), line, format.dateColumn(), dateText,
                        format.datePattern() == null
                                ? "not an ISO date such as 2024-03-01 or 2024-03-01T14:05 (set the pattern with "
                                        + "--date-format)"
                                : "not a date in the pattern '" + format.datePattern() + "' (--date-format)", e);
            }
            if (observationEnd != null && date.isAfter(observationEnd)) {
                throw new CsvInputException(source.name(), line, format.dateColumn(), dateText,
                        "the transaction is after the observation end " + observationEnd, null);
            }
            double amount = 0.0;
            if (amountIndex >= 0) {
                String amountText = record.get(amountIndex).trim();
                amount = number(amountText, line, format.amountColumn(), quantityIndex >= 0 ? "unit price"
                        : "amount");
                String shown = amountText;
                if (quantityIndex >= 0) {
                    String quantityText = record.get(quantityIndex).trim();
                    double quantity = number(quantityText, line, format.quantityColumn(), "quantity");
                    amount = amount * quantity + 0.0;
                    shown = quantityText + " x " + amountText;
                    if (!Double.isFinite(amount)) {
                        throw new CsvInputException(source.name(), line, format.quantityColumn(), shown,
                                "quantity x unit price is too large to be a finite number", null);
                    }
                }
                if (cancellation) {
                    if (!(amount < 0.0)) {
                        throw new CsvInputException(source.name(), line, amountColumnName(), shown,
                                "a cancellation to net (--cancellations net) must have a negative amount", null);
                    }
                    passNetted++;
                } else if (amount < 0.0) {
                    switch (format.refundPolicy()) {
                        case DROP:
                            passRefunds++;
                            return null;
                        case NET:
                            break;
                        case REJECT:
                        default:
                            throw new CsvInputException(source.name(), line, amountColumnName(), shown,
                                    "negative amount (a refund); refunds are rejected by default: use --refunds "
                                            + "drop to leave them out or --refunds net to subtract them from the "
                                            + "customer's spend" + (format.cancellationPrefix() == null
                                            ? " (cancellation invoices can be recognised by their order id with "
                                                    + "--order-column and --cancellation-prefix)" : ""), null);
                    }
                }
            } else if (cancellation) {
                throw new CsvInputException(source.name(), line, format.orderColumn(), orderId,
                        "a cancellation to net (--cancellations net) needs an amount column", null);
            }
            return orderId == null ? Transaction.of(customerId, date, amount)
                    : Transaction.of(customerId, date, amount, orderId);
        }

        /** A plain decimal cell, or an error naming the column and the value. */
        private double number(String text, long line, String column, String what) {
            double value = plainDecimal(text);
            if (Double.isNaN(value)) {
                throw new CsvInputException(source.name(), line, column, text, "the " + what
                        + " is not a number (expected digits with an optional sign, '.' and exponent)", null);
            }
            if (Double.isInfinite(value)) {
                throw new CsvInputException(source.name(), line, column, text,
                        "the " + what + " is too large to be a finite number", null);
            }
            return value;
        }

        /** The amount column, or "quantity x amount" when both make the amount. */
        private String amountColumnName() {
            return quantityIndex >= 0 ? format.quantityColumn() + " x " + format.amountColumn()
                    : format.amountColumn();
        }

        /** The first configured column beyond a short row's last field. */
        private String firstMissingColumn(int size) {
            String name = null;
            int index = Integer.MAX_VALUE;
            int[] indexes = {customerIndex, dateIndex, amountIndex, quantityIndex, orderIndex};
            String[] names = {format.customerColumn(), format.dateColumn(), format.amountColumn(),
                format.quantityColumn(), format.orderColumn()};
            for (int i = 0; i < indexes.length; i++) {
                if (indexes[i] >= size && indexes[i] < index) {
                    index = indexes[i];
                    name = names[i];
                }
            }
            return name;
        }

        void close() {
            openPasses.remove(this);
            try {
                records.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
