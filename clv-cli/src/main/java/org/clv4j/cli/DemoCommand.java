package org.clv4j.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clv4j.cli.csv.TransactionCsv;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.CustomerSummaries;
import org.clv4j.core.summary.CustomerSummary;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.core.summary.SummaryOptions;
import org.clv4j.models.ClvCalculator;
import org.clv4j.models.bgnbd.BgNbdEstimator;
import org.clv4j.models.bgnbd.BgNbdModel;
import org.clv4j.models.fit.FitResult;
import org.clv4j.models.gammagamma.GammaGammaEstimator;
import org.clv4j.models.gammagamma.GammaGammaFit;
import org.clv4j.models.historical.ChurnEstimate;
import org.clv4j.models.historical.ClvAggregate;
import org.clv4j.models.historical.CustomerClv;
import org.clv4j.models.historical.HistoricalClvOptions;
import org.clv4j.models.historical.HistoricalClvResult;
import org.clv4j.models.predictive.ProbabilisticClv;
import org.clv4j.models.predictive.ProbabilisticClvOptions;
import org.clv4j.models.predictive.ProbabilisticClvResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code clv demo}: the customer summary, historical CLV and probabilistic CLV (BG/NBD and Gamma-Gamma fitted on
 * the calibration period, checked against the holdout period) of the bundled CDNOW sample, as a short report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Summary, historical CLV and BG/NBD + Gamma-Gamma predictions of the bundled CDNOW sample "
                + "(6,919 transactions of 2,357 customers, 1997-01-01..1998-06-30), printed as a short report.")
public final class DemoCommand implements Callable<Integer> {

    /** The bundled transactions, copied from data/ at build time. */
    static final String DATA = "/org/clv4j/cli/demo/cdnow_sample_transactions.csv";
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    static final LocalDate OBSERVATION_END = LocalDate.of(1998, 6, 30);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TransactionCsv csv = TransactionCsv.open(TransactionCsv.Source.resource(DATA, "cdnow_sample_transactions.csv"),
                TransactionCsv.Format.defaults()).withObservationEnd(OBSERVATION_END);

        SummaryOptions summaryOptions = SummaryOptions.defaults().withTimeUnit(TimeUnit.WEEK)
                .withCalibrationEnd(CALIBRATION_END).withObservationEnd(OBSERVATION_END);
        List<CustomerSummary> summaries = csv.compute(log -> CustomerSummaries.summarize(log, summaryOptions));

        HistoricalClvOptions clvOptions = HistoricalClvOptions.defaults().withTimeUnit(TimeUnit.MONTH)
                .withObservationEnd(OBSERVATION_END).withMargin(0.3).withDiscountRate(0.01).withChurnThreshold(6);
        HistoricalClvResult clv = csv.compute(log -> ClvCalculator.historical(log, clvOptions));

