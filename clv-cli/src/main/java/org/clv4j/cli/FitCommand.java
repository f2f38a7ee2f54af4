package org.clv4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clv4j.cli.csv.CsvWriter;
import org.clv4j.cli.csv.SummaryCsv;
import org.clv4j.cli.csv.TransactionCsv;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.fit.FitOptions;
import org.clv4j.models.fit.Optimum;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code clv fit}: fits a model to a summary file by maximum likelihood and writes the model file (JSON).
 *
 * <p>Exit codes: 0 converged, 3 not converged (the file is still written, with {@code "converged": false}), 1 bad
 * input, 2 invalid command line.
 */
@Command(name = "fit", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Fits a model to per-customer summaries by maximum likelihood and writes it as JSON: "
                + "parameters, log-likelihood, standard errors, convergence.",
                "bg-nbd, mbg-nbd, pareto-nbd read the columns frequency, recency, T; bg-bb reads frequency, "
                        + "recency, n_periods (whole periods); gamma-gamma reads frequency and monetary_value of "
                        + "the customers with frequency > 0.",
                "Exit code 3: the fit did not converge (the file is written with \"converged\": false)."})
public final class FitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "MODEL", converter = KindConverter.class,
            completionCandidates = Kinds.class,
            description = "The model: ${COMPLETION-CANDIDATES}.")
    ModelKind model;

    @Option(names = {"-s", "--summary"}, required = true, paramLabel = "FILE",
            description = "Summary CSV, as 'clv summary' writes it (columns frequency, recency, T, monetary_value; "
                    + "customer_id optional; n_periods for bg-bb).")
    Path summary;

    @Option(names = "--weight-column", paramLabel = "NAME",
            description = "Column with the number of customers each row stands for (default: one per row).")
    String weightColumn;

    @Option(names = "--penalizer", paramLabel = "X", defaultValue = "0",
            description = "L2 penalizer on the parameters, added to the mean log-likelihood as -X * sum(theta^2), "
                    + "as Python lifetimes' penalizer_coef (default: ${DEFAULT-VALUE}).")
    double penalizer;

    @Option(names = "--time-unit", paramLabel = "UNIT", defaultValue = "week",
            converter = Converters.TimeUnitConverter.class, completionCandidates = Converters.TimeUnits.class,
            description = "Unit of recency and T in the summary file (the period for bg-bb), stored in the model "
                    + "file: day, week, month, year or a number of days (default: ${DEFAULT-VALUE}).")
    TimeUnit timeUnit;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        FitOptions options = options();
        String command = spec.qualifiedName();
        PrintWriter err = spec.commandLine().getErr();
        SummaryCsv.Layout layout = SummaryCsv.Layout.continuous().withPeriods(model.periods())
                .withMonetaryRequired(model.isSpendModel()).withWeightColumn(weightColumn);
        SummaryCsv input = SummaryCsv.read(TransactionCsv.Source.file(summary), layout, timeUnit);
        SummaryColumns columns = input.columns();
        ModelKind.Fit fit;
        try {
            fit = model.fit(columns, options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(input.name() + ": " + e.getMessage(), e);
        }
        if (model.isSpendModel()) {
            err.println(String.format(Locale.ROOT, "%s: %s: fitted %s customers with frequency > 0; excluded %s "
                            + "with frequency 0 (no repeat purchase, no spend to learn from) and %s with "
                            + "monetary_value 0 (a mean spend of 0 is impossible under the model)", command,
                    input.name(), count(fit.observations()), count(fit.excludedWithoutRepeat()),
                    count(fit.excludedZeroValue())));
        }
        Optimum optimum = fit.result().optimum();
        String json = ModelFile.json(model, fit, timeUnit);
        output.writeText(spec, json);
        if (!optimum.hasCovariance()) {
            err.println(command + ": warning: no standard errors: the observed information matrix is not positive "
                    + "definite at the estimates (an optimum on the boundary or a flat likelihood); "
                    + "\"standardErrors\" is null");
        }
        if (!optimum.converged()) {
            err.println(String.format(Locale.ROOT, "%s: warning: the fit did not converge after %d iterations "
                            + "(largest gradient component %s); the model file was written with \"converged\": "
                            + "false: check the data, or try --penalizer", command, optimum.iterations(),
                    CsvWriter.formatNumber(optimum.gradientNorm())));
            err.flush();
            return ClvCommand.EXIT_NOT_CONVERGED;
        }
        err.flush();
        return 0;
    }

    private static String count(double weight) {
        return weight == Math.rint(weight) ? Long.toString((long) weight) : CsvWriter.formatNumber(weight);
    }

    private FitOptions options() {
        try {
            return FitOptions.withDefaults().withPenalizer(penalizer);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid option value: " + e.getMessage(), e);
        }
    }

    /** A model name. */
    static final class KindConverter implements ITypeConverter<ModelKind> {
        @Override
        public ModelKind convert(String value) {
            ModelKind kind = ModelKind.byId(value.trim().toLowerCase(Locale.ROOT));
            if (kind == null) {
                throw new TypeConversionException("'" + value + "' is not a model (expected " + ModelKind.names()
                        + ")");
            }
            return kind;
        }
    }

    /** Completion candidates and help text for {@code --model}. */
    static final class Kinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(ModelKind.values()).stream().map(ModelKind::id).iterator();
        }
    }
}
