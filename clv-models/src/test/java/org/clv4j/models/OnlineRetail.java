package org.clv4j.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clv4j.core.Transaction;

/**
 * The UCI Online Retail invoices ({@code data/online_retail_invoices.csv}, see data/PROVENANCE.md), cleaned the
 * way the tests and docs describe: rows without a customer id ({@code (blank)}) and cancellation invoices
 * ({@code C…}) are dropped; an invoice's amount is quantity × unit price; dates are US {@code M/d/yyyy H:mm}.
 */
public final class OnlineRetail {

    /** The date-time format of the export. */
    public static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy H:mm", Locale.ROOT);

    private static List<Transaction> invoices;

    private OnlineRetail() {
    }

    /**
     * The cleaned invoices, in file order.
     *
     * @return an unmodifiable list
     */
    public static synchronized List<Transaction> invoices() {
        if (invoices == null) {
            try {
                List<String> lines = Files.readAllLines(Path.of("..", "data", "online_retail_invoices.csv"));
                List<Transaction> list = new ArrayList<>();
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.split(",", -1);
                    if (f[2].equals("(blank)") || f[2].isBlank() || f[0].startsWith("C")) {
                        continue;
                    }
                    list.add(Transaction.of(f[2], LocalDateTime.parse(f[1], US),
                            Double.parseDouble(f[4]) * Double.parseDouble(f[5])));
                }
                invoices = List.copyOf(list);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return invoices;
    }
}
