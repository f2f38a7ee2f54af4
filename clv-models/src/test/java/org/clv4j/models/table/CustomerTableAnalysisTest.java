package org.clv4j.models.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.Transaction;
import org.clv4j.models.ClvCalculator;
import org.clv4j.models.bgnbd.BgNbdModel;
import org.clv4j.models.cohort.CohortUnit;
import org.clv4j.models.gammagamma.GammaGammaModel;
import org.clv4j.models.historical.HistoricalClvOptions;
import org.clv4j.models.historical.HistoricalClvResult;
import org.clv4j.models.lifecycle.LifecycleAnalysis;
import org.clv4j.models.lifecycle.LifecycleTable;
import org.clv4j.models.nps.NpsAnswer;
import org.clv4j.models.predictive.ProbabilisticClvOptions;
import org.clv4j.models.rfm.RfmAnalysis;
import org.clv4j.models.rfm.RfmTable;
import org.junit.jupiter.api.Test;

/**
 * The customer CLV table: every column against the computation it documents (summary by hand, historical CLV, RFM
 * and lifecycle computed on their own, predictions by the CLV formula written out), value tiers by rank, the NPS
 * join, the fallback to historical CLV, and the fit on the fly on the CDNOW sample reproducing docs/REFERENCES.md
 * (BG/NBD r = 0.2426, α = 4.4135, a = 0.7929, b = 2.4259, LL −9582.43; Gamma-Gamma p = 6.25, q = 3.74, γ = 15.44,
 * LL −4055.92; the CLV of all 2,357 customers over 12 steps of 4.345 weeks at 1% per step: 71,509.9).
 */
class CustomerTableAnalysisTest {

    static final LocalDate E = LocalDate.of(2024, 6, 30);

    /** Five customers over 2024 H1. */
    static List<Transaction> smallLog() {
        return List.of(
                Transaction.of("ann", LocalDate.of(2024, 1, 3), 40.0),
                Transaction.of("ann", LocalDate.of(2024, 2, 14), 60.0),
                Transaction.of("ann", LocalDate.of(2024, 6, 2), 20.0),
                Transaction.of("bob", LocalDate.of(2024, 1, 20), 15.0),
                Transaction.of("cid", LocalDate.of(2024, 3, 1), 100.0),
                Transaction.of("cid", LocalDate.of(2024, 3, 1), 50.0),
                Transaction.of("cid", LocalDate.of(2024, 5, 30), 25.0),
                Transaction.of("dee", LocalDate.of(2024, 6, 20), 5.0),
                Transaction.of("eve", LocalDate.of(2024, 2, 2), 30.0),
                Transaction.of("eve", LocalDate.of(2024, 4, 2), 30.0));
    }

    @Test
    void everyColumnWithoutPredictions() {
        List<Transaction> log = smallLog();
        HistoricalClvOptions historicalOptions = HistoricalClvOptions.defaults().withLifespan(2.0);
        CustomerTable table = CustomerTableAnalysis.withDefaults().withObservationEnd(E).withPredictions(false)
                .withHistoricalOptions(historicalOptions).withTimeUnit(TimeUnit.DAY).compute(log);
        assertEquals(List.of("ann", "bob", "cid", "dee", "eve"), table.rows().stream().map(CustomerRow::customerId)
                .toList());
        assertEquals(ValueBasis.HISTORICAL_CLV, table.valueBasis());
        assertTrue(table.notes().contains("predictions switched off"), table.notes()::toString);
        assertTrue(table.transactionModel().isEmpty());
        assertTrue(table.horizon().isEmpty());

        // by hand: ann bought on 01-03, 02-14, 06-02: 3 orders, 120, x = 2, recency 151 days, T 179 days
        CustomerRow ann = table.row("ann").orElseThrow();
        assertEquals(LocalDate.of(2024, 1, 3), ann.firstPurchase());
        assertEquals("2024-01", ann.cohort());
        assertEquals(3, ann.orders());
        assertEquals(120.0, ann.revenue(), 0.0);
        assertEquals(40.0, ann.averageOrderValue(), 0.0);
        assertEquals(2, ann.frequency());
        assertEquals(151.0, ann.recency(), 0.0);
        assertEquals(179.0, ann.T(), 0.0);
        assertTrue(ann.predictedPurchases().isEmpty());
        assertTrue(ann.probabilityAlive().isEmpty());
        assertTrue(ann.predictedClv().isEmpty());
        assertTrue(ann.npsAnswer().isEmpty());
        // cid: two orders on 03-01 are one purchase day: 3 orders, x = 1
        CustomerRow cid = table.row("cid").orElseThrow();
        assertEquals(3, cid.orders());
        assertEquals(1, cid.frequency());
        assertEquals(175.0, cid.revenue(), 0.0);

        // the other columns against their own computations
        HistoricalClvResult historical = ClvCalculator.historical(log, historicalOptions.withObservationEnd(E));
        RfmTable rfm = RfmAnalysis.withDefaults().withObservationEnd(E).compute(log);
        LifecycleTable lifecycle = LifecycleAnalysis.withDefaults().withObservationEnd(E).compute(log);
        for (CustomerRow row : table.rows()) {
            String id = row.customerId();
            assertEquals(historical.customer(id).orElseThrow().clv(), row.historicalClv(), 0.0, id);
            assertEquals(rfm.score(id).orElseThrow().segment(), row.rfmSegment(), id);
            assertEquals(lifecycle.customer(id).orElseThrow().stage(), row.lifecycleStage(), id);
        }
        // tiers by historical CLV (revenue x 2 years / tenure): five customers → ranks 0 vip, 1-2 high, 3 medium,
        // 4 low
        List<CustomerRow> byValue = new ArrayList<>(table.rows());
        byValue.sort((a, b) -> Double.compare(b.historicalClv(), a.historicalClv()));
        assertEquals(List.of(ValueTier.VIP, ValueTier.HIGH, ValueTier.HIGH, ValueTier.MEDIUM, ValueTier.LOW),
                byValue.stream().map(CustomerRow::valueTier).toList());
        assertEquals(Map.of(ValueTier.VIP, 1, ValueTier.HIGH, 2, ValueTier.MEDIUM, 1, ValueTier.LOW, 1),
                table.tierCounts());

        // quarterly cohorts
        assertEquals("2024-Q1", CustomerTableAnalysis.withDefaults().withObservationEnd(E).withPredictions(false)
                .withHistoricalOptions(historicalOptions).withCohortUnit(CohortUnit.QUARTER).compute(log)
                .row("ann").orElseThrow().cohort());
    }

