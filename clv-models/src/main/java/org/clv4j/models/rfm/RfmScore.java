package org.clv4j.models.rfm;

import java.util.Objects;

/**
 * A customer's RFM values, quintile scores and segment. Columns {@link RfmTable#COLUMNS}.
 *
 * @param customerId the customer's id (column {@code customer_id})
 * @param recencyDays days since the last purchase (column {@code recency_days})
 * @param frequency orders (column {@code frequency})
 * @param monetary spend (column {@code monetary})
 * @param recencyScore R, 1..5; 5 = the most recent fifth (column {@code r})
 * @param frequencyScore F, 1..5; 5 = the most frequent fifth (column {@code f})
 * @param monetaryScore M, 1..5; 5 = the highest-spending fifth (column {@code m})
 * @param segment the segment of (R, FM) (column {@code segment}, as {@link RfmSegment#label()})
 */
public record RfmScore(String customerId, long recencyDays, int frequency, double monetary, int recencyScore,
                       int frequencyScore, int monetaryScore, RfmSegment segment) {

    /**
     * Validates the scores.
     *
     * @param customerId the customer's id
     * @param recencyDays days since the last purchase
     * @param frequency orders
     * @param monetary spend
     * @param recencyScore R, 1..5
     * @param frequencyScore F, 1..5
     * @param monetaryScore M, 1..5
     * @param segment the segment, which must be that of (R, FM)
     * @throws IllegalArgumentException if a score is outside 1..5 or the segment does not match
     */
    public RfmScore {
        Objects.requireNonNull(customerId, "customerId");
        if (segment != RfmSegment.of(recencyScore, RfmSegment.fm(frequencyScore, monetaryScore))) {
            throw new IllegalArgumentException("segment " + segment + " does not match the scores of customer "
                    + customerId + ": r=" + recencyScore + ", f=" + frequencyScore + ", m=" + monetaryScore);
        }
    }

    /**
     * The FM score: the mean of F and M, rounded half up.
     *
     * @return 1..5
     */
    public int fmScore() {
        return RfmSegment.fm(frequencyScore, monetaryScore);
    }

    /**
     * The three scores as a code, such as {@code 545} (column {@code rfm}).
     *
     * @return the code
     */
    public String code() {
        return "" + recencyScore + frequencyScore + monetaryScore;
    }
}
