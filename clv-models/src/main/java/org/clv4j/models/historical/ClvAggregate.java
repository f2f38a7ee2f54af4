package org.clv4j.models.historical;

import java.util.Arrays;
import java.util.Locale;

/**
 * Summary statistics of the CLV over a group of customers: all of them, or one segment.
 *
 * @param customers the number of customers, {@code >= 1}
 * @param total the sum of their CLVs
 * @param mean {@code total / customers}
 * @param median the middle CLV; the mean of the two middle values for an even count
 * @param min the smallest CLV
 * @param max the largest CLV
 */
public record ClvAggregate(int customers, double total, double mean, double median, double min, double max) {

    /**
     * Validates the components.
     *
     * @param customers the number of customers, {@code >= 1}
     * @param total the sum of their CLVs
     * @param mean {@code total / customers}
     * @param median the middle CLV; the mean of the two middle values for an even count
     * @param min the smallest CLV
     * @param max the largest CLV
     * @throws IllegalArgumentException if the count is below 1, a value is not finite, or
     *         {@code min <= median <= max} and {@code min <= mean <= max} do not hold
     */
    public ClvAggregate {
        if (customers < 1) {
            throw new IllegalArgumentException("an aggregate needs at least one customer: customers=" + customers);
        }
        if (!Double.isFinite(total) || !Double.isFinite(mean) || !Double.isFinite(median)
                || !Double.isFinite(min) || !Double.isFinite(max)
                || !(min <= median && median <= max) || !(min <= mean && mean <= max)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "inconsistent CLV aggregate: customers=%d, total=%s, mean=%s, median=%s, min=%s, max=%s",
                    customers, total, mean, median, min, max));
        }
    }

    /**
     * The aggregate of the given CLVs. The total is a compensated (Neumaier) sum, accurate to about one rounding
     * error whatever the count; the mean is clamped to [min, max] against that last rounding.
     *
     * @param clvs the CLVs, at least one, all finite; not modified
     * @return the aggregate
     * @throws IllegalArgumentException if {@code clvs} is empty or holds a non-finite value
     */
    public static ClvAggregate of(double[] clvs) {
        int n = clvs.length;
        if (n == 0) {
            throw new IllegalArgumentException("an aggregate needs at least one customer: customers=0");
        }
        double[] sorted = clvs.clone();
        Arrays.sort(sorted);
        double sum = 0.0;
        double compensation = 0.0;
        for (double v : sorted) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("CLV must be finite: clv=" + v);
            }
            double t = sum + v;
            compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        double total = sum + compensation;
        double min = sorted[0];
        double max = sorted[n - 1];
        double mean = Math.min(max, Math.max(min, total / n));
        double median = (n & 1) == 1 ? sorted[n / 2] : sorted[n / 2 - 1] / 2.0 + sorted[n / 2] / 2.0;
        return new ClvAggregate(n, total, mean, median, min, max);
    }
}
