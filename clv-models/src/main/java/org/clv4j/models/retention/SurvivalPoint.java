package org.clv4j.models.retention;

/**
 * The Kaplan-Meier estimate at one distinct observed duration. Columns {@link SurvivalCurve#COLUMNS}.
 *
 * @param time the duration t (column {@code time})
 * @param atRisk n: subscribers with duration {@code >= t}, still subscribed just before t (column {@code at_risk})
 * @param events d: subscribers who churned at t (column {@code events})
 * @param censored subscribers censored at t; they count as at risk at t (column {@code censored})
 * @param survival Ŝ(t) = Π (1 − d<sub>i</sub> / n<sub>i</sub>) over the event times t<sub>i</sub> ≤ t
 *        (column {@code survival})
 * @param standardError Greenwood's standard error Ŝ(t)·√(Σ d<sub>i</sub> /
 *        (n<sub>i</sub>(n<sub>i</sub> − d<sub>i</sub>))), summed over t<sub>i</sub> ≤ t; 0 while Ŝ = 1
 *        and once Ŝ = 0 (column {@code standard_error})
 * @param lower the lower end of the log-log confidence interval (column {@code lower})
 * @param upper the upper end of the log-log confidence interval (column {@code upper})
 */
public record SurvivalPoint(double time, int atRisk, int events, int censored, double survival,
                            double standardError, double lower, double upper) {

    /**
     * Validates the point.
     *
     * @param time the duration, finite and {@code >= 0}
     * @param atRisk subscribers at risk, at least {@code events + censored}
     * @param events churns at this time, {@code >= 0}
     * @param censored censorings at this time, {@code >= 0}
     * @param survival the estimate, in [0, 1]
     * @param standardError the standard error, finite and {@code >= 0}
     * @param lower the interval's lower end, in [0, survival]
     * @param upper the interval's upper end, in [survival, 1]
     * @throws IllegalArgumentException if the point is inconsistent
     */
    public SurvivalPoint {
        if (!(time >= 0.0 && Double.isFinite(time)) || events < 0 || censored < 0 || atRisk < events + censored
                || !(survival >= 0.0 && survival <= 1.0) || !(standardError >= 0.0 && Double.isFinite(standardError))
                || !(lower >= 0.0 && lower <= survival) || !(upper >= survival && upper <= 1.0)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "inconsistent survival point: time=%s, atRisk=%d, events=%d, censored=%d, survival=%s, "
                            + "standardError=%s, lower=%s, upper=%s", time, atRisk, events, censored, survival,
                    standardError, lower, upper));
        }
    }
}
