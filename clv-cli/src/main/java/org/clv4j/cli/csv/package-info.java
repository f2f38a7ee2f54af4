/**
 * Reusable file plumbing for the {@code clv} subcommands: {@link org.clv4j.cli.csv.TransactionCsv} streams a
 * transaction CSV into clv-core with errors located by file, line, column and value;
 * {@link org.clv4j.cli.csv.SummaryCsv} reads per-customer summaries into primitive columns, validated the same way;
 * {@link org.clv4j.cli.csv.CsvFile} reads any other headed CSV row by row (survivor counts), and
 * {@link org.clv4j.cli.csv.ResponseCsv} survey answers;
 * {@link org.clv4j.cli.csv.CsvWriter} writes RFC 4180 CSV with round-trip numbers and formula-safe text;
 * {@link org.clv4j.cli.csv.AtomicOutput} replaces a file only when all of it was written.
 */
package org.clv4j.cli.csv;
