package org.clv4j.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clv4j.cli.csv.CsvWriter;
import org.clv4j.cli.csv.SummaryCsv;
import org.clv4j.cli.csv.TransactionCsv;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.TransactionModel;
import org.clv4j.models.gammagamma.GammaGammaModel;
import org.clv4j.models.predictive.ProbabilisticClv;
import org.clv4j.models.predictive.ProbabilisticClvOptions;
import org.clv4j.models.predictive.ProbabilisticClvResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code clv predict}: expected purchases, P(alive) and, with a spend model, expected average value and CLV per
 * customer, as the input summary's columns plus the predictions.
 */
@Command(name = "predict", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Predicts per customer from a model file (see 'clv fit'): expected purchases in the next "
                + "--horizon time units and P(alive) now; with --spend-model also the expected average purchase "
                + "value and the CLV.",
                "CLV = margin x sum_i value x (E[X(i*step)] - E[X((i-1)*step)]) / (1+D)^i, i = 1..horizon/step.",
                "Output: the summary's columns plus expected_purchases, probability_alive[, "
                        + "expected_average_value, clv]. Totals go to stderr."})
public final class PredictCommand implements Callable<Integer> {

    /** The relative tolerance within which horizon / step counts as a whole number of steps. */
    static final double WHOLE_STEPS_TOLERANCE = 1e-9;

    @Spec
    CommandSpec spec;

    @Option(names = "--model-file", required = true, paramLabel = "FILE",
            description = "The transaction model (bg-nbd, mbg-nbd, pareto-nbd or bg-bb) as JSON, from 'clv fit' "
                    + "or written by hand.")
    Path modelFile;

    @Option(names = {"-s", "--summary"}, required = true, paramLabel = "FILE",
            description = "Summary CSV (columns frequency, recency, T; n_periods for bg-bb; monetary_value with "
                    + "--spend-model), in the model's time unit.")
    Path summary;

    @Option(names = "--horizon", required = true, paramLabel = "H",
            description = "The forecast horizon in the model's time unit (whole periods for bg-bb).")
    double horizon;

    @Option(names = "--spend-model", paramLabel = "FILE",
            description = "A gamma-gamma model file: adds expected_average_value and clv.")
    Path spendModelFile;

    @Option(names = "--step", paramLabel = "S", converter = StepConverter.class,
            description = "CLV step: a number of model time units, or day, week, month or year (converted to the "
                    + "model's unit); the horizon must be a whole number of steps (default: 1 model time unit).")
    Step step;

    @Option(names = "--discount-rate", paramLabel = "D",
            description = "CLV discount rate per step (default: 0).")
    Double discountRate;

    @Option(names = "--margin", paramLabel = "M",
            description = "Profit margin, the share of revenue that is profit, in [0, 1] (default: 1, CLV in "
                    + "revenue).")
    Double margin;

    @Option(names = "--time-unit", paramLabel = "UNIT", converter = Converters.TimeUnitConverter.class,
            completionCandidates = Converters.TimeUnits.class,
            description = "Unit of recency and T in the summary file; must be the model's (default: the model's "
                    + "timeUnit).")
    TimeUnit timeUnit;

    @Mixin
    OutputOptions output;

    /** A CLV step: a time unit, or a length in model units. */
    record Step(TimeUnit unit, double length) {

        double in(TimeUnit modelUnit) {
            return unit == null ? length : unit.convert(1.0, modelUnit);
        }

        ProbabilisticClvOptions applyTo(ProbabilisticClvOptions options) {
            return unit == null ? options.withStepLength(length) : options.withStep(unit);
        }

        @Override
        public String toString() {
            return unit == null ? CsvWriter.formatNumber(length) : unit.name();
        }
    }

