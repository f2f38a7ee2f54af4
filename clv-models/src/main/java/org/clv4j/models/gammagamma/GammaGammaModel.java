package org.clv4j.models.gammagamma;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.special.Gamma;
import org.clv4j.core.summary.SummaryColumns;

/**
 * The Gamma-Gamma model of the value of a customer's transactions: Colombo &amp; Jiang (1999), "A stochastic RFM
 * model", Journal of Interactive Marketing 13(3), in the formulation of Fader &amp; Hardie (2013), "The Gamma-Gamma
 * model of monetary value", note 025 (brucehardie.com/notes/025).
 *
 * <p>Assumptions:
 * <ul>
 *   <li>a customer's transaction values z_1, z_2, ... are independent Gamma(p, ν) draws (shape p, rate ν), so the
 *       customer's mean transaction value is p/ν and the mean m̄ of x of them is Gamma(px, xν);</li>
 *   <li>ν varies across customers as Gamma(q, γ) (shape q, rate γ);</li>
 *   <li>transaction values are independent of the transaction process, so the model combines with any
 *       {@link org.clv4j.models.TransactionModel} for lifetime value.</li>
 * </ul>
 * Parameters in the paper's notation: {@code p}, {@code q}, {@code γ}. Python lifetimes and the {@code clv} CLI
 * call γ {@code v}; it is the same parameter. γ has the unit of money (it scales every value), p and q are pure
 * numbers.
 *
 * <p>The population mean transaction value is p·γ/(q−1), which exists only for {@code q > 1}; methods that need
 * it throw {@link IllegalStateException} otherwise, and lifetime values must not be computed from such a model.
 *
 * <p>Immutable and thread-safe.
 */
public final class GammaGammaModel {

    private final double p;
    private final double q;
    private final double gamma;

    private GammaGammaModel(double p, double q, double gamma) {
        this.p = p;
        this.q = q;
        this.gamma = gamma;
    }

