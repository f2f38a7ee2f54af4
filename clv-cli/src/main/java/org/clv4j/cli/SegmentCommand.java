package org.clv4j.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.clv4j.cli.csv.CsvWriter;
import org.clv4j.cli.csv.TransactionCsv;
import org.clv4j.models.rfm.RfmAnalysis;
import org.clv4j.models.rfm.RfmCluster;
import org.clv4j.models.rfm.RfmClustering;
import org.clv4j.models.rfm.RfmClusters;
import org.clv4j.models.rfm.RfmMonetary;
import org.clv4j.models.rfm.RfmScore;
import org.clv4j.models.rfm.RfmSegment;
import org.clv4j.models.rfm.RfmTable;
import org.clv4j.models.rfm.RfmValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code clv segment}: RFM quintile scores per customer and a named segment from the R × FM grid
 * ({@link RfmAnalysis}), or a k-means cluster ({@link RfmClustering}), as CSV.
 */
@Command(name = "segment", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"RFM segmentation: recency, frequency (orders) and monetary value (spend) scored 1-5 by "
                + "quintiles (5 best, ties by customer id), and a segment: the R x FM grid (champions, loyal, "
                + "potential loyalists, new, promising, need attention, about to sleep, at risk, can't lose, "
                + "hibernating, lost), or with --method kmeans a cluster cluster-1..cluster-K (1 = highest mean "
                + "spend).",
                "Columns: customer_id,r_score,f_score,m_score,segment, in customer id order. Segment sizes (and "
                        + "cluster means) go to stderr."})
public final class SegmentCommand implements Callable<Integer> {

    /** How customers are grouped. */
    enum Method {
        /** The fixed R × FM grid of named segments. */
        GRID,
        /** k-means on the standardised values. */
        KMEANS
    }

    @Spec
    CommandSpec spec;

    @Mixin
    TransactionOptions input;

    @Option(names = "--observation-end", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "The date recency is measured to, ISO (default: the last transaction date). Later "
                    + "transactions are errors.")
    LocalDate observationEnd;

    @Option(names = "--monetary", paramLabel = "MEASURE", defaultValue = "total",
            converter = MonetaryConverter.class, completionCandidates = Measures.class,
            description = "Monetary value: total (spend in the window, the default) or average-order (spend per "
                    + "order).")
    RfmMonetary monetary;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "grid", converter = MethodConverter.class,
            completionCandidates = Methods.class,
            description = "grid (named segments, the default) or kmeans (clusters of the standardised, "
                    + "log-transformed values).")
    Method method;

    @Option(names = "--clusters", paramLabel = "K",
            description = "Number of k-means clusters (default: 4); needs --method kmeans.")
    Integer clusters;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the k-means++ initialisation (default: 42); needs --method kmeans.")
    Long seed;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (method != Method.KMEANS && (clusters != null || seed != null)) {
            throw new ParameterException(spec.commandLine(), "--clusters and --seed need --method kmeans");
        }
        RfmClustering clustering = null;
        if (method == Method.KMEANS) {
            try {
                clustering = RfmClustering.withDefaults().withLogTransform(true)
                        .withClusters(clusters == null ? 4 : clusters).withSeed(seed == null ? 42L : seed);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "invalid option value: " + e.getMessage(), e);
            }
        }
        RfmAnalysis analysis = RfmAnalysis.withDefaults().withMonetary(monetary)
                .withRefundPolicy(input.refundPolicy());
        if (observationEnd != null) {
            analysis = analysis.withObservationEnd(observationEnd);
        }
        RfmAnalysis configured = analysis;
        TransactionCsv csv = input.open(observationEnd);
        List<RfmValues> values = csv.compute(configured::values);
        RfmTable table = RfmAnalysis.score(values);
        RfmClusters groups = clustering == null ? null : clustering.cluster(values);
        PrintWriter err = spec.commandLine().getErr();
        String command = spec.qualifiedName();
        TransactionOptions.printNotes(err, command, csv);
        output.writeCsv(spec, out -> {
            out.header("customer_id", "r_score", "f_score", "m_score", "segment");
            for (RfmScore s : table.scores()) {
                out.text(s.customerId()).integer(s.recencyScore()).integer(s.frequencyScore())
                        .integer(s.monetaryScore())
                        .text(groups == null ? s.segment().label() : "cluster-" + groups.clusterOf(s.customerId()))
                        .endRow();
            }
        });
        if (groups == null) {
            for (Map.Entry<RfmSegment, Integer> e : table.segmentCounts().entrySet()) {
                err.println(String.format(Locale.ROOT, "%s: %s: %d customers", command, e.getKey().label(),
                        e.getValue()));
            }
        } else {
            for (RfmCluster c : groups.clusters()) {
                err.println(String.format(Locale.ROOT, "%s: cluster-%d: %d customers, mean recency %s days, mean "
                                + "orders %s, mean %s %s", command, c.cluster(), c.customers(),
                        CsvWriter.formatNumber(c.meanRecencyDays()), CsvWriter.formatNumber(c.meanFrequency()),
                        monetary == RfmMonetary.TOTAL ? "spend" : "order value",
                        CsvWriter.formatNumber(c.meanMonetary())));
            }
        }
        err.flush();
        return 0;
    }

    /** {@code total} or {@code average-order}. */
    static final class MonetaryConverter implements ITypeConverter<RfmMonetary> {
        @Override
        public RfmMonetary convert(String value) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "total":
                    return RfmMonetary.TOTAL;
                case "average-order":
                    return RfmMonetary.AVERAGE_ORDER;
                default:
                    throw new TypeConversionException("'" + value + "' is not a monetary measure (expected total or "
                            + "average-order)");
            }
        }
    }

    /** {@code grid} or {@code kmeans}. */
    static final class MethodConverter implements ITypeConverter<Method> {
        @Override
        public Method convert(String value) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "grid":
                case "quintiles":
                    return Method.GRID;
                case "kmeans":
                case "k-means":
                    return Method.KMEANS;
                default:
                    throw new TypeConversionException("'" + value + "' is not a segmentation method (expected grid "
                            + "or kmeans)");
            }
        }
    }

    /** Completion candidates for {@code --monetary}. */
    static final class Measures implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("total", "average-order").iterator();
        }
    }

    /** Completion candidates for {@code --method}. */
    static final class Methods implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("grid", "kmeans").iterator();
        }
    }
}
