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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
     * Which columns hold what, how dates are written, and what to do with refunds and blank customer ids.
     *
     * @param customerColumn the header name of the customer id column
     * @param dateColumn the header name of the date column
     * @param amountColumn the header name of the amount column
     * @param amountRequired whether the amount column must exist; when false and the file has no such column,
     *        every amount is 0
     * @param datePattern a {@link DateTimeFormatter} pattern such as {@code M/d/yyyy H:mm}, or {@code null} for ISO
     *        dates and date-times
     * @param refundPolicy negative amounts: rejected (an error naming the row), dropped, or passed on to be netted
     * @param dropBlankCustomerIds whether rows with a blank customer id are skipped (and counted) instead of an error
     */
    public record Format(String customerColumn, String dateColumn, String amountColumn, boolean amountRequired,
                         String datePattern, RefundPolicy refundPolicy, boolean dropBlankCustomerIds) {

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
         * @throws IllegalArgumentException if a column name is blank or the date pattern is invalid
         */
        public Format {
            requireColumn(customerColumn, "--customer-column");
            requireColumn(dateColumn, "--date-column");
            requireColumn(amountColumn, "--amount-column");
            Objects.requireNonNull(refundPolicy, "refundPolicy");
            if (datePattern != null) {
                dateFormatter(datePattern);
            }
        }

        /**
         * Columns {@code customer_id}, {@code date} and, if present, {@code amount}; ISO dates; refunds rejected;
         * blank customer ids rejected.
         *
         * @return the default format
         */
        public static Format defaults() {
            return new Format("customer_id", "date", "amount", false, null, RefundPolicy.REJECT, false);
        }

        private static void requireColumn(String name, String option) {
            Objects.requireNonNull(name, option);
            if (name.isBlank()) {
                throw new IllegalArgumentException("column name must not be blank: " + option + "='" + name + "'");
            }
        }
    }

    private static final CSVFormat CSV = CSVFormat.DEFAULT;

    private final Source source;
    private final Format format;
    private final int customerIndex;
    private final int dateIndex;
    private final int amountIndex;
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

    private TransactionCsv(Source source, Format format, int customerIndex, int dateIndex, int amountIndex,
                           LocalDate observationEnd) {
        this.source = source;
        this.format = format;
        this.customerIndex = customerIndex;
        this.dateIndex = dateIndex;
        this.amountIndex = amountIndex;
        this.fieldsNeeded = Math.max(customerIndex, Math.max(dateIndex, amountIndex)) + 1;
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
        try (Reader reader = source.open(); CSVParser parser = CSV.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new CsvInputException(source.name(), 0, null, null, String.format(Locale.ROOT,
                        "the file is empty; expected a header row naming the columns %s, %s and %s",
                        format.customerColumn(), format.dateColumn(), format.amountColumn()), null);
            }
            header = new ArrayList<>();
            for (String name : records.next()) {
                header.add(name.replace("\uFEFF", "").trim());
            }
        } catch (UncheckedIOException e) {
            throw new CsvInputException(source.name(), 1, null, null, "malformed CSV header: "
                    + e.getCause().getMessage(), e);
        }
        int customer = column(source, header, format.customerColumn(), "--customer-column", true);
        int date = column(source, header, format.dateColumn(), "--date-column", true);
        int amount = column(source, header, format.amountColumn(), "--amount-column", format.amountRequired());
        return new TransactionCsv(source, format, customer, date, amount, null);
    }

    /**
     * A copy that also rejects transactions dated after {@code date}, naming the row.
     *
     * @param date the last day of the observation window, or {@code null} for no check
     * @return the copy
     */
    public TransactionCsv withObservationEnd(LocalDate date) {
        return new TransactionCsv(source, format, customerIndex, dateIndex, amountIndex, date);
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
        return notes;
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

        private final Reader reader;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private TransactionRecord next;
        private long nextLine;
        private boolean done;
        private long passRows;
        private long passBlank;
        private long passRefunds;

        Rows() throws IOException {
            reader = source.open();
            CSVParser p = null;
            try {
                p = CSV.parse(reader);
                records = p.iterator();
                if (records.hasNext()) {
                    records.next(); // the header, checked by open()
                }
            } catch (IOException | RuntimeException e) {
                reader.close();
                throw e;
            }
            parser = p;
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
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        finishPass();
                        return;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    close();
                    throw new CsvInputException(source.name(), parser.getCurrentLineNumber(), null, null,
                            "malformed CSV: " + e.getCause().getMessage(), e);
                }
                long line = parser.getCurrentLineNumber();
                TransactionRecord row;
                try {
                    row = parse(record, line);
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
                String problem = passBlank + passRefunds == 0 ? "no transactions: the file has a header but no rows"
                        : String.format(Locale.ROOT, "no transactions left: all %d rows were skipped",
                                passBlank + passRefunds);
                throw new CsvInputException(source.name(), 0, null, null, problem, null);
            }
            if (!counted) {
                counted = true;
                rows = passRows;
                droppedBlankCustomerIds = passBlank;
                droppedRefunds = passRefunds;
            }
        }

        /** The transaction of one row, or null when the row is skipped as the format asks. */
        private TransactionRecord parse(CSVRecord record, long line) {
            if (record.size() < fieldsNeeded) {
                throw new CsvInputException(source.name(), line, null, String.join(",", record.toList()),
                        String.format(Locale.ROOT, "the row has %d fields, too few to hold the column '%s'",
                                record.size(), record.size() <= customerIndex ? format.customerColumn()
                                        : record.size() <= dateIndex ? format.dateColumn()
                                        : format.amountColumn()), null);
            }
            String customerId = record.get(customerIndex).trim();
            if (customerId.isEmpty()) {
                if (format.dropBlankCustomerIds()) {
                    passBlank++;
                    return null;
                }
                throw new CsvInputException(source.name(), line, format.customerColumn(), record.get(customerIndex),
                        "the customer id is blank (use --drop-blank-customer-ids to skip such rows)", null);
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
                if (!isPlainDecimal(amountText)) {
                    throw new CsvInputException(source.name(), line, format.amountColumn(), amountText,
                            "the amount is not a number (expected digits with an optional sign, '.' and exponent)",
                            null);
                }
                amount = Double.parseDouble(amountText) + 0.0;
                if (!Double.isFinite(amount)) {
                    throw new CsvInputException(source.name(), line, format.amountColumn(), amountText,
                            "the amount is too large to be a finite number", null);
                }
                if (amount < 0.0) {
                    switch (format.refundPolicy()) {
                        case DROP:
                            passRefunds++;
                            return null;
                        case NET:
                            break;
                        case REJECT:
                        default:
                            throw new CsvInputException(source.name(), line, format.amountColumn(), amountText,
                                    "negative amount (a refund); refunds are rejected by default: use --refunds "
                                            + "drop to leave them out or --refunds net to subtract them from the "
                                            + "customer's spend", null);
                    }
                }
            }
            return Transaction.of(customerId, date, amount);
        }

        void close() {
            openPasses.remove(this);
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
