package org.clv4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;

/** Runs {@code clv} in-process with captured stdout and stderr. */
final class Cli {

    private Cli() {
    }

    /** The outcome of one run. */
    record Run(int exitCode, String out, String err) {

        /** The stdout as CSV records, header first. */
        List<CSVRecord> csv() {
            return Cli.parse(out);
        }

        /** The stderr lines. */
        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static Run run(String... args) {
        CommandLine cmd = ClvCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static List<CSVRecord> parse(String csv) {
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(csv))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
