package org.clv4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clv4j.core.Transaction;
import org.clv4j.models.cohort.CohortAnalysis;
import org.clv4j.models.cohort.CohortRow;
import org.clv4j.models.cohort.CohortTable;
import org.clv4j.models.cohort.CohortUnit;
import org.clv4j.models.nps.NetPromoterScore;
import org.clv4j.models.nps.NpsResult;
import org.clv4j.models.retention.KaplanMeier;
import org.clv4j.models.retention.RetentionAnalysis;
import org.clv4j.models.retention.RetentionReport;
import org.clv4j.models.retention.SurvivalCurve;
import org.clv4j.models.retention.SurvivalObservation;
import org.clv4j.models.rfm.RfmAnalysis;
import org.clv4j.models.rfm.RfmCluster;
import org.clv4j.models.rfm.RfmClustering;
import org.clv4j.models.rfm.RfmClusters;
import org.clv4j.models.rfm.RfmSegment;
import org.clv4j.models.rfm.RfmTable;
import org.junit.jupiter.api.Test;

/**
 * The examples and figures quoted in docs/cohorts.md, docs/retention.md, docs/nps.md, docs/rfm.md and the
 * package-info tutorials, run as code so that they cannot rot. Figures are printed in the docs rounded as here.
 */
class DocumentedFiguresTest {

    static final List<Transaction> RETAIL = OnlineRetail.invoices();

    static void assertRow(CohortRow row, int customers, int active, long orders, double revenue, double cumulative) {
        assertEquals(customers, row.customers());
        assertEquals(active, row.activeCustomers());
        assertEquals(orders, row.orders());
        assertEquals(revenue, row.revenue(), 0.005);
        assertEquals(cumulative, row.cumulativeRevenuePerCustomer(), 0.005);
    }

    @Test
    void cohortsOnlineRetail() {
        CohortTable table = CohortAnalysis.withDefaults().withObservationEnd(LocalDate.of(2011, 12, 9))
                .compute(RETAIL);
        assertEquals(18566, table.orders());
        assertEquals(4339, table.customers());
        assertEquals(13, table.cohorts().size());
        assertEquals(91, table.rows().size());
        assertRow(table.row("2010-12", 0).orElseThrow(), 885, 885, 1401, 873316.86, 986.80);
        assertRow(table.row("2010-12", 1).orElseThrow(), 885, 324, 520, 405610.02, 1445.12);
        assertRow(table.row("2010-12", 2).orElseThrow(), 885, 286, 460, 342470.30, 1832.09);
        assertRow(table.row("2010-12", 11).orElseThrow(), 885, 445, 945, 756476.66, 7297.28);
        CohortRow last = table.row("2010-12", 12).orElseThrow();
        assertRow(last, 885, 235, 335, 331875.94, 7672.28);
        assertTrue(last.partial());
        assertEquals(0.3661, table.row("2010-12", 1).orElseThrow().retentionRate(), 5e-5);
        // package-info: share of December 2010 customers active in March 2011
        assertEquals(340.0 / 885, table.row("2010-12", 3).map(CohortRow::retentionRate).orElseThrow(), 1e-15);

        CohortTable quarters = CohortAnalysis.withDefaults().withUnit(CohortUnit.QUARTER).compute(RETAIL);
        double[] q4 = quarters.cohorts().get(0).retentionCurve();
        for (int k = 1; k <= 3; k++) {
            assertTrue(q4[k] >= 0.5945 && q4[k] <= 0.6105, "2010-Q4 period " + k + ": " + q4[k]);
        }
        assertEquals(0.50, quarters.row("2011-Q1", 1).orElseThrow().retentionRate(), 0.005);
        assertEquals(0.42, quarters.row("2011-Q2", 1).orElseThrow().retentionRate(), 0.005);
        assertEquals(0.44, quarters.row("2011-Q2", 2).orElseThrow().retentionRate(), 0.005);
    }

