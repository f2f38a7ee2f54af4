package org.clv4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.clv4j.cli.csv.CsvFile;
import org.clv4j.cli.csv.TransactionCsv;
import org.clv4j.models.fit.FitResult;
import org.clv4j.models.sbg.SbgEstimator;
import org.clv4j.models.sbg.SbgModel;
import org.clv4j.models.sbg.SurvivalCohort;
import org.clv4j.models.sbg.SurvivalData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code clv retention}: fits the shifted-beta-geometric model (Fader &amp; Hardie 2007) to contractual survivor
 * counts and projects retention, as JSON.
 *
 * <p>With one cohort the document is that cohort's fit. With several, the top level is one (α, β) fitted to all
 * cohorts pooled (the sum of their log-likelihoods) and {@code cohorts} lists every cohort's own fit, in file order.
 */
@Command(name = "retention", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Fits the shifted-beta-geometric (sBG) model of contractual retention to survivor counts "
                + "(Fader & Hardie 2007) and projects the share of a cohort still alive, as JSON.",
                "Input: CSV with period,customers_alive and optionally cohort (periods 0..n without gaps per "
                        + "cohort). Output: {\"model\":\"sbg\",\"parameters\":{\"alpha\":..,\"beta\":..},"
                        + "\"logLikelihood\":..,\"projection\":[S(0),..,S(P)],...}; with several cohorts the top "
                        + "level is their pooled fit and \"cohorts\" holds each cohort's own."})
public final class RetentionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-s", "--survivors"}, required = true, paramLabel = "FILE",
            description = "CSV of survivor counts: one row per cohort and period.")
    Path survivors;

    @Option(names = "--period-column", paramLabel = "NAME", defaultValue = "period",
            description = "Column with the period, 0 = acquisition (default: ${DEFAULT-VALUE}).")
    String periodColumn;

    @Option(names = "--alive-column", paramLabel = "NAME", defaultValue = "customers_alive",
            description = "Column with the customers alive at the start of the period (default: ${DEFAULT-VALUE}).")
    String aliveColumn;

    @Option(names = "--cohort-column", paramLabel = "NAME",
            description = "Column with the cohort label (default: cohort, if the file has it; else one cohort).")
    String cohortColumn;

    @Option(names = "--projection-periods", paramLabel = "P", defaultValue = "12",
            description = "Length of the projection: S(0)..S(P), the expected share alive at the start of each "
                    + "period (default: ${DEFAULT-VALUE}).")
    int projectionPeriods;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (projectionPeriods < 0 || projectionPeriods > 100_000) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "invalid option value: --projection-periods must be in 0..100000: %d", projectionPeriods));
        }
        SurvivalData data = read();
        PrintWriter err = spec.commandLine().getErr();
        String command = spec.qualifiedName();
        SbgEstimator estimator = SbgEstimator.withDefaults();
        FitResult<SbgModel> pooled = fit(() -> estimator.fit(data), data.labels().toString());
        ObjectNode root = fitNode(pooled);
        boolean converged = pooled.converged();
        if (data.cohorts().size() > 1) {
            ArrayNode cohorts = root.putArray("cohorts");
            Map<String, FitResult<SbgModel>> each = fit(() -> estimator.fitEachCohort(data), "each cohort");
            for (SurvivalCohort cohort : data.cohorts()) {
                FitResult<SbgModel> fit = each.get(cohort.label());
                ObjectNode node = Json.object();
                node.put("cohort", cohort.label());
                node.put("customers", cohort.size());
                node.put("lastPeriod", cohort.lastPeriod());
                node.setAll(fitNode(fit));
                node.remove("model");
                cohorts.add(node);
                converged &= fit.converged();
                if (!fit.converged()) {
                    err.println(String.format(Locale.ROOT, "%s: warning: the fit of cohort %s did not converge "
                            + "(%s)", command, cohort.label(), fit.optimum()));
                }
            }
        }
        if (!pooled.converged()) {
            err.println(String.format(Locale.ROOT, "%s: warning: the %s did not converge (%s)", command,
                    data.cohorts().size() > 1 ? "pooled fit" : "fit", pooled.optimum()));
        }
        Json.write(spec, output, root);
        err.println(String.format(Locale.ROOT, "%s: %d cohort%s, %d customers; alpha %.4f, beta %.4f, "
                        + "log-likelihood %.2f%s", command, data.cohorts().size(), data.cohorts().size() == 1 ? ""
                        : "s (pooled fit)", data.customers(), pooled.model().alpha(), pooled.model().beta(),
                pooled.logLikelihood(), converged ? "" : " (not converged, see the warnings)"));
        err.flush();
        return converged ? 0 : ClvCommand.EXIT_NOT_CONVERGED;
    }

    /** One fit as JSON: model, parameters, standard errors, log-likelihood, convergence, projection. */
    private ObjectNode fitNode(FitResult<SbgModel> fit) {
        SbgModel model = fit.model();
        ObjectNode node = Json.object();
        node.put("model", "sbg");
        ObjectNode parameters = node.putObject("parameters");
        Json.put(parameters, "alpha", model.alpha());
        Json.put(parameters, "beta", model.beta());
        fit.standardErrors().ifPresent(se -> {
            ObjectNode errors = node.putObject("standardErrors");
            Json.put(errors, "alpha", se.get("alpha"));
            Json.put(errors, "beta", se.get("beta"));
        });
        Json.put(node, "logLikelihood", fit.logLikelihood());
        node.put("converged", fit.converged());
        node.set("projection", Json.array("projection", model.survivalCurve(projectionPeriods)));
        return node;
    }

    private interface Fit<T> {
        T run();
    }

    /** Runs a fit, naming the file in its data errors. */
    private <T> T fit(Fit<T> fit, String what) {
        try {
            return fit.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(survivors + ": cannot fit the sBG model to " + what + ": "
                    + e.getMessage(), e);
        }
    }

    /** Reads the survivor counts, every bad cell located. */
    private SurvivalData read() throws IOException {
        CsvFile file = CsvFile.open(TransactionCsv.Source.file(survivors));
        int period = file.column(periodColumn, "--period-column", true);
        int alive = file.column(aliveColumn, "--alive-column", true);
        int cohort = file.column(cohortColumn == null ? "cohort" : cohortColumn, "--cohort-column",
                cohortColumn != null);
        SurvivalData.Builder builder = SurvivalData.builder();
        file.forEach((row, line) -> {
            String periodText = row.get(period).trim();
            int t;
            try {
                t = Integer.parseInt(periodText);
            } catch (NumberFormatException e) {
                throw file.error(line, periodColumn, periodText, "the period is not a whole number");
            }
            if (t < 0) {
                throw file.error(line, periodColumn, periodText, "the period must be >= 0");
            }
            String aliveText = row.get(alive).trim();
            long count;
            try {
                count = Long.parseLong(aliveText);
            } catch (NumberFormatException e) {
                throw file.error(line, aliveColumn, aliveText, "the number of customers alive is not a whole "
                        + "number");
            }
            if (count < 0) {
                throw file.error(line, aliveColumn, aliveText, "the number of customers alive must be >= 0");
            }
            String label = cohort < 0 ? SurvivalData.DEFAULT_COHORT : row.get(cohort).trim();
            if (label.isEmpty()) {
                throw file.error(line, cohortColumn == null ? "cohort" : cohortColumn, row.get(cohort),
                        "the cohort label is blank");
            }
            builder.add(label, t, count);
        });
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file.name() + ": " + e.getMessage(), e);
        }
    }
}
