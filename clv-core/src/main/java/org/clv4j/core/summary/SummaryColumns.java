package org.clv4j.core.summary;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.clv4j.core.TimeUnit;

/**
 * Many customer summaries as primitive columns, the form that model code works on: {@code frequency[i]},
 * {@code recency[i]}, {@code T[i]}, {@code monetaryValue[i]} and {@code weight[i]}, the number of customers that
 * row stands for.
 *
 * <p>Weights let identical rows be stored once: {@link #compress()} merges rows with equal (frequency, recency,
 * T), which for data summarised in whole days or weeks typically shrinks the data many times over and makes a
 * likelihood evaluation proportionally cheaper.
 *
 * <p>Immutable: the accessors return copies; model code inside clv4j reads the arrays through
 * {@link #frequencyArray()} etc. without copying and must not modify them.
 */
public final class SummaryColumns {

    private final double[] frequency;
    private final double[] recency;
    private final double[] t;
    private final double[] monetaryValue;
    private final double[] weight;
    private final TimeUnit timeUnit;
    private final double totalWeight;

    private SummaryColumns(double[] frequency, double[] recency, double[] t, double[] monetaryValue,
                           double[] weight, TimeUnit timeUnit) {
        this.frequency = frequency;
        this.recency = recency;
        this.t = t;
        this.monetaryValue = monetaryValue;
        this.weight = weight;
        this.timeUnit = timeUnit;
        double total = 0.0;
        for (double w : weight) {
            total += w;
        }
        this.totalWeight = total;
    }

