/**
 * The Gamma-Gamma model of monetary value (Colombo &amp; Jiang 1999; Fader &amp; Hardie 2013, note 025): how much a
 * customer spends per transaction, to be combined with a transaction model for lifetime value.
 *
 * <p>Each customer's transaction values are gamma distributed around a personal mean p/ν, and ν varies across
 * customers; a customer's expected value is a credibility-weighted average of the population mean and its own
 * mean repeat value, trusting the own mean more the more transactions it rests on:
 * <pre>{@code
 * GammaGammaFit fit = GammaGammaEstimator.withDefaults().fit(columns);  // x = 0 rows are excluded, and counted
 * GammaGammaModel spend = fit.requireConverged().model();
 * spend.expectedAverageValue(2, 22.35);   // about 24.65 at the CDNOW fit
 * spend.populationMeanValue();            // p*gamma/(q-1), about 35.17; throws if q <= 1
 * }</pre>
 * The model assumes spend is independent of the number of transactions; check the correlation of frequency and
 * monetary value before relying on it.
 */
package org.clv4j.models.gammagamma;
