package org.clv4j.cli.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header row, read row by row with its line numbers, for inputs other than transactions (survivor
 * counts, survey answers). Columns are looked up by header name; every error is a {@link CsvInputException} naming
 * the file, line, column and value.
 *
 * <pre>{@code
 * CsvFile file = CsvFile.open(TransactionCsv.Source.file(path));
 * int score = file.column("score", "--score-column", true);
 * file.forEach((row, line) -> answers.add(parse(row.get(score), line)));
 * }</pre>
 *
 * <p>Cells are trimmed by the callers as they need; a byte-order mark before the first header name and blank lines
 * are ignored. Not thread-safe.
 */
public final class CsvFile {

    /** Handles one data row. */
    @FunctionalInterface
    public interface RowHandler {
        /**
         * Handles a row.
         *
         * @param row the record
         * @param line its 1-based line number (of the row's first line)
         */
        void row(CSVRecord row, long line);
    }

    private final TransactionCsv.Source source;
    private final List<String> header;
    private int fieldsNeeded;

    private CsvFile(TransactionCsv.Source source, List<String> header) {
        this.source = source;
        this.header = header;
    }

    /**
     * Opens a file and reads its header.
     *
     * @param source the file
     * @return the file, ready to look up columns
     * @throws IOException if the file cannot be read
     * @throws CsvInputException if the file is empty or its header malformed
     */
    public static CsvFile open(TransactionCsv.Source source) throws IOException {
        Objects.requireNonNull(source, "source");
        try (Reader reader = ByteOrderMark.skip(source.open()); CSVParser parser = CSVFormat.DEFAULT.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new CsvInputException(source.name(), 0, null, null,
                        "the file is empty; expected a header row naming the columns", null);
            }
            List<String> header = new ArrayList<>();
            for (String name : records.next()) {
                header.add(name.replace("\uFEFF", "").trim());
            }
            return new CsvFile(source, List.copyOf(header));
        } catch (UncheckedIOException e) {
            throw new CsvInputException(source.name(), 1, null, null, "malformed CSV header: "
                    + e.getCause().getMessage(), e);
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
     * The header's column names, trimmed.
     *
     * @return the names
     */
    public List<String> header() {
        return header;
    }

    /**
     * The index of a column.
     *
     * @param name the header name
     * @param option the command-line option that chooses it, for the message
     * @param required whether a missing column is an error
     * @return the index, or -1 when the column is absent and not required
     * @throws CsvInputException if the column is required and missing, or named twice
     */
    public int column(String name, String option, boolean required) {
        int found = -1;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(name)) {
                if (found >= 0) {
                    throw new CsvInputException(source.name(), 1, name, null, "the header names this column twice",
                            null);
                }
                found = i;
            }
        }
        if (found < 0 && required) {
            throw new CsvInputException(source.name(), 1, name, null, String.format(Locale.ROOT,
                    "no such column in the header (choose another with %s); the header has: %s", option,
                    String.join(", ", header)), null);
        }
        fieldsNeeded = Math.max(fieldsNeeded, found + 1);
        return found;
    }

    /**
     * An error located in this file.
     *
     * @param line the line, or 0 for the file as a whole
     * @param column the column, or {@code null}
     * @param value the offending value, or {@code null}
     * @param problem what is wrong
     * @return the exception, to throw
     */
    public CsvInputException error(long line, String column, String value, String problem) {
        return new CsvInputException(source.name(), line, column, value, problem, null);
    }

    /**
     * Reads every data row. A row with too few fields for the columns looked up is an error; so is a file without
     * data rows. An {@link IllegalArgumentException} from the handler that is not already located becomes a
     * {@link CsvInputException} naming the row's line.
     *
     * @param handler what to do with each row
     * @return the number of data rows
     * @throws IOException if the file cannot be read
     * @throws CsvInputException for malformed CSV, a short row or no rows
     */
    public long forEach(RowHandler handler) throws IOException {
        long rows = 0;
        try (Reader reader = ByteOrderMark.skip(source.open()); CSVParser parser = CSVFormat.DEFAULT.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            try {
                if (records.hasNext()) {
                    records.next();
                }
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    long line = parser.getCurrentLineNumber();
                    if (record.size() < fieldsNeeded) {
                        throw error(line, null, String.join(",", record.toList()), String.format(Locale.ROOT,
                                "the row has %d fields, too few for the columns used (%d)", record.size(),
                                fieldsNeeded));
                    }
                    try {
                        handler.row(record, line);
                    } catch (CsvInputException e) {
                        throw e;
                    } catch (IllegalArgumentException e) {
                        throw new CsvInputException(source.name(), line, null, null, e.getMessage(), e);
                    }
                    rows++;
                }
            } catch (UncheckedIOException e) {
                throw error(parser.getCurrentLineNumber(), null, null, "malformed CSV: "
                        + e.getCause().getMessage());
            }
        }
        if (rows == 0) {
            throw error(0, null, null, "no data: the file has a header but no rows");
        }
        return rows;
    }
}
