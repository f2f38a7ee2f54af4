package org.clv4j.models.historical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.Transaction;
import org.clv4j.models.ClvCalculator;
import org.junit.jupiter.api.Test;

/**
 * Historical CLV of the 2,357 CDNOW sample customers ({@code data/cdnow_sample_transactions.csv}) against a
 * brute-force recomputation straight from the rows: per customer, count the rows, add the amounts, find the
 * first and last dates, and apply the formula and the churn estimate of {@link ChurnEstimate} with plain loops.
 * Tolerance 1e-9 relative: both sides add the same numbers in different orders.
 */
class HistoricalClvCdnowTest {

    static final LocalDate END = LocalDate.of(1998, 6, 30);

    /** Per-customer totals, computed independently of clv-core's summaries. */
    static final class Totals {
        int orders;
        double revenue;
        LocalDate first;
        LocalDate last;
    }

    @Test
    void agreesWithBruteForceOnCdnow() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "data", "cdnow_sample_transactions.csv"));
        List<Transaction> log = new ArrayList<>();
        Map<String, Totals> byCustomer = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            LocalDate date = LocalDate.parse(f[2]);
            double amount = Double.parseDouble(f[4]);
            log.add(Transaction.of(f[0], date, amount));
            Totals t = byCustomer.computeIfAbsent(f[0], k -> new Totals());
            t.orders++;
            t.revenue += amount;
            t.first = t.first == null || date.isBefore(t.first) ? date : t.first;
            t.last = t.last == null || date.isAfter(t.last) ? date : t.last;
        }
        assertEquals(2357, byCustomer.size());
        assertEquals(6919, log.size());

        // churn: inactive for more than 26 weeks before END; exposure in weeks
        double threshold = 26.0;
        int churned = 0;
        double exposure = 0.0;
        for (Totals t : byCustomer.values()) {
            double inactiveWeeks = ChronoUnit.DAYS.between(t.last, END) / 7.0;
            if (inactiveWeeks > threshold) {
                churned++;
                exposure += ChronoUnit.DAYS.between(t.first, t.last) / 7.0;
            } else {
                exposure += ChronoUnit.DAYS.between(t.first, END) / 7.0;
            }
        }
        double lifespan = exposure / churned;

        double margin = 0.3;
        double d = 0.002;
        double factor = 0.0;
        int whole = (int) Math.floor(lifespan);
        for (int k = 1; k <= whole; k++) {
            factor += Math.pow(1 + d, -k);
        }
        factor += (lifespan - whole) * Math.pow(1 + d, -(whole + 1));

        HistoricalClvResult result = ClvCalculator.historical(log, HistoricalClvOptions.defaults()
                .withTimeUnit(TimeUnit.WEEK).withObservationEnd(END).withChurnThreshold(threshold)
                .withMargin(margin).withDiscountRate(d).withAcquisitionCost(5.0));
        ChurnEstimate churn = result.churnEstimate().orElseThrow();
        assertEquals(churned, churn.churnedCustomers());
        assertEquals(exposure, churn.exposure(), 1e-9 * exposure);
        assertEquals(lifespan, result.lifespan(), 1e-9 * lifespan);

        double total = 0.0;
        for (Map.Entry<String, Totals> e : byCustomer.entrySet()) {
            Totals t = e.getValue();
            double tenure = Math.max(1.0, ChronoUnit.DAYS.between(t.first, END) / 7.0);
            double clv = margin * (t.revenue / t.orders) * (t.orders / tenure) * factor - 5.0;
            CustomerClv row = result.customer(e.getKey()).orElseThrow();
            assertEquals(t.orders, row.orders(), e.getKey());
            assertEquals(t.revenue, row.revenue(), 1e-9 * t.revenue, e.getKey());
            assertEquals(t.first, row.firstPurchase(), e.getKey());
            assertEquals(t.last, row.lastPurchase(), e.getKey());
            assertEquals(clv, row.clv(), 1e-9 * Math.max(1.0, Math.abs(clv)), e.getKey());
            total += clv;
        }
        assertEquals(total, result.aggregate().total(), 1e-9 * Math.abs(total));
        assertEquals(total / 2357, result.aggregate().mean(), 1e-9 * Math.abs(total / 2357));
    }
}
