package org.clv4j.cli.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads the records of an RFC 4180 file one at a time, as Commons CSV's {@code CSVFormat.DEFAULT} reads them, for
 * transaction and summary files (Commons CSV reads a character at a time through several calls, and took more
 * than half the time of {@code clv summary} on a 2M-row file).
 *
 * <p>The format: fields separated by {@code ,}; records ended by CRLF, LF or CR; a field that starts with {@code "}
 * is quoted, may hold separators, line breaks and doubled quotes ({@code ""} for one {@code "}), and must be
 * followed by a separator, a line break or the end of the input, white space between them ignored; a quote inside
 * an unquoted field is an ordinary character; empty lines are skipped. Line numbers count every line break read,
 * including those inside quoted fields, so a record's line is the line it ends on (1-based).
 * {@code CsvRecordReaderTest} checks the records and the line numbers against Commons CSV on generated files.
 *
 * <p>The field array is reused from record to record. Not thread-safe.
 */
final class CsvRecordReader implements Closeable {

    /**
     * A syntax error: a quoted field left open (the line is the field's first), or a character after a quoted
     * field's closing quote (the line is the character's).
     */
    static final class MalformedCsvException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long line;

        MalformedCsvException(long line, String message) {
            super(message);
            this.line = line;
        }

        /**
         * The line of the error.
         *
         * @return the 1-based line
         */
        long line() {
            return line;
        }
    }

    private static final int END = -1;

    private final Reader in;
    private final char[] buffer;
    private int position;
    private int limit;
    private long lineBreaks;
    private long line;
    private String[] fields = new String[16];
    private int size;
    private final StringBuilder text = new StringBuilder();

    /**
     * A reader of the records of {@code in}, which it closes when closed.
     *
     * @param in the characters
     */
    CsvRecordReader(Reader in) {
        this(in, 1 << 16);
    }

    /**
     * A reader with a buffer of {@code bufferSize} characters (tests use tiny ones to cross buffer boundaries
     * everywhere).
     *
     * @param in the characters
     * @param bufferSize the buffer's size, at least 1
     */
    CsvRecordReader(Reader in, int bufferSize) {
        this.in = Objects.requireNonNull(in, "in");
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize must be >= 1: " + bufferSize);
        }
        buffer = new char[bufferSize];
    }

    /**
     * Reads the next record.
     *
     * @return false at the end of the input
     * @throws MalformedCsvException if the record is malformed
     * @throws IOException if the input cannot be read
     */
    boolean next() throws IOException {
        int c = skipEmptyLines();
        if (c == END) {
            size = 0;
            return false;
        }
        size = 0;
        while (true) {
            c = c == '"' ? quotedField() : plainField();
            if (c == ',') {
                position++;
                c = peek();
                continue;
            }
            line = lineBreaks + 1;
            if (c != END) {
                consumeLineBreak(c);
            }
            return true;
        }
    }

    /**
     * The number of fields of the current record.
     *
     * @return the number of fields
     */
    int size() {
        return size;
    }

    /**
     * A field of the current record.
     *
     * @param index the field's index, below {@link #size()}
     * @return the field's text
     */
    String get(int index) {
        Objects.checkIndex(index, size);
        return fields[index];
    }

    /**
     * The fields of the current record.
     *
     * @return a copy of the fields
     */
    List<String> toList() {
        return Arrays.asList(Arrays.copyOf(fields, size));
    }

    /**
     * The line on which the current record ends.
     *
     * @return the 1-based line
     */
    long line() {
        return line;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Skips empty lines; returns the first character of the next record, or {@link #END}. */
    private int skipEmptyLines() throws IOException {
        while (true) {
            int c = peek();
            if (c != '\n' && c != '\r') {
                return c;
            }
            consumeLineBreak(c);
        }
    }

    /** Consumes the line break that starts with {@code c} (CRLF counts as one). */
    private void consumeLineBreak(int c) throws IOException {
        position++;
        lineBreaks++;
        if (c == '\r' && peek() == '\n') {
            position++;
        }
    }

    /** Reads an unquoted field; returns the character after it (a separator, a line break or {@link #END}). */
    private int plainField() throws IOException {
        int start = position;
        while (true) {
            for (int i = position; i < limit; i++) {
                char ch = buffer[i];
                if (ch == ',' || ch == '\n' || ch == '\r') {
                    if (text.length() == 0) {
                        add(new String(buffer, start, i - start));
                    } else {
                        text.append(buffer, start, i - start);
                        add(text.toString());
                        text.setLength(0);
                    }
                    position = i;
                    return ch;
                }
            }
            // the field goes on past the buffer
            text.append(buffer, start, limit - start);
            position = limit;
            if (peek() == END) {
                add(text.toString());
                text.setLength(0);
                return END;
            }
            start = position;
        }
    }

    /** Reads a quoted field (at its opening quote); returns the character after its closing quote. */
    private int quotedField() throws IOException {
        long startLine = lineBreaks + 1;
        position++;
        char previous = '"'; // a CR followed by LF is one line break: the LF counts only after another character
        while (true) {
            if (peek() == END) {
                throw new MalformedCsvException(startLine, String.format(Locale.ROOT,
                        "the input ends inside the quoted field that starts on line %d (a quote left open?)",
                        startLine));
            }
            int start = position;
            int i = position;
            while (i < limit && buffer[i] != '"') {
                char ch = buffer[i];
                if (ch == '\r' || (ch == '\n' && previous != '\r')) {
                    lineBreaks++;
                }
                previous = ch;
                i++;
            }
            text.append(buffer, start, i - start);
            position = i;
            if (i == limit) {
                continue;
            }
            position++; // the quote
            int after = peek();
            if (after == '"') {
                text.append('"');
                previous = '"';
                position++;
                continue;
            }
            add(text.toString());
            text.setLength(0);
            // white space between the closing quote and what ends the field is ignored
            while (after != ',' && after != '\n' && after != '\r' && after != END
                    && Character.isWhitespace((char) after)) {
                position++;
                after = peek();
            }
            if (after != ',' && after != '\n' && after != '\r' && after != END) {
                throw new MalformedCsvException(lineBreaks + 1, String.format(Locale.ROOT,
                        "the character '%c' follows the closing quote of a quoted field; a quote inside a quoted "
                                + "field is written twice (\"\")", (char) after));
            }
            return after;
        }
    }

    private void add(String field) {
        if (size == fields.length) {
            fields = Arrays.copyOf(fields, 2 * size);
        }
        fields[size++] = field;
    }

    /** The character at the position, reading more input when the buffer is used up; {@link #END} at the end. */
    private int peek() throws IOException {
        if (position < limit) {
            return buffer[position];
        }
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        position = 0;
        limit = Math.max(read, 0);
        return read < 0 ? END : buffer[0];
    }
}
