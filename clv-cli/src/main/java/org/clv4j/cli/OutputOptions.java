package org.clv4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.clv4j.cli.csv.AtomicOutput;
import org.clv4j.cli.csv.CsvWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --output FILE}: where a subcommand's CSV goes (stdout when absent); a picocli mixin. Files are written
 * atomically ({@link AtomicOutput}): on error nothing is written and an existing file stays as it was.
 *
 * <pre>{@code
 * @Mixin OutputOptions output;
 * ...
 * output.writeCsv(spec, csv -> {
 *     csv.header("customer_id", "clv");
 *     for (CustomerClv c : rows) {
 *         csv.text(c.customerId()).number(c.clv()).endRow();
 *     }
 * });
 * }</pre>
 */
public final class OutputOptions {

    /** Writes the rows of a CSV table. */
    @FunctionalInterface
    public interface CsvBody {
        /**
         * Writes header and rows.
         *
         * @param csv the writer
         * @throws IOException if the output fails
         */
        void writeTo(CsvWriter csv) throws IOException;
    }

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the output to FILE (replaced atomically; nothing is written on error) instead of "
                    + "stdout.")
    Path output;

    /**
     * The output file.
     *
     * @return the file, or {@code null} for stdout
     */
    public Path file() {
        return output;
    }

    /**
     * Writes a CSV table to the output file, or to the command's stdout.
     *
     * @param spec the running command's spec (for its stdout)
     * @param body what to write
     * @throws IOException if writing fails; a file target is then unchanged
     */
    public void writeCsv(CommandSpec spec, CsvBody body) throws IOException {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            CsvWriter csv = CsvWriter.to(out);
            body.writeTo(csv);
            csv.flush();
            out.flush();
        } else {
            AtomicOutput.write(output, writer -> {
                CsvWriter csv = CsvWriter.to(writer);
                body.writeTo(csv);
                csv.flush();
            });
        }
    }

    /**
     * Writes text (such as a JSON model file) to the output file, or to the command's stdout.
     *
     * @param spec the running command's spec (for its stdout)
     * @param text the complete content
     * @throws IOException if writing fails; a file target is then unchanged
     */
    public void writeText(CommandSpec spec, String text) throws IOException {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            AtomicOutput.write(output, writer -> writer.write(text));
        }
    }
}
