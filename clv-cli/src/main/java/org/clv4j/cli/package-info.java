/**
 * The {@code clv} command line: {@link org.clv4j.cli.ClvCommand} and its subcommands. Subcommands share
 * {@link org.clv4j.cli.TransactionOptions} (reading a transaction CSV) and {@link org.clv4j.cli.OutputOptions}
 * (writing CSV to stdout or atomically to a file) as picocli mixins; errors become one line on stderr.
 * {@code clv fit} and {@code clv predict} exchange fitted models as small JSON model files. The loyalty commands
 * ({@code cohort}, {@code retention}, {@code nps}, {@code segment}) and {@code clv table} compose the library's
 * metrics; {@code retention} and {@code nps} answer in JSON.
 */
package org.clv4j.cli;
