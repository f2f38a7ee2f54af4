/**
 * Implementation helpers shared by the loyalty metrics: a customer-id index and the one-pass customer-period
 * activity log. Not part of the clv4j API; do not use from outside {@code clv-models}.
 */
package org.clv4j.models.internal;
