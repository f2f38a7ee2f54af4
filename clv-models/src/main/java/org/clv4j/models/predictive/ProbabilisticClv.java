package org.clv4j.models.predictive;

import java.util.Locale;
import java.util.Objects;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.TransactionModel;
import org.clv4j.models.gammagamma.GammaGammaModel;
import org.clv4j.models.internal.ParallelSum;

/**
 * Probabilistic customer lifetime value: a transaction model (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB) forecasts how
 * many purchases a customer will make, the Gamma-Gamma spend model how much each will be worth, and the two are
 * combined step by step with discounting:
 * <pre>
 *   CLV = margin × Σ_{i=1..H} m · (E[X(i·s)] − E[X((i−1)·s)]) / (1 + d)^i
 * </pre>
 * where E[X(τ)] is the transaction model's {@link TransactionModel#conditionalExpectedPurchases conditional
 * expected number of purchases} in the next τ model time units given the customer's (x, t_x, T), m the Gamma-Gamma
 * {@link GammaGammaModel#expectedAverageValue expected average transaction value} E[M | x, m̄], s the step length
 * in model units, H the number of steps and d the discount rate per step. The purchases expected in step i are
 * valued at m and discounted as if paid at the end of the step. This is the convention of Python lifetimes 0.11.3
 * ({@code customer_lifetime_value}, which has no margin: margin 1), and of Fader, Hardie &amp; Lee (2005), "RFM and
 * CLV: using iso-value curves for customer base analysis", J. Marketing Research 42(4), with a discrete sum in
 * place of their continuous discounting; the spend model assumes, as the paper does, that spend is independent of
 * the transaction process.
 *
 * <p>Worked example (tested): CDNOW in weeks, BG/NBD r = 0.2426, α = 4.4135, a = 0.7929, b = 2.4259, Gamma-Gamma
 * p = 6.2488, q = 3.7446, γ = 15.448, 12 steps of 4.345 weeks (lifetimes' month), d = 0.01: the customer with
 * x = 2, t_x = 30.43, T = 38.86, m̄ = 22.35 has m = 24.70 and CLV 36.278.
 *
 * <pre>{@code
 * ProbabilisticClv clv = ProbabilisticClv.of(bgNbd, gammaGamma, ProbabilisticClvOptions.defaults()
 *         .withSteps(12).withStepLength(4.345).withDiscountRate(0.01));
 * double one = clv.customerValue(2, 30.43, 38.86, 22.35);          // 36.278
 * ProbabilisticClvResult all = clv.calculate(columns);             // every customer, in parallel
 * }</pre>
 *
 * <p>The columnar {@link #calculate(SummaryColumns)} scores all customers once per step with the transaction
 * model's own {@link TransactionModel#score fast scoring} (parallel for large inputs in the clv4j models) and
 * combines the steps on primitive arrays.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProbabilisticClv {

    private final TransactionModel transactions;
    private final GammaGammaModel spend;
    private final ProbabilisticClvOptions options;
    private final double stepLength;
    /** discount[i] = 1 / (1 + d)^i for i = 1..H; discount[0] unused. */
    private final double[] discount;

    private ProbabilisticClv(TransactionModel transactions, GammaGammaModel spend, ProbabilisticClvOptions options,
                             double stepLength) {
        this.transactions = transactions;
        this.spend = spend;
        this.options = options;
        this.stepLength = stepLength;
        int steps = options.steps();
        this.discount = new double[steps + 1];
        double growth = 1.0 + options.discountRate();
        for (int i = 1; i <= steps; i++) {
            discount[i] = Math.pow(growth, -i);
        }
    }

    /**
     * A calculator for one pair of fitted models.
     *
     * @param transactions the fitted transaction model; its time unit is the unit of every summary valued
     * @param spend the fitted Gamma-Gamma model; needs {@code q > 1}
     * @param options steps, step length, discount rate and margin
     * @return the calculator
     * @throws IllegalArgumentException if the spend model has {@code q <= 1}: its mean transaction value
     *         p·γ/(q−1) does not exist, so no customer can be valued
     */
    public static ProbabilisticClv of(TransactionModel transactions, GammaGammaModel spend,
                                      ProbabilisticClvOptions options) {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(options, "options");
        if (!spend.hasPopulationMean()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the Gamma-Gamma spend model needs q > 1 to value customers (its mean transaction value "
                            + "p*gamma/(q-1) does not exist otherwise): q=%s", spend.q()));
        }
        double step = options.stepLength(transactions.timeUnit());
        double horizon = step * options.steps();
        if (!Double.isFinite(horizon)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the horizon of %d steps of %s %s is not finite", options.steps(), step,
                    transactions.timeUnit()));
        }
        return new ProbabilisticClv(transactions, spend, options, step);
    }

    /**
     * The transaction model.
     *
     * @return the model forecasting purchases
     */
    public TransactionModel transactionModel() {
        return transactions;
    }

    /**
     * The spend model.
     *
     * @return the Gamma-Gamma model valuing purchases
     */
    public GammaGammaModel spendModel() {
        return spend;
    }

    /**
     * The options.
     *
     * @return steps, step, discount rate and margin
     */
    public ProbabilisticClvOptions options() {
        return options;
    }

    /**
     * The step length s in the transaction model's time unit.
     *
     * @return s, {@code > 0}
     */
    public double stepLength() {
        return stepLength;
    }

    /**
     * The horizon H·s in the transaction model's time unit.
     *
     * @return the horizon
     */
    public double horizon() {
        return stepLength * options.steps();
    }

    /**
     * The time unit of the transaction model, of summaries, step length and horizon.
     *
     * @return the unit
     */
    public TimeUnit timeUnit() {
        return transactions.timeUnit();
    }

    /**
     * The CLV of one customer (see the class description for the formula).
     *
     * @param x the number of repeat purchases
     * @param tx the recency t_x, in the model's time unit
     * @param T the age T, in the model's time unit
     * @param mbar the mean value m̄ of the repeat purchases (ignored when {@code x = 0})
     * @return the CLV, finite and {@code >= 0}
     * @throws IllegalArgumentException if an argument is invalid for the models, naming it and its value
     */
    public double customerValue(double x, double tx, double T, double mbar) {
        double m = spend.expectedAverageValue(x, mbar);
        double previous = 0.0;
        double sum = 0.0;
        for (int i = 1; i < discount.length; i++) {
            double current = transactions.conditionalExpectedPurchases(i * stepLength, x, tx, T);
            sum += (current - previous) * discount[i];
            previous = current;
        }
        return requireFinite(options.margin() * m * sum, -1);
    }

    /**
     * The CLV of every customer, with its ingredients: expected purchases over the horizon, P(alive) now and the
     * expected average transaction value. Frequency is x, recency t_x, T the age and monetary value m̄.
     *
     * @param customers the customers, in the transaction model's time unit; weights count customers in
     *        {@link ProbabilisticClvResult#total()}
     * @return per-row values and totals
     * @throws IllegalArgumentException if the time units differ, or a row is invalid for a model (naming the row)
     */
    public ProbabilisticClvResult calculate(SummaryColumns customers) {
        Objects.requireNonNull(customers, "customers");
        if (!customers.timeUnit().equals(transactions.timeUnit())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the summaries are in %s but the %s model is in %s: summarise the transactions in %s, or fit "
                            + "the model in %s", customers.timeUnit(), transactions.name(),
                    transactions.timeUnit(), transactions.timeUnit(), customers.timeUnit()));
        }
        int n = customers.size();
        double[] x = customers.frequencyArray();
        double[] mbar = customers.monetaryValueArray();
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {  // one division per row: not worth a parallel pass
            try {
                value[i] = spend.expectedAverageValue(x[i], mbar[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("row " + i + ": " + e.getMessage(), e);
            }
        }
        double[] previous = new double[n];
        double[] current = new double[n];
        double[] alive = new double[n];
        double[] discounted = new double[n];
        for (int step = 1; step < discount.length; step++) {
            double weight = discount[step];
            double[] now = current;
            double[] before = previous;
            transactions.score(customers, step * stepLength, now, step == 1 ? alive : null);
            ParallelSum.sum(n, null, (from, to, unused) -> {
                for (int i = from; i < to; i++) {
                    discounted[i] += (now[i] - before[i]) * weight;
                }
                return 0.0;
            });
            previous = now;
            current = before;
        }
        double[] expected = previous;
        double margin = options.margin();
        double[] clv = new double[n];
        double[] w = customers.weightArray();
        double total = ParallelSum.sum(n, null, (from, to, unused) -> {
            double sum = 0.0;
            for (int i = from; i < to; i++) {
                clv[i] = margin * value[i] * discounted[i];
                sum += w[i] * clv[i];
            }
            return sum;
        });
        if (!Double.isFinite(total)) {  // a model returned an invalid value, or the total overflowed
            for (int i = 0; i < n; i++) {
                requireFinite(clv[i], i);
            }
            throw new IllegalStateException("the CLV total is not finite: " + total);
        }
        return new ProbabilisticClvResult(this, clv, expected, alive, value, customers.totalWeight(), total);
    }

    private static double requireFinite(double clv, int row) {
        if (!Double.isFinite(clv)) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "the CLV%s is not finite: %s (a model returned an invalid value)",
                    row < 0 ? "" : " of row " + row, clv));
        }
        return clv;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ProbabilisticClv[%s, %s, %s, stepLength=%s %s]", transactions, spend,
                options, stepLength, transactions.timeUnit());
    }
}
