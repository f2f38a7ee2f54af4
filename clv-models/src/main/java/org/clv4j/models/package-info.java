/**
 * Models and calculators on top of the clv4j core API. {@link org.clv4j.models.TransactionModel} is the common
 * face of the fitted purchase models; each model lives in its own package with its estimator.
 */
package org.clv4j.models;
