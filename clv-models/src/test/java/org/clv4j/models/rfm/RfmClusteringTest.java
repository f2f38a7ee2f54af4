package org.clv4j.models.rfm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RfmClusteringTest {

    /** Three well-separated groups: whales, regulars, lapsed one-timers; 40 customers each. */
    static List<RfmValues> blobs(long seed) {
        Random random = new Random(seed);
        List<RfmValues> values = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            values.add(new RfmValues(String.format("w%02d", i), 2 + random.nextInt(10), 40 + random.nextInt(10),
                    5000 + 500 * random.nextDouble()));
            values.add(new RfmValues(String.format("r%02d", i), 20 + random.nextInt(10), 10 + random.nextInt(5),
                    1000 + 100 * random.nextDouble()));
            values.add(new RfmValues(String.format("l%02d", i), 300 + random.nextInt(30), 1 + random.nextInt(2),
                    50 + 10 * random.nextDouble()));
        }
        return values;
    }

    @Test
    void recoversSeparatedGroupsNumberedByMonetaryValue() {
        List<RfmValues> values = blobs(1);
        RfmClusters result = RfmClustering.withDefaults().withClusters(3).cluster(values);
        assertEquals(3, result.clusters().size());
        for (RfmValues v : values) {
            int expected = v.customerId().startsWith("w") ? 1 : v.customerId().startsWith("r") ? 2 : 3;
            assertEquals(expected, result.clusterOf(v.customerId()), v.customerId());
        }
        for (RfmCluster c : result.clusters()) {
            assertEquals(40, c.customers());
        }
        // cluster means in original units, checked against a direct average
        double whales = values.stream().filter(v -> v.customerId().startsWith("w")).mapToDouble(RfmValues::monetary)
                .average().orElseThrow();
        assertEquals(whales, result.clusters().get(0).meanMonetary(), 1e-9);

        // WCSS recomputed: standardise by hand, centroid = member mean
        double[][] z = new double[3][values.size()];
        List<RfmValues> sorted = new ArrayList<>(values);
        sorted.sort((a, b) -> a.customerId().compareTo(b.customerId()));
        for (int i = 0; i < sorted.size(); i++) {
            z[0][i] = sorted.get(i).recencyDays();
            z[1][i] = sorted.get(i).frequency();
            z[2][i] = sorted.get(i).monetary();
        }
        for (double[] col : z) {
            double mean = 0;
            for (double v : col) {
                mean += v / col.length;
            }
            double var = 0;
            for (double v : col) {
                var += (v - mean) * (v - mean) / col.length;
            }
            for (int i = 0; i < col.length; i++) {
                col[i] = (col[i] - mean) / Math.sqrt(var);
            }
        }
        double wcss = 0;
        for (int cluster = 1; cluster <= 3; cluster++) {
            double[] centre = new double[3];
            int size = 0;
            for (int i = 0; i < sorted.size(); i++) {
                if (result.clusterOf(sorted.get(i).customerId()) == cluster) {
                    size++;
                    for (int d = 0; d < 3; d++) {
                        centre[d] += z[d][i];
                    }
                }
            }
            for (int i = 0; i < sorted.size(); i++) {
                if (result.clusterOf(sorted.get(i).customerId()) == cluster) {
                    for (int d = 0; d < 3; d++) {
                        double diff = z[d][i] - centre[d] / size;
                        wcss += diff * diff;
                    }
                }
            }
        }
        assertEquals(wcss, result.withinClusterSumOfSquares(), 1e-9);
    }

    @Test
    void reproducibleAndIndependentOfInputOrder() {
        List<RfmValues> values = new ArrayList<>(blobs(2));
        RfmClustering kmeans = RfmClustering.withDefaults().withClusters(5).withSeed(7).withLogTransform(true);
        RfmClusters first = kmeans.cluster(values);
        Collections.shuffle(values, new Random(5));
        RfmClusters second = kmeans.cluster(values);
        assertEquals(first.assignments(), second.assignments());
        assertEquals(first.clusters(), second.clusters());
        assertEquals(first.withinClusterSumOfSquares(), second.withinClusterSumOfSquares(), 0.0);
        Map<Integer, Integer> sizes = new HashMap<>();
        first.assignments().values().forEach(c -> sizes.merge(c, 1, Integer::sum));
        for (RfmCluster c : first.clusters()) {
            assertEquals(sizes.get(c.cluster()), c.customers());
        }
        for (int i = 1; i < first.clusters().size(); i++) {
            assertEquals(true, first.clusters().get(i - 1).meanMonetary() >= first.clusters().get(i).meanMonetary());
        }
    }

    @Test
    void invalidSettings() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RfmClustering.withDefaults().cluster(blobs(1).subList(0, 3)));
        assertEquals("k-means needs at least as many customers as clusters: customers=3, k=4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RfmClustering.withDefaults().withClusters(0));
        assertThrows(IllegalArgumentException.class, () -> RfmClustering.withDefaults().withMaxIterations(0));
        RfmClusters result = RfmClustering.withDefaults().withClusters(2).cluster(blobs(1));
        e = assertThrows(IllegalArgumentException.class, () -> result.clusterOf("nobody"));
        assertEquals("customer was not clustered: customerId=nobody", e.getMessage());
    }
}
