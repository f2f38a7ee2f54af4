/**
 * clv4j models: historical CLV, buy-till-you-die transaction models and spend models fitted by maximum
 * likelihood, and loyalty metrics.
 */
module org.clv4j.models {
    requires transitive org.clv4j.core;
    requires commons.math3;
    requires org.slf4j;

    exports org.clv4j.models;
    exports org.clv4j.models.fit;
    exports org.clv4j.models.bgnbd;
    exports org.clv4j.models.mbgnbd;
    exports org.clv4j.models.special;
}
