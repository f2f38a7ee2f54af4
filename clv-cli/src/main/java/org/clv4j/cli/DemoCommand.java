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
import org.clv4j.core.summary.SummaryOptions;
import org.clv4j.models.ClvCalculator;
import org.clv4j.models.historical.ChurnEstimate;
import org.clv4j.models.historical.ClvAggregate;
import org.clv4j.models.historical.CustomerClv;
import org.clv4j.models.historical.HistoricalClvOptions;
import org.clv4j.models.historical.HistoricalClvResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code clv demo}: the customer summary and historical CLV of the bundled CDNOW sample, as a short report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Summary and historical CLV of the bundled CDNOW sample (6,919 transactions of 2,357 "
                + "customers, 1997-01-01..1998-06-30), printed as a short report.")
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
        out.println("The same on a CSV file (customer_id,date,amount columns):");
        out.println("  ./clv summary --transactions data/cdnow_sample_transactions.csv --time-unit week \\");
        out.println("      --calibration-end 1997-09-30 --observation-end 1998-06-30");
        out.println("  ./clv historical --transactions data/cdnow_sample_transactions.csv --time-unit month \\");
        out.println("      --margin 0.3 --discount-rate 0.01 --churn-after 6 --observation-end 1998-06-30");
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
}
