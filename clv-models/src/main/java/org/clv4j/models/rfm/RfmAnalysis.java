package org.clv4j.models.rfm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.clv4j.core.Metric;
import org.clv4j.core.Transaction;
import org.clv4j.core.summary.RefundPolicy;
import org.clv4j.models.cohort.CohortUnit;
import org.clv4j.models.internal.ActivityLog;
import org.clv4j.models.internal.IndexSort;

/**
 * RFM segmentation: recency, frequency and monetary value of every customer, scored 1–5 by quintiles and mapped to
 * named {@link RfmSegment segments}.
 *
 * <p><b>Values</b>, in one pass over the transactions (any order):
 * <ul>
 *   <li>recency = days from the customer's last purchase to the observation end (the configured date, else the
 *       latest transaction's date);</li>
 *   <li>frequency = the number of orders, each transaction with an amount {@code >= 0} being one order (several
 *       orders on one day count separately);</li>
 *   <li>monetary = the total spend (default) or the mean spend per order ({@link RfmMonetary}); refunds follow the
 *       {@link RefundPolicy} (rejected by default; netted into the spend under {@link RefundPolicy#NET}).</li>
 * </ul>
 *
 * <p><b>Scores by quintiles, ties resolved by customer id.</b> For each dimension the n customers are ranked
 * 0..n−1, by value and then by customer id, and rank i gets score 1 + ⌊5i/n⌋: five groups whose sizes differ by at
 * most one. Frequency and monetary rank by increasing value (5 = highest), recency by decreasing days (5 = most
 * recent). Among equal values the customer with the smaller id (in {@link String#compareTo} order) gets the lower
 * rank. So equal values can receive adjacent scores when a quintile boundary falls inside a tie, but every score is
 * a pure function of the input set, and the groups stay equal in size (heavily tied data, such as many one-order
 * customers, would otherwise collapse into one or two groups).
 *
 * <p><b>Segments</b> come from the grid of R against FM = ⌊(F + M + 1)/2⌋ documented on {@link RfmSegment}. For an
 * alternative without fixed rules, {@link RfmClustering} runs k-means on the standardised values.
 *
 * <p>Immutable and thread-safe.
 */
public final class RfmAnalysis implements Metric<RfmTable> {

    private static final RfmAnalysis DEFAULTS = new RfmAnalysis(null, RefundPolicy.REJECT, RfmMonetary.TOTAL);

    private final LocalDate observationEnd;
    private final RefundPolicy refundPolicy;
    private final RfmMonetary monetary;

    private RfmAnalysis(LocalDate observationEnd, RefundPolicy refundPolicy, RfmMonetary monetary) {
        this.observationEnd = observationEnd;
        this.refundPolicy = refundPolicy;
        this.monetary = monetary;
    }

    /**
     * Observation end at the latest transaction, refunds rejected, monetary = total spend.
     *
     * @return the default analysis
     */
    public static RfmAnalysis withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with a fixed observation end; a transaction after it is an error.
     *
     * @param date the day recencies count to
     * @return the copy
     */
    public RfmAnalysis withObservationEnd(LocalDate date) {
        return new RfmAnalysis(Objects.requireNonNull(date, "observationEnd"), refundPolicy, monetary);
    }

    /**
     * A copy with another refund policy.
     *
     * @param policy what to do with negative amounts
     * @return the copy
     */
    public RfmAnalysis withRefundPolicy(RefundPolicy policy) {
        return new RfmAnalysis(observationEnd, Objects.requireNonNull(policy, "refundPolicy"), monetary);
    }

    /**
     * A copy with another spend measure.
     *
     * @param measure total or mean per order
     * @return the copy
     */
    public RfmAnalysis withMonetary(RfmMonetary measure) {
        return new RfmAnalysis(observationEnd, refundPolicy, Objects.requireNonNull(measure, "monetary"));
    }

    /**
     * The configured observation end.
     *
     * @return the date, or empty for "the latest transaction"
     */
    public Optional<LocalDate> observationEnd() {
        return Optional.ofNullable(observationEnd);
    }

    /**
     * The refund policy.
     *
     * @return the policy
     */
    public RefundPolicy refundPolicy() {
        return refundPolicy;
    }

    /**
     * The spend measure.
     *
     * @return the measure
     */
    public RfmMonetary monetary() {
        return monetary;
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code rfm}
     */
    @Override
    public String name() {
        return "rfm";
    }