    /**
     * A Gamma-Gamma model.
     *
     * @param p p, the shape of the gamma distribution of a customer's transaction values
     * @param q q, the shape of the gamma distribution of the rate ν across customers
     * @param gamma γ (lifetimes' and the CLI's {@code v}), the rate of the gamma distribution of ν, in units of
     *              money
     * @return the model
     * @throws IllegalArgumentException if a parameter is not finite and {@code > 0}, naming it and its value
     */
    public static GammaGammaModel of(double p, double q, double gamma) {
        requirePositive("p", p);
        requirePositive("q", q);
        requirePositive("gamma", gamma);
        return new GammaGammaModel(p, q, gamma);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Gamma-Gamma parameter %s must be finite and > 0: %s=%s", name, name, value));
        }
    }

    /**
     * {@code gamma-gamma}.
     *
     * @return the model's short name
     */
    public String name() {
        return "gamma-gamma";
    }

    /**
     * p, the shape of the gamma distribution of a customer's transaction values.
     *
     * @return p
     */
    public double p() {
        return p;
    }

    /**
     * q, the shape of the gamma distribution of the rate ν across customers.
     *
     * @return q
     */
    public double q() {
        return q;
    }

    /**
     * γ, the rate of the gamma distribution of ν (called {@code v} by lifetimes and the CLI).
     *
     * @return γ
     */
    public double gamma() {
        return gamma;
    }

    /**
     * The parameters p, q, γ, keyed {@code p}, {@code q}, {@code gamma}.
     *
     * @return an ordered, unmodifiable map
     */
    public Map<String, Double> parameters() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("p", p);
        map.put("q", q);
        map.put("gamma", gamma);
        return Collections.unmodifiableMap(map);
    }

    /**
     * Whether the population mean transaction value exists, that is {@code q > 1}. A model without it cannot value
     * customers.
     *
     * @return true when {@code q > 1}
     */
    public boolean hasPopulationMean() {
        return q > 1.0;
    }

    /**
     * The mean transaction value across the population, E[Z] = E[p/ν] = p·γ/(q−1) (note 025); the
     * expected average value of a customer with no repeat transactions.
     *
     * @return p·γ/(q−1)
     * @throws IllegalStateException if {@code q <= 1}: E[1/ν] is infinite and the mean does not exist
     */
    public double populationMeanValue() {
        if (!hasPopulationMean()) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "the Gamma-Gamma population mean value p*gamma/(q-1) does not exist for q <= 1: q=%s "
                            + "(p=%s, gamma=%s); such a model cannot value customers", q, p, gamma));
        }
        return p * gamma / (q - 1.0);
    }

    /**
     * The expected value of a customer's transactions given x repeat transactions of mean value m̄ (note 025):
     * <pre>
     *   E[M | p, q, γ, x, m̄] = p (γ + x m̄) / (p x + q − 1)
     *                        = (q − 1)/(p x + q − 1) · p γ/(q − 1) + p x/(p x + q − 1) · m̄,
     * </pre>
     * a weighted average of the population mean and the customer's own mean whose weight on m̄ grows with x. With
     * {@code x = 0} this is the population mean and m̄ is ignored. A repeat buyer with m̄ = 0 (possible in data
     * after refunds, impossible under the model) gets the formula's value at m̄ = 0, p γ/(p x + q − 1).
     *
     * @param x the number of repeat transactions, a whole number {@code >= 0}
     * @param mbar their mean value m̄, finite and {@code >= 0}
     * @return the expected average transaction value, finite and {@code > 0}
     * @throws IllegalArgumentException if {@code x} or {@code mbar} is invalid, naming it and its value
     * @throws IllegalStateException if the expectation does not exist: {@code q <= 1} when {@code x = 0}, or
     *         {@code p x + q <= 1}
     */
    public double expectedAverageValue(double x, double mbar) {
        if (!(x >= 0.0) || x != Math.rint(x) || !Double.isFinite(x)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "x (the number of repeat transactions) must be a whole number >= 0: x=%s", x));
        }
        if (!(mbar >= 0.0) || !Double.isFinite(mbar)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "mbar (the mean transaction value) must be finite and >= 0: mbar=%s", mbar));
        }
        if (x == 0.0) {
            return populationMeanValue();
        }
        double denominator = p * x + q - 1.0;
        if (!(denominator > 0.0)) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "the Gamma-Gamma expected average value does not exist when p*x + q <= 1: p=%s, q=%s, x=%s",
                    p, q, x));
        }
        return p * (gamma + x * mbar) / denominator;
    }

    /**
     * {@link #expectedAverageValue(double, double)} for every row: frequency = x, monetary value = m̄.
     *
     * @param columns the customers (weights are ignored)
     * @return the expected average value per row
     * @throws IllegalArgumentException naming the row if a row is invalid
     * @throws IllegalStateException if the expectation does not exist for some row (see
     *         {@link #expectedAverageValue(double, double)})
     */
    public double[] expectedAverageValues(SummaryColumns columns) {
        Objects.requireNonNull(columns, "columns");
        double[] x = columns.frequencyArray();
        double[] m = columns.monetaryValueArray();
        double[] out = new double[x.length];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = expectedAverageValue(x[i], m[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("row " + i + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * The log-density of a repeat buyer's mean transaction value (note 025):
     * <pre>
     *   f(m̄ | p, q, γ, x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q m̄^{px−1} x^{px} / (γ + m̄ x)^{px+q}.
     * </pre>
     * Evaluated as lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln s − (px+q) log1p(s) − ln m̄ with s = γ/(x m̄).
     *
     * @param x the number of repeat transactions, a whole number {@code >= 1}
     * @param mbar their mean value, finite and {@code > 0}
     * @return ln f(m̄ | x), finite
     * @throws IllegalArgumentException if {@code x < 1}, not whole, or {@code mbar} is not finite and {@code > 0}
     */
    public double logLikelihood(double x, double mbar) {
        if (!(x >= 1.0) || x != Math.rint(x) || !Double.isFinite(x)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "x (the number of repeat transactions) must be a whole number >= 1: x=%s", x));
        }
        if (!(mbar > 0.0) || !Double.isFinite(mbar)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "mbar (the mean transaction value) must be finite and > 0: mbar=%s", mbar));
        }
        double px = p * x;
        double s = gamma / (x * mbar);
        return Gamma.logGamma(px + q) - Gamma.logGamma(px) - Gamma.logGamma(q) + q * Math.log(s)
                - (px + q) * Math.log1p(s) - Math.log(mbar);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GammaGammaModel)) {
            return false;
        }
        GammaGammaModel other = (GammaGammaModel) o;
        return p == other.p && q == other.q && gamma == other.gamma;
    }

    @Override
    public int hashCode() {
        return Objects.hash(p, q, gamma);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GammaGammaModel[p=%s, q=%s, gamma=%s]", p, q, gamma);
    }
}
