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
}
