package org.clv4j.cli.csv;

import java.io.Flushable;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes RFC 4180 CSV: comma-separated, CRLF after every row (the last one included, nothing after it), fields
 * quoted only when they contain a comma, a quote or a line break, quotes doubled.
 *
 * <p>Numbers are written with {@link #number(double)}, in the shortest form that reads back as exactly the same
 * {@code double} ({@link Double#toString(double)}: {@code 38.857142857142854}, {@code 1.0E-7}), never rounded.
 * Text is written with {@link #text(String)}, which defuses spreadsheet formulas: a text cell that begins with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, and is not simply a number, gets a
 * leading apostrophe, so that {@code =HYPERLINK(...)} in a customer id is shown, not run, when the file is opened
 * in a spreadsheet (OWASP, "CSV Injection"). Number cells and text that is a plain number ({@code -5}) are left as
 * they are.
 *
 * <pre>{@code
 * CsvWriter csv = CsvWriter.to(out);
 * csv.header("customer_id", "frequency", "recency");
 * csv.text("c-42").integer(3).number(30.428571428571427).endRow();
 * csv.flush();
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class CsvWriter implements Flushable {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final CSVPrinter printer;
    private int columns = -1;
    private int cells;

    private CsvWriter(CSVPrinter printer) {
        this.printer = printer;
    }

    /**
     * A writer onto {@code out}; flushing the writer flushes {@code out}, nothing closes it.
     *
     * @param out where the CSV text goes
     * @return the writer
     * @throws IOException if {@code out} fails
     */
    public static CsvWriter to(Appendable out) throws IOException {
        return new CsvWriter(new CSVPrinter(Objects.requireNonNull(out, "out"), CSVFormat.RFC4180));
    }

    /**
     * Writes the header row; every later row must have as many cells.
     *
     * @param names the column names
     * @return this writer
     * @throws IOException if the output fails
     * @throws IllegalStateException if a row was already written
     */
    public CsvWriter header(String... names) throws IOException {
        if (columns >= 0 || cells > 0) {
            throw new IllegalStateException("the header must be the first row");
        }
        for (String name : names) {
            printer.print(name);
        }
        printer.println();
        columns = names.length;
        return this;
    }

    /**
     * Writes a text cell, defused against formula injection.
     *
     * @param value the text; {@code null} is written as an empty cell
     * @return this writer
     * @throws IOException if the output fails
     */
    public CsvWriter text(String value) throws IOException {
        printer.print(value == null ? "" : defuse(value));
        cells++;
        return this;
    }

    /**
     * Writes a number cell with full (round-trip) precision.
     *
     * @param value a finite number
     * @return this writer
     * @throws IOException if the output fails
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public CsvWriter number(double value) throws IOException {
        printer.print(formatNumber(value));
        cells++;
        return this;
    }

    /**
     * Writes a whole-number cell.
     *
     * @param value the number
     * @return this writer
     * @throws IOException if the output fails
     */
    public CsvWriter integer(long value) throws IOException {
        printer.print(Long.toString(value));
        cells++;
        return this;
    }

    /**
     * Ends the current row.
     *
     * @return this writer
     * @throws IOException if the output fails
     * @throws IllegalStateException if the row has a different number of cells than the header
     */
    public CsvWriter endRow() throws IOException {
        if (columns >= 0 && cells != columns) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "row has %d cells but the header has %d", cells, columns));
        }
        printer.println();
        cells = 0;
        return this;
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    /**
     * The round-trip text of a number: {@link Double#toString(double)}, with {@code -0.0} written as {@code 0.0}.
     *
     * @param value a finite number
     * @return the text, which {@link Double#parseDouble(String)} reads back as exactly {@code value}
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public static String formatNumber(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write a non-finite number to CSV: value=" + value);
        }
        return Double.toString(value + 0.0);
    }

    /**
     * Defuses a text cell against spreadsheet formula injection.
     *
     * @param text the cell text
     * @return {@code text}, or {@code "'" + text} if it begins with {@code = + - @}, tab or CR and is not a plain
     *         number
     */
    public static String defuse(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        if (risky && !PLAIN_NUMBER.matcher(text).matches()) {
            return "'" + text;
        }
        return text;
    }
}
