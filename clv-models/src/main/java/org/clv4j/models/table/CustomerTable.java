package org.clv4j.models.table;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clv4j.core.TimeUnit;
import org.clv4j.models.TransactionModel;
import org.clv4j.models.fit.FitResult;
import org.clv4j.models.gammagamma.GammaGammaFit;
import org.clv4j.models.gammagamma.GammaGammaModel;
import org.clv4j.models.historical.HistoricalClvResult;
import org.clv4j.models.lifecycle.LifecycleStage;
import org.clv4j.models.lifecycle.LifecycleTable;

/**
 * The customer CLV table: one {@link CustomerRow} per customer with its purchase history, historical and predicted
 * CLV, RFM segment, lifecycle stage, value tier and latest NPS answer; and how it was made — the time unit,
 * observation end and horizon, the models (given or fitted, with their fits), and, when there is no predicted CLV,
 * why. Built by {@link CustomerTableAnalysis}.
 *
 * <p>As CSV, the table has the stable columns {@link #COLUMNS}, one line per {@link #rows() row}; a value that is
 * not available (no prediction, no NPS answer) is an empty cell.
 *
 * <p>Immutable and thread-safe.
 */
public final class CustomerTable {

    /** The CSV columns, in order; each named after the {@link CustomerRow} component it shows. */
    public static final List<String> COLUMNS = List.of("customer_id", "first_purchase", "cohort", "orders",
            "revenue", "average_order_value", "frequency", "recency", "T", "historical_clv", "predicted_purchases",
            "probability_alive", "predicted_clv", "rfm_segment", "lifecycle_stage", "value_tier", "nps_score",
            "nps_category", "nps_date");

    private final List<CustomerRow> rows;
    private final Map<String, CustomerRow> byId;
    private final TimeUnit timeUnit;
    private final LocalDate observationEnd;
    private final double horizon;
    private final ValueBasis valueBasis;
    private final List<String> notes;
    private final TransactionModel transactionModel;
    private final GammaGammaModel spendModel;
    private final FitResult<? extends TransactionModel> transactionFit;
    private final GammaGammaFit spendFit;
    private final HistoricalClvResult historical;
    private final LifecycleTable lifecycle;
    private final long npsLinked;
    private final long npsUnknownCustomers;
    private final long npsAnonymous;

    CustomerTable(Builder b) {
        this.rows = List.copyOf(b.rows);
        Map<String, CustomerRow> map = new HashMap<>(rows.size() * 2);
        for (CustomerRow r : rows) {
            map.put(r.customerId(), r);
        }
        this.byId = map;
        this.timeUnit = b.timeUnit;
        this.observationEnd = b.observationEnd;
        this.horizon = b.horizon;
        this.valueBasis = b.valueBasis;
        this.notes = List.copyOf(b.notes);
        this.transactionModel = b.transactionModel;
        this.spendModel = b.spendModel;
        this.transactionFit = b.transactionFit;
        this.spendFit = b.spendFit;
        this.historical = b.historical;
        this.lifecycle = b.lifecycle;
        this.npsLinked = b.npsLinked;
        this.npsUnknownCustomers = b.npsUnknownCustomers;
        this.npsAnonymous = b.npsAnonymous;
    }

    /** The parts of a table, filled in by the analysis. */
    static final class Builder {
        List<CustomerRow> rows;
        TimeUnit timeUnit;
        LocalDate observationEnd;
        double horizon;
        ValueBasis valueBasis;
        List<String> notes;
        TransactionModel transactionModel;
        GammaGammaModel spendModel;
        FitResult<? extends TransactionModel> transactionFit;
        GammaGammaFit spendFit;
        HistoricalClvResult historical;
        LifecycleTable lifecycle;
        long npsLinked;
        long npsUnknownCustomers;
        long npsAnonymous;
    }

    /**
     * Every customer, in order of first appearance in the transactions.
     *
     * @return an unmodifiable list, never empty
     */
    public List<CustomerRow> rows() {
        return rows;
    }

