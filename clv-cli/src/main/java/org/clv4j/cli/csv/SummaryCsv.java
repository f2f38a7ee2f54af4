package org.clv4j.cli.csv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;

/**
 * A file of per-customer summaries, as {@code clv summary} writes it, read into primitive columns with every bad
 * cell reported by file, line, column and value.
 *
 * <p>Columns, found by name in the header row (other columns are kept for {@link #forEachRecord} but not read):
 * <ul>
 *   <li>{@code frequency}: repeat purchases x, a whole number {@code >= 0};</li>
 *   <li>{@code recency}: t_x, {@code 0 <= recency <= T}, and 0 when frequency is 0;</li>
 *   <li>{@code T}: the customer's age; for models in discrete periods ({@link Layout#periods()}) the number of
 *       opportunities {@code n_periods} (or {@code T} when the file has no such column), and then recency and
 *       n_periods are whole numbers with {@code frequency <= recency};</li>
 *   <li>{@code monetary_value}: the mean value m̄ of the repeat purchases, {@code >= 0}; optional unless the layout
 *       requires it (all 0 when absent);</li>
 *   <li>{@code customer_id}: optional (passed through, like every other column);</li>
 *   <li>a weight column, when the layout names one: the number of customers the row stands for, {@code > 0}.</li>
 * </ul>
 * Numbers are plain decimals ({@code 38.857142857142854}, {@code 2}, {@code 1e3}); blank cells, {@code NaN},
 * {@code Infinity}, thousands separators and decimal commas are errors. Every row must have as many fields as the
 * header.
 *
 * <pre>{@code
 * SummaryCsv summaries = SummaryCsv.read(TransactionCsv.Source.file(path), SummaryCsv.Layout.continuous(),
 *         TimeUnit.WEEK);
 * SummaryColumns columns = summaries.columns();
 * }</pre>
 *
 * <p>Immutable after reading; {@link #forEachRecord} re-reads the file.
 */
public final class SummaryCsv {

    /** The frequency column. */
    public static final String FREQUENCY = "frequency";
    /** The recency column. */
    public static final String RECENCY = "recency";
    /** The age column of continuous-time summaries. */
    public static final String T = "T";
    /** The age column of discrete-period summaries (BG/BB). */
    public static final String N_PERIODS = "n_periods";
    /** The monetary value column. */
    public static final String MONETARY_VALUE = "monetary_value";


    /**
     * Which columns to read and how strictly.
     *
     * @param periods whether the summaries count discrete periods (BG/BB): the age column is {@code n_periods}
     *        (or {@code T} if the file has none), and recency and age must be whole numbers with
     *        {@code frequency <= recency}
     * @param weightColumn the name of the weight column, or {@code null} for one customer per row
     * @param monetaryRequired whether the {@code monetary_value} column must exist
     */
    public record Layout(boolean periods, String weightColumn, boolean monetaryRequired) {

        /**
         * Validates the components.
         *
         * @param periods whether the summaries count discrete periods
         * @param weightColumn the weight column, or {@code null}
         * @param monetaryRequired whether {@code monetary_value} must exist
         * @throws IllegalArgumentException if the weight column name is blank
         */
        public Layout {
            if (weightColumn != null && weightColumn.isBlank()) {
                throw new IllegalArgumentException("column name must not be blank: --weight-column='"
                        + weightColumn + "'");
            }
        }

        /**
         * Continuous-time summaries (frequency, recency, T), one customer per row, monetary value optional.
         *
         * @return the layout
         */
        public static Layout continuous() {
            return new Layout(false, null, false);
        }

        /**
         * A copy with a weight column.
         *
         * @param name the column name, or {@code null} for none
         * @return the copy
         */
        public Layout withWeightColumn(String name) {
            return new Layout(periods, name, monetaryRequired);
        }

