/**
 * clv4j models and metrics: cohorts, retention and survival, NPS, RFM segmentation. Depends on
 * {@code org.clv4j.core} for transactions and summaries, and on Apache Commons Math for distributions and k-means.
 */
module org.clv4j.models {
    requires transitive org.clv4j.core;
    requires commons.math3;

    exports org.clv4j.models.cohort;
    exports org.clv4j.models.retention;
    exports org.clv4j.models.nps;
    exports org.clv4j.models.rfm;
}