    @Override
    public Integer call() throws Exception {
        String command = spec.qualifiedName();
        if (spendModelFile == null && (step != null || discountRate != null || margin != null)) {
            throw new ParameterException(spec.commandLine(), "--step, --discount-rate and --margin apply to the CLV, "
                    + "which needs --spend-model");
        }
        if (!(horizon > 0.0) || !Double.isFinite(horizon)) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "invalid option value: --horizon must be finite and > 0: %s", horizon));
        }
        ModelFile transactionFile = ModelFile.read(modelFile);
        TransactionModel model = transactionFile.transactionModel();
        TimeUnit unit = model.timeUnit();
        if (timeUnit != null && !timeUnit.equals(unit)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the summaries are in %s (--time-unit) "
                    + "but the model in %s is in %s: summarise the transactions in %s, or fit the model in %s",
                    timeUnit, modelFile, unit, unit, timeUnit));
        }
        ModelKind kind = transactionFile.kind();
        if (kind.periods() && horizon != Math.rint(horizon)) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "invalid option value: --horizon must be a whole number of periods for %s: %s", kind, horizon));
        }
        GammaGammaModel spend = spendModelFile == null ? null : ModelFile.read(spendModelFile).spendModel();
        ProbabilisticClv clv = spend == null ? null : calculator(model, spend, kind);

        SummaryCsv.Layout layout = SummaryCsv.Layout.continuous().withPeriods(kind.periods())
                .withMonetaryRequired(spend != null);
        SummaryCsv input = SummaryCsv.read(TransactionCsv.Source.file(summary), layout, unit);
        SummaryColumns columns = input.columns();
        int n = columns.size();
        double[] expected;
        double[] alive;
        ProbabilisticClvResult result = null;
        try {
            if (clv == null) {
                expected = new double[n];
                alive = new double[n];
                model.score(columns, horizon, expected, alive);
            } else {
                result = clv.calculate(columns);
                alive = result.probabilityAlive();
                if (result.horizon() == horizon) {
                    expected = result.expectedPurchases();
                } else {
                    expected = new double[n];
                    model.score(columns, horizon, expected, null);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(input.name() + ": " + e.getMessage(), e);
        }

        List<String> added = new ArrayList<>(List.of("expected_purchases", "probability_alive"));
        if (result != null) {
            added.add("expected_average_value");
            added.add("clv");
        }
        for (String column : added) {
            if (input.header().contains(column)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s, line 1, column '%s': the "
                        + "summary already has this column, which predict adds; remove it first", input.name(),
                        column));
            }
        }
        List<String> header = new ArrayList<>(input.header());
        header.addAll(added);
        ProbabilisticClvResult values = result;
        output.writeCsv(spec, out -> {
            out.header(header.toArray(new String[0]));
            input.forEachRecord((row, cells) -> {
                for (String cell : cells) {
                    out.text(cell);
                }
                out.number(expected[row]).number(alive[row]);
                if (values != null) {
                    out.number(values.expectedAverageValue(row)).number(values.clv(row));
                }
                out.endRow();
            });
        });
        printTotals(spec.commandLine().getErr(), command, input, unit, expected, values);
        return 0;
    }

    /** The CLV calculator from the options; invalid values are command-line errors (exit 2). */
    private ProbabilisticClv calculator(TransactionModel model, GammaGammaModel spend, ModelKind kind) {
        Step s = step == null ? new Step(null, 1.0) : step;
        double length = s.in(model.timeUnit());
        double count = horizon / length;
        long steps = Math.round(count);
        if (steps < 1 || Math.abs(count - steps) > WHOLE_STEPS_TOLERANCE * Math.max(1.0, count)) {
            long below = Math.max(1, (long) Math.floor(count));
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "invalid option value: the horizon %s %s is not a whole number of steps of %s %s (%s steps); "
                            + "use --horizon %s or %s", CsvWriter.formatNumber(horizon), model.timeUnit(),
                    CsvWriter.formatNumber(length), model.timeUnit(), decimal(count), decimal(below * length),
                    decimal((below + 1) * length)));
        }
        if (kind.periods() && length != Math.rint(length)) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "invalid option value: --step must be a whole number of periods for %s: %s %s", kind,
                    CsvWriter.formatNumber(length), model.timeUnit()));
        }
        try {
            if (steps > ProbabilisticClvOptions.MAX_STEPS) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "at most %d steps: %d",
                        ProbabilisticClvOptions.MAX_STEPS, steps));
            }
            ProbabilisticClvOptions options = s.applyTo(ProbabilisticClvOptions.defaults()).withSteps((int) steps)
                    .withDiscountRate(discountRate == null ? 0.0 : discountRate)
                    .withMargin(margin == null ? 1.0 : margin);
            return ProbabilisticClv.of(model, spend, options);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("the Gamma-Gamma")) {
                throw new IllegalArgumentException(spendModelFile + ": " + e.getMessage(), e);
            }
            throw new ParameterException(spec.commandLine(), "invalid option value: " + e.getMessage(), e);
        }
    }

    /** A number for a message, to 12 significant digits: 47.795, not 47.794999999999995. */
    private static String decimal(double value) {
        return new BigDecimal(value).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }

    private void printTotals(PrintWriter err, String command, SummaryCsv input, TimeUnit unit, double[] expected,
                             ProbabilisticClvResult clv) {
        double purchases = 0.0;
        for (double e : expected) {
            purchases += e;
        }
        err.println(String.format(Locale.ROOT, "%s: %d rows; expected purchases in the next %s %s: %s in "
                        + "total", command, input.size(), CsvWriter.formatNumber(horizon), unit,
                CsvWriter.formatNumber(purchases)));
        if (clv != null) {
            ProbabilisticClvOptions o = clv.calculator().options();
            err.println(String.format(Locale.ROOT, "%s: CLV over %d steps of %s %s (discount rate %s per step, "
                            + "margin %s): total %s, mean %s", command, o.steps(),
                    CsvWriter.formatNumber(clv.calculator().stepLength()), unit,
                    CsvWriter.formatNumber(o.discountRate()), CsvWriter.formatNumber(o.margin()),
                    CsvWriter.formatNumber(clv.total()), CsvWriter.formatNumber(clv.mean())));
        }
        err.flush();
    }

    /** A number of model units, or a unit name. */
    static final class StepConverter implements ITypeConverter<Step> {
        @Override
        public Step convert(String value) {
            String text = value.trim();
            try {
                double length = Double.parseDouble(text);
                if (!(length > 0.0) || !Double.isFinite(length)) {
                    throw new TypeConversionException("'" + value + "' is not a step: a number of model time units "
                            + "must be finite and > 0");
                }
                return new Step(null, length);
            } catch (NumberFormatException e) {
                try {
                    return new Step(TimeUnit.parse(text), Double.NaN);
                } catch (IllegalArgumentException notUnit) {
                    throw new TypeConversionException("'" + value + "' is not a step (expected a number of model "
                            + "time units, or day, week, month or year)");
                }
            }
        }
    }
}
