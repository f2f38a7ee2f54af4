package org.clv4j.models.retention;

import java.util.Locale;

/**
 * One subscriber's time under observation for a {@link KaplanMeier} estimate: how long it has been (or was) a
 * subscriber and whether it churned at the end of that time or is still subscribed (right-censored).
 *
 * @param subscriberId the subscriber's id, for error messages and joins; may be {@code null}
 * @param duration time from subscription to churn, or to the end of observation when censored; finite,
 *        {@code >= 0}, in any time unit (all observations of one estimate in the same unit)
 * @param churned true if the subscriber churned at {@code duration} (an event), false if it was still subscribed
 *        at the end of observation (censored)
 */
public record SurvivalObservation(String subscriberId, double duration, boolean churned) {

    /**
     * Validates the duration.
     *
     * @param subscriberId the subscriber's id, or {@code null}
     * @param duration finite and {@code >= 0}
     * @param churned whether the duration ends in churn
     * @throws IllegalArgumentException if the duration is negative, NaN or infinite
     */
    public SurvivalObservation {
        if (!(duration >= 0.0) || !Double.isFinite(duration)) {
            throw new IllegalArgumentException(subscriberId == null
                    ? String.format(Locale.ROOT, "duration must be finite and >= 0: duration=%s", duration)
                    : String.format(Locale.ROOT, "duration must be finite and >= 0 for subscriber %s: duration=%s",
                            subscriberId, duration));
        }
    }

    /**
     * An anonymous observation.
     *
     * @param duration finite and {@code >= 0}
     * @param churned whether the duration ends in churn
     * @return the observation
     * @throws IllegalArgumentException if the duration is negative, NaN or infinite
     */
    public static SurvivalObservation of(double duration, boolean churned) {
        return new SurvivalObservation(null, duration, churned);
    }

    /**
     * An observation of a named subscriber.
     *
     * @param subscriberId the subscriber's id
     * @param duration finite and {@code >= 0}
     * @param churned whether the duration ends in churn
     * @return the observation
     * @throws IllegalArgumentException if the duration is negative, NaN or infinite
     */
    public static SurvivalObservation of(String subscriberId, double duration, boolean churned) {
        return new SurvivalObservation(subscriberId, duration, churned);
    }
}
