/**
 * Contractual retention with the shifted-beta-geometric (sBG) model of Fader &amp; Hardie (2007), "How to project
 * customer retention", Journal of Interactive Marketing 21(1), and the customer valuation built on it in Fader &amp;
 * Hardie (2010), "Customer-base valuation in a contractual setting: the perils of ignoring heterogeneity",
 * Marketing Science 29(1).
 *
 * <p>In a contractual business (subscriptions, memberships, insurance) churn is observed: every period each
 * customer renews or leaves. The sBG assumes each customer has her own constant churn probability θ, and that θ
 * varies across customers as a beta distribution with parameters α and β. The cohort's aggregate retention rate
 * then rises with tenure, {@code r_t = (β + t − 1)/(α + β + t − 1)}, because the customers who stay are the loyal
 * ones: which is why extrapolating a fitted straight line or a constant retention rate under-projects survival.
 *
 * <p>The flow:
 * <ol>
 *   <li>{@link org.clv4j.models.sbg.SurvivalData} holds the customers alive at the start of each period of one or
 *       more {@link org.clv4j.models.sbg.SurvivalCohort}s (e.g. 1000, 631, 468, …), validated;</li>
 *   <li>{@link org.clv4j.models.sbg.SbgEstimator} fits α and β by maximum likelihood, pooled over cohorts or per
 *       cohort, returning a {@link org.clv4j.models.fit.FitResult} with standard errors;</li>
 *   <li>{@link org.clv4j.models.sbg.SbgModel} projects survival {@code S(t)}, retention rates, survivors of a
 *       cohort, and values customers: discounted expected (residual) lifetime and lifetime value.</li>
 * </ol>
 *
 * <pre>{@code
 * SurvivalData data = SurvivalData.of("regular", 1000, 631, 468, 382, 326, 289, 262, 241);
 * SbgModel model = SbgEstimator.withDefaults().fit(data).requireConverged().model();
 * double[] alive = model.projectSurvivors(1000, 12);        // 1000, 626.7, 473.8, …, 170.0
 * double value = model.expectedResidualLifetimeValue(100.0, 0.10, 5); // margin 100 a year, tenure 5 years
 * }</pre>
 *
 * <p>{@link org.clv4j.models.sbg.SbgSimulator} draws cohorts from the sBG process for checks and studies. An
 * empirical (Kaplan–Meier) retention curve, without a model, is in {@code org.clv4j.models.retention}.
 */
package org.clv4j.models.sbg;
