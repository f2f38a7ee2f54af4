package org.clv4j.models.rfm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;

/**
 * k-means clustering of customers on their standardised RFM values: an alternative to the fixed segment grid of
 * {@link RfmAnalysis} that lets the data decide the groups.
 *
 * <p>Each of recency (days), frequency (orders) and monetary value is standardised to z = (x − mean) / sd over
 * the customers (population standard deviation; a constant column becomes 0), optionally after ln(1 + x)
 * ({@link #withLogTransform(boolean)}), which tames the long right tails of frequency and spend that otherwise
 * give outliers clusters of their own. Then k-means++ (Arthur &amp; Vassilvitskii 2007) with Lloyd iterations,
 * Euclidean distance, Apache Commons Math's {@code KMeansPlusPlusClusterer} and a {@code Well19937c} generator
 * seeded with {@link #withSeed(long) the seed}. Customers are clustered in customer-id order, so the result depends
 * only on the set of values and the settings. Clusters are numbered by decreasing mean monetary value.
 *
 * <p>Immutable and thread-safe.
 */
public final class RfmClustering {

    private static final RfmClustering DEFAULTS = new RfmClustering(4, 42L, 300, false);

    private final int k;
    private final long seed;
    private final int maxIterations;
    private final boolean logTransform;

    private RfmClustering(int k, long seed, int maxIterations, boolean logTransform) {
        this.k = k;
        this.seed = seed;
        this.maxIterations = maxIterations;
        this.logTransform = logTransform;
    }

    /**
     * k = 4 clusters, seed 42, at most 300 iterations, no log transform.
     *
     * @return the default clustering
     */
    public static RfmClustering withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another number of clusters.
     *
     * @param clusters k, at least 1
     * @return the copy
     * @throws IllegalArgumentException if {@code clusters < 1}
     */
    public RfmClustering withClusters(int clusters) {
        if (clusters < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "clusters must be >= 1: k=%d", clusters));
        }
        return new RfmClustering(clusters, seed, maxIterations, logTransform);
    }

    /**
     * A copy with another random seed (for the k-means++ initialisation).
     *
     * @param randomSeed the seed
     * @return the copy
     */
    public RfmClustering withSeed(long randomSeed) {
        return new RfmClustering(k, randomSeed, maxIterations, logTransform);
    }

    /**
     * A copy with another iteration limit.
     *
     * @param iterations at least 1
     * @return the copy
     * @throws IllegalArgumentException if {@code iterations < 1}
     */
    public RfmClustering withMaxIterations(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "max iterations must be >= 1: maxIterations=%d", iterations));
        }
        return new RfmClustering(k, seed, iterations, logTransform);
    }

    /**
     * A copy that applies (or not) ln(1 + x) to the values before standardising.
     *
     * @param enabled true to log-transform
     * @return the copy
     */
    public RfmClustering withLogTransform(boolean enabled) {
        return new RfmClustering(k, seed, maxIterations, enabled);
    }

    /**
     * The number of clusters.
     *
     * @return k
     */
    public int clusters() {
        return k;
    }

    /**
     * Clusters customers.
     *
     * @param values one entry per customer, at least k
     * @return the clusters and assignments
     * @throws IllegalArgumentException if there are fewer customers than clusters, or a customer id repeats
     */
    public RfmClusters cluster(Collection<RfmValues> values) {
        List<RfmValues> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparing(RfmValues::customerId));
        int n = sorted.size();
        if (n < k) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "k-means needs at least as many customers as clusters: customers=%d, k=%d", n, k));
        }
        double[][] x = new double[3][n];
        for (int i = 0; i < n; i++) {
            RfmValues v = sorted.get(i);
            if (i > 0 && v.customerId().equals(sorted.get(i - 1).customerId())) {
                throw new IllegalArgumentException("duplicate customer in RFM values: customerId=" + v.customerId());
            }
            x[0][i] = transform(v.recencyDays());
            x[1][i] = transform(v.frequency());
            x[2][i] = transform(v.monetary());
        }
        for (double[] column : x) {
            standardise(column);
        }
        List<Point> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            points.add(new Point(i, new double[] {x[0][i], x[1][i], x[2][i]}));
        }
        KMeansPlusPlusClusterer<Point> clusterer = new KMeansPlusPlusClusterer<>(k, maxIterations,
                new EuclideanDistance(), new Well19937c(seed));
        List<CentroidCluster<Point>> found = clusterer.cluster(points);

        List<double[]> summaries = new ArrayList<>(); // {size, recency, frequency, monetary, wcss, original index}
        for (int c = 0; c < found.size(); c++) {
            CentroidCluster<Point> cluster = found.get(c);
            if (cluster.getPoints().isEmpty()) {
                continue;
            }
            double[] centre = cluster.getCenter().getPoint();
            double r = 0;
            double f = 0;
            double m = 0;
            double ss = 0;
            for (Point p : cluster.getPoints()) {
                RfmValues v = sorted.get(p.index);
                r += v.recencyDays();
                f += v.frequency();
                m += v.monetary();
                for (int d = 0; d < 3; d++) {
                    double diff = p.coordinates[d] - centre[d];
                    ss += diff * diff;
                }
            }
            int size = cluster.getPoints().size();
            summaries.add(new double[] {size, r / size, f / size, m / size, ss, c});
        }
        summaries.sort(Comparator.<double[]>comparingDouble(s -> -s[3]).thenComparingDouble(s -> -s[2])
                .thenComparingDouble(s -> s[1]).thenComparingDouble(s -> s[5]));
        int[] clusterOfPoint = new int[n];
        List<RfmCluster> clusters = new ArrayList<>(summaries.size());
        double wcss = 0;
        for (int number = 1; number <= summaries.size(); number++) {
            double[] s = summaries.get(number - 1);
            clusters.add(new RfmCluster(number, (int) s[0], s[1], s[2], s[3]));
            wcss += s[4];
            for (Point p : found.get((int) s[5]).getPoints()) {
                clusterOfPoint[p.index] = number;
            }
        }
        Map<String, Integer> assignments = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            assignments.put(sorted.get(i).customerId(), clusterOfPoint[i]);
        }
        return new RfmClusters(clusters, assignments, wcss);
    }

    private double transform(double value) {
        return logTransform ? Math.log1p(value) : value;
    }

    private static void standardise(double[] column) {
        int n = column.length;
        double mean = 0;
        for (double v : column) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : column) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / n);
        for (int i = 0; i < n; i++) {
            column[i] = sd > 0 ? (column[i] - mean) / sd : 0.0;
        }
    }

    /** A customer as a point in standardised RFM space. */
    private static final class Point implements Clusterable {
        final int index;
        final double[] coordinates;

        Point(int index, double[] coordinates) {
            this.index = index;
            this.coordinates = coordinates;
        }

        @Override
        public double[] getPoint() {
            return coordinates;
        }
    }
}