        /**
         * A copy that reads discrete periods (or not).
         *
         * @param discrete whether the summaries count discrete periods
         * @return the copy
         */
        public Layout withPeriods(boolean discrete) {
            return new Layout(discrete, weightColumn, monetaryRequired);
        }

        /**
         * A copy that requires the {@code monetary_value} column (or not).
         *
         * @param required whether the column must exist
         * @return the copy
         */
        public Layout withMonetaryRequired(boolean required) {
            return new Layout(periods, weightColumn, required);
        }
    }

    /** Receives the raw records of a second pass over the file. */
    @FunctionalInterface
    public interface RecordVisitor {
        /**
         * Handles one data row.
         *
         * @param row the 0-based row index, as in {@link #columns()}
         * @param cells the row's cells, as many as the header has columns
         * @throws IOException if handling fails
         */
        void visit(int row, List<String> cells) throws IOException;
    }

    private final TransactionCsv.Source source;
    private final List<String> header;
    private final SummaryColumns columns;
    private final long[] lines;
    private final boolean hasMonetaryValue;
    private final String ageColumn;

    private SummaryCsv(TransactionCsv.Source source, List<String> header, SummaryColumns columns, long[] lines,
                       boolean hasMonetaryValue, String ageColumn) {
        this.source = source;
        this.header = header;
        this.columns = columns;
        this.lines = lines;
        this.hasMonetaryValue = hasMonetaryValue;
        this.ageColumn = ageColumn;
    }

