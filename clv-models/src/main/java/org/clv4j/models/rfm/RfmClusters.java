package org.clv4j.models.rfm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link RfmClustering}: clusters in the original units and each customer's cluster. Immutable.
 */
public final class RfmClusters {

    /** CSV columns of {@link #clusters()}, mapping to the {@link RfmCluster} components in order. */
    public static final List<String> COLUMNS = List.of("cluster", "customers", "mean_recency_days",
            "mean_frequency", "mean_monetary");

    private final List<RfmCluster> clusters;
    private final Map<String, Integer> assignments;
    private final double withinClusterSumOfSquares;

    RfmClusters(List<RfmCluster> clusters, Map<String, Integer> assignments, double withinClusterSumOfSquares) {
        this.clusters = List.copyOf(clusters);
        this.assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
        this.withinClusterSumOfSquares = withinClusterSumOfSquares;
    }

    /**
     * The clusters, numbered 1.. by decreasing mean monetary value (then decreasing mean frequency, then
     * increasing mean recency).
     *
     * @return an unmodifiable list; empty clusters are left out, so there can be fewer than k
     */
    public List<RfmCluster> clusters() {
        return clusters;
    }

    /**
     * Each customer's cluster number, in customer-id order.
     *
     * @return an unmodifiable map customer id → cluster
     */
    public Map<String, Integer> assignments() {
        return assignments;
    }

    /**
     * One customer's cluster.
     *
     * @param customerId the id
     * @return its cluster number
     * @throws IllegalArgumentException if the customer was not clustered
     */
    public int clusterOf(String customerId) {
        Integer c = assignments.get(customerId);
        if (c == null) {
            throw new IllegalArgumentException("customer was not clustered: customerId=" + customerId);
        }
        return c;
    }

    /**
     * The within-cluster sum of squared distances to the centroids, in standardised units (the k-means
     * objective; compare runs with different k to choose k by the "elbow").
     *
     * @return the sum
     */
    public double withinClusterSumOfSquares() {
        return withinClusterSumOfSquares;
    }
}
