package org.clv4j.cli.csv;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

/**
 * Skips the byte-order mark (U+FEFF) that Excel and other Windows tools put at the start of a UTF-8 CSV file.
 * Skipped before parsing, and not after as part of the first header name, so that a quoted first name
 * ({@code \uFEFF"customer_id"}) is still a quoted field.
 */
final class ByteOrderMark {

    private ByteOrderMark() {
    }

    /**
     * The characters of {@code reader} without a leading byte-order mark.
     *
     * @param reader the characters, at their start
     * @return a reader of the same characters, less a leading U+FEFF; closing it closes {@code reader}
     * @throws IOException if the first character cannot be read ({@code reader} is then closed)
     */
    static Reader skip(Reader reader) throws IOException {
        PushbackReader characters = new PushbackReader(reader, 1);
        try {
            int first = characters.read();
            if (first != -1 && first != '\uFEFF') {
                characters.unread(first);
            }
        } catch (IOException e) {
            reader.close();
            throw e;
        }
        return characters;
    }
}