        out.println("clv4j demo: the CDNOW sample");
        out.println("  " + csv.rows() + " CD purchases by " + summaries.size() + " customers who first bought in "
                + "Jan-Mar 1997, observed to " + OBSERVATION_END + ".");
        out.println("  Data: Bruce Hardie's CDNOW data set, 1/10 sample (see data/PROVENANCE.md).");
        out.println();
        printSummary(out, summaries);
        out.println();
        printHistorical(out, clv);
        out.println();
        printProbabilistic(out, summaries);
        out.println();
        out.println("The same on a CSV file (customer_id,date,amount columns):");
        out.println("  ./clv summary --transactions data/cdnow_sample_transactions.csv --time-unit week \\");
        out.println("      --calibration-end 1997-09-30 --observation-end 1998-06-30");
        out.println("  ./clv historical --transactions data/cdnow_sample_transactions.csv --time-unit month \\");
        out.println("      --margin 0.3 --discount-rate 0.01 --churn-after 6 --observation-end 1998-06-30");
        out.println("  ./clv fit --model bg-nbd --summary summary.csv --output bg-nbd.json   "
                + "(summary.csv written by clv summary --output)");
        out.flush();
        return 0;
    }

    private static void printSummary(PrintWriter out, List<CustomerSummary> summaries) {
        int n = summaries.size();
        int repeat = 0;
        double frequency = 0.0;
        int holdoutBuyers = 0;
        for (CustomerSummary s : summaries) {
            repeat += s.frequency() > 0 ? 1 : 0;
            frequency += s.frequency();
            holdoutBuyers += s.holdout().orElseThrow().frequency() > 0 ? 1 : 0;
        }
        out.println("1. Customer summary (clv summary): weeks; calibration to " + CALIBRATION_END + ", holdout to "
                + OBSERVATION_END);
        out.println(String.format(Locale.ROOT, "   %d of %d customers (%.1f%%) came back within the calibration "
                        + "period; %.3f repeat purchase days per customer;", repeat, n, 100.0 * repeat / n,
                frequency / n));
        out.println(String.format(Locale.ROOT, "   %d (%.1f%%) bought in the 39-week holdout period.",
                holdoutBuyers, 100.0 * holdoutBuyers / n));
        out.println("   customer  frequency  recency      T  monetary value  holdout frequency");
        for (CustomerSummary s : summaries.subList(0, Math.min(5, n))) {
            out.println(String.format(Locale.ROOT, "   %8s  %9d  %7.2f  %5.2f  %14.2f  %17d", s.customerId(),
                    s.frequency(), s.recency(), s.T(), s.monetaryValue(), s.holdout().orElseThrow().frequency()));
        }
    }

    private static void printHistorical(PrintWriter out, HistoricalClvResult clv) {
        ChurnEstimate churn = clv.churnEstimate().orElseThrow();
        ClvAggregate all = clv.aggregate();
        out.println("2. Historical CLV (clv historical): months; margin 30%, discount rate 1% a month");
        out.println(String.format(Locale.ROOT, "   lifespan %.1f months, estimated: %d of %d customers made no "
                        + "purchase in the last %.0f months (churn rate %.3f a month)", clv.lifespan(),
                churn.churnedCustomers(), churn.customers(), churn.churnThreshold(), churn.churnRate()));
        out.println(String.format(Locale.ROOT, "   CLV per customer: mean %.2f, median %.2f; total %.2f",
                all.mean(), all.median(), all.total()));
        out.println("   top customers:  customer  orders  revenue  orders/month      CLV");
        List<CustomerClv> top = new ArrayList<>(clv.customers());
        top.sort(Comparator.comparingDouble(CustomerClv::clv).reversed());
        for (CustomerClv c : top.subList(0, Math.min(3, top.size()))) {
            out.println(String.format(Locale.ROOT, "                   %8s  %6d  %7.2f  %12.3f  %7.2f",
                    c.customerId(), c.orders(), c.revenue(), c.purchaseFrequency(), c.clv()));
        }
    }

    private static void printProbabilistic(PrintWriter out, List<CustomerSummary> summaries) {
        SummaryColumns columns = SummaryColumns.of(summaries);
        FitResult<BgNbdModel> purchases = BgNbdEstimator.withDefaults().fit(columns).requireConverged();
        GammaGammaFit spend = GammaGammaEstimator.withDefaults().fit(columns).requireConverged();
        BgNbdModel model = purchases.model();
        double predicted = 0.0;
        int actual = 0;
        for (CustomerSummary s : summaries) {
            predicted += model.conditionalExpectedPurchases(39.0, s.frequency(), s.recency(), s.T());
            actual += s.holdout().orElseThrow().frequency();
        }
        out.println("3. Probabilistic CLV (clv fit, clv predict): BG/NBD and Gamma-Gamma fitted on the calibration "
                + "period");
        out.println(String.format(Locale.ROOT, "   BG/NBD r=%.4f alpha=%.4f a=%.4f b=%.4f (log-likelihood %.2f); "
                        + "Gamma-Gamma p=%.3f q=%.3f v=%.3f", model.r(), model.alpha(), model.a(), model.b(),
                purchases.logLikelihood(), spend.model().p(), spend.model().q(), spend.model().gamma()));
        out.println(String.format(Locale.ROOT, "   holdout check: %.0f purchases predicted for the 39 holdout weeks, "
                + "%d made", predicted, actual));
        ProbabilisticClvOptions options = ProbabilisticClvOptions.defaults().withSteps(12).withStep(TimeUnit.MONTH)
                .withDiscountRate(0.01);
        ProbabilisticClvResult clv = ProbabilisticClv.of(model, spend.model(), options).calculate(columns);
        out.println(String.format(Locale.ROOT, "   next 12 months, 1%% discount a month: CLV total %.2f, mean %.2f "
                + "per customer", clv.total(), clv.mean()));
        Integer[] order = new Integer[summaries.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -clv.clv(i)));
        out.println("   top customers:  customer  P(alive)  purchases next 12 months      CLV");
        for (int k = 0; k < Math.min(3, order.length); k++) {
            int i = order[k];
            out.println(String.format(Locale.ROOT, "                   %8s  %8.3f  %24.2f  %7.2f",
                    summaries.get(i).customerId(), clv.probabilityAlive(i), clv.expectedPurchases(i), clv.clv(i)));
        }
    }
}
