package org.clv4j.models.bgbb;

import java.util.Locale;
import java.util.Objects;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.fit.FitOptions;
import org.clv4j.models.fit.FitResult;
import org.clv4j.models.fit.MaximumLikelihood;
import org.clv4j.models.fit.Optimum;
import org.clv4j.models.internal.RowGroups;

/**
 * Fits the {@link BgBbModel} by maximum likelihood to histories in whole periods.
 *
 * <p>Input columns: {@code frequency} = x repeat transactions, {@code recency} = t_x the period of the last one
 * (0 for none) and {@code T} = n the number of transaction opportunities, all whole numbers with
 * {@code x <= t_x <= n} and {@code t_x = 0} when {@code x = 0}, plus {@code weight} = the number of customers with
 * that history. Data in this form is tiny: a cohort observed for n periods has at most (n+1)(n+2)/2 distinct
 * histories, which is how Fader, Hardie &amp; Shang (2010) publish their 11,104 donors as 22 rows. Identical rows
 * are merged before fitting. The default start is α = β = γ = δ = 1 (uniform priors on p and θ).
 *
 * <pre>{@code
 * SummaryColumns donors = SummaryColumns.of(x, tx, n, null, weight, TimeUnit.YEAR);
 * BgBbModel model = BgBbEstimator.withDefaults().fit(donors).requireConverged().model();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class BgBbEstimator {

    /** The largest number of opportunities accepted; the likelihood costs O(n) per history. */
    public static final int MAX_PERIODS = 1_000_000;  // < 2^21, so a history packs into one long

    private static final double[] DEFAULT_START = {1.0, 1.0, 1.0, 1.0};
    private static final BgBbEstimator DEFAULTS = new BgBbEstimator(FitOptions.withDefaults());

    private final FitOptions options;

    private BgBbEstimator(FitOptions options) {
        this.options = options;
    }

    /**
     * An estimator with the default {@link FitOptions}.
     *
     * @return the estimator
     */
    public static BgBbEstimator withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with other fit options (start values in the order α, β, γ, δ).
     *
     * @param fitOptions the options
     * @return the copy
     */
    public BgBbEstimator withOptions(FitOptions fitOptions) {
        return new BgBbEstimator(Objects.requireNonNull(fitOptions, "fitOptions"));
    }

    /**
     * The fit options.
     *
     * @return the options
     */
    public FitOptions options() {
        return options;
    }

    /**
     * Fits the model. The fitted model's period is the columns' time unit.
     *
     * @param columns histories: frequency = x, recency = t_x, T = n, weights = customers per history
     * @return the fitted model with the fit's diagnostics (log-likelihood, standard errors, convergence, ...)
     * @throws IllegalArgumentException naming the row and values if a row is not a valid history in whole periods
     *         (or has more than {@link #MAX_PERIODS} opportunities)
     */
    public FitResult<BgBbModel> fit(SummaryColumns columns) {
        Objects.requireNonNull(columns, "columns");
        validate(columns);
        // merge identical histories (what SummaryColumns.compress() does, on packed keys without boxing)
        double[] frequency = columns.frequencyArray();
        double[] recency = columns.recencyArray();
        double[] periods = columns.tArray();
        double[] weight = columns.weightArray();
        long[] key = new long[frequency.length];
        for (int i = 0; i < key.length; i++) {
            key[i] = ((long) frequency[i] << 42) | ((long) recency[i] << 21) | (long) periods[i];
        }
        RowGroups groups = RowGroups.of(key, new long[key.length]);
        int size = groups.groups();
        int[] x = new int[size];
        int[] tx = new int[size];
        int[] n = new int[size];
        double[] w = new double[size];
        for (int g = 0; g < size; g++) {
            int row = groups.firstRow(g);
            x[g] = (int) frequency[row];
            tx[g] = (int) recency[row];
            n[g] = (int) periods[row];
        }
        for (int i = 0; i < key.length; i++) {
            w[groups.groupOf(i)] += weight[i];
        }
        BgBbLikelihood likelihood = new BgBbLikelihood(x, tx, n, w);
        Optimum optimum = MaximumLikelihood.maximize(likelihood, DEFAULT_START, options);
        double[] p = optimum.parameters();
        return FitResult.of(BgBbModel.of(p[0], p[1], p[2], p[3], columns.timeUnit()), optimum);
    }

    private static void validate(SummaryColumns columns) {
        double[] x = columns.frequencyArray();
        double[] tx = columns.recencyArray();
        double[] n = columns.tArray();
        for (int i = 0; i < x.length; i++) {
            // frequency is already a whole number >= 0, recency <= T, and recency = 0 when frequency = 0
            if (tx[i] != Math.rint(tx[i])) {
                throw rowError(i, "recency (the period of the last transaction) must be a whole number",
                        x[i], tx[i], n[i]);
            }
            if (n[i] != Math.rint(n[i]) || n[i] > MAX_PERIODS) {
                throw rowError(i, "T (the number of transaction opportunities) must be a whole number <= "
                        + MAX_PERIODS, x[i], tx[i], n[i]);
            }
            String rule = Periods.rule((int) x[i], (int) tx[i], (int) n[i], "frequency", "recency", "T");
            if (rule != null) {
                throw rowError(i, rule, x[i], tx[i], n[i]);
            }
        }
    }

    private static IllegalArgumentException rowError(int row, String rule, double x, double tx, double n) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "BG/BB %s in row %d: frequency=%s, recency=%s, T=%s", rule, row, x, tx, n));
    }
}
