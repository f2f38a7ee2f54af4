package org.clv4j.models.lifecycle;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clv4j.core.Metric;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.Transaction;
import org.clv4j.core.summary.RefundPolicy;
import org.clv4j.models.TransactionModel;
import org.clv4j.core.internal.CustomerIndex;

/**
 * Puts every customer in a {@link LifecycleStage} — new, growing, mature, dormant or lost — by the
 * {@link LifecycleRules}: the customer's own purchase rhythm, the trend of its purchase rate, its revenue against
 * the others', and, when a fitted transaction model is given, its P(alive).
 *
 * <pre>{@code
 * LifecycleTable stages = LifecycleAnalysis.withDefaults()
 *         .withObservationEnd(LocalDate.of(2011, 12, 9))     // default: the latest transaction's date
 *         .withRules(LifecycleRules.defaults().withNewCustomerDays(60))
 *         .withModel(bgNbdModel)                              // optional: P(alive) judges activity
 *         .compute(transactions);                             // one pass, any order
 * stages.customer("12347").map(CustomerLifecycle::stage);     // MATURE
 * stages.stageCounts();                                       // stage → customers
 * }</pre>
 *
 * <p>Every transaction with an amount {@code >= 0} is an order; orders on one calendar day make one purchase day.
 * Negative amounts follow the {@link RefundPolicy} (default {@link RefundPolicy#REJECT REJECT}); under
 * {@link RefundPolicy#NET NET} they reduce the customer's revenue but never make a purchase day. A customer with
 * refunds only is an error.
 *
 * <p>With a model, P(alive) is computed from the customer's repeat purchase days x, recency t<sub>x</sub> =
 * d<sub>x</sub> − d<sub>0</sub> and age T = E − d<sub>0</sub>, converted from days to the model's
 * {@link TransactionModel#timeUnit() time unit} (the conventions of the clv-core summaries). Use a continuous-time
 * model (BG/NBD, MBG/NBD, Pareto/NBD) fitted on the same customers up to the same observation end.
 *
 * <p>Memory is one small record per customer plus one {@code int} per order day. Instances are immutable and
 * thread-safe.
 */
public final class LifecycleAnalysis implements Metric<LifecycleTable> {

    private static final LifecycleAnalysis DEFAULTS = new LifecycleAnalysis(LifecycleRules.defaults(), null,
            RefundPolicy.REJECT, null);

    private final LifecycleRules rules;
    private final LocalDate observationEnd;
    private final RefundPolicy refundPolicy;
    private final TransactionModel model;

    private LifecycleAnalysis(LifecycleRules rules, LocalDate observationEnd, RefundPolicy refundPolicy,
                              TransactionModel model) {
        this.rules = rules;
        this.observationEnd = observationEnd;
        this.refundPolicy = refundPolicy;
        this.model = model;
    }

    /**
     * The default analysis: {@link LifecycleRules#defaults() default rules}, observation end at the latest
     * transaction, refunds rejected, no model (rhythm rules only).
     *
     * @return the default analysis
     */
    public static LifecycleAnalysis withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with other rules.
     *
     * @param lifecycleRules the rules
     * @return the copy
     */
    public LifecycleAnalysis withRules(LifecycleRules lifecycleRules) {
        return new LifecycleAnalysis(Objects.requireNonNull(lifecycleRules, "rules"), observationEnd, refundPolicy,
                model);
    }

    /**
     * A copy with a fixed observation end; a transaction after it is an error.
     *
     * @param date the last observed day
     * @return the copy
     */
    public LifecycleAnalysis withObservationEnd(LocalDate date) {
        return new LifecycleAnalysis(rules, Objects.requireNonNull(date, "observationEnd"), refundPolicy, model);
    }

    /**
     * A copy with another refund policy.
     *
     * @param policy what to do with negative amounts
     * @return the copy
     */
    public LifecycleAnalysis withRefundPolicy(RefundPolicy policy) {
        return new LifecycleAnalysis(rules, observationEnd, Objects.requireNonNull(policy, "refundPolicy"), model);
    }

    /**
     * A copy whose activity rules use a fitted model's P(alive) in place of the overdue ratio (see
     * {@link LifecycleRules} for the exception of uninformative P(alive)).
     *
     * @param fitted a fitted continuous-time transaction model, or {@code null} for the rhythm rules only
     * @return the copy
     */
    public LifecycleAnalysis withModel(TransactionModel fitted) {
        return new LifecycleAnalysis(rules, observationEnd, refundPolicy, fitted);
    }

    /**
     * The rules.
     *
     * @return the rules
     */
    public LifecycleRules rules() {
        return rules;
    }

    /**
     * The configured observation end.
     *
     * @return the date, or empty for the latest transaction's date
     */
    public Optional<LocalDate> observationEnd() {
        return Optional.ofNullable(observationEnd);
    }

