package org.clv4j.models.gammagamma;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.fit.FitOptions;
import org.clv4j.models.fit.FitResult;
import org.clv4j.models.fit.MaximumLikelihood;
import org.clv4j.models.fit.Optimum;
import org.clv4j.models.internal.RowGroups;

/**
 * Fits the {@link GammaGammaModel} by maximum likelihood to repeat buyers' (x, m̄): the number of repeat
 * transactions and their mean value (Fader &amp; Hardie 2013, note 025).
 *
 * <p>Customers without repeat transactions, and repeat buyers whose mean repeat value is 0, are excluded and
 * counted in the returned {@link GammaGammaFit} (see there for why). Rows with identical (x, m̄) are merged. The
 * default start is p = q = γ = 1, as in Python lifetimes.
 *
 * <pre>{@code
 * GammaGammaFit fit = GammaGammaEstimator.withDefaults().fit(columns).requireConverged();
 * log.info(fit.exclusionSummary());
 * double value = fit.model().expectedAverageValue(2, 22.35);
 * }</pre>
 *
 * <p>Use summaries with one row per customer (or rows merged on identical monetary value):
 * {@link SummaryColumns#compress()} averages monetary values of merged rows, which is right for transaction models
 * but loses the spread of m̄ that this model fits.
 *
 * <p>Immutable and thread-safe.
 */
public final class GammaGammaEstimator {

    private static final double[] DEFAULT_START = {1.0, 1.0, 1.0};
    private static final GammaGammaEstimator DEFAULTS = new GammaGammaEstimator(FitOptions.withDefaults());

    private final FitOptions options;

    private GammaGammaEstimator(FitOptions options) {
        this.options = options;
    }

    /**
     * An estimator with the default {@link FitOptions}.
     *
     * @return the estimator
     */
    public static GammaGammaEstimator withDefaults() {
        return DEFAULTS;
    }

    /**
     * A copy with other fit options (start values in the order p, q, γ).
     *
     * @param fitOptions the options
     * @return the copy
     */
    public GammaGammaEstimator withOptions(FitOptions fitOptions) {
        return new GammaGammaEstimator(Objects.requireNonNull(fitOptions, "fitOptions"));
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
     * Fits the model to customer summaries: frequency = x, monetary value = m̄ (the mean value of the repeat
     * transactions), weight = customers per row. Recency and T are not used.
     *
     * @param columns the summaries
     * @return the fit and the count of excluded customers
     * @throws IllegalArgumentException if no customer has a repeat transaction with positive mean value
     */
    public GammaGammaFit fit(SummaryColumns columns) {
        Objects.requireNonNull(columns, "columns");
        return fit(columns.frequencyArray(), columns.monetaryValueArray(), columns.weightArray());
    }

    /**
     * Fits the model to (x, m̄) pairs.
     *
     * @param x repeat transactions per customer, whole numbers {@code >= 0}
     * @param mbar mean value of those transactions, finite and {@code >= 0} (ignored when x = 0)
     * @param weight customers per row, finite and {@code > 0}; null for all 1
     * @return the fit and the count of excluded customers
     * @throws IllegalArgumentException naming the row and value if a row is invalid or the lengths differ, or if
     *         no customer has a repeat transaction with positive mean value
     */
    public GammaGammaFit fit(double[] x, double[] mbar, double[] weight) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(mbar, "mbar");
        if (mbar.length != x.length || (weight != null && weight.length != x.length)) {
            throw new IllegalArgumentException("columns must have equal lengths: x=" + x.length + ", mbar="
                    + mbar.length + (weight == null ? "" : ", weight=" + weight.length));
        }
        double withoutRepeat = 0.0;
        double zeroValue = 0.0;
        double fitted = 0.0;
        int kept = 0;
        long[] xBits = new long[x.length];
        long[] mBits = new long[x.length];
        double[] keptWeight = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double w = weight == null ? 1.0 : weight[i];
            if (!(x[i] >= 0.0) || x[i] != Math.rint(x[i]) || !Double.isFinite(x[i])) {
                throw rowError(i, "frequency must be a whole number >= 0", "frequency=" + x[i]);
            }
            if (!(mbar[i] >= 0.0) || !Double.isFinite(mbar[i])) {
                throw rowError(i, "monetary value must be finite and >= 0", "monetaryValue=" + mbar[i]);
            }
            if (!(w > 0.0) || !Double.isFinite(w)) {
                throw rowError(i, "weight must be finite and > 0", "weight=" + w);
            }
            if (x[i] == 0.0) {
                withoutRepeat += w;
            } else if (mbar[i] == 0.0) {
                zeroValue += w;
            } else {
                xBits[kept] = Double.doubleToLongBits(x[i]);
                mBits[kept] = Double.doubleToLongBits(mbar[i]);
                keptWeight[kept++] = w;
                fitted += w;
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "no customer with repeat transactions of positive mean value to fit the Gamma-Gamma model: "
                            + "%s rows, %s customers without repeat transactions, %s with mean value 0",
                    x.length, withoutRepeat, zeroValue));
        }
        // merge identical (x, m̄)
        RowGroups groups = RowGroups.of(Arrays.copyOf(xBits, kept), Arrays.copyOf(mBits, kept));
        int rows = groups.groups();
        double[] xs = new double[rows];
        double[] ms = new double[rows];
        double[] ws = new double[rows];
        for (int g = 0; g < rows; g++) {
            int row = groups.firstRow(g);
            xs[g] = Double.longBitsToDouble(xBits[row]);
            ms[g] = Double.longBitsToDouble(mBits[row]);
        }
        for (int i = 0; i < kept; i++) {
            ws[groups.groupOf(i)] += keptWeight[i];
        }
        Optimum optimum = MaximumLikelihood.maximize(new GammaGammaLikelihood(xs, ms, ws), DEFAULT_START, options);
        double[] p = optimum.parameters();
        FitResult<GammaGammaModel> result = FitResult.of(GammaGammaModel.of(p[0], p[1], p[2]), optimum);
        return GammaGammaFit.of(result, fitted, withoutRepeat, zeroValue);
    }

    private static IllegalArgumentException rowError(int row, String rule, String values) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "%s in row %d: %s", rule, row, values));
    }
}
