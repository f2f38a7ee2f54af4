package org.clv4j.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.Transaction;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the calibration/holdout summary of Fader, Hardie &amp; Lee (2005) on the CDNOW sample, as published
 * by R BTYD 2.4.3 ({@code data/cdnow_sample_summary.csv}, see {@code data/PROVENANCE.md}).
 */
class CdnowSummaryTest {

    static final Path DATA = Path.of("..", "data");
    static final SummaryOptions CDNOW = SummaryOptions.defaults().withTimeUnit(TimeUnit.WEEK)
            .withCalibrationEnd(LocalDate.of(1997, 9, 30)).withObservationEnd(LocalDate.of(1998, 6, 30));

    static List<Transaction> cdnowTransactions() throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve("cdnow_sample_transactions.csv"));
        List<Transaction> log = new ArrayList<>(lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            log.add(Transaction.of(f[0], LocalDate.parse(f[2]), Double.parseDouble(f[4])));
        }
        return log;
    }

    static void assertMatchesReference(List<CustomerSummary> summaries) throws IOException {
        List<String> lines = Files.readAllLines(DATA.resolve("cdnow_sample_summary.csv"));
        assertEquals(lines.size() - 1, summaries.size());
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            CustomerSummary s = summaries.get(i - 1);
            assertEquals(f[0], s.customerId());
            assertEquals(Integer.parseInt(f[1]), s.frequency(), "frequency of " + f[0]);
            assertEquals(Double.parseDouble(f[2]), s.recency(), 1e-9, "recency of " + f[0]);
            assertEquals(Double.parseDouble(f[3]), s.T(), 1e-9, "T of " + f[0]);
            assertEquals(Double.parseDouble(f[4]), s.monetaryValue(), 1e-9, "monetary value of " + f[0]);
            assertEquals(Integer.parseInt(f[5]), s.holdout().orElseThrow().frequency(), "holdout of " + f[0]);
            assertEquals(39.0, s.holdout().orElseThrow().duration(), 1e-12);
        }
    }

    @Test
    void reproducesPublishedCalibrationSummary() throws IOException {
        assertMatchesReference(CustomerSummaries.summarize(cdnowTransactions(), CDNOW));
    }

    @Test
    void collectorOnParallelStreamGivesTheSameSummaries() throws IOException {
        List<Transaction> log = cdnowTransactions();
        log.sort((a, b) -> a.date().compareTo(b.date()));
        List<CustomerSummary> parallel = log.parallelStream().collect(SummaryAccumulator.collector(CDNOW));
        List<CustomerSummary> byId = new ArrayList<>(parallel);
        byId.sort((a, b) -> Integer.compare(Integer.parseInt(a.customerId()), Integer.parseInt(b.customerId())));
        assertMatchesReference(byId);
    }

    @Test
    void shuffledInputNeedsAndGetsASecondPass() throws IOException {
        List<Transaction> log = cdnowTransactions();
        Collections.shuffle(log, new Random(42));
        List<CustomerSummary> shuffled = new ArrayList<>(CustomerSummaries.summarize(log, CDNOW));
        shuffled.sort((a, b) -> Integer.compare(Integer.parseInt(a.customerId()), Integer.parseInt(b.customerId())));
        assertMatchesReference(shuffled);
        assertTrue(shuffled.stream().allMatch(s -> s.orders() >= s.frequency() + 1));
    }
}