    @Test
    void retentionOnlineRetail() {
        RetentionReport report = RetentionAnalysis.withDefaults().compute(RETAIL);
        assertEquals(2790, report.repeatCustomers());
        assertEquals(0.643, report.repeatPurchaseRate(), 5e-4);
        assertEquals(0.394, report.retentionRate().getAsDouble(), 5e-4);
        assertEquals(0.606, report.churnRate().getAsDouble(), 5e-4);
        assertEquals(1.65, report.averageLifespan().getAsDouble(), 5e-3);
        assertEquals(0.237, report.byPeriodSinceAcquisition().get(0).retentionRate(), 5e-4);
        report.customerBase().forEach(r -> assertTrue(r.retentionRate() >= 0.31 && r.retentionRate() <= 0.46));
        report.byPeriodSinceAcquisition().stream().skip(1)
                .forEach(r -> assertTrue(r.retentionRate() >= 0.44 && r.retentionRate() <= 0.695));
    }

    @Test
    void kaplanMeierPackageExample() {
        SurvivalCurve curve = KaplanMeier.withDefaults().estimate(List.of(
                SurvivalObservation.of("s1", 3, true), SurvivalObservation.of("s2", 12, false)));
        assertEquals(0.5, curve.survivalAt(6), 0.0);
        assertEquals(3.0, curve.medianSurvivalTime().getAsDouble(), 0.0);
    }

    @Test
    void npsExamples() {
        NpsResult r = NetPromoterScore.withDefaults().fromCounts(250, 675, 75);
        assertEquals(17.5, r.nps(), 1e-12);
        assertEquals(1.7157, r.standardError(), 5e-5);
        assertEquals(14.0859, r.confidenceLow(), 5e-5);
        assertEquals(20.8094, r.confidenceHigh(), 5e-5);
        NpsResult small = NetPromoterScore.withDefaults().fromCounts(8, 1, 1);
        assertEquals(14.7, small.confidenceLow(), 0.05);
        assertEquals(93.0, small.confidenceHigh(), 0.05);
        assertEquals(30.3, small.waldInterval()[0], 0.05);
        assertEquals(100.0, small.waldInterval()[1], 0.0);
        NpsResult b = NetPromoterScore.withDefaults().fromCounts(200, 700, 100);
        assertEquals(1.703, b.standardError(), 5e-4);
        assertEquals(3.103, NetPromoterScore.withDefaults().compare(r, b).z(), 5e-4);
    }

    @Test
    void rfmOnlineRetail() {
        RfmTable table = RfmAnalysis.withDefaults().compute(RETAIL);
        assertEquals(LocalDate.of(2011, 12, 9), table.observationEnd().orElseThrow());
        Map<RfmSegment, Integer> counts = table.segmentCounts();
        int[] expected = {642, 875, 515, 15, 46, 221, 289, 697, 86, 342, 611};
        for (RfmSegment s : RfmSegment.values()) {
            assertEquals(expected[s.ordinal()], counts.get(s), s.label());
        }
        assertEquals("555", table.score("12347").orElseThrow().code());
        assertEquals(RfmSegment.CHAMPIONS, table.score("12347").orElseThrow().segment());
        assertEquals("115", table.score("12346").orElseThrow().code());
        assertEquals(RfmSegment.AT_RISK, table.score("12346").orElseThrow().segment());
        assertEquals(1492, table.scores().stream().filter(s -> s.frequency() == 1).count());

        RfmClusters clusters = RfmClustering.withDefaults().withLogTransform(true)
                .cluster(RfmAnalysis.withDefaults().values(RETAIL));
        int[] sizes = {715, 1194, 852, 1578};
        double[] spend = {11975.92, 2949.77, 808.91, 540.28};
        for (RfmCluster c : clusters.clusters()) {
            assertEquals(sizes[c.cluster() - 1], c.customers());
            assertEquals(spend[c.cluster() - 1], c.meanMonetary(), 0.005);
        }
    }
}
