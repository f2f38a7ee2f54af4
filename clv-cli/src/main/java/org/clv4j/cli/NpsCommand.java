package org.clv4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.clv4j.cli.csv.CsvWriter;
import org.clv4j.cli.csv.ResponseCsv;
import org.clv4j.cli.csv.TransactionCsv;
import org.clv4j.models.nps.NetPromoterScore;
import org.clv4j.models.nps.NpsAnswer;
import org.clv4j.models.nps.NpsIntervalMethod;
import org.clv4j.models.nps.NpsResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code clv nps}: the Net Promoter Score of survey answers with its standard error and confidence interval, in
 * points, as JSON; optionally per segment and per month.
 */
@Command(name = "nps", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Net Promoter Score of 0-10 answers: 100 x (promoters (9-10) - detractors (0-6)) / answers, "
                + "with its standard error and confidence interval, in points, as JSON.",
                "Output: {\"nps\":..,\"responses\":..,\"promoters\":..,\"passives\":..,\"detractors\":..,"
                        + "\"standardError\":..,\"confidenceInterval\":[low,high],...}, plus \"segments\" and "
                        + "\"months\" with --segment-column and --date-column."})
public final class NpsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-r", "--responses"}, required = true, paramLabel = "FILE",
            description = "CSV of survey answers with a header row, one answer per row.")
    Path responses;

    @Option(names = "--score-column", paramLabel = "NAME", defaultValue = "score",
            description = "Column with the 0-10 answer (default: ${DEFAULT-VALUE}).")
    String scoreColumn;

    @Option(names = "--segment-column", paramLabel = "NAME",
            description = "Column with a segment: adds \"segments\", one score per segment.")
    String segmentColumn;

    @Option(names = "--date-column", paramLabel = "NAME",
            description = "Column with the answer date: adds \"months\", one score per calendar month.")
    String dateColumn;

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "java.time pattern of the answer dates (default: ISO, 2024-03-01; date-times are "
                    + "truncated to the day).")
    String dateFormat;

    @Option(names = "--customer-column", paramLabel = "NAME",
            description = "Column with the customer id (empty or a placeholder such as (blank): an anonymous "
                    + "answer); used by --latest-per-customer.")
    String customerColumn;

    @Option(names = "--latest-per-customer",
            description = "Count only each customer's latest answer (by --date-column, then by line); needs "
                    + "--customer-column.")
    boolean latestPerCustomer;

    @Option(names = "--confidence-level", paramLabel = "L", defaultValue = "0.95",
            description = "Level of the confidence interval, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double confidenceLevel;

    @Option(names = "--interval", paramLabel = "METHOD", defaultValue = "adjusted-wald",
            converter = IntervalConverter.class, completionCandidates = Intervals.class,
            description = "Interval method: adjusted-wald (3 pseudo-answers, 3/4 promoter, 3/4 detractor, 1.5 passive; "
                    + "good coverage on small samples; the default) or wald (NPS +/- z x standard error).")
    NpsIntervalMethod interval;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        NetPromoterScore nps;
        try {
            nps = NetPromoterScore.withDefaults().withConfidenceLevel(confidenceLevel).withIntervalMethod(interval);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid option value: " + e.getMessage(), e);
        }
        if (latestPerCustomer && customerColumn == null) {
            throw new ParameterException(spec.commandLine(), "--latest-per-customer needs --customer-column");
        }
        ResponseCsv.Answers read = ResponseCsv.read(TransactionCsv.Source.file(responses), new ResponseCsv.Layout(
                scoreColumn, "--score-column", customerColumn, "--customer-column", segmentColumn, dateColumn,
                "--date-column", dateFormat));
        List<NpsAnswer> answers = read.answers();
        int all = answers.size();
        if (latestPerCustomer) {
            answers = ResponseCsv.latestPerCustomer(answers);
        }
        NpsResult overall = nps.score(answers);
        ObjectNode root = resultNode(overall);
        Json.put(root, "confidenceLevel", confidenceLevel);
        root.put("intervalMethod", interval == NpsIntervalMethod.WALD ? "wald" : "adjusted-wald");
        if (segmentColumn != null) {
            ObjectNode segments = root.putObject("segments");
            for (Map.Entry<String, NpsResult> e : nps.bySegment(answers).entrySet()) {
                segments.set(e.getKey(), resultNode(e.getValue()));
            }
        }
        if (dateColumn != null) {
            ObjectNode months = root.putObject("months");
            for (Map.Entry<YearMonth, NpsResult> e : nps.byMonth(answers).entrySet()) {
                months.set(e.getKey().toString(), resultNode(e.getValue()));
            }
        }
        Json.write(spec, output, root);
        PrintWriter err = spec.commandLine().getErr();
        if (read.anonymous() > 0) {
            err.println(String.format(Locale.ROOT, "%s: note: %d of %d answers have no customer id (anonymous)",
                    spec.qualifiedName(), read.anonymous(), all));
        }
        if (latestPerCustomer && answers.size() < all) {
            err.println(String.format(Locale.ROOT, "%s: note: %d earlier answers of the same customers left out "
                    + "(--latest-per-customer)", spec.qualifiedName(), all - answers.size()));
        }
        err.println(String.format(Locale.ROOT, "%s: NPS %s (%d answers%s), %s%% %s "
                        + "interval %s..%s points", spec.qualifiedName(), CsvWriter.formatNumber(overall.nps()),
                overall.responses(), latestPerCustomer ? ", latest per customer" : "",
                CsvWriter.formatNumber(100.0 * confidenceLevel), interval == NpsIntervalMethod.WALD ? "Wald"
                        : "adjusted Wald", CsvWriter.formatNumber(overall.confidenceLow()),
                CsvWriter.formatNumber(overall.confidenceHigh())));
        err.flush();
        return 0;
    }

    /** The JSON of one score, in points. */
    static ObjectNode resultNode(NpsResult r) {
        ObjectNode node = Json.object();
        Json.put(node, "nps", r.nps());
        node.put("responses", r.responses());
        node.put("promoters", r.promoters());
        node.put("passives", r.passives());
        node.put("detractors", r.detractors());
        Json.put(node, "standardError", r.standardError());
        node.set("confidenceInterval", Json.array("confidenceInterval", r.confidenceLow(), r.confidenceHigh()));
        return node;
    }

    /** {@code wald} or {@code adjusted-wald}, any case. */
    static final class IntervalConverter implements ITypeConverter<NpsIntervalMethod> {
        @Override
        public NpsIntervalMethod convert(String value) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "wald":
                    return NpsIntervalMethod.WALD;
                case "adjusted-wald":
                    return NpsIntervalMethod.ADJUSTED_WALD;
                default:
                    throw new TypeConversionException("'" + value + "' is not an interval method (expected wald or "
                            + "adjusted-wald)");
            }
        }
    }

    /** Completion candidates for {@code --interval}. */
    static final class Intervals implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("adjusted-wald", "wald").iterator();
        }
    }
}
