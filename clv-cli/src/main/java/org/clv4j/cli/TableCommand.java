package org.clv4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.clv4j.cli.csv.CsvFile;
import org.clv4j.cli.csv.CsvWriter;
import org.clv4j.cli.csv.ResponseCsv;
import org.clv4j.cli.csv.TransactionCsv;
import org.clv4j.core.TimeUnit;
import org.clv4j.models.cohort.CohortUnit;
import org.clv4j.models.historical.HistoricalClvOptions;
import org.clv4j.models.lifecycle.LifecycleStage;
import org.clv4j.models.nps.NpsAnswer;
import org.clv4j.models.predictive.ProbabilisticClvOptions;
import org.clv4j.models.table.CustomerRow;
import org.clv4j.models.table.CustomerTable;
import org.clv4j.models.table.CustomerTableAnalysis;
import org.clv4j.models.table.ValueBasis;
import org.clv4j.models.table.ValueTier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code clv table}: the customer CLV table ({@link CustomerTableAnalysis}) as CSV, one row per customer.
 */
@Command(name = "table", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"The customer CLV table: one row per customer with its history, historical and predicted "
                + "CLV, P(alive), RFM segment, lifecycle stage, value tier (vip = top 20%% by predicted CLV, high = "
                + "next 30%%, medium = next 30%%, low = rest) and latest NPS answer. BG/NBD and Gamma-Gamma are "
                + "fitted to the customers' summaries.",
                "Columns: customer_id,first_purchase,cohort,orders,revenue,average_order_value,frequency,recency,"
                        + "T,historical_clv,predicted_purchases,probability_alive,predicted_clv,rfm_segment,"
                        + "lifecycle_stage,value_tier,nps_score,nps_category,nps_date (empty cells where a value is "
                        + "not available). How the table was made goes to stderr."})
