package org.clv4j.models.table;

import java.util.Locale;

/**
 * A customer's value tier in the {@link CustomerTable}: customers ranked by predicted CLV (or historical CLV when
 * no prediction is available, see {@link ValueBasis}), highest first, ties by customer id; with n customers the
 * customer at rank i (0-based) is
 * <ul>
 *   <li>{@link #VIP} when i &lt; 0.2·n (the top 20%),</li>
 *   <li>{@link #HIGH} when i &lt; 0.5·n (the next 30%),</li>
 *   <li>{@link #MEDIUM} when i &lt; 0.8·n (the next 30%),</li>
 *   <li>{@link #LOW} otherwise (the last 20%).</li>
 * </ul>
 * Tier sizes therefore differ from the shares by less than one customer, and equal values on a boundary are split
 * by customer id, so tiers are a pure function of the input.
 */
public enum ValueTier {
    /** The top 20% by value. */
    VIP,
    /** The next 30%. */
    HIGH,
    /** The next 30%. */
    MEDIUM,
    /** The last 20%. */
    LOW;

    /**
     * The tier's name in lower case, as printed in tables: {@code vip}, {@code high}, {@code medium} or
     * {@code low}.
     *
     * @return the id
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The tier of rank {@code i} among {@code n}.
     *
     * @param i the 0-based rank, highest value first
     * @param n the number of customers, {@code > i}
     * @return the tier
     * @throws IllegalArgumentException if {@code i} is not in {@code [0, n)}
     */
    public static ValueTier ofRank(int i, int n) {
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "rank must be in [0, n): rank=%d, n=%d",
                    i, n));
        }
        long rank = i;
        if (5 * rank < n) {
            return VIP;
        }
        if (2 * rank < n) {
            return HIGH;
        }
        if (5 * rank < 4L * n) {
            return MEDIUM;
        }
        return LOW;
    }
}
