package org.clv4j.cli.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The record reader against Commons CSV's {@code CSVFormat.DEFAULT} (the independent reference): the same records,
 * fields and line numbers on hand-picked cases and on generated files full of separators, quotes, doubled quotes
 * and line breaks of every kind, read through buffers and reads as short as one character.
 */
class CsvRecordReaderTest {

    /** A record as read: its fields and the line it ends on; or, for malformed input, {@code "malformed"}. */
    private record Read(List<String> fields, long line) {
    }

    @Test
    void handPickedCasesReadAsCommonsCsvReadsThem() throws IOException {
        String[] cases = {
            "a,b,c\r\n1,2,3\r\n",
            "a,b\n1,2",                                  // no line break at the end
            "a\r\rb\r",                                  // CR alone ends a line
            "a,b\n\n\r\n1,2\n\n",                        // empty lines are skipped but counted
            "\"x,y\",\"say \"\"hi\"\"\",\"\"\n",         // separators, doubled quotes, an empty quoted field
            "\"two\r\nlines\",b\nc,d\n",                 // a line break inside a quoted field
            "a,\n,\n,,\n",                               // empty fields
            "a\"b,c\"\n",                                // a quote inside an unquoted field is a character
            " \"a\" ,b\n",                               // a quote after a space starts no quoted field
            "\uFEFFcustomer_id,date\n",                  // a byte-order mark is a character of the first field
            "\"a\r\n\",\"\r\",\"\n\r\"\nb\n",           // line breaks of every kind inside quotes
            "",
            "\n\n",
        };
        for (String text : cases) {
            for (int bufferSize : new int[] {1, 2, 3, 5, 64}) {
                assertEquals(commons(text), ours(text, bufferSize, 1), text + " with a buffer of " + bufferSize);
            }
        }
    }

    @Test
    void generatedFilesReadAsCommonsCsvReadsThem() throws IOException {
        char[] alphabet = {'a', 'b', ',', ',', '"', '"', '\r', '\n', '\n', ' ', '\t', '7'};
        SplittableRandom random = new SplittableRandom(20261122L);
        int malformed = 0;
        for (int trial = 0; trial < 20_000; trial++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String input = text.toString();
            List<Read> expected = commons(input);
            malformed += expected.isEmpty() || expected.get(expected.size() - 1).line() >= 0 ? 0 : 1;
            int bufferSize = 1 + random.nextInt(8);
            int longestRead = 1 + random.nextInt(8);
            assertEquals(expected, ours(input, bufferSize, longestRead),
                    input.replace("\r", "\\r").replace("\n", "\\n") + " with a buffer of " + bufferSize);
        }
        assertTrue(malformed > 1000, "malformed inputs among the generated ones: " + malformed);
    }

    @Test
    void malformedInputNamesTheLine() {
        CsvRecordReader.MalformedCsvException open = assertThrows(CsvRecordReader.MalformedCsvException.class,
                () -> readAll(new CsvRecordReader(new StringReader("a,b\n\"c,d\ne,f\n"))));
        assertEquals(2, open.line());
        assertTrue(open.getMessage().contains("starts on line 2"), open.getMessage());
        CsvRecordReader.MalformedCsvException after = assertThrows(CsvRecordReader.MalformedCsvException.class,
                () -> readAll(new CsvRecordReader(new StringReader("a,b\n\"c\"d,e\n"))));
        assertEquals(2, after.line());
        assertTrue(after.getMessage().contains("'d' follows the closing quote"), after.getMessage());
    }

    @Test
    void fieldsLongerThanTheBufferAreWhole() throws IOException {
        String longField = "x".repeat(200_000);
        CsvRecordReader reader = new CsvRecordReader(new StringReader(longField + ",\"" + longField + "\"\nz\n"));
        assertTrue(reader.next());
        assertEquals(List.of(longField, longField), reader.toList());
        assertTrue(reader.next());
        assertEquals("z", reader.get(0));
        assertEquals(2, reader.line());
        assertFalse(reader.next());
    }

    private static void readAll(CsvRecordReader reader) throws IOException {
        while (reader.next()) {
            reader.toList();
        }
    }

    /** Commons CSV's records; a malformed input ends the list with a record of no fields at line −1. */
    private static List<Read> commons(String text) throws IOException {
        List<Read> records = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                records.add(new Read(record.toList(), parser.getCurrentLineNumber()));
            }
        } catch (UncheckedIOException e) {
            records.add(new Read(List.of(), -1));
        }
        return records;
    }

    private static List<Read> ours(String text, int bufferSize, int longestRead) throws IOException {
        List<Read> records = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(new ShortReads(text, longestRead), bufferSize)) {
            while (reader.next()) {
                records.add(new Read(reader.toList(), reader.line()));
            }
        } catch (CsvRecordReader.MalformedCsvException e) {
            records.add(new Read(List.of(), -1));
        }
        return records;
    }

    /** A reader that returns at most {@code longest} characters per read, as a slow stream may. */
    private static final class ShortReads extends Reader {
        private final String text;
        private final int longest;
        private int at;

        ShortReads(String text, int longest) {
            this.text = text;
            this.longest = longest;
        }

        @Override
        public int read(char[] target, int offset, int length) {
            if (at == text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(length, longest), text.length() - at);
            text.getChars(at, at + n, target, offset);
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
