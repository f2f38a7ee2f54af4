package org.clv4j.models.rfm;

/**
 * One k-means cluster of customers, described in the original units. Columns {@link RfmClusters#COLUMNS}.
 *
 * @param cluster the cluster number, 1..k; 1 has the highest mean monetary value (column {@code cluster})
 * @param customers the number of customers in it (column {@code customers})
 * @param meanRecencyDays their mean recency in days (column {@code mean_recency_days})
 * @param meanFrequency their mean number of orders (column {@code mean_frequency})
 * @param meanMonetary their mean spend (column {@code mean_monetary})
 */
public record RfmCluster(int cluster, int customers, double meanRecencyDays, double meanFrequency,
                         double meanMonetary) {
}
