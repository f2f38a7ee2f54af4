package org.clv4j.models.paretonbd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.CdnowSample;
import org.clv4j.models.TransactionModel;
import org.clv4j.models.TransactionModelContract;
import org.junit.jupiter.api.Test;

/**
 * {@link ParetoNbdModel}: the contract, the published figures of docs/REFERENCES.md, high-precision values from
 * numerical integration of the model's definition ({@code pareto_nbd_reference.py} in the test resources, mpmath
 * at 30 digits, its output in {@code pareto_nbd_reference.txt}; accurate to about 1e-14 relative), a direct Bayes
 * computation over (λ, μ), Monte Carlo, and internal consistency.
 */
class ParetoNbdModelTest extends TransactionModelContract {

    /** The CDNOW estimates as REFERENCES.md states them for the predictions. */
    static final ParetoNbdModel CDNOW = ParetoNbdModel.of(0.5534, 10.5802, 0.6061, 11.6562, TimeUnit.WEEK);
    static final ParetoNbdModel FIT = ParetoNbdModel.of(0.55, 10.58, 0.61, 11.67, TimeUnit.WEEK);
    static final ParetoNbdModel STRESS1 = ParetoNbdModel.of(10.465, 0.00798565181, 3.0516, 2.820, TimeUnit.WEEK);
    static final ParetoNbdModel STRESS2 = ParetoNbdModel.of(0.5143, 2.8845, 0.2856, 14.1087, TimeUnit.WEEK);
    static final ParetoNbdModel THIRD = ParetoNbdModel.of(2.0, 0.5, 1.5, 40.0, TimeUnit.WEEK);

    @Override
    protected TransactionModel model() {
        return CDNOW;
    }

    @Override
    protected List<double[]> histories() {
        return List.of(new double[] {0, 0, 38.86}, new double[] {2, 30.43, 38.86}, new double[] {26, 30.86, 31},
                new double[] {7, 12, 12}, new double[] {3, 0, 20}, new double[] {100_000, 30, 39},
                new double[] {400, 5, 6}, new double[] {1, 1e-9, 50}, new double[] {0, 0, 0});
    }

    @Override
    protected List<Runnable> invalidConstructions() {
        return List.of(() -> ParetoNbdModel.of(0, 1, 1, 1, TimeUnit.WEEK),
                () -> ParetoNbdModel.of(1, -1, 1, 1, TimeUnit.WEEK),
                () -> ParetoNbdModel.of(1, 1, Double.NaN, 1, TimeUnit.WEEK),
                () -> ParetoNbdModel.of(1, 1, 1, Double.POSITIVE_INFINITY, TimeUnit.WEEK));
    }

    // ---------------------------------------------------------------------------------------------------------
    // docs/REFERENCES.md
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void publishedCustomerFigures() {
        // P(alive) = 0.99792, E[X in next 52 weeks] = 25.455 (and 0.99787 with t_x = 30.85714)
        assertEquals(0.99792, CDNOW.probabilityAlive(26, 30.86, 31), 5e-6);
        assertEquals(25.455, CDNOW.conditionalExpectedPurchases(52, 26, 30.86, 31), 5e-4);
        assertEquals(0.99787, CDNOW.probabilityAlive(26, 30.85714, 31), 5e-6);
    }

    @Test
    void publishedNewCustomerExpectations() {
        double[] published = {0.051005, 0.099621, 0.146124, 0.190742, 0.233664, 0.275051, 0.315041, 0.353752,
            0.391287};
        for (int t = 1; t <= 9; t++) {
            // the published values were computed at slightly different (unrounded) parameters: 1e-4 relative
            assertEquals(published[t - 1], CDNOW.expectedPurchases(t), 1e-4 * published[t - 1], "t=" + t);
        }
        // the closed form itself, by hand: rβ/(α(s−1)) [1 − (β/(β+t))^(s−1)] at t = 4
        double r = 0.5534;
        double alpha = 10.5802;
        double s = 0.6061;
        double beta = 11.6562;
        double byHand = r * beta / (alpha * (s - 1)) * (1 - Math.pow(beta / (beta + 4), s - 1));
        assertEquals(byHand, CDNOW.expectedPurchases(4), 1e-14);
    }

