/**
 * clv4j models: calculators and estimators that turn transactions and customer summaries into customer lifetime
 * value. {@link org.clv4j.models.ClvCalculator} is the entry point.
 */
module org.clv4j.models {
    requires transitive org.clv4j.core;

    exports org.clv4j.models;
    exports org.clv4j.models.historical;
}
