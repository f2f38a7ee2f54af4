/**
 * The MBG/NBD model of Batislam, Denizel &amp; Filiztekin (2007), International Journal of Research in Marketing
 * 24(3), as published by the R package BTYDplus: the BG/NBD story (Poisson purchases at rates λ ~ Gamma(r, α),
 * drop-out with probability p ~ Beta(a, b) after each repeat purchase) plus a drop-out chance right after the first
 * purchase, so that customers who never came back are not certainly alive.
 *
 * <pre>{@code
 * MbgNbdModel model = MbgNbdEstimator.withDefaults().fit(columns).requireConverged().model();
 * double pAlive = model.probabilityAlive(0, 0, 38.86);   // below 1, unlike the BG/NBD
 * double next52 = model.conditionalExpectedPurchases(52, 2, 30.43, 38.86);
 * }</pre>
 *
 * <p>Choose it over the BG/NBD when many customers have no repeat purchase and their P(alive) matters (e.g. for
 * targeting win-back campaigns); on CDNOW the two fit equally well (log-likelihoods −9582.13 vs −9582.43).
 */
package org.clv4j.models.mbgnbd;
