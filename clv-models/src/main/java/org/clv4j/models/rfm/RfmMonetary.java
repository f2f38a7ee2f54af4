package org.clv4j.models.rfm;

/**
 * Which spend measure is the M of RFM.
 */
public enum RfmMonetary {
    /** The customer's total spend in the observation window (the default). */
    TOTAL,
    /** The customer's mean spend per order: total spend / orders. */
    AVERAGE_ORDER
}