    @Test
    void publishedStressCasesStayFinite() {
        double[][] first = {{400, 5, 6}, {500, 1, 37}, {500, 4, 37}, {40, 5, 6}, {50, 1, 37}, {50, 4, 37}};
        double[][] second = {{221, 103.42857, 103.57143}, {254, 97.14286, 97.28571}, {161, 94.71429, 98.0},
            {204, 98.57143, 99.42857}};
        for (ParetoNbdModel m : new ParetoNbdModel[] {STRESS1, STRESS2}) {
            for (double[] h : m == STRESS1 ? first : second) {
                double p = m.probabilityAlive(h[0], h[1], h[2]);
                assertTrue(p >= 0 && p <= 1, "P(alive) " + p);
                assertTrue(Double.isFinite(m.logLikelihood(h[0], h[1], h[2])));
                for (double t : new double[] {1, 10, 52}) {
                    double e = m.conditionalExpectedPurchases(t, h[0], h[1], h[2]);
                    assertTrue(Double.isFinite(e) && e >= 0, "E " + e);
                }
                assertTrue(Double.isFinite(m.discountedExpectedResidualTransactions(0.01, h[0], h[1], h[2])));
            }
        }
        // E[X in next 10 | 132, 200, 200] ≈ 6.2061 and | 133, 200, 200 ≈ 6.2529
        assertEquals(6.2061, FIT.conditionalExpectedPurchases(10, 132, 200, 200), 5e-5);
        assertEquals(6.2529, FIT.conditionalExpectedPurchases(10, 133, 200, 200), 5e-5);
    }

    // ---------------------------------------------------------------------------------------------------------
    // high-precision values (pareto_nbd_reference.py: mpmath, numerical integration of J, 30 digits)
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void matchesNumericalIntegrationAtHighPrecision() {
        double tol = 1e-12;
        assertEquals(0.99791776655190663276, CDNOW.probabilityAlive(26, 30.86, 31), tol);
        assertEquals(0.99787323104309521878, CDNOW.probabilityAlive(26, 30.85714, 31), tol);
        assertEquals(25.454913511499723203, CDNOW.conditionalExpectedPurchases(52, 26, 30.86, 31), 25 * tol);
        assertEquals(25.453777498530536117, CDNOW.conditionalExpectedPurchases(52, 26, 30.85714, 31), 25 * tol);
        assertEquals(6.2060517889629323176, FIT.conditionalExpectedPurchases(10, 132, 200, 200), 6 * tol);
        assertEquals(6.252872247574497254, FIT.conditionalExpectedPurchases(10, 133, 200, 200), 6 * tol);
        assertEquals(0.29496148643704221887, CDNOW.probabilityAlive(0, 0, 38.86), tol);
        assertEquals(0.86911064396813703652, CDNOW.probabilityAlive(2, 30.43, 38.86), tol);
        assertEquals(1.4550928438442545977, CDNOW.conditionalExpectedPurchases(39, 2, 30.43, 38.86), 2 * tol);
        assertEquals(0.00029214016383002033736, THIRD.probabilityAlive(3, 1.5, 20), 3e-4 * tol);
        assertEquals(-0.52112919597328546756, CDNOW.logLikelihood(0, 0, 38.86), tol);
        assertEquals(-39.132127883506136641, CDNOW.logLikelihood(26, 30.86, 31), 40 * tol);
        assertEquals(-5.7802857659070774378, THIRD.logLikelihood(3, 1.5, 20), 6 * tol);
    }

    @Test
    void stressCasesMatchNumericalIntegration() {
        // {x, t_x, T, P(alive), log-likelihood}; P(alive) relative 1e-9 (it is e^−(a log-odds of ~1000)),
        // log-likelihood 1e-12 relative
        double[][] first = {
            {400, 5, 6, 5.1374581133193813992e-31, 1323.1889309678178403},
            {500, 1, 37, 0.0, 2594.404454622756675}, // P(alive) = 7.9e-800 underflows
            {500, 4, 37, 0.0, 1888.8212497389405684}, // 2.1e-493
            {40, 5, 6, 0.0018851281873608082488, -5.719021585223090167},
            {50, 1, 37, 1.4171442912866074339e-96, 116.30126461011632045},
            {50, 4, 37, 6.7329748717995034707e-60, 31.849827969107772365},
        };
        double[][] second = {
            {221, 103.42857, 103.57143, 0.9995960523179381255, -61.584648561729206517},
            {254, 97.14286, 97.28571, 0.99955822612301072098, -19.623292217511773924},
            {161, 94.71429, 98.0, 0.74948775225810036636, -87.429254863308527788},
            {204, 98.57143, 99.42857, 0.9942550796378957178, -65.198342189260381939},
        };
        for (double[] c : first) {
            assertEquals(c[3], STRESS1.probabilityAlive(c[0], c[1], c[2]), 1e-9 * c[3] + 1e-300, "P(alive) " + c[0]);
            assertEquals(c[4], STRESS1.logLikelihood(c[0], c[1], c[2]), 1e-12 * Math.abs(c[4]), "LL " + c[0]);
        }
        for (double[] c : second) {
            assertEquals(c[3], STRESS2.probabilityAlive(c[0], c[1], c[2]), 1e-12, "P(alive) " + c[0]);
            assertEquals(c[4], STRESS2.logLikelihood(c[0], c[1], c[2]), 1e-12 * Math.abs(c[4]), "LL " + c[0]);
        }
    }

