/**
 * The Net Promoter Score: from 0–10 "would you recommend us?" answers to a score in points with an honest
 * confidence interval.
 *
 * <pre>{@code
 * NpsResult r = NetPromoterScore.withDefaults().fromCounts(250, 675, 75);
 * r.nps();                  // 17.5 points
 * r.standardError();        // 1.716 points
 * r.confidenceInterval();   // adjusted Wald 95%: [14.09, 20.81]
 * }</pre>
 *
 * <p>Promoters answer 9–10, passives 7–8, detractors 0–6; NPS = %promoters − %detractors. Answers are
 * {@link org.clv4j.models.nps.NpsAnswer}s, optionally tied to a customer, a segment, a date and the input line
 * (so a bad answer is reported with its line). {@link org.clv4j.models.nps.NetPromoterScore} scores them overall,
 * {@linkplain org.clv4j.models.nps.NetPromoterScore#bySegment by segment},
 * {@linkplain org.clv4j.models.nps.NetPromoterScore#byMonth by month} or by any key, and
 * {@linkplain org.clv4j.models.nps.NetPromoterScore#compare compares} two scores with a z test.
 *
 * <p>Small samples (a segment, a month) are where intervals matter: the default adjusted Wald interval
 * ({@link org.clv4j.models.nps.NpsIntervalMethod}) stays near 95% coverage from about ten answers, where the plain
 * Wald interval falls to 85% or less.
 */
package org.clv4j.models.nps;
