package org.clv4j.core.summary;

import java.util.Locale;

/**
 * A customer's purchases in the holdout period (calibration end, observation end], used to validate a model fitted
 * on the calibration period.
 *
 * @param frequency the number of distinct purchase days in the holdout period (same-day purchases count once)
 * @param monetaryValue the mean amount of those purchase days; 0 when {@code frequency} is 0
 * @param duration the length of the holdout period in the summary's time unit
 */
public record Holdout(int frequency, double monetaryValue, double duration) {

    /**
     * Validates the components.
     *
     * @param frequency the number of distinct purchase days in the holdout period (same-day purchases count once)
     * @param monetaryValue the mean amount of those purchase days; 0 when {@code frequency} is 0
     * @param duration the length of the holdout period in the summary's time unit
     * @throws IllegalArgumentException if a value is negative or not finite, or the monetary value is positive
     *         without purchases
     */
    public Holdout {
        if (frequency < 0) {
            throw new IllegalArgumentException("holdout frequency must be >= 0: holdoutFrequency=" + frequency);
        }
        if (!(monetaryValue >= 0.0) || !Double.isFinite(monetaryValue)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "holdout monetary value must be finite and >= 0: holdoutMonetaryValue=%s", monetaryValue));
        }
        if (frequency == 0 && monetaryValue != 0.0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "holdout monetary value must be 0 without holdout purchases: holdoutMonetaryValue=%s",
                    monetaryValue));
        }
        if (!(duration > 0.0) || !Double.isFinite(duration)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "holdout duration must be finite and > 0: duration=%s", duration));
        }
    }
}