public final class TableCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TransactionOptions input;

    @Option(names = "--time-unit", paramLabel = "UNIT",
            converter = Converters.TimeUnitConverter.class, completionCandidates = Converters.TimeUnits.class,
            description = "Unit of frequency, recency, T, the models and --horizon: day, week, month, year or a "
                    + "number of days (default: week).")
    TimeUnit timeUnit;

    @Option(names = "--observation-end", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "Last day of the observation window, ISO (default: the last transaction date). "
                    + "Predictions start after it; later transactions are errors.")
    LocalDate observationEnd;

    @Option(names = "--cohort-unit", paramLabel = "UNIT", defaultValue = "month",
            converter = CohortCommand.CohortUnitConverter.class, completionCandidates = CohortCommand.CohortUnits.class,
            description = "Calendar period of the cohort column: week, month, quarter or year (default: "
                    + "${DEFAULT-VALUE}).")
    CohortUnit cohortUnit;

    @Option(names = "--horizon", paramLabel = "H",
            description = "Horizon of predicted purchases and predicted CLV in time units, a whole number of "
                    + "steps (default: one year in 12 monthly steps).")
    Double horizon;

    @Option(names = "--step", paramLabel = "S",
            description = "CLV step in time units (default: 1 with --horizon); the value of step i is discounted "
                    + "by (1 + D)^i.")
    Double step;

    @Option(names = "--discount-rate", paramLabel = "D", defaultValue = "0",
            description = "Discount rate per CLV step (default: ${DEFAULT-VALUE}).")
    double discountRate;

    @Option(names = "--margin", paramLabel = "M", defaultValue = "1",
            description = "Profit margin in [0, 1] of the predicted and the historical CLV (default: "
                    + "${DEFAULT-VALUE}, CLV in revenue).")
    double margin;

    @Option(names = "--lifespan", paramLabel = "YEARS",
            description = "Historical CLV: expected lifespan in years (default: estimated from the churn, see "
                    + "--churn-after).")
    Double lifespan;

    @Option(names = "--churn-after", paramLabel = "YEARS",
            description = "Historical CLV: a customer without a purchase in the last YEARS counts as churned when "
                    + "the lifespan is estimated (default: 1).")
    Double churnAfter;

    @Option(names = "--model-file", paramLabel = "FILE",
            description = "A fitted transaction model (bg-nbd, mbg-nbd or pareto-nbd, from 'clv fit') instead of "
                    + "fitting BG/NBD; the table takes its time unit.")
    Path modelFile;

    @Option(names = "--spend-model", paramLabel = "FILE",
            description = "A fitted gamma-gamma model file instead of fitting Gamma-Gamma.")
    Path spendModelFile;

    @Option(names = "--no-predictions",
            description = "Fit no model: predicted columns empty, tiers by historical CLV, lifecycle by rhythm.")
    boolean noPredictions;

    @Option(names = {"-r", "--responses"}, paramLabel = "FILE",
            description = "NPS survey answers (CSV): each customer's latest answer joins its row.")
    Path responses;

    @Option(names = "--score-column", paramLabel = "NAME", defaultValue = "score",
            description = "Column of the 0-10 answer in --responses (default: ${DEFAULT-VALUE}).")
    String scoreColumn;

    @Option(names = "--response-customer-column", paramLabel = "NAME", defaultValue = "customer_id",
            description = "Column of the customer id in --responses (default: ${DEFAULT-VALUE}).")
    String responseCustomerColumn;

    @Option(names = "--response-date-column", paramLabel = "NAME",
            description = "Column of the answer date in --responses, which picks the latest answer (default: date, "
                    + "if the file has it; else the last line wins).")
    String responseDateColumn;

    @Option(names = "--response-date-format", paramLabel = "PATTERN",
            description = "java.time pattern of the answer dates (default: ISO).")
    String responseDateFormat;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        CustomerTableAnalysis analysis = analysis();
        if (noPredictions && (modelFile != null || spendModelFile != null)) {
            throw new ParameterException(spec.commandLine(), "--no-predictions uses no model: drop --model-file and "
                    + "--spend-model");
        }
        if (modelFile != null) {
            ModelFile file = ModelFile.read(modelFile);
            if (file.kind().periods()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: the table needs a "
                        + "continuous-time transaction model (bg-nbd, mbg-nbd or pareto-nbd), not %s", modelFile,
                        file.kind()));
            }
            analysis = analysis.withTransactionModel(file.transactionModel());
        }
        if (spendModelFile != null) {
            analysis = analysis.withSpendModel(ModelFile.read(spendModelFile).spendModel());
        }
        String command = spec.qualifiedName();
        PrintWriter err = spec.commandLine().getErr();
        if (responses != null) {
            ResponseCsv.Answers answers = readResponses();
            analysis = analysis.withNpsAnswers(answers.answers());
        }
        CustomerTableAnalysis configured = analysis;
        TransactionCsv csv = input.open(observationEnd);
        CustomerTable table = csv.compute(configured::compute);
        TransactionOptions.printNotes(err, command, csv);
        output.writeCsv(spec, out -> {
            out.header(CustomerTable.COLUMNS.toArray(new String[0]));
            for (CustomerRow r : table.rows()) {
                out.text(r.customerId()).text(r.firstPurchase().toString()).text(r.cohort()).integer(r.orders())
                        .number(r.revenue()).number(r.averageOrderValue()).integer(r.frequency()).number(r.recency())
                        .number(r.T()).number(r.historicalClv());
                optional(out, r.predictedPurchases().isPresent(), r.predictedPurchases().orElse(0.0));
                optional(out, r.probabilityAlive().isPresent(), r.probabilityAlive().orElse(0.0));
                optional(out, r.predictedClv().isPresent(), r.predictedClv().orElse(0.0));
                out.text(r.rfmSegment().label()).text(r.lifecycleStage().id()).text(r.valueTier().id());
                NpsAnswer a = r.npsAnswer().orElse(null);
                if (a == null) {
                    out.text(null).text(null).text(null);
                } else {
                    out.integer(a.score()).text(a.category().name().toLowerCase(Locale.ROOT))
                            .text(a.date() == null ? null : a.date().toString());
                }
                out.endRow();
            }
        });
        report(err, command, table);
        return 0;
    }

    private static void optional(CsvWriter out, boolean present, double value) throws IOException {
        if (present) {
            out.number(value);
        } else {
            out.text(null);
        }
    }

    /** The analysis from the options; invalid values are command-line errors (exit code 2). */
    private CustomerTableAnalysis analysis() {
        try {
            CustomerTableAnalysis analysis = CustomerTableAnalysis.withDefaults()
                    .withCohortUnit(cohortUnit).withRefundPolicy(input.refundPolicy())
                    .withPredictions(!noPredictions);
            if (observationEnd != null) {
                analysis = analysis.withObservationEnd(observationEnd);
            }
            if (timeUnit != null) {
                analysis = analysis.withTimeUnit(timeUnit);
            }
            ProbabilisticClvOptions clv = ProbabilisticClvOptions.defaults().withDiscountRate(discountRate)
                    .withMargin(margin);
            if (horizon != null) {
                double length = step == null ? 1.0 : step;
                if (!(horizon > 0.0) || !Double.isFinite(horizon)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "--horizon must be finite and > 0: %s", horizon));
                }
                double count = horizon / length;
                long steps = Math.round(count);
                if (steps < 1 || Math.abs(count - steps) > 1e-9 * Math.max(1.0, count)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "--horizon must be a whole "
                            + "number of steps of %s time units: horizon=%s", CsvWriter.formatNumber(length),
                            CsvWriter.formatNumber(horizon)));
                }
                if (steps > ProbabilisticClvOptions.MAX_STEPS) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "--horizon / --step must be at "
                            + "most %d steps: %d", ProbabilisticClvOptions.MAX_STEPS, steps));
                }
                clv = clv.withStepLength(length).withSteps((int) steps);
            } else if (step != null) {
                throw new IllegalArgumentException("--step needs --horizon");
            }
            analysis = analysis.withClvOptions(clv);
            HistoricalClvOptions historical = HistoricalClvOptions.defaults().withMargin(margin);
            if (lifespan != null) {
                historical = historical.withLifespan(lifespan);
            }
            if (churnAfter != null) {
                historical = historical.withChurnThreshold(churnAfter);
            }
            return analysis.withHistoricalOptions(historical);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid option value: " + e.getMessage(), e);
        }
    }

    private ResponseCsv.Answers readResponses() throws IOException {
        TransactionCsv.Source source = TransactionCsv.Source.file(responses);
        String dateColumn = responseDateColumn;
        if (dateColumn == null && CsvFile.open(source).header().contains("date")) {
            dateColumn = "date";
        }
        return ResponseCsv.read(source, new ResponseCsv.Layout(scoreColumn, "--score-column",
                responseCustomerColumn, "--response-customer-column", null, dateColumn, "--response-date-column",
                responseDateFormat));
    }

    /** How the table was made, on stderr. */
    private static void report(PrintWriter err, String command, CustomerTable table) {
        err.println(String.format(Locale.ROOT, "%s: %d customers, observation end %s, time unit %s%s", command,
                table.rows().size(), table.observationEnd(), table.timeUnit(), table.horizon().isPresent()
                        ? ", horizon " + CsvWriter.formatNumber(table.horizon().getAsDouble()) + " " + table.timeUnit()
                        : ""));
        for (String note : table.notes()) {
            err.println(command + ": " + note);
        }
        StringBuilder tiers = new StringBuilder();
        for (Map.Entry<ValueTier, Integer> e : table.tierCounts().entrySet()) {
            tiers.append(tiers.length() == 0 ? "" : ", ").append(e.getKey().id()).append(' ').append(e.getValue());
        }
        err.println(String.format(Locale.ROOT, "%s: value tiers by %s: %s", command,
                table.valueBasis() == ValueBasis.PREDICTED_CLV ? "predicted CLV" : "historical CLV", tiers));
        StringBuilder stages = new StringBuilder();
        for (Map.Entry<LifecycleStage, Integer> e : table.stageCounts().entrySet()) {
            stages.append(stages.length() == 0 ? "" : ", ").append(e.getKey().id()).append(' ')
                    .append(e.getValue());
        }
        err.println(String.format(Locale.ROOT, "%s: lifecycle stages: %s", command, stages));
        if (table.npsLinked() + table.npsUnknownCustomers() + table.npsAnonymous() > 0) {
            err.println(String.format(Locale.ROOT, "%s: NPS: latest answer of %d customers joined; %d answers of "
                            + "ids not in the transactions and %d anonymous answers not joined", command,
                    table.npsLinked(), table.npsUnknownCustomers(), table.npsAnonymous()));
        }
        err.flush();
    }
}
