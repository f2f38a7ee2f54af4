/**
 * The clv4j API: transactions, customers, time units, metrics and the transactions → customer-summary pipeline.
 * No dependency outside the JDK.
 */
module org.clv4j.core {
    exports org.clv4j.core;
    exports org.clv4j.core.summary;
    exports org.clv4j.core.internal to org.clv4j.models;
}