    @Test
    void givenModelsAgainstTheClvFormulaWrittenOut() {
        // CDNOW fit (docs/REFERENCES.md), in weeks
        BgNbdModel bgNbd = BgNbdModel.of(0.2426, 4.4135, 0.7929, 2.4259, TimeUnit.WEEK);
        GammaGammaModel spend = GammaGammaModel.of(6.2488, 3.7446, 15.448);
        ProbabilisticClvOptions options = ProbabilisticClvOptions.defaults().withSteps(6).withStepLength(2.0)
                .withDiscountRate(0.02).withMargin(0.5);
        List<Transaction> log = smallLog();
        CustomerTable table = CustomerTableAnalysis.withDefaults().withObservationEnd(E).withTransactionModel(bgNbd)
                .withSpendModel(spend).withClvOptions(options).withHistoricalOptions(HistoricalClvOptions.defaults()
                        .withLifespan(2.0)).compute(log);
        assertEquals(ValueBasis.PREDICTED_CLV, table.valueBasis());
        assertEquals(TimeUnit.WEEK, table.timeUnit());
        assertEquals(12.0, table.horizon().getAsDouble(), 0.0);
        assertTrue(table.transactionFit().isEmpty());
        for (CustomerRow row : table.rows()) {
            double x = row.frequency();
            double tx = row.recency();
            double t = row.T();
            // monetary value of the summary: the mean of the repeat purchase days' amounts
            double mbar = switch (row.customerId()) {
                case "ann" -> 40.0;      // (60 + 20) / 2
                case "cid" -> 25.0;
                case "eve" -> 30.0;
                default -> 0.0;
            };
            double m = spend.expectedAverageValue(x, mbar);
            double clv = 0.0;
            double previous = 0.0;
            for (int i = 1; i <= 6; i++) {
                double now = bgNbd.conditionalExpectedPurchases(2.0 * i, x, tx, t);
                clv += m * (now - previous) / Math.pow(1.02, i);
                previous = now;
            }
            clv *= 0.5;
            String id = row.customerId();
            assertEquals(clv, row.predictedClv().getAsDouble(), 1e-9 * Math.max(1.0, clv), id);
            assertEquals(bgNbd.conditionalExpectedPurchases(12.0, x, tx, t), row.predictedPurchases().getAsDouble(),
                    1e-12, id);
            assertEquals(bgNbd.probabilityAlive(x, tx, t), row.probabilityAlive().getAsDouble(), 1e-12, id);
            // lifecycle with the model: the same stage as the lifecycle analysis given the model
            assertEquals(LifecycleAnalysis.withDefaults().withObservationEnd(E).withModel(bgNbd).compute(log)
                    .customer(id).orElseThrow().stage(), row.lifecycleStage(), id);
        }
        assertEquals(10.0 / 7.0, table.row("dee").orElseThrow().T(), 1e-12);

        // a table in another unit than the model's is an error
        IllegalArgumentException units = assertThrows(IllegalArgumentException.class, () -> CustomerTableAnalysis
                .withDefaults().withTimeUnit(TimeUnit.DAY).withTransactionModel(bgNbd).compute(log));
        assertTrue(units.getMessage().contains("the table is in day but the bg-nbd model is in week"),
                units::getMessage);
    }