    /**
     * Computes the values and scores them.
     *
     * @param transactions the transactions, in any order
     * @return the scores; empty for no transactions
     * @throws IllegalArgumentException for a blank customer id, a transaction after the observation end, a
     *         rejected refund, a customer with refunds only or with a negative net spend (naming the customer)
     */
    @Override
    public RfmTable compute(Iterable<? extends Transaction> transactions) {
        ActivityLog log = read(transactions);
        LocalDate end = log.customerCount() == 0 ? observationEnd : LocalDate.ofEpochDay(log.observationEndDay());
        return new RfmTable(end, scoreSorted(values(log)));
    }

    /**
     * The raw RFM values, in one pass.
     *
     * @param transactions the transactions, in any order
     * @return one entry per customer, in customer-id order
     * @throws IllegalArgumentException as {@link #compute(Iterable)}
     */
    public List<RfmValues> values(Iterable<? extends Transaction> transactions) {
        return values(read(transactions));
    }

    private ActivityLog read(Iterable<? extends Transaction> transactions) {
        Objects.requireNonNull(transactions, "transactions");
        // one cell per customer and year: the fewest cells that still carry orders and spend
        ActivityLog log = new ActivityLog(CohortUnit.YEAR, observationEnd, refundPolicy);
        log.addAll(transactions);
        return log;
    }

    private List<RfmValues> values(ActivityLog log) {
        int n = log.customerCount();
        if (n == 0) {
            return List.of();
        }
        log.seal();
        log.requireOrders();
        long end = log.observationEndDay();
        List<RfmValues> values = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            int orders = 0;
            double spend = 0.0;
            for (int cell = log.firstCell(c); cell != ActivityLog.NONE; cell = log.nextCell(cell)) {
                orders += log.orders(cell);
                spend += log.amount(cell);
            }
            if (spend < 0.0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "refunds exceed purchases for customer %s: net spend=%s", log.customerId(c), spend));
            }
            values.add(new RfmValues(log.customerId(c), end - log.lastDay(c), orders,
                    monetary == RfmMonetary.AVERAGE_ORDER ? spend / orders : spend));
        }
        values.sort(Comparator.comparing(RfmValues::customerId));
        return values;
    }

    /**
     * Scores given values, by quintiles with ties resolved by customer id as described above.
     *
     * @param values one entry per customer
     * @return the scores; empty for no values
     * @throws IllegalArgumentException if a customer id appears twice
     */
    public static RfmTable score(Collection<RfmValues> values) {
        List<RfmValues> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparing(RfmValues::customerId));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).customerId().equals(sorted.get(i - 1).customerId())) {
                throw new IllegalArgumentException("duplicate customer in RFM values: customerId="
                        + sorted.get(i).customerId());
            }
        }
        return new RfmTable(null, scoreSorted(sorted));
    }

    /** Scores values already in customer-id order. */
    private static List<RfmScore> scoreSorted(List<RfmValues> values) {
        int n = values.size();
        double[] recency = new double[n];
        double[] frequency = new double[n];
        double[] monetary = new double[n];
        for (int i = 0; i < n; i++) {
            RfmValues v = values.get(i);
            recency[i] = -(double) v.recencyDays(); // fewer days = more recent = higher rank
            frequency[i] = v.frequency();
            monetary[i] = v.monetary();
        }
        int[] r = quintiles(recency);
        int[] f = quintiles(frequency);
        int[] m = quintiles(monetary);
        List<RfmScore> scores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            RfmValues v = values.get(i);
            scores.add(new RfmScore(v.customerId(), v.recencyDays(), v.frequency(), v.monetary(), r[i], f[i], m[i],
                    RfmSegment.of(r[i], RfmSegment.fm(f[i], m[i]))));
        }
        return scores;
    }

    /** Score 1 + ⌊5·rank/n⌋ by increasing key; ties keep index (customer-id) order. */
    static int[] quintiles(double[] key) {
        int n = key.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IndexSort.stableSortByKey(order, key);
        int[] score = new int[n];
        for (int rank = 0; rank < n; rank++) {
            score[order[rank]] = 1 + (int) (5L * rank / n);
        }
        return score;
    }

    @Override
    public String toString() {
        return "RfmAnalysis[observationEnd=" + observationEnd + ", refundPolicy=" + refundPolicy + ", monetary="
                + monetary + "]";
    }
}