    /**
     * Columns from summaries, each with weight 1. The summaries must share one time unit.
     *
     * @param summaries the summaries
     * @return the columns
     * @throws IllegalArgumentException if the list is empty or the time units differ
     */
    public static SummaryColumns of(List<CustomerSummary> summaries) {
        Objects.requireNonNull(summaries, "summaries");
        if (summaries.isEmpty()) {
            throw new IllegalArgumentException("no customer summaries: at least one customer is needed");
        }
        int n = summaries.size();
        TimeUnit unit = summaries.get(0).timeUnit();
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] bigT = new double[n];
        double[] m = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            CustomerSummary s = summaries.get(i);
            if (!s.timeUnit().equals(unit)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "summaries mix time units: customer %s is in %s, customer %s in %s",
                        summaries.get(0).customerId(), unit, s.customerId(), s.timeUnit()));
            }
            x[i] = s.frequency();
            tx[i] = s.recency();
            bigT[i] = s.T();
            m[i] = s.monetaryValue();
            w[i] = 1.0;
        }
        return new SummaryColumns(x, tx, bigT, m, w, unit);
    }

    /**
     * Columns from arrays, validated row by row as {@link CustomerSummary} is. The arrays are copied.
     *
     * @param frequency repeat purchases, whole numbers {@code >= 0}
     * @param recency time from first to last purchase, {@code 0 <= recency <= T}
     * @param T time from first purchase to the end of the window
     * @param monetaryValue mean repeat spend, {@code >= 0}; {@code null} for none (all zero)
     * @param weight the number of customers each row stands for, finite and {@code > 0}; {@code null} for all 1
     * @param timeUnit the unit of recency and T
     * @return the columns
     * @throws IllegalArgumentException naming the row, field and value of the first invalid row
     */
    public static SummaryColumns of(double[] frequency, double[] recency, double[] T, double[] monetaryValue,
                                    double[] weight, TimeUnit timeUnit) {
        Objects.requireNonNull(timeUnit, "timeUnit");
        int n = frequency.length;
        if (recency.length != n || T.length != n || (monetaryValue != null && monetaryValue.length != n)
                || (weight != null && weight.length != n)) {
            throw new IllegalArgumentException("columns must have equal lengths: frequency=" + n
                    + ", recency=" + recency.length + ", T=" + T.length
                    + (monetaryValue == null ? "" : ", monetaryValue=" + monetaryValue.length)
                    + (weight == null ? "" : ", weight=" + weight.length));
        }
        if (n == 0) {
            throw new IllegalArgumentException("no customer summaries: at least one row is needed");
        }
        double[] m = monetaryValue == null ? new double[n] : monetaryValue.clone();
        double[] w = weight == null ? filled(n, 1.0) : weight.clone();
        for (int i = 0; i < n; i++) {
            double x = frequency[i];
            if (!(x >= 0.0) || x != Math.rint(x) || x > Integer.MAX_VALUE) {
                throw rowError(i, "frequency must be a whole number >= 0", "frequency=" + x);
            }
            if (!(recency[i] >= 0.0) || !Double.isFinite(recency[i])) {
                throw rowError(i, "recency must be finite and >= 0", "recency=" + recency[i]);
            }
            if (!(T[i] >= recency[i]) || !Double.isFinite(T[i])) {
                throw rowError(i, "T must be finite and >= recency", "recency=" + recency[i] + ", T=" + T[i]);
            }
            if (x == 0.0 && recency[i] != 0.0) {
                throw rowError(i, "recency must be 0 when frequency is 0", "recency=" + recency[i]);
            }
            if (!(m[i] >= 0.0) || !Double.isFinite(m[i])) {
                throw rowError(i, "monetary value must be finite and >= 0", "monetaryValue=" + m[i]);
            }
            if (!(w[i] > 0.0) || !Double.isFinite(w[i])) {
                throw rowError(i, "weight must be finite and > 0", "weight=" + w[i]);
            }
        }
        return new SummaryColumns(frequency.clone(), recency.clone(), T.clone(), m, w, timeUnit);
    }

    private static IllegalArgumentException rowError(int row, String rule, String values) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "%s in row %d: %s", rule, row, values));
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    /**
     * Merges rows with identical (frequency, recency, T) into one row whose weight is the sum of theirs and whose
     * monetary value is their weighted mean. Row order: first appearance. Likelihoods and fits of the
     * transaction models (BG/NBD, Pareto/NBD, ...) are unchanged; use the uncompressed columns for spend models.
     *
     * @return the compressed columns (this object if no two rows are identical)
     */
    public SummaryColumns compress() {
        int n = frequency.length;
        // open addressing on the bit patterns of (frequency, recency, T); slots hold row + 1 of the first occurrence
        int capacity = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
        int[] slots = new int[capacity];
        int mask = capacity - 1;
        int[] target = new int[n];
        int[] firstRow = new int[n];
        int rows = 0;
        for (int i = 0; i < n; i++) {
            long h = Double.doubleToLongBits(frequency[i]) * 0x9E3779B97F4A7C15L;
            h = (h ^ Double.doubleToLongBits(recency[i])) * 0xC2B2AE3D27D4EB4FL;
            h = (h ^ Double.doubleToLongBits(t[i])) * 0x165667B19E3779F9L;
            int slot = (int) (h ^ (h >>> 32)) & mask;
            while (true) {
                int candidate = slots[slot] - 1;
                if (candidate < 0) {
                    slots[slot] = rows + 1;
                    firstRow[rows] = i;
                    target[i] = rows++;
                    break;
                }
                int j = firstRow[candidate];
                if (frequency[j] == frequency[i] && recency[j] == recency[i] && t[j] == t[i]) {
                    target[i] = candidate;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        if (rows == n) {
            return this;
        }
        double[] x = new double[rows];
        double[] tx = new double[rows];
        double[] bigT = new double[rows];
        double[] spend = new double[rows];
        double[] w = new double[rows];
        for (int i = 0; i < n; i++) {
            int r = target[i];
            x[r] = frequency[i];
            tx[r] = recency[i];
            bigT[r] = t[i];
            spend[r] += weight[i] * monetaryValue[i];
            w[r] += weight[i];
        }
        for (int r = 0; r < rows; r++) {
            spend[r] /= w[r];
        }
        return new SummaryColumns(x, tx, bigT, spend, w, timeUnit);
    }

    /**
     * The number of rows.
     *
     * @return the row count
     */
    public int size() {
        return frequency.length;
    }

    /**
     * The number of customers: the sum of the weights.
     *
     * @return the total weight
     */
    public double totalWeight() {
        return totalWeight;
    }

    /**
     * The time unit of recency and T.
     *
     * @return the unit
     */
    public TimeUnit timeUnit() {
        return timeUnit;
    }

    /**
     * A copy of the frequency column.
     *
     * @return repeat purchases per row
     */
    public double[] frequency() {
        return frequency.clone();
    }

    /**
     * A copy of the recency column.
     *
     * @return recency per row
     */
    public double[] recency() {
        return recency.clone();
    }

    /**
     * A copy of the T column.
     *
     * @return T per row
     */
    public double[] T() {
        return t.clone();
    }

    /**
     * A copy of the monetary value column.
     *
     * @return mean repeat spend per row
     */
    public double[] monetaryValue() {
        return monetaryValue.clone();
    }

    /**
     * A copy of the weight column.
     *
     * @return customers per row
     */
    public double[] weight() {
        return weight.clone();
    }

    /**
     * The frequency column itself, for read-only use by model code (no copy).
     *
     * @return the backing array; do not modify
     */
    public double[] frequencyArray() {
        return frequency;
    }

    /**
     * The recency column itself, for read-only use by model code (no copy).
     *
     * @return the backing array; do not modify
     */
    public double[] recencyArray() {
        return recency;
    }

    /**
     * The T column itself, for read-only use by model code (no copy).
     *
     * @return the backing array; do not modify
     */
    public double[] tArray() {
        return t;
    }

    /**
     * The monetary value column itself, for read-only use by model code (no copy).
     *
     * @return the backing array; do not modify
     */
    public double[] monetaryValueArray() {
        return monetaryValue;
    }

    /**
     * The weight column itself, for read-only use by model code (no copy).
     *
     * @return the backing array; do not modify
     */
    public double[] weightArray() {
        return weight;
    }
}