    /**
     * Reads and validates a summary file.
     *
     * @param source the file
     * @param layout the columns to read and the checks
     * @param unit the time unit of recency and T (the file does not say)
     * @return the summaries
     * @throws IOException if the file cannot be read
     * @throws CsvInputException for an empty file, a missing column, a malformed row or an invalid value, naming
     *         the file, line, column and value
     */
    public static SummaryCsv read(TransactionCsv.Source source, Layout layout, TimeUnit unit) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(unit, "unit");
        String name = source.name();
        try (CsvRecordReader record = new CsvRecordReader(ByteOrderMark.skip(source.open()))) {
            List<String> header = header(name, record, layout);
            int frequency = column(name, header, FREQUENCY, true, null);
            int recency = column(name, header, RECENCY, true, null);
            String ageColumn = layout.periods() && header.contains(N_PERIODS) ? N_PERIODS : T;
            int age = column(name, header, ageColumn, true, layout.periods() ? "(or " + N_PERIODS + ")" : null);
            int monetary = column(name, header, MONETARY_VALUE, layout.monetaryRequired(), null);
            int weight = layout.weightColumn() == null ? -1
                    : column(name, header, layout.weightColumn(), true, "(--weight-column)");
            Rows rows = new Rows();
            while (true) {
                try {
                    if (!record.next()) {
                        break;
                    }
                } catch (CsvRecordReader.MalformedCsvException e) {
                    throw new CsvInputException(name, e.line(), null, null, "malformed CSV: " + e.getMessage(), e);
                }
                long line = record.line();
                if (record.size() != header.size()) {
                    throw new CsvInputException(name, line, null, String.join(",", record.toList()),
                            String.format(Locale.ROOT, "the row has %d fields but the header has %d",
                                    record.size(), header.size()), null);
                }
                double x = number(name, line, record, FREQUENCY, frequency);
                double tx = number(name, line, record, RECENCY, recency);
                double bigT = number(name, line, record, ageColumn, age);
                double m = monetary < 0 ? 0.0 : number(name, line, record, MONETARY_VALUE, monetary);
                double w = weight < 0 ? 1.0 : number(name, line, record, layout.weightColumn(), weight);
                check(name, line, record, layout, frequency, recency, age, ageColumn, x, tx, bigT);
                if (w <= 0.0) {
                    throw new CsvInputException(name, line, layout.weightColumn(), record.get(weight),
                            "a weight must be > 0 (the number of customers the row stands for)", null);
                }
                rows.add(x, tx, bigT, m, w, line);
            }
            if (rows.size == 0) {
                throw new CsvInputException(name, 0, null, null, "no customers: the file has a header but no rows",
                        null);
            }
            SummaryColumns columns = SummaryColumns.of(rows.x(), rows.tx(), rows.t(), rows.m(),
                    weight < 0 ? null : rows.w(), unit);
            return new SummaryCsv(source, Collections.unmodifiableList(header), columns,
                    Arrays.copyOf(rows.lines, rows.size), monetary >= 0, ageColumn);
        }
    }

    private static List<String> header(String name, CsvRecordReader record, Layout layout) throws IOException {
        boolean any;
        try {
            any = record.next();
        } catch (CsvRecordReader.MalformedCsvException e) {
            throw new CsvInputException(name, e.line(), null, null, "malformed CSV header: " + e.getMessage(), e);
        }
        if (!any) {
            throw new CsvInputException(name, 0, null, null, String.format(Locale.ROOT,
                    "the file is empty; expected a header row naming the columns %s, %s, %s%s", FREQUENCY, RECENCY,
                    layout.periods() ? N_PERIODS : T, layout.monetaryRequired() ? ", " + MONETARY_VALUE : ""),
                    null);
        }
        List<String> header = new ArrayList<>();
        for (String cell : record.toList()) {
            header.add(cell.trim());
        }
        return header;
    }

    private static int column(String file, List<String> header, String name, boolean required, String hint) {
        int found = -1;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(name)) {
                if (found >= 0) {
                    throw new CsvInputException(file, 1, name, null, "the header names this column twice", null);
                }
                found = i;
            }
        }
        if (found < 0 && required) {
            throw new CsvInputException(file, 1, name, null, String.format(Locale.ROOT,
                    "no such column in the header%s; the header has: %s", hint == null ? "" : " " + hint,
                    String.join(", ", header)), null);
        }
        return found;
    }

    private static double number(String file, long line, CsvRecordReader record, String column, int index) {
        String text = record.get(index).trim();
        if (text.isEmpty()) {
            throw new CsvInputException(file, line, column, text, "the cell is blank; a number is needed", null);
        }
        double value = TransactionCsv.plainDecimal(text);
        if (Double.isNaN(value)) {
            throw new CsvInputException(file, line, column, text,
                    "not a number (expected digits with an optional sign, '.' and exponent)", null);
        }
        if (Double.isInfinite(value)) {
            throw new CsvInputException(file, line, column, text, "the number is too large to be finite", null);
        }
        if (value < 0.0) {
            throw new CsvInputException(file, line, column, text, column + " must be >= 0", null);
        }
        return value;
    }

    private static void check(String file, long line, CsvRecordReader record, Layout layout, int frequency,
                              int recency, int age, String ageColumn, double x, double tx, double bigT) {
        if (x != Math.rint(x) || x > Integer.MAX_VALUE) {
            throw new CsvInputException(file, line, FREQUENCY, record.get(frequency).trim(),
                    "frequency (repeat purchases) must be a whole number", null);
        }
        if (tx > bigT) {
            throw new CsvInputException(file, line, RECENCY, record.get(recency).trim(), String.format(Locale.ROOT,
                    "recency must be <= %s: recency=%s, %s=%s", ageColumn, tx, ageColumn, bigT), null);
        }
        if (x == 0.0 && tx != 0.0) {
            throw new CsvInputException(file, line, RECENCY, record.get(recency).trim(),
                    "recency must be 0 when frequency is 0 (no repeat purchase to date)", null);
        }
        if (layout.periods()) {
            if (tx != Math.rint(tx)) {
                throw new CsvInputException(file, line, RECENCY, record.get(recency).trim(),
                        "recency must be a whole number of periods for a discrete-time model", null);
            }
            if (bigT != Math.rint(bigT) || bigT > Integer.MAX_VALUE) {
                throw new CsvInputException(file, line, ageColumn, record.get(age).trim(),
                        ageColumn + " must be a whole number of periods for a discrete-time model", null);
            }
            if (x > tx) {
                throw new CsvInputException(file, line, FREQUENCY, record.get(frequency).trim(),
                        String.format(Locale.ROOT, "frequency must be <= recency in discrete periods (at most "
                                + "one transaction per period): frequency=%s, recency=%s", x, tx), null);
            }
        }
    }

    /** Growable primitive columns. */
    private static final class Rows {
        double[] x = new double[1024];
        double[] tx = new double[1024];
        double[] t = new double[1024];
        double[] m = new double[1024];
        double[] w = new double[1024];
        long[] lines = new long[1024];
        int size;

        void add(double frequency, double recency, double age, double monetary, double weight, long line) {
            if (size == x.length) {
                if (size == Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException("too many rows: at most " + size + " are supported");
                }
                int capacity = (int) Math.min(Integer.MAX_VALUE - 8L, size * 2L);
                x = Arrays.copyOf(x, capacity);
                tx = Arrays.copyOf(tx, capacity);
                t = Arrays.copyOf(t, capacity);
                m = Arrays.copyOf(m, capacity);
                w = Arrays.copyOf(w, capacity);
                lines = Arrays.copyOf(lines, capacity);
            }
            x[size] = frequency;
            tx[size] = recency;
            t[size] = age;
            m[size] = monetary;
            w[size] = weight;
            lines[size] = line;
            size++;
        }

        double[] x() {
            return Arrays.copyOf(x, size);
        }

        double[] tx() {
            return Arrays.copyOf(tx, size);
        }

        double[] t() {
            return Arrays.copyOf(t, size);
        }

        double[] m() {
            return Arrays.copyOf(m, size);
        }

        double[] w() {
            return Arrays.copyOf(w, size);
        }
    }

    /**
     * The file name, as used in messages.
     *
     * @return the name
     */
    public String name() {
        return source.name();
    }

    /**
     * The header row, trimmed.
     *
     * @return the column names in file order
     */
    public List<String> header() {
        return header;
    }

    /**
     * The number of rows.
     *
     * @return the row count
     */
    public int size() {
        return columns.size();
    }

    /**
     * The summaries as columns, in file order, with the weights when a weight column was read.
     *
     * @return the columns
     */
    public SummaryColumns columns() {
        return columns;
    }

    /**
     * Whether the file has a {@code monetary_value} column.
     *
     * @return true when monetary values were read
     */
    public boolean hasMonetaryValue() {
        return hasMonetaryValue;
    }

    /**
     * The name of the column read as T: {@code T}, or {@code n_periods} for discrete periods.
     *
     * @return the age column
     */
    public String ageColumn() {
        return ageColumn;
    }

    /**
     * The line of a row in the file.
     *
     * @param row the row index
     * @return the 1-based line number
     */
    public long line(int row) {
        return lines[row];
    }

    /**
     * Reads the file again and hands every data row's cells to {@code visitor}, for output that repeats the input
     * columns.
     *
     * @param visitor receives the rows in order
     * @throws IOException if the file cannot be read or the visitor fails
     * @throws CsvInputException if the file no longer has the rows first read
     */
    public void forEachRecord(RecordVisitor visitor) throws IOException {
        try (CsvRecordReader record = new CsvRecordReader(ByteOrderMark.skip(source.open()))) {
            record.next(); // the header
            int row = 0;
            while (record.next()) {
                if (row >= size() || record.size() != header.size()) {
                    throw changed();
                }
                visitor.visit(row++, record.toList());
            }
            if (row != size()) {
                throw changed();
            }
        } catch (CsvRecordReader.MalformedCsvException e) {
            throw changed();
        }
    }

    private CsvInputException changed() {
        return new CsvInputException(source.name(), 0, null, null, "the file changed while it was being read", null);
    }
}
