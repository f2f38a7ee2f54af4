package org.clv4j.models.table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.Transaction;
import org.clv4j.core.summary.CustomerSummaries;
import org.clv4j.core.summary.CustomerSummary;
import org.clv4j.core.summary.RefundPolicy;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.core.summary.SummaryOptions;
import org.clv4j.models.ClvCalculator;
import org.clv4j.models.TransactionModel;
import org.clv4j.models.bgnbd.BgNbdEstimator;
import org.clv4j.models.bgnbd.BgNbdModel;
import org.clv4j.models.cohort.CohortUnit;
import org.clv4j.models.fit.FitResult;
import org.clv4j.models.gammagamma.GammaGammaEstimator;
import org.clv4j.models.gammagamma.GammaGammaFit;
import org.clv4j.models.gammagamma.GammaGammaModel;
import org.clv4j.models.historical.CustomerClv;
import org.clv4j.models.historical.HistoricalClvOptions;
import org.clv4j.models.historical.HistoricalClvResult;
import org.clv4j.models.lifecycle.CustomerLifecycle;
import org.clv4j.models.lifecycle.LifecycleAnalysis;
import org.clv4j.models.lifecycle.LifecycleRules;
import org.clv4j.models.lifecycle.LifecycleTable;
import org.clv4j.models.nps.NpsAnswer;
import org.clv4j.models.predictive.ProbabilisticClv;
import org.clv4j.models.predictive.ProbabilisticClvOptions;
import org.clv4j.models.predictive.ProbabilisticClvResult;
import org.clv4j.models.rfm.RfmAnalysis;
import org.clv4j.models.rfm.RfmMonetary;
import org.clv4j.models.rfm.RfmScore;
import org.clv4j.models.rfm.RfmTable;
import org.clv4j.models.rfm.RfmValues;

/**
 * Builds the {@link CustomerTable}: one row per customer with everything clv4j knows about it, from one
 * transaction log (and, optionally, survey answers and fitted models).
 *
 * <pre>{@code
 * CustomerTable table = CustomerTableAnalysis.withDefaults()      // weeks, one year ahead in 12 monthly steps
 *         .withObservationEnd(LocalDate.of(1998, 6, 30))
 *         .withNpsAnswers(answers)                                  // optional
 *         .compute(transactions);
 * table.rows().get(0).valueTier();                                  // VIP, HIGH, MEDIUM or LOW
 * }</pre>
 *
 * <p><b>How each column is made</b> (all at the observation end E: the configured date, else the latest
 * transaction's):
 * <ul>
 *   <li>orders, revenue, frequency, recency, T: the customer summary
 *       ({@link CustomerSummaries#summarize}) in the table's time unit, the whole window as calibration period;
 *       average order value = revenue / orders; cohort = the {@link CohortUnit} label of the first purchase (month
 *       by default);</li>
 *   <li>historical CLV: {@link ClvCalculator#historical} with the {@link #withHistoricalOptions historical options}
 *       (default: {@link HistoricalClvOptions#defaults()}: revenue, lifespan estimated from churn in years), at E;
 *       </li>
 *   <li>predicted purchases, P(alive), predicted CLV: a transaction model and a Gamma-Gamma spend model, each either
 *       given ({@link #withTransactionModel}, {@link #withSpendModel}) or <b>fitted on the fly</b> to the
 *       summaries: BG/NBD ({@link BgNbdEstimator}) and Gamma-Gamma ({@link GammaGammaEstimator}) with their default
 *       options. The predicted CLV is {@link ProbabilisticClv} with the {@link #withClvOptions CLV options}
 *       (default: 12 monthly steps, no discounting, margin 1); the predicted purchases are the expected purchases
 *       over the same horizon;</li>
 *   <li>RFM segment: quintile scores of the summaries' values ({@link RfmValues#fromSummary}, total spend) on the
 *       {@link RfmAnalysis} grid;</li>
 *   <li>lifecycle stage: {@link LifecycleAnalysis} with the {@link #withLifecycleRules rules}, using the
 *       transaction model's P(alive) when there is one;</li>
 *   <li>value tier: the rank by predicted CLV ({@link ValueTier}); <b>when no predicted CLV is available</b>
 *       (predictions switched off, a fit that fails or does not converge, a spend model without a mean) the rank
 *       by historical CLV, and the table says so ({@link CustomerTable#valueBasis()},
 *       {@link CustomerTable#notes()});</li>
 *   <li>NPS: each customer's latest answer (latest date, then latest line) among answers linked to it by
 *       customer id; answers of other ids, and anonymous ones, are counted, not linked.</li>
 * </ul>
 * A fitted model that did not converge is not used: its fit is still reported ({@link CustomerTable#transactionFit()}),
 * and the columns that need it are empty.
 *
 * <p>The transactions are read several times (summaries, historical CLV, lifecycle; a second pass when a
 * customer's transactions are out of date order). Instances are immutable and thread-safe.
 */