    @Test
    void valueTiersByRankWithTiesByCustomerId() {
        for (int n = 1; n <= 40; n++) {
            int vip = 0;
            int high = 0;
            int medium = 0;
            for (int i = 0; i < n; i++) {
                ValueTier t = ValueTier.ofRank(i, n);
                vip += t == ValueTier.VIP ? 1 : 0;
                high += t == ValueTier.HIGH ? 1 : 0;
                medium += t == ValueTier.MEDIUM ? 1 : 0;
            }
            // the tiers cover the shares 20/30/30/20, rounded up at each cumulative boundary
            assertEquals((int) Math.ceil(n / 5.0), vip, "n=" + n);
            assertEquals((int) Math.ceil(n / 2.0), vip + high, "n=" + n);
            assertEquals((int) Math.ceil(4 * n / 5.0), vip + high + medium, "n=" + n);
        }
        assertThrows(IllegalArgumentException.class, () -> ValueTier.ofRank(3, 3));
        // ten customers with equal value: tiers follow the ids
        List<Transaction> log = new ArrayList<>();
        for (int i = 9; i >= 0; i--) {
            log.add(Transaction.of("c" + i, LocalDate.of(2024, 1, 1), 10.0));
            log.add(Transaction.of("c" + i, LocalDate.of(2024, 3, 1), 10.0));
        }
        CustomerTable table = CustomerTableAnalysis.withDefaults().withPredictions(false)
                .withHistoricalOptions(HistoricalClvOptions.defaults().withLifespan(1.0)).compute(log);
        assertEquals(List.of("vip", "vip", "high", "high", "high", "medium", "medium", "medium", "low", "low"),
                List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9).stream().map(i -> table.row("c" + i).orElseThrow().valueTier()
                        .id()).toList());
    }

    @Test
    void latestNpsAnswerLinkedByCustomerId() {
        List<NpsAnswer> answers = List.of(
                NpsAnswer.parse("9", 2).withCustomerId("ann").withDate(LocalDate.of(2024, 3, 1)),
                NpsAnswer.parse("4", 3).withCustomerId("ann").withDate(LocalDate.of(2024, 5, 1)),   // latest
                NpsAnswer.parse("10", 4).withCustomerId("ann").withDate(LocalDate.of(2024, 4, 1)),
                NpsAnswer.parse("7", 5).withCustomerId("bob").withDate(LocalDate.of(2024, 2, 1)),
                NpsAnswer.parse("8", 6).withCustomerId("bob").withDate(LocalDate.of(2024, 2, 1)),   // same day, later
                NpsAnswer.parse("10", 7).withCustomerId("zed"),                                   // not a customer
                NpsAnswer.parse("3", 8));                                                          // anonymous
        CustomerTable table = CustomerTableAnalysis.withDefaults().withObservationEnd(E).withPredictions(false)
                .withHistoricalOptions(HistoricalClvOptions.defaults().withLifespan(2.0)).withNpsAnswers(answers)
                .compute(smallLog());
        assertEquals(4, table.row("ann").orElseThrow().npsAnswer().orElseThrow().score());
        assertEquals(8, table.row("bob").orElseThrow().npsAnswer().orElseThrow().score());
        assertFalse(table.row("cid").orElseThrow().npsAnswer().isPresent());
        assertEquals(2, table.npsLinked());
        assertEquals(1, table.npsUnknownCustomers());
        assertEquals(1, table.npsAnonymous());
    }

    @Test
    void withoutRepeatPurchasesThereIsNoPredictedClvAndTheTableSaysSo() {
        List<Transaction> log = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            log.add(Transaction.of("c" + i, LocalDate.of(2024, 1, 1).plusDays(3 * i), 10.0 + i));
        }
        CustomerTable table = CustomerTableAnalysis.withDefaults().withHistoricalOptions(HistoricalClvOptions
                .defaults().withLifespan(1.0)).withLifecycleRules(org.clv4j.models.lifecycle.LifecycleRules
                .defaults().withPopulationRhythm(30.0)).compute(log);
        assertEquals(ValueBasis.HISTORICAL_CLV, table.valueBasis());
        assertTrue(table.rows().stream().allMatch(r -> r.predictedClv().isEmpty()));
        assertTrue(table.notes().stream().anyMatch(n -> n.contains("no predicted CLV")), table.notes()::toString);
        assertTrue(table.notes().contains("value tiers rank customers by historical CLV (no predicted CLV)"));
        // historical CLV grows with the amount here, so the biggest spender is vip
        assertEquals(ValueTier.VIP, table.row("c29").orElseThrow().valueTier());
    }

    static List<Transaction> cdnowCalibration() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "data", "cdnow_sample_transactions.csv"));
        assertEquals("customer_id,master_id,date,cds,amount", lines.get(0));
        LocalDate end = LocalDate.of(1997, 9, 30);
        List<Transaction> log = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            LocalDate date = LocalDate.parse(f[2]);
            if (!date.isAfter(end)) {
                log.add(Transaction.of(f[0], date, Double.parseDouble(f[4])));
            }
        }
        return log;
    }

    @Test
    void fittedOnTheFlyOnTheCdnowSampleReproducesThePublishedFitsAndClv() throws IOException {
        ProbabilisticClvOptions lifetimesMonthly = ProbabilisticClvOptions.defaults().withSteps(12)
                .withStepLength(4.345).withDiscountRate(0.01);
        // 39 weeks of data: nobody is inactive for the historical CLV's default churn threshold of a year, so the
        // historical lifespan is given
        CustomerTable table = CustomerTableAnalysis.withDefaults().withObservationEnd(LocalDate.of(1997, 9, 30))
                .withClvOptions(lifetimesMonthly).withHistoricalOptions(HistoricalClvOptions.defaults()
                        .withLifespan(3.0)).compute(cdnowCalibration());
        assertEquals(2357, table.rows().size());
        assertEquals(ValueBasis.PREDICTED_CLV, table.valueBasis());
        Map<String, Double> bg = table.transactionModel().orElseThrow().parameters();
        assertEquals(0.2426, bg.get("r"), 5e-5);
        assertEquals(4.4135, bg.get("alpha"), 1.5e-4); // 4.41360 at the optimum (BgNbdReferenceTest)
        assertEquals(0.7929, bg.get("a"), 5e-5);
        assertEquals(2.4259, bg.get("b"), 5e-5);
        assertEquals(-9582.43, table.transactionFit().orElseThrow().logLikelihood(), 0.01);
        // Gamma-Gamma to the note's printed digits (p = 6.25, q = 3.74, γ = 15.44; the maximum is at 6.2496, 3.7442,
        // 15.4435, see GammaGammaCdnowTest) and its log-likelihood
        GammaGammaModel gg = table.spendModel().orElseThrow();
        assertEquals(6.25, gg.p(), 0.005);
        assertEquals(3.74, gg.q(), 0.005);
        assertEquals(15.44, gg.gamma(), 0.005);
        assertEquals(-4055.92, table.spendFit().orElseThrow().logLikelihood(), 0.01);
        assertEquals(946.0, table.spendFit().orElseThrow().customersFitted(), 0.0);
        double total = table.rows().stream().mapToDouble(r -> r.predictedClv().getAsDouble()).sum();
        // published 71,509.9 from lifetimes' fitted parameters; ours (a slightly higher likelihood) give 71,507.95
        assertEquals(71509.9, total, 71509.9 * 5e-5);
        assertEquals(71507.95, total, 0.01); // docs/clv-table.md
        assertEquals(52.14, table.horizon().getAsDouble(), 1e-9);
        // docs/REFERENCES.md: customer 1 (x=2, t_x=30.43, T=38.86, m̄=22.35): P(alive) 0.7266
        CustomerRow one = table.row("1").orElseThrow();
        assertEquals(2, one.frequency());
        assertEquals(0.7266, one.probabilityAlive().getAsDouble(), 5e-4);
        assertEquals(36.278, one.predictedClv().getAsDouble(), 0.02);
        // tiers: 2357 customers → 472 vip (ranks 0..471), 707 high, 707 medium, 471 low
        assertEquals(Map.of(ValueTier.VIP, 472, ValueTier.HIGH, 707, ValueTier.MEDIUM, 707, ValueTier.LOW, 471),
                table.tierCounts());
        double vipFloor = table.rows().stream().filter(r -> r.valueTier() == ValueTier.VIP)
                .mapToDouble(r -> r.predictedClv().getAsDouble()).min().orElseThrow();
        double highTop = table.rows().stream().filter(r -> r.valueTier() == ValueTier.HIGH)
                .mapToDouble(r -> r.predictedClv().getAsDouble()).max().orElseThrow();
        assertTrue(vipFloor >= highTop);
        assertTrue(table.notes().get(0).startsWith("fitted BG/NBD to the 2357 customers: r = 0.2426"),
                table.notes()::toString);
    }
}
