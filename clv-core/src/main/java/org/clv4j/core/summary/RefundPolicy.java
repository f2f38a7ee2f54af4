package org.clv4j.core.summary;

/**
 * What a summary does with transactions whose amount is negative (refunds, cancellations, credit notes).
 *
 * <p>Refunds are never silently mixed into purchase counts: the default is to {@link #REJECT} them, so that a
 * user who did not think about refunds finds out.
 */
public enum RefundPolicy {
    /** A negative amount is an error naming the customer, date and amount (the default). */
    REJECT,
    /** Negative amounts are left out: they are neither purchases nor change any spend. */
    DROP,
    /**
     * Negative amounts are netted against the customer's spend in the part of the window in which they fall
     * (the calibration period or the holdout period); a refund never counts as a purchase day or an order. In the
     * calibration period a refund reduces the repeat-purchase spend, or, for a customer without repeat purchases,
     * the first purchase's spend. A part whose net spend ends below zero is an error.
     */
    NET
}
