/**
 * clv4j models: calculators and estimators that turn transactions and customer summaries into customer lifetime
 * value — historical CLV, buy-till-you-die transaction models and spend models fitted by maximum likelihood — and
 * loyalty metrics: cohorts, retention and survival, NPS, RFM segmentation. {@link org.clv4j.models.ClvCalculator}
 * is the entry point.
 */
module org.clv4j.models {
    requires transitive org.clv4j.core;
    requires commons.math3;
    requires org.slf4j;

    exports org.clv4j.models;
    exports org.clv4j.models.fit;
    exports org.clv4j.models.paretonbd;
    exports org.clv4j.models.special;
    exports org.clv4j.models.historical;
    exports org.clv4j.models.predictive;
    exports org.clv4j.models.bgnbd;
    exports org.clv4j.models.mbgnbd;
    exports org.clv4j.models.bgbb;
    exports org.clv4j.models.gammagamma;
    exports org.clv4j.models.sbg;
    exports org.clv4j.models.cohort;
    exports org.clv4j.models.retention;
    exports org.clv4j.models.nps;
    exports org.clv4j.models.rfm;
    exports org.clv4j.models.lifecycle;
    exports org.clv4j.models.table;
}