public final class CustomerTableAnalysis {

    private static final CustomerTableAnalysis DEFAULTS = new CustomerTableAnalysis(null, null, RefundPolicy.REJECT,
            CohortUnit.MONTH, ProbabilisticClvOptions.defaults(), HistoricalClvOptions.defaults(),
            LifecycleRules.defaults(), null, null, true, List.of());

    private final TimeUnit timeUnit;
    private final LocalDate observationEnd;
    private final RefundPolicy refundPolicy;
    private final CohortUnit cohortUnit;
    private final ProbabilisticClvOptions clvOptions;
    private final HistoricalClvOptions historicalOptions;
    private final LifecycleRules lifecycleRules;
    private final TransactionModel transactionModel;
    private final GammaGammaModel spendModel;
    private final boolean predictions;
    private final List<NpsAnswer> npsAnswers;

    private CustomerTableAnalysis(TimeUnit timeUnit, LocalDate observationEnd, RefundPolicy refundPolicy,
                                  CohortUnit cohortUnit, ProbabilisticClvOptions clvOptions,
                                  HistoricalClvOptions historicalOptions, LifecycleRules lifecycleRules,
                                  TransactionModel transactionModel, GammaGammaModel spendModel, boolean predictions,
                                  List<NpsAnswer> npsAnswers) {
        this.timeUnit = timeUnit;
        this.observationEnd = observationEnd;
        this.refundPolicy = refundPolicy;
        this.cohortUnit = cohortUnit;
        this.clvOptions = clvOptions;
        this.historicalOptions = historicalOptions;
        this.lifecycleRules = lifecycleRules;
        this.transactionModel = transactionModel;
        this.spendModel = spendModel;
        this.predictions = predictions;
        this.npsAnswers = npsAnswers;
    }

    /**
     * The defaults: time unit week (or the given transaction model's), observation end at the latest transaction,
     * refunds rejected, monthly cohorts, predicted CLV over 12 monthly steps without discounting, historical CLV
     * with its defaults, default lifecycle rules, BG/NBD and Gamma-Gamma fitted on the fly, no NPS answers.
     *
     * @return the default analysis
     */
    public static CustomerTableAnalysis withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with the time unit of frequency, recency, T and the models.
     *
     * @param unit the unit; must be the given transaction model's, if one is given
     * @return the copy
     */
    public CustomerTableAnalysis withTimeUnit(TimeUnit unit) {
        return new CustomerTableAnalysis(Objects.requireNonNull(unit, "timeUnit"), observationEnd, refundPolicy,
                cohortUnit, clvOptions, historicalOptions, lifecycleRules, transactionModel, spendModel, predictions,
                npsAnswers);
    }

    /**
     * A copy with a fixed observation end; a transaction after it is an error.
     *
     * @param date the last observed day
     * @return the copy
     */
    public CustomerTableAnalysis withObservationEnd(LocalDate date) {
        return new CustomerTableAnalysis(timeUnit, Objects.requireNonNull(date, "observationEnd"), refundPolicy,
                cohortUnit, clvOptions, historicalOptions, lifecycleRules, transactionModel, spendModel, predictions,
                npsAnswers);
    }

    /**
     * A copy with another refund policy, applied to every column.
     *
     * @param policy what to do with negative amounts
     * @return the copy
     */
    public CustomerTableAnalysis withRefundPolicy(RefundPolicy policy) {
        return new CustomerTableAnalysis(timeUnit, observationEnd, Objects.requireNonNull(policy, "refundPolicy"),
                cohortUnit, clvOptions, historicalOptions, lifecycleRules, transactionModel, spendModel, predictions,
                npsAnswers);
    }

    /**
     * A copy with another cohort unit for the {@code cohort} column.
     *
     * @param unit week, month, quarter or year
     * @return the copy
     */
    public CustomerTableAnalysis withCohortUnit(CohortUnit unit) {
        return new CustomerTableAnalysis(timeUnit, observationEnd, refundPolicy, Objects.requireNonNull(unit,
                "cohortUnit"), clvOptions, historicalOptions, lifecycleRules, transactionModel, spendModel,
                predictions, npsAnswers);
    }

