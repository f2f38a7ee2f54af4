package org.clv4j.models.nps;

import java.util.Locale;
import java.util.Objects;

/**
 * A Net Promoter Score with its counts, standard error and confidence interval. Scores, standard errors and
 * interval ends are in <b>points</b>, −100..100 (a share of 0.175 is 17.5 points).
 *
 * <p>As JSON: {@code {"nps":…, "responses":…, "promoters":…, "passives":…, "detractors":…, "standardError":…,
 * "confidenceInterval":[confidenceLow, confidenceHigh]}}.
 *
 * @param responses n, the number of answers, positive
 * @param promoters P, answers 9–10
 * @param passives answers 7–8
 * @param detractors D, answers 0–6
 * @param nps 100·(P − D)/n
 * @param standardError the Wald standard error 100·√((p<sub>P</sub> + p<sub>D</sub> − (p<sub>P</sub> −
 *        p<sub>D</sub>)²)/n) at the observed shares (0 when every answer is in one category)
 * @param confidenceLow the lower end of the interval, by {@code method}
 * @param confidenceHigh the upper end of the interval, by {@code method}
 * @param confidenceLevel the interval's level, such as 0.95
 * @param method how the interval was computed
 */
public record NpsResult(int responses, int promoters, int passives, int detractors, double nps,
                        double standardError, double confidenceLow, double confidenceHigh, double confidenceLevel,
                        NpsIntervalMethod method) {

    /**
     * Validates the counts.
     *
     * @param responses the number of answers, positive, = promoters + passives + detractors
     * @param promoters promoters, non-negative
     * @param passives passives, non-negative
     * @param detractors detractors, non-negative
     * @param nps the score in points
     * @param standardError the Wald standard error in points
     * @param confidenceLow the interval's lower end in points
     * @param confidenceHigh the interval's upper end in points
     * @param confidenceLevel the level, in (0, 1)
     * @param method the interval method
     * @throws IllegalArgumentException if the counts are negative or do not add up, or there are no responses
     */
    public NpsResult {
        Objects.requireNonNull(method, "method");
        if (promoters < 0 || passives < 0 || detractors < 0 || responses != promoters + passives + detractors) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "NPS counts must be non-negative and add up: responses=%d, promoters=%d, passives=%d, "
                            + "detractors=%d", responses, promoters, passives, detractors));
        }
        if (responses == 0) {
            throw new IllegalArgumentException("NPS needs at least one response: responses=0");
        }
    }

    /**
     * The promoters' share P/n.
     *
     * @return the share, in [0, 1]
     */
    public double promoterShare() {
        return (double) promoters / responses;
    }

    /**
     * The passives' share.
     *
     * @return the share, in [0, 1]
     */
    public double passiveShare() {
        return (double) passives / responses;
    }

    /**
     * The detractors' share D/n.
     *
     * @return the share, in [0, 1]
     */
    public double detractorShare() {
        return (double) detractors / responses;
    }

    /**
     * The confidence interval as an array, for JSON output.
     *
     * @return a new array {confidenceLow, confidenceHigh}, in points
     */
    public double[] confidenceInterval() {
        return new double[] {confidenceLow, confidenceHigh};
    }

    /**
     * The Wald interval at this result's level, whatever {@link #method()} is.
     *
     * @return a new array {low, high}, in points
     */
    public double[] waldInterval() {
        return NetPromoterScore.interval(promoters, detractors, responses, NetPromoterScore.z(confidenceLevel),
                NpsIntervalMethod.WALD);
    }

    /**
     * The adjusted Wald interval at this result's level, whatever {@link #method()} is.
     *
     * @return a new array {low, high}, in points
     */
    public double[] adjustedWaldInterval() {
        return NetPromoterScore.interval(promoters, detractors, responses, NetPromoterScore.z(confidenceLevel),
                NpsIntervalMethod.ADJUSTED_WALD);
    }
}
