package org.clv4j.models.table;

/** Which CLV the {@link ValueTier value tiers} of a {@link CustomerTable} rank customers by. */
public enum ValueBasis {
    /** The predicted CLV over the horizon (a transaction model and a spend model were available). */
    PREDICTED_CLV,
    /** The historical CLV, because no predicted CLV was available (the table says why). */
    HISTORICAL_CLV
}