    /**
     * A copy with other options of the predicted CLV: steps and step length (the horizon, also of the predicted
     * purchases), discount rate and margin.
     *
     * @param options the options
     * @return the copy
     */
    public CustomerTableAnalysis withClvOptions(ProbabilisticClvOptions options) {
        return new CustomerTableAnalysis(timeUnit, observationEnd, refundPolicy, cohortUnit,
                Objects.requireNonNull(options, "clvOptions"), historicalOptions, lifecycleRules, transactionModel,
                spendModel, predictions, npsAnswers);
    }

    /**
     * A copy with other options of the historical CLV (margin, lifespan, discount rate, time unit). Its observation
     * end and refund policy are the table's.
     *
     * @param options the options
     * @return the copy
     */
    public CustomerTableAnalysis withHistoricalOptions(HistoricalClvOptions options) {
        return new CustomerTableAnalysis(timeUnit, observationEnd, refundPolicy, cohortUnit, clvOptions,
                Objects.requireNonNull(options, "historicalOptions"), lifecycleRules, transactionModel, spendModel,
                predictions, npsAnswers);
    }

    /**
     * A copy with other lifecycle rules.
     *
     * @param rules the rules
     * @return the copy
     */
    public CustomerTableAnalysis withLifecycleRules(LifecycleRules rules) {
        return new CustomerTableAnalysis(timeUnit, observationEnd, refundPolicy, cohortUnit, clvOptions,
                historicalOptions, Objects.requireNonNull(rules, "lifecycleRules"), transactionModel, spendModel,
                predictions, npsAnswers);
    }

    /**
     * A copy that uses a fitted transaction model instead of fitting BG/NBD.
     *
     * @param model a fitted continuous-time model (BG/NBD, MBG/NBD, Pareto/NBD), or {@code null} to fit BG/NBD
     * @return the copy
     */
    public CustomerTableAnalysis withTransactionModel(TransactionModel model) {
        return new CustomerTableAnalysis(timeUnit, observationEnd, refundPolicy, cohortUnit, clvOptions,
                historicalOptions, lifecycleRules, model, spendModel, predictions, npsAnswers);
    }

    /**
     * A copy that uses a fitted spend model instead of fitting Gamma-Gamma.
     *
     * @param model a fitted Gamma-Gamma model, or {@code null} to fit one
     * @return the copy
     */
    public CustomerTableAnalysis withSpendModel(GammaGammaModel model) {
        return new CustomerTableAnalysis(timeUnit, observationEnd, refundPolicy, cohortUnit, clvOptions,
                historicalOptions, lifecycleRules, transactionModel, model, predictions, npsAnswers);
    }

    /**
     * A copy with or without the model columns. Without, no model is fitted or used: predicted purchases, P(alive)
     * and predicted CLV are empty, lifecycle stages use the rhythm rules and tiers the historical CLV.
     *
     * @param enabled false to switch predictions off
     * @return the copy
     */
    public CustomerTableAnalysis withPredictions(boolean enabled) {
        return new CustomerTableAnalysis(timeUnit, observationEnd, refundPolicy, cohortUnit, clvOptions,
                historicalOptions, lifecycleRules, transactionModel, spendModel, enabled, npsAnswers);
    }

    /**
     * A copy that joins survey answers: each customer's latest answer (by date, then by line) linked by customer id.
     *
     * @param answers the answers; those without a customer id are counted as anonymous
     * @return the copy
     */
    public CustomerTableAnalysis withNpsAnswers(Iterable<NpsAnswer> answers) {
        List<NpsAnswer> list = new ArrayList<>();
        for (NpsAnswer a : Objects.requireNonNull(answers, "answers")) {
            list.add(Objects.requireNonNull(a, "answer"));
        }
        return new CustomerTableAnalysis(timeUnit, observationEnd, refundPolicy, cohortUnit, clvOptions,
                historicalOptions, lifecycleRules, transactionModel, spendModel, predictions, List.copyOf(list));
    }