    @Test
    void discountedExpectedResidualTransactionsMatchNumericalIntegration() {
        double delta = Math.log(1.15) / 52;
        assertEquals(86.263669868959842442, CDNOW.discountedExpectedResidualTransactions(delta, 26, 30.86, 31),
                86 * 1e-12);
        assertEquals(0.47814347359642450221, CDNOW.discountedExpectedResidualTransactions(delta, 0, 0, 38.86),
                1e-12);
        assertEquals(0.0027040241436149950644, THIRD.discountedExpectedResidualTransactions(0.01, 3, 1.5, 20),
                0.0027 * 1e-12);
        assertEquals(3.9669751701068885666, STRESS2.discountedExpectedResidualTransactions(0.3, 161, 94.71429, 98),
                4e-12);
        // and against this test's own quadrature of DERT = P(alive) (r+x)/(α+T) ∫_0^∞ e^(−δu) ((β+T)/(β+T+u))^s du
        for (double[] h : new double[][] {{26, 30.86, 31}, {0, 0, 38.86}, {2, 30.43, 38.86}}) {
            for (double d : new double[] {0.0005, delta, 0.05}) {
                double bt = 11.6562 + h[2];
                // substitution u = e^v − 1, trapezoid in v
                double sum = 0.0;
                double step = 1e-3;
                for (double v = 0.0; v < 40.0; v += step) {
                    double u = Math.expm1(v);
                    double w = (v == 0.0 ? 0.5 : 1.0) * (u + 1.0);
                    sum += w * Math.exp(-d * u - 0.6061 * Math.log1p(u / bt));
                }
                double integral = sum * step;
                double expected = CDNOW.probabilityAlive(h[0], h[1], h[2]) * (0.5534 + h[0]) / (10.5802 + h[2])
                        * integral;
                assertEquals(expected, CDNOW.discountedExpectedResidualTransactions(d, h[0], h[1], h[2]),
                        1e-6 * expected, "delta=" + d + " " + java.util.Arrays.toString(h));
            }
        }
    }

    @Test
    void purchaseCountProbabilitiesMatchNumericalIntegration() {
        double[][] cases = { // {n, t, CDNOW, STRESS1, THIRD}
            {0, 5, 0.82587294922363352653, 0.00091175959695345230433, 0.023169733593994176507},
            {3, 39, 0.049046161575606858101, 0.00090806845773923530801, 0.014389969724099287905},
            {10, 2, 1.8897368128923514237e-9, 0.00089953742236284596514, 0.045383851491782582731},
            {1, 100, 0.14981022925176341301, 0.00091052686668431303073, 0.015927391198482089143},
        };
        for (double[] c : cases) {
            int n = (int) c[0];
            assertEquals(c[2], CDNOW.probabilityOfPurchases(n, c[1]), 1e-13, "CDNOW n=" + n);
            assertEquals(c[3], STRESS1.probabilityOfPurchases(n, c[1]), 1e-13, "STRESS1 n=" + n);
            assertEquals(c[4], THIRD.probabilityOfPurchases(n, c[1]), 1e-13, "THIRD n=" + n);
        }
    }

