package org.clv4j.models.nps;

/**
 * How the confidence interval of an NPS is computed. With n answers, P promoters and D detractors, and z the normal
 * quantile of the confidence level:
 * <ul>
 *   <li>{@link #WALD}: p<sub>P</sub> = P/n, p<sub>D</sub> = D/n, NPS = p<sub>P</sub> − p<sub>D</sub>,
 *       se = √((p<sub>P</sub> + p<sub>D</sub> − (p<sub>P</sub> − p<sub>D</sub>)²) / n), interval NPS ± z·se. The
 *       textbook interval: the variance of a difference of two multinomial proportions. It undercovers on small
 *       samples and collapses to a point when every answer is in one category (all promoters: [100, 100]).</li>
 *   <li>{@link #ADJUSTED_WALD}: the same formula after adding 3 pseudo-answers, ¾ promoter, ¾ detractor and
 *       1½ passive: n' = n + 3, p'<sub>P</sub> = (P + ¾)/n', p'<sub>D</sub> = (D + ¾)/n', interval
 *       (p'<sub>P</sub> − p'<sub>D</sub>) ± z·se' with se' from the adjusted proportions and n'. The
 *       Agresti–Caffo idea applied to the NPS, found the best performer by Rocks (2016, "Interval estimation for
 *       the 'Net Promoter Score'", The American Statistician 70(4)) and confirmed on real survey data by Lewis
 *       &amp; Sauro (MeasuringU, 2021). Its coverage stays close to nominal from about 10 answers on; it never
 *       collapses to a point.</li>
 * </ul>
 * Both intervals are clipped to [−100, 100].
 */
public enum NpsIntervalMethod {
    /** The Wald interval at the observed proportions. */
    WALD,
    /** The adjusted Wald interval with 3 pseudo-answers (¾ promoter, ¾ detractor, 1½ passive); the default. */
    ADJUSTED_WALD
}