    /**
     * Builds the table.
     *
     * @param transactions the transactions, in any order; read several times
     * @return the table
     * @throws IllegalArgumentException for an empty log or bad transactions (blank id, after the observation end, a
     *         rejected refund), a time unit that differs from the given transaction model's, a historical lifespan
     *         that cannot be estimated, or a given model that rejects a customer; the message names the customer
     *         where there is one
     */
    public CustomerTable compute(Iterable<? extends Transaction> transactions) {
        Objects.requireNonNull(transactions, "transactions");
        TimeUnit unit = timeUnit != null ? timeUnit
                : transactionModel != null && predictions ? transactionModel.timeUnit() : TimeUnit.WEEK;
        if (predictions && transactionModel != null && !transactionModel.timeUnit().equals(unit)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the table is in %s but the %s model is "
                    + "in %s: use the model's time unit", unit, transactionModel.name(),
                    transactionModel.timeUnit()));
        }
        SummaryOptions summaryOptions = SummaryOptions.defaults().withTimeUnit(unit).withRefundPolicy(refundPolicy);
        if (observationEnd != null) {
            summaryOptions = summaryOptions.withObservationEnd(observationEnd);
        }
        List<CustomerSummary> summaries = CustomerSummaries.summarize(transactions, summaryOptions);
        if (summaries.isEmpty()) {
            throw new IllegalArgumentException("no customers: the transaction log has no order");
        }
        LocalDate end = observationEnd != null ? observationEnd : endOf(summaries.get(0));
        SummaryColumns columns = SummaryColumns.of(summaries);
        int n = summaries.size();

        CustomerTable.Builder b = new CustomerTable.Builder();
        b.timeUnit = unit;
        b.observationEnd = end;
        b.notes = new ArrayList<>();
        double[] expected = null;
        double[] alive = null;
        double[] predictedClv = null;
        if (predictions) {
            TransactionModel tm = transactionModel;
            if (tm == null) {
                try {
                    FitResult<BgNbdModel> fit = BgNbdEstimator.withDefaults().fit(columns.compress());
                    b.transactionFit = fit;
                    if (fit.converged()) {
                        tm = fit.model();
                        b.notes.add(String.format(Locale.ROOT, "fitted BG/NBD to the %d customers: %s, "
                                + "log-likelihood %.4f", n, parameters(fit.parameters()), fit.logLikelihood()));
                    } else {
                        b.notes.add("the BG/NBD fit did not converge, so there are no predictions: " + fit.optimum());
                    }
                } catch (IllegalArgumentException e) {
                    b.notes.add("BG/NBD cannot be fitted, so there are no predictions: " + e.getMessage());
                }
            }
            GammaGammaModel sm = spendModel;
            if (tm != null && sm == null) {
                try {
                    GammaGammaFit fit = GammaGammaEstimator.withDefaults().fit(columns); // not compressed: spend
                    b.spendFit = fit;
                    if (!fit.converged()) {
                        b.notes.add("the Gamma-Gamma fit did not converge, so there is no predicted CLV: "
                                + fit.result().optimum());
                    } else if (!fit.model().hasPopulationMean()) {
                        b.notes.add(String.format(Locale.ROOT, "the fitted Gamma-Gamma model has q = %s <= 1, no "
                                + "mean spend, so there is no predicted CLV", fit.model().q()));
                    } else {
                        sm = fit.model();
                        b.notes.add(String.format(Locale.ROOT, "fitted Gamma-Gamma to the %s customers with repeat "
                                + "purchases: %s, log-likelihood %.4f", format(fit.customersFitted()),
                                parameters(fit.parameters()), fit.logLikelihood()));
                    }
                } catch (IllegalArgumentException e) {
                    b.notes.add("Gamma-Gamma cannot be fitted, so there is no predicted CLV: " + e.getMessage());
                }
            }
            if (tm != null) {
                b.transactionModel = tm;
                double stepLength = clvOptions.stepLength(unit);
                b.horizon = stepLength * clvOptions.steps();
                if (sm != null) {
                    b.spendModel = sm;
                    ProbabilisticClvResult result = ProbabilisticClv.of(tm, sm, clvOptions).calculate(columns);
                    expected = result.expectedPurchases();
                    alive = result.probabilityAlive();
                    predictedClv = result.clv();
                } else {
                    expected = new double[n];
                    alive = new double[n];
                    tm.score(columns, b.horizon, expected, alive);
                }
            }
        } else {
            b.notes.add("predictions switched off");
        }
        b.valueBasis = predictedClv != null ? ValueBasis.PREDICTED_CLV : ValueBasis.HISTORICAL_CLV;
        if (predictedClv == null) {
            b.notes.add("value tiers rank customers by historical CLV (no predicted CLV)");
        }

        HistoricalClvResult historical;
        try {
            historical = ClvCalculator.historical(transactions, historicalOptions.withObservationEnd(end)
                    .withRefundPolicy(refundPolicy));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("historical CLV: " + e.getMessage(), e);
        }
        b.historical = historical;
        LifecycleTable lifecycle = LifecycleAnalysis.withDefaults().withRules(lifecycleRules).withObservationEnd(end)
                .withRefundPolicy(refundPolicy).withModel(b.transactionModel).compute(transactions);
        b.lifecycle = lifecycle;
        List<RfmValues> rfmValues = new ArrayList<>(n);
        for (CustomerSummary s : summaries) {
            rfmValues.add(RfmValues.fromSummary(s, RfmMonetary.TOTAL));
        }
        RfmTable rfm = RfmAnalysis.score(rfmValues);
        Map<String, NpsAnswer> nps = latestAnswers(summaries, b);

        double[] historicalClv = new double[n];
        for (int i = 0; i < n; i++) {
            String id = summaries.get(i).customerId();
            historicalClv[i] = historical.customer(id).map(CustomerClv::clv).orElseThrow(() ->
                    new IllegalStateException("no historical CLV for customer " + id));
        }
        ValueTier[] tiers = tiers(summaries, predictedClv != null ? predictedClv : historicalClv);

        List<CustomerRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CustomerSummary s = summaries.get(i);
            String id = s.customerId();
            LocalDate first = s.firstPurchase().orElseThrow();
            CustomerLifecycle stage = lifecycle.customer(id).orElseThrow(() ->
                    new IllegalStateException("no lifecycle stage for customer " + id));
            RfmScore score = rfm.score(id).orElseThrow();
            rows.add(new CustomerRow(id, first, cohortUnit.label(first), s.orders(), s.totalSpend(),
                    s.totalSpend() / s.orders(), s.frequency(), s.recency(), s.T(), historicalClv[i],
                    expected == null ? OptionalDouble.empty() : OptionalDouble.of(expected[i]),
                    alive == null ? OptionalDouble.empty() : OptionalDouble.of(alive[i]),
                    predictedClv == null ? OptionalDouble.empty() : OptionalDouble.of(predictedClv[i]),
                    score.segment(), stage.stage(), tiers[i], Optional.ofNullable(nps.get(id))));
        }
        b.rows = rows;
        return new CustomerTable(b);
    }

    /** The observation end implied by a summary without holdout: first purchase + T. */
    private static LocalDate endOf(CustomerSummary s) {
        return s.firstPurchase().orElseThrow().plusDays(Math.round(s.timeUnit().toDays(s.T())));
    }

    /** Value tiers: rank by value descending, ties by customer id. */
    static ValueTier[] tiers(List<CustomerSummary> summaries, double[] value) {
        int n = value.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -value[i])
                .thenComparing(i -> summaries.get(i).customerId()));
        ValueTier[] tiers = new ValueTier[n];
        for (int rank = 0; rank < n; rank++) {
            tiers[order[rank]] = ValueTier.ofRank(rank, n);
        }
        return tiers;
    }

    /** Each table customer's latest answer; counts the answers not linked. */
    private Map<String, NpsAnswer> latestAnswers(List<CustomerSummary> summaries, CustomerTable.Builder b) {
        Map<String, NpsAnswer> latest = new HashMap<>();
        if (npsAnswers.isEmpty()) {
            return latest;
        }
        Map<String, Boolean> known = new HashMap<>(summaries.size() * 2);
        for (CustomerSummary s : summaries) {
            known.put(s.customerId(), Boolean.TRUE);
        }
        Comparator<NpsAnswer> order = Comparator.comparing((NpsAnswer a) -> a.date(),
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparingLong(NpsAnswer::line);
        for (NpsAnswer a : npsAnswers) {
            if (a.customerId() == null) {
                b.npsAnonymous++;
            } else if (!known.containsKey(a.customerId())) {
                b.npsUnknownCustomers++;
            } else {
                latest.merge(a.customerId(), a, (old, now) -> order.compare(now, old) >= 0 ? now : old);
            }
        }
        b.npsLinked = latest.size();
        return latest;
    }

    private static String parameters(Map<String, Double> parameters) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Double> p : parameters.entrySet()) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(p.getKey()).append(" = ").append(String.format(Locale.ROOT, "%.4f", p.getValue()));
        }
        return text.toString();
    }

    private static String format(double count) {
        return count == Math.rint(count) ? Long.toString((long) count) : Double.toString(count);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CustomerTableAnalysis[timeUnit=%s, observationEnd=%s, refundPolicy=%s, "
                        + "cohortUnit=%s, clv=%s, predictions=%s, transactionModel=%s, spendModel=%s, npsAnswers=%d]",
                timeUnit == null ? "default" : timeUnit, observationEnd == null ? "latest transaction"
                        : observationEnd, refundPolicy, cohortUnit, clvOptions, predictions,
                transactionModel == null ? "fit BG/NBD" : transactionModel.name(),
                spendModel == null ? "fit Gamma-Gamma" : spendModel.name(), npsAnswers.size());
    }
}
