package org.clv4j.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.clv4j.cli.csv.CsvWriter;
import org.clv4j.cli.csv.TransactionCsv;
import org.clv4j.core.TimeUnit;
import org.clv4j.models.ClvCalculator;
import org.clv4j.models.historical.ChurnEstimate;
import org.clv4j.models.historical.ClvAggregate;
import org.clv4j.models.historical.CustomerClv;
import org.clv4j.models.historical.HistoricalClvOptions;
import org.clv4j.models.historical.HistoricalClvResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code clv historical}: historical CLV per customer as CSV, the aggregates on stderr.
 */
@Command(name = "historical", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Historical CLV per customer: margin x average order value x purchase frequency x lifespan "
                + "- acquisition cost, the lifespan discounted with --discount-rate.",
                "Columns: customer_id,orders,revenue,average_order_value,purchase_frequency,tenure,lifespan,clv. "
                        + "The aggregates (total, mean, median) and the lifespan estimate go to stderr."})
public final class HistoricalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TransactionOptions input;

    @Option(names = "--time-unit", paramLabel = "UNIT", defaultValue = "year",
            converter = Converters.TimeUnitConverter.class, completionCandidates = Converters.TimeUnits.class,
            description = "Unit of purchase frequency, tenure, lifespan and discount rate: day, week, month, year "
                    + "or a number of days (default: ${DEFAULT-VALUE}).")
    TimeUnit timeUnit;

    @Option(names = "--observation-end", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "Last day of the observation window, ISO (default: the last transaction date). Tenures "
                    + "run to it; later transactions are errors.")
    LocalDate observationEnd;

    @Option(names = "--margin", paramLabel = "M", defaultValue = "1",
            description = "Profit margin, the share of revenue that is profit, in [0, 1] (default: ${DEFAULT-VALUE}"
                    + ", CLV in revenue).")
    double margin;

    @Option(names = "--acquisition-cost", paramLabel = "C", defaultValue = "0",
            description = "Acquisition cost per customer, subtracted from the CLV (default: ${DEFAULT-VALUE}).")
    double acquisitionCost;

    @Option(names = "--lifespan", paramLabel = "L",
            description = "Expected customer lifespan in time units (default: estimated from the observed churn, "
                    + "see --churn-after).")
    Double lifespan;

    @Option(names = "--churn-after", paramLabel = "K",
            description = "For the estimated lifespan: a customer without a purchase in the last K time units "
                    + "counts as churned (default: one year in the time unit). Lifespan = time at risk per churned "
                    + "customer.")
    Double churnAfter;

    @Option(names = "--discount-rate", paramLabel = "D", defaultValue = "0",
            description = "Discount rate per time unit: the lifespan factor becomes the sum of (1+D)^-k over the "
                    + "lifespan, a fractional last unit pro rata (default: ${DEFAULT-VALUE}).")
    double discountRate;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        HistoricalClvOptions clvOptions = options();
        TransactionCsv csv = input.open(observationEnd);
        HistoricalClvResult result = csv.compute(log -> ClvCalculator.historical(log, clvOptions));
        PrintWriter err = spec.commandLine().getErr();
        TransactionOptions.printNotes(err, spec.qualifiedName(), csv);
        output.writeCsv(spec, out -> {
            out.header("customer_id", "orders", "revenue", "average_order_value", "purchase_frequency", "tenure",
                    "lifespan", "clv");
            for (CustomerClv c : result.customers()) {
                out.text(c.customerId()).integer(c.orders()).number(c.revenue()).number(c.averageOrderValue())
                        .number(c.purchaseFrequency()).number(c.tenure()).number(c.lifespan()).number(c.clv())
                        .endRow();
            }
        });
        printAggregates(err, spec.qualifiedName(), result);
        return 0;
    }

    /** The options; an invalid value is a command-line error (exit code 2). */
    private HistoricalClvOptions options() {
        try {
            HistoricalClvOptions options = HistoricalClvOptions.defaults().withTimeUnit(timeUnit)
                    .withMargin(margin).withAcquisitionCost(acquisitionCost).withDiscountRate(discountRate)
                    .withRefundPolicy(input.refundPolicy());
            if (observationEnd != null) {
                options = options.withObservationEnd(observationEnd);
            }
            if (lifespan != null) {
                options = options.withLifespan(lifespan);
            }
            if (churnAfter != null) {
                options = options.withChurnThreshold(churnAfter);
            }
            return options;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid option value: " + e.getMessage(), e);
        }
    }

    /** An estimated lifespan above this many years gets a warning: few customers churned within the data. */
    static final double IMPLAUSIBLE_LIFESPAN_YEARS = 100.0;

    /** The aggregate figures, full precision, one fact per line. */
    static void printAggregates(PrintWriter err, String command, HistoricalClvResult result) {
        TimeUnit unit = result.timeUnit();
        err.println(String.format(Locale.ROOT, "%s: observation end %s, time unit %s", command,
                result.observationEnd(), unit));
        ChurnEstimate churn = result.churnEstimate().orElse(null);
        if (churn == null) {
            err.println(String.format(Locale.ROOT, "%s: lifespan %s %s (given)", command,
                    CsvWriter.formatNumber(result.lifespan()), unit));
        } else {
            err.println(String.format(Locale.ROOT, "%s: lifespan %s %s (estimated: %d of %d customers churned, "
                            + "no purchase in the last %s %s; churn rate %s per %s)", command,
                    CsvWriter.formatNumber(result.lifespan()), unit, churn.churnedCustomers(), churn.customers(),
                    CsvWriter.formatNumber(churn.churnThreshold()), unit, CsvWriter.formatNumber(churn.churnRate()),
                    unit));
            double years = unit.toDays(result.lifespan()) / 365.25;
            if (years > IMPLAUSIBLE_LIFESPAN_YEARS) {
                err.println(String.format(Locale.ROOT, "%s: warning: the estimated lifespan is %.0f years, because "
                                + "almost no customer churned within the data; the CLVs scale with it. Give the "
                                + "lifespan with --lifespan, or a shorter --churn-after", command, years));
            }
        }
        err.println(aggregateLine(command + ": CLV of all", result.aggregate()));
        for (Map.Entry<String, ClvAggregate> segment : result.bySegment().entrySet()) {
            err.println(aggregateLine(command + ": CLV of segment " + segment.getKey(), segment.getValue()));
        }
        err.flush();
    }

    static String aggregateLine(String label, ClvAggregate a) {
        return String.format(Locale.ROOT, "%s %d customers: total %s, mean %s, median %s, min %s, max %s", label,
                a.customers(), CsvWriter.formatNumber(a.total()), CsvWriter.formatNumber(a.mean()),
                CsvWriter.formatNumber(a.median()), CsvWriter.formatNumber(a.min()),
                CsvWriter.formatNumber(a.max()));
    }
}