    @Test
    void purchaseCountDistributionSumsToOneWithMeanExpectedPurchases() {
        for (double t : new double[] {1, 10, 39, 78}) {
            double total = 0;
            double mean = 0;
            for (int n = 0; n < 400; n++) {
                double p = CDNOW.probabilityOfPurchases(n, t);
                total += p;
                mean += n * p;
            }
            assertEquals(1.0, total, 1e-10, "t=" + t);
            // the tail beyond 400 carries a little of the mean at long horizons
            assertEquals(CDNOW.expectedPurchases(t), mean, 1e-6 * CDNOW.expectedPurchases(t), "t=" + t);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Bayes by direct numerical integration over (λ, μ), and Monte Carlo
    // ---------------------------------------------------------------------------------------------------------

    /**
     * P(alive at T + t) by integrating over the latent rates: given (λ, μ) the history has likelihood
     * λ^x e^(−(λ+μ)T) (alive at T) + λ^x μ ∫_{t_x}^{T} e^(−(λ+μ)τ) dτ (died in between), weighted by the gamma
     * densities; trapezoid rule in (ln λ, ln μ) on a 1,200 × 1,200 grid.
     */
    static double bayesAliveAfter(double r, double alpha, double s, double beta, double x, double tx, double bigT,
                                  double t) {
        int n = 1200;
        double lo = -30;
        double hi = 6;
        double h = (hi - lo) / n;
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i <= n; i++) {
            double ul = lo + i * h;
            double lambda = Math.exp(ul);
            // gamma density in ln λ: λ^r e^(−αλ) (up to constants)
            double wl = r * ul - alpha * lambda + x * ul;
            for (int j = 0; j <= n; j++) {
                double um = lo + j * h;
                double mu = Math.exp(um);
                double wm = s * um - beta * mu;
                double k = lambda + mu;
                double alive = Math.exp(wl + wm - k * bigT);
                double died = Math.exp(wl + wm + um - k * tx) * (-Math.expm1(-k * (bigT - tx))) / k;
                numerator += alive * Math.exp(-mu * t);
                denominator += alive + died;
            }
        }
        return numerator / denominator;
    }

    @Test
    void probabilityAliveMatchesBayesOverTheLatentRates() {
        double[][] histories = {{0, 0, 38.86}, {2, 30.43, 38.86}, {5, 10, 30}};
        for (double[] hst : histories) {
            double bayes = bayesAliveAfter(0.5534, 10.5802, 0.6061, 11.6562, hst[0], hst[1], hst[2], 0);
            assertEquals(bayes, CDNOW.probabilityAlive(hst[0], hst[1], hst[2]), 1e-7,
                    java.util.Arrays.toString(hst));
            double later = bayesAliveAfter(0.5534, 10.5802, 0.6061, 11.6562, hst[0], hst[1], hst[2], 26);
            assertEquals(later, CDNOW.probabilityAliveAfter(26, hst[0], hst[1], hst[2]), 1e-7,
                    "after 26: " + java.util.Arrays.toString(hst));
        }
    }

    @Test
    void expectedPurchasesMatchMonteCarlo() {
        // 200,000 simulated new customers observed for t = 39 weeks: mean purchases vs E[X(39)] within 4 SE
        int n = 200_000;
        double[] ages = new double[n];
        java.util.Arrays.fill(ages, 39.0);
        SummaryColumns sim = ParetoNbdSimulator.of(CDNOW).simulate(ages, 20240601L);
        double[] x = sim.frequencyArray();
        double mean = 0;
        double sq = 0;
        for (double v : x) {
            mean += v;
            sq += v * v;
        }
        mean /= n;
        double se = Math.sqrt((sq / n - mean * mean) / n);
        assertEquals(CDNOW.expectedPurchases(39), mean, 4 * se);
        // and P(X(39) = 0)
        double zeros = 0;
        for (double v : x) {
            zeros += v == 0 ? 1 : 0;
        }
        double p0 = CDNOW.probabilityOfPurchases(0, 39);
        assertEquals(p0, zeros / n, 4 * Math.sqrt(p0 * (1 - p0) / n));
    }

    @Test
    void conditionalExpectationMatchesMonteCarloOnTheSameCustomers() {
        // simulate customers over 39 + 52 weeks; among those whose first 39 weeks look like (x, t_x) in a small
        // bin, the mean purchases in the following 52 weeks must match E[Y(52) | x, t_x, 39] averaged over the bin
        SplittableRandom random = new SplittableRandom(7);
        int kept = 0;
        double observed = 0;
        double predicted = 0;
        for (int i = 0; i < 2_000_000 && kept < 20_000; i++) {
            double lambda = ParetoNbdSimulator.gamma(random, 0.5534) / 10.5802;
            double mu = ParetoNbdSimulator.gamma(random, 0.6061) / 11.6562;
            double death = -Math.log(1 - random.nextDouble()) / mu;
            double time = 0;
            int before = 0;
            double last = 0;
            int after = 0;
            while (true) {
                time += -Math.log(1 - random.nextDouble()) / lambda;
                if (time > Math.min(death, 91.0)) {
                    break;
                }
                if (time <= 39.0) {
                    before++;
                    last = time;
                } else {
                    after++;
                }
            }
            if (before == 2) {
                kept++;
                observed += after;
                predicted += CDNOW.conditionalExpectedPurchases(52, 2, last, 39);
            }
        }
        double mean = observed / kept;
        // the Poisson-gamma spread of Y is large; 4 SE with SE estimated generously as sqrt(2 · mean / kept)
        assertEquals(predicted / kept, mean, 4 * Math.sqrt(2 * (mean + 1) / kept));
    }

    // ---------------------------------------------------------------------------------------------------------
    // consistency, edge cases and validation
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void continuousThroughSEqualOne() {
        ParetoNbdModel one = ParetoNbdModel.of(0.55, 10.58, 1.0, 11.67, TimeUnit.WEEK);
        ParetoNbdModel near = ParetoNbdModel.of(0.55, 10.58, 1.0 + 1e-9, 11.67, TimeUnit.WEEK);
        assertEquals(near.expectedPurchases(39), one.expectedPurchases(39), 1e-8);
        assertEquals(0.55 * 11.67 / 10.58 * Math.log1p(39 / 11.67), one.expectedPurchases(39), 1e-14);
        assertEquals(near.conditionalExpectedPurchases(52, 3, 20, 30), one.conditionalExpectedPurchases(52, 3, 20, 30),
                1e-8);
        assertTrue(Double.isFinite(one.discountedExpectedResidualTransactions(0.01, 3, 20, 30)));
    }

    @Test
    void probabilityAliveIsOneAtTheLastPurchase() {
        assertEquals(1.0, CDNOW.probabilityAlive(7, 12, 12), 0.0);
        assertEquals(CDNOW.probabilityAlive(7, 12, 12) * Math.pow(23.6562 / (23.6562 + 10), 0.6061),
                CDNOW.probabilityAliveAfter(10, 7, 12, 12), 1e-15);
        assertEquals(CDNOW.probabilityAlive(2, 30.43, 38.86), CDNOW.probabilityAliveAfter(0, 2, 30.43, 38.86), 0.0);
    }

    @Test
    void scoreAgreesWithTheSingleCustomerMethods() {
        SummaryColumns cdnow = CdnowSample.calibration();
        double[] expected = new double[cdnow.size()];
        double[] alive = new double[cdnow.size()];
        CDNOW.score(cdnow, 39, expected, alive);
        double[] x = cdnow.frequencyArray();
        double[] tx = cdnow.recencyArray();
        double[] bigT = cdnow.tArray();
        for (int i = 0; i < cdnow.size(); i++) {
            assertEquals(CDNOW.probabilityAlive(x[i], tx[i], bigT[i]), alive[i], 1e-13, "row " + i);
            assertEquals(CDNOW.conditionalExpectedPurchases(39, x[i], tx[i], bigT[i]), expected[i],
                    1e-13 * Math.max(1, expected[i]), "row " + i);
        }
        SummaryColumns days = SummaryColumns.of(x, tx, bigT, null, null, TimeUnit.DAY);
        assertThrows(IllegalArgumentException.class, () -> CDNOW.score(days, 39, expected, alive));
    }

    @Test
    void invalidHistoriesAreRejectedWithTheirValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CDNOW.probabilityAlive(2.5, 1, 2));
        assertTrue(e.getMessage().contains("x=2.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CDNOW.probabilityAlive(0, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> CDNOW.logLikelihood(1, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> CDNOW.logLikelihood(1, Double.NaN, 2));
        assertThrows(IllegalArgumentException.class, () -> CDNOW.probabilityAliveAfter(-1, 1, 1, 2));
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
                () -> CDNOW.discountedExpectedResidualTransactions(0, 1, 1, 2));
        assertTrue(d.getMessage().contains("delta=0.0"), d.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> ParetoNbdModel.of(1, 1, -2, 1, TimeUnit.WEEK));
        assertTrue(p.getMessage().contains("s=-2.0"), p.getMessage());
    }

    @Test
    void parametersInPaperOrder() {
        assertEquals(List.of("r", "alpha", "s", "beta"), List.copyOf(CDNOW.parameters().keySet()));
        assertEquals("pareto-nbd", CDNOW.name());
        assertEquals(TimeUnit.WEEK, CDNOW.timeUnit());
    }
}
