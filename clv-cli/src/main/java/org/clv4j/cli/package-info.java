/**
 * The {@code clv} command line: {@link org.clv4j.cli.ClvCommand} and its subcommands. Subcommands share
 * {@link org.clv4j.cli.TransactionOptions} (reading a transaction CSV) and {@link org.clv4j.cli.OutputOptions}
 * (writing CSV to stdout or atomically to a file) as picocli mixins; errors become one line on stderr.
 */
package org.clv4j.cli;
