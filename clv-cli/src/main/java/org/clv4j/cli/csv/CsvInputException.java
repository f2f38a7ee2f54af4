package org.clv4j.cli.csv;

import java.util.Locale;

/**
 * Bad data in an input file, located by file, line and, when known, column and value. The message reads
 * {@code orders.csv, line 17, column 'amount': amount is not a number (value 'abc')}.
 */
public final class CsvInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String column;
    private final String value;

    /**
     * An error located in a file.
     *
     * @param file the file name as the user gave it
     * @param line the 1-based line number, or 0 when the error is about the file as a whole
     * @param column the column name, or {@code null} when the error is about the whole row
     * @param value the offending cell value, or {@code null}
     * @param problem what is wrong, without location
     * @param cause the underlying exception, or {@code null}
     */
    public CsvInputException(String file, long line, String column, String value, String problem, Throwable cause) {
        super(format(file, line, column, value, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.value = value;
    }

    private static String format(String file, long line, String column, String value, String problem) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(", line ").append(line);
        }
        if (column != null) {
            b.append(String.format(Locale.ROOT, ", column '%s'", column));
        }
        b.append(": ").append(problem);
        if (value != null) {
            b.append(String.format(Locale.ROOT, " (value '%s')", value));
        }
        return b.toString();
    }

    /**
     * The file name.
     *
     * @return the file as the user gave it
     */
    public String file() {
        return file;
    }

    /**
     * The line.
     *
     * @return the 1-based line number, or 0 for the file as a whole
     */
    public long line() {
        return line;
    }

    /**
     * The column.
     *
     * @return the column name, or {@code null}
     */
    public String column() {
        return column;
    }

    /**
     * The value.
     *
     * @return the offending cell value, or {@code null}
     */
    public String value() {
        return value;
    }
}