    /**
     * One customer's row.
     *
     * @param customerId the id
     * @return the row, or empty when the customer is not in the table
     */
    public Optional<CustomerRow> row(String customerId) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(customerId, "customerId")));
    }

    /**
     * The time unit of frequency, recency, T and the horizon.
     *
     * @return the unit
     */
    public TimeUnit timeUnit() {
        return timeUnit;
    }

    /**
     * The observation end: T, recency, RFM recency, lifecycle stages and historical CLV refer to it, and the
     * horizon starts after it.
     *
     * @return the date
     */
    public LocalDate observationEnd() {
        return observationEnd;
    }

    /**
     * The horizon of the predicted purchases and the predicted CLV.
     *
     * @return the horizon in {@link #timeUnit()}, or empty when there is no transaction model
     */
    public OptionalDouble horizon() {
        return transactionModel == null ? OptionalDouble.empty() : OptionalDouble.of(horizon);
    }

    /**
     * What the value tiers rank by.
     *
     * @return predicted CLV, or historical CLV when no predicted CLV was available
     */
    public ValueBasis valueBasis() {
        return valueBasis;
    }

    /**
     * What a reader of the table should know about how it was made: the models fitted on the fly, and why
     * predictions are missing when they are. Sentences without a trailing period.
     *
     * @return the notes, possibly empty
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * The transaction model behind the predicted purchases and P(alive).
     *
     * @return the model given or fitted, or empty when predictions were switched off or the fit failed
     */
    public Optional<TransactionModel> transactionModel() {
        return Optional.ofNullable(transactionModel);
    }

    /**
     * The spend model behind the predicted CLV.
     *
     * @return the model given or fitted, or empty
     */
    public Optional<GammaGammaModel> spendModel() {
        return Optional.ofNullable(spendModel);
    }

    /**
     * The fit of the transaction model, when it was fitted on the fly (also when it failed to converge and was not
     * used).
     *
     * @return the fit, or empty when the model was given or predictions were switched off
     */
    public Optional<FitResult<? extends TransactionModel>> transactionFit() {
        return Optional.ofNullable(transactionFit);
    }

    /**
     * The fit of the spend model, when it was fitted on the fly.
     *
     * @return the fit, or empty
     */
    public Optional<GammaGammaFit> spendFit() {
        return Optional.ofNullable(spendFit);
    }

    /**
     * The historical CLV result behind the {@code historical_clv} column (lifespan, churn estimate, aggregates).
     *
     * @return the result
     */
    public HistoricalClvResult historical() {
        return historical;
    }

    /**
     * The lifecycle table behind the {@code lifecycle_stage} column (rhythms, thresholds, reasons).
     *
     * @return the lifecycle table
     */
    public LifecycleTable lifecycle() {
        return lifecycle;
    }

    /**
     * The number of customers per value tier.
     *
     * @return an unmodifiable map with every tier
     */
    public Map<ValueTier, Integer> tierCounts() {
        EnumMap<ValueTier, Integer> counts = new EnumMap<>(ValueTier.class);
        for (ValueTier t : ValueTier.values()) {
            counts.put(t, 0);
        }
        for (CustomerRow r : rows) {
            counts.merge(r.valueTier(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * The number of customers per lifecycle stage.
     *
     * @return an unmodifiable map with every stage
     */
    public Map<LifecycleStage, Integer> stageCounts() {
        return lifecycle.stageCounts();
    }

    /**
     * The number of customers whose latest NPS answer is in the table.
     *
     * @return the customers with an answer
     */
    public long npsLinked() {
        return npsLinked;
    }

    /**
     * The number of NPS answers whose customer id is not among the table's customers (not linked).
     *
     * @return the answers
     */
    public long npsUnknownCustomers() {
        return npsUnknownCustomers;
    }

    /**
     * The number of NPS answers without a customer id (not linked).
     *
     * @return the answers
     */
    public long npsAnonymous() {
        return npsAnonymous;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CustomerTable[%d customers, timeUnit=%s, observationEnd=%s, "
                        + "valueBasis=%s, transactionModel=%s, spendModel=%s]", rows.size(), timeUnit, observationEnd,
                valueBasis, transactionModel == null ? "none" : transactionModel.name(),
                spendModel == null ? "none" : spendModel.name());
    }
}
