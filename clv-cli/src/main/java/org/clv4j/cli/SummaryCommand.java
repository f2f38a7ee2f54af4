package org.clv4j.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clv4j.cli.csv.TransactionCsv;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.CustomerSummaries;
import org.clv4j.core.summary.CustomerSummary;
import org.clv4j.core.summary.Holdout;
import org.clv4j.core.summary.SummaryOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code clv summary}: the per-customer frequency, recency, T and monetary value from which the buy-till-you-die
 * models work, with the holdout part when a calibration end is given.
 */
@Command(name = "summary", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Per-customer summary: frequency (repeat purchase days), recency and T (in time units) and "
                + "monetary value (mean amount of the repeat purchase days), as CSV.",
                "Columns: customer_id,frequency,recency,T,monetary_value, plus holdout_frequency,"
                        + "holdout_monetary_value with --calibration-end."})
public final class SummaryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TransactionOptions input;

    @Option(names = "--time-unit", paramLabel = "UNIT", defaultValue = "day",
            converter = Converters.TimeUnitConverter.class, completionCandidates = Converters.TimeUnits.class,
            description = "Unit of recency and T: day, week, month, year or a number of days (default: "
                    + "${DEFAULT-VALUE}).")
    TimeUnit timeUnit;

    @Option(names = "--observation-end", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "Last day of the observation window, ISO (default: the last transaction date). Later "
                    + "transactions are errors.")
    LocalDate observationEnd;

    @Option(names = "--calibration-end", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "Last day of the calibration period, ISO: the summary covers purchases up to it, the "
                    + "holdout columns those after it. Customers who first bought after it are left out.")
    LocalDate calibrationEnd;

    @Mixin
    OutputOptions output;

    /** The summary options; an invalid combination is a command-line error (exit code 2). */
    private SummaryOptions options() {
        SummaryOptions options = SummaryOptions.defaults().withTimeUnit(timeUnit)
                .withRefundPolicy(input.refundPolicy());
        try {
            if (observationEnd != null) {
                options = options.withObservationEnd(observationEnd);
            }
            if (calibrationEnd != null) {
                options = options.withCalibrationEnd(calibrationEnd);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid option value: " + e.getMessage(), e);
        }
        return options;
    }

    @Override
    public Integer call() throws Exception {
        SummaryOptions summaryOptions = options();
        TransactionCsv csv = input.open(observationEnd);
        List<CustomerSummary> summaries = csv.compute(log -> CustomerSummaries.summarize(log, summaryOptions));
        if (summaries.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: no customer made a purchase on or before the calibration end %s", csv.name(),
                    calibrationEnd));
        }
        TransactionOptions.printNotes(spec.commandLine().getErr(), spec.qualifiedName(), csv);
        boolean holdout = calibrationEnd != null;
        output.writeCsv(spec, out -> {
            if (holdout) {
                out.header("customer_id", "frequency", "recency", "T", "monetary_value", "holdout_frequency",
                        "holdout_monetary_value");
            } else {
                out.header("customer_id", "frequency", "recency", "T", "monetary_value");
            }
            for (CustomerSummary s : summaries) {
                out.text(s.customerId()).integer(s.frequency()).number(s.recency()).number(s.T())
                        .number(s.monetaryValue());
                if (holdout) {
                    Holdout h = s.holdout().orElseThrow();
                    out.integer(h.frequency()).number(h.monetaryValue());
                }
                out.endRow();
            }
        });
        return 0;
    }
}
