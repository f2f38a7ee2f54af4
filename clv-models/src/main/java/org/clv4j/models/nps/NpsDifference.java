package org.clv4j.models.nps;

/**
 * A two-sided z test of the difference between the NPS of two independent samples (see
 * {@link NetPromoterScore#compare(NpsResult, NpsResult)}). Differences, standard errors and interval ends in
 * points.
 *
 * @param difference NPS<sub>a</sub> − NPS<sub>b</sub>
 * @param standardError √(se<sub>a</sub>² + se<sub>b</sub>²), from the two Wald standard errors; positive
 * @param z the test statistic {@code difference / standardError}
 * @param pValue the two-sided p-value 2·Φ(−|z|) for the null hypothesis of equal scores
 * @param confidenceLow the lower end of the Wald interval {@code difference ± z_level · standardError}
 * @param confidenceHigh the upper end of that interval
 * @param confidenceLevel the interval's level
 */
public record NpsDifference(double difference, double standardError, double z, double pValue,
                            double confidenceLow, double confidenceHigh, double confidenceLevel) {

    /**
     * Whether the difference is significant at level α: {@code pValue < alpha}.
     *
     * @param alpha the significance level, such as 0.05
     * @return true if the null hypothesis of equal scores is rejected
     */
    public boolean significantAt(double alpha) {
        return pValue < alpha;
    }
}