    /**
     * The refund policy.
     *
     * @return what happens to negative amounts
     */
    public RefundPolicy refundPolicy() {
        return refundPolicy;
    }

    /**
     * The model whose P(alive) judges activity.
     *
     * @return the model, or empty for the rhythm rules
     */
    public Optional<TransactionModel> model() {
        return Optional.ofNullable(model);
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code lifecycle-stages}
     */
    @Override
    public String name() {
        return "lifecycle-stages";
    }

    /**
     * Assigns every customer its stage.
     *
     * @param transactions the transactions, in any order
     * @return the stages; without transactions, an empty table
     * @throws IllegalArgumentException for a blank customer id, a non-finite amount, a transaction after the
     *         observation end, a refund under {@link RefundPolicy#REJECT}, a customer with refunds only, single-purchase
     *         customers whose rhythm is needed when no customer has a repeat purchase and no
     *         {@link LifecycleRules#withPopulationRhythm population rhythm} is set, or a model that rejects a
     *         customer's history; the message names the customer
     */
    @Override
    public LifecycleTable compute(Iterable<? extends Transaction> transactions) {
        Objects.requireNonNull(transactions, "transactions");
        Log log = new Log();
        for (Transaction t : transactions) {
            log.add(t.customerId(), t.date(), t.amount());
        }
        return log.finish();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LifecycleAnalysis[%s, observationEnd=%s, refundPolicy=%s, model=%s]",
                rules, observationEnd == null ? "latest transaction" : observationEnd, refundPolicy,
                model == null ? "none" : model.name());
    }

    /** Per-customer purchase days, orders and revenue, in primitive arrays indexed by ordinal. */
    private final class Log {

        private final CustomerIndex index = new CustomerIndex();
        private final long endDay = observationEnd == null ? Long.MAX_VALUE : observationEnd.toEpochDay();
        private int[][] days = new int[64][];
        private int[] dayCount = new int[64];
        private long[] orders = new long[64];
        private double[] revenue = new double[64];
        private double[] compensation = new double[64];
        private long latestDay = Long.MIN_VALUE;

        void add(String customerId, LocalDate date, double amount) {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(date, "date");
            if (customerId.isBlank()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "customer id must not be blank: customerId='%s', date=%s", customerId, date));
            }
            if (!Double.isFinite(amount)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "amount must be finite for customer %s on %s: amount=%s", customerId, date, amount));
            }
            long day = date.toEpochDay();
            if (day > endDay) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "transaction after the observation end for customer %s: date=%s, observationEnd=%s",
                        customerId, date, observationEnd));
            }
            if (amount < 0.0) {
                if (refundPolicy == RefundPolicy.DROP) {
                    return;
                }
                if (refundPolicy == RefundPolicy.REJECT) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "negative amount (refund) for customer %s on %s: amount=%s; refunds are rejected by "
                                    + "default, choose RefundPolicy.DROP or RefundPolicy.NET", customerId, date,
                            amount));
                }
            }
            latestDay = Math.max(latestDay, day);
            int c = index.getOrAdd(customerId);
            if (c >= orders.length) {
                int capacity = orders.length * 2;
                days = Arrays.copyOf(days, capacity);
                dayCount = Arrays.copyOf(dayCount, capacity);
                orders = Arrays.copyOf(orders, capacity);
                revenue = Arrays.copyOf(revenue, capacity);
                compensation = Arrays.copyOf(compensation, capacity);
            }
            // Neumaier's compensated sum
            double sum = revenue[c];
            double t = sum + amount;
            compensation[c] += Math.abs(sum) >= Math.abs(amount) ? (sum - t) + amount : (amount - t) + sum;
            revenue[c] = t;
            if (amount >= 0.0) {
                orders[c]++;
                int n = dayCount[c];
                int[] list = days[c];
                int d = Math.toIntExact(day);
                if (n > 0 && list[n - 1] == d) {
                    return; // another order on the same day, in date order
                }
                if (list == null) {
                    list = new int[2];
                    days[c] = list;
                } else if (n == list.length) {
                    list = Arrays.copyOf(list, n * 2);
                    days[c] = list;
                }
                list[n] = d;
                dayCount[c] = n + 1;
            }
        }

        LifecycleTable finish() {
            int n = index.size();
            long end = observationEnd != null ? endDay : latestDay;
            LocalDate endDate = n == 0 ? observationEnd : LocalDate.ofEpochDay(end);
            // distinct sorted purchase days and the repeat customers' rhythms
            double[] ownRhythms = new double[n];
            int repeaters = 0;
            for (int c = 0; c < n; c++) {
                if (orders[c] == 0) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "customer %s has refunds only, no order: revenue=%s", index.id(c),
                            revenue[c] + compensation[c]));
                }
                int[] list = days[c];
                int k = dayCount[c];
                Arrays.sort(list, 0, k);
                int distinct = 1;
                for (int i = 1; i < k; i++) {
                    if (list[i] != list[distinct - 1]) {
                        list[distinct++] = list[i];
                    }
                }
                dayCount[c] = distinct;
                if (distinct > 1) {
                    ownRhythms[repeaters++] = (double) (list[distinct - 1] - list[0]) / (distinct - 1);
                }
            }
            double population = rules.populationRhythm().orElse(median(ownRhythms, repeaters));
            double[] money = new double[n];
            for (int c = 0; c < n; c++) {
                money[c] = revenue[c] + compensation[c];
            }
            double[] sorted = money.clone();
            Arrays.sort(sorted);

            CustomerLifecycle[] rows = new CustomerLifecycle[n];
            EnumMap<LifecycleStage, Integer> counts = new EnumMap<>(LifecycleStage.class);
            for (LifecycleStage stage : LifecycleStage.values()) {
                counts.put(stage, 0);
            }
            TimeUnit unit = model == null ? null : model.timeUnit();
            for (int c = 0; c < n; c++) {
                String id = index.id(c);
                int[] list = days[c];
                int k = dayCount[c];
                int x = k - 1;
                long first = list[0];
                long last = list[k - 1];
                long age = end - first;
                long since = end - last;
                boolean own = x >= 1;
                double rhythm = own ? (double) (last - first) / x : population;
                if (!own && Double.isNaN(rhythm)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "customer %s has a single "
                            + "purchase day and no customer has a repeat purchase, so there is no population "
                            + "purchase rhythm to judge it by: set one with LifecycleRules.withPopulationRhythm(days)",
                            id));
                }
                int earlier = 0;
                for (int i = 1; i < k; i++) {
                    if (2 * (list[i] - first) < age) {
                        earlier++;
                    }
                }
                int recent = x - earlier;
                // high value: more than a share q of the customers have a revenue <= this one's
                int atMost = upperBound(sorted, money[c]);
                boolean high = atMost > rules.highValueQuantile() * n;

                OptionalDouble alive = OptionalDouble.empty();
                boolean modelDecided = false;
                if (model != null) {
                    double p;
                    try {
                        p = model.probabilityAlive(x, unit.fromDays(last - first), unit.fromDays(age));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT,
                                "the %s model cannot score customer %s: %s", model.name(), id, e.getMessage()), e);
                    }
                    alive = OptionalDouble.of(p);
                    modelDecided = !(x == 0 && age > 0 && p == 1.0);
                }
                LifecycleStage stage = stage(modelDecided ? alive.getAsDouble() : Double.NaN, since / rhythm, age,
                        earlier, recent, high);
                rows[c] = new CustomerLifecycle(id, stage, LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last),
                        x, orders[c], money[c], age, since, rhythm, own, earlier, recent, high, alive,
                        modelDecided);
                counts.merge(stage, 1, Integer::sum);
            }
            OptionalDouble threshold = OptionalDouble.empty();
            for (int i = 0; i < n; i++) {
                // the smallest revenue counted as high value
                if (upperBound(sorted, sorted[i]) > rules.highValueQuantile() * n) {
                    threshold = OptionalDouble.of(sorted[i]);
                    break;
                }
            }
            return new LifecycleTable(Arrays.asList(rows), counts, endDate, rules,
                    Double.isNaN(population) ? OptionalDouble.empty() : OptionalDouble.of(population),
                    rules.populationRhythm().isPresent(), threshold, model == null ? null : model.name());
        }

        /** The stage by the rules, first match wins; {@code alive} is NaN when the rhythm judges activity. */
        private LifecycleStage stage(double alive, double overdue, long age, int earlier, int recent,
                                     boolean high) {
            if (Double.isNaN(alive)) {
                if (overdue > rules.lostAfter()) {
                    return LifecycleStage.LOST;
                }
                if (overdue > rules.dormantAfter()) {
                    return LifecycleStage.DORMANT;
                }
            } else {
                if (alive < rules.lostBelow()) {
                    return LifecycleStage.LOST;
                }
                if (alive < rules.dormantBelow()) {
                    return LifecycleStage.DORMANT;
                }
            }
            if (age < rules.newCustomerDays()) {
                return LifecycleStage.NEW;
            }
            if (recent >= rules.minimumRecentPurchases() && recent >= rules.growthFactor() * earlier) {
                return LifecycleStage.GROWING;
            }
            return high ? LifecycleStage.MATURE : LifecycleStage.GROWING;
        }
    }

    /** The number of values in the sorted array that are {@code <= value}. */
    private static int upperBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The median of the first {@code count} values (mean of the middle two for an even count), NaN for none. */
    static double median(double[] values, int count) {
        if (count == 0) {
            return Double.NaN;
        }
        double[] v = Arrays.copyOf(values, count);
        Arrays.sort(v);
        int mid = count / 2;
        return count % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2.0;
    }
}
