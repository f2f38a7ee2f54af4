package org.clv4j.models.paretonbd;

import org.clv4j.models.special.Hypergeometric2F1;

/**
 * The integral at the heart of the Pareto/NBD likelihood and P(alive),
 * <pre>
 *   J = ∫_{t_x}^{T} (α+τ)^(−a) (β+τ)^(−b) dτ,      a = r + x, b = s + 1,
 * </pre>
 * the (unnormalised) probability that a customer with x purchases by t_x died at some τ in (t_x, T]: the purchase
 * part ∫ λ^x e^(−λτ) dG(λ) = Γ(r+x)/Γ(r) α^r (α+τ)^(−(r+x)) times the death density ∫ μ e^(−μτ) dG(μ) =
 * s β^s (β+τ)^(−(s+1)) (Fader &amp; Hardie 2005, "A note on deriving the Pareto/NBD model and related
 * expressions", Hardie's note 009).
 *
 * <p>With A = a + b − 1 = r + s + x, m = min(α, β), M = max(α, β) and ζ(t) = |α − β|/(M + t) in [0, 1), the tail
 * integral H(t) = ∫_t^∞ has the closed forms
 * <pre>
 *   H(t) = (M+t)^(−A) 2F1(A, e'; A+1; ζ) / A                          (e' = b if α ≥ β, a if α &lt; β)
 *        = (α+t)^(−a) (β+t)^(−b) (m+t)/A · K(ζ),  K(ζ) = Σ_n (e)_n/(A+1)_n ζ^n   (e = a if α ≥ β, b if α &lt; β)
 * </pre>
 * (the second is Euler's transformation of the first), and J = H(t_x) − H(T). K is a series of positive terms
 * whose ratios are below ζ, and its derivatives in e, A and ζ are summed in the same pass
 * (∂(e)_n/∂e = (e)_n Σ_{j&lt;n} 1/(e+j); see {@link Coefficients}), so the log-likelihood and its analytic gradient
 * cost one pass. Where ζ(t_x) &gt; {@value #SERIES_LIMIT} (one of α, β much larger than the other plus t_x) or
 * H(T)/H(t_x) &gt; {@value #DIFFERENCE_LIMIT} (J a small difference of the two tails), J and the integrals of its
 * derivatives (differentiated under the integral sign) are computed instead by Gauss–Legendre quadrature in
 * w = ln((m+τ)/(m+t_x)): one 8-point rule in the second case, where the integrand changes little over [t_x, T],
 * adaptive 16-point otherwise.
 */
final class ParetoNbdIntegral {

    /** Largest ζ(t_x) evaluated by the series (0.9^n falls below 2^−56 in about 370 terms). */
    static final double SERIES_LIMIT = 0.9;
    /** Largest H(T)/H(t_x) for which J = H(t_x) − H(T) loses at most a digit. */
    static final double DIFFERENCE_LIMIT = 0.9;
    /** Terms of K that the series may need at ζ = {@value #SERIES_LIMIT}, with a margin. */
    static final int MAX_TERMS = 520;
    private static final double TOLERANCE = 0x1p-56;

    private ParetoNbdIntegral() {
    }

    // ---------------------------------------------------------------------------------------------------------
    // Value only (model predictions)
    // ---------------------------------------------------------------------------------------------------------

    static double zeta(double alpha, double beta, double t) {
        return alpha >= beta ? (alpha - beta) / (alpha + t) : (beta - alpha) / (beta + t);
    }

    /** K(ζ) = Σ_n (e)_n/(A+1)_n ζ^n for ζ &lt;= {@link #SERIES_LIMIT}. */
    static double series(double e, double bigA, double z) {
        double k = 1.0;
        double sum = 1.0;
        for (int n = 0; n < MAX_TERMS && k > TOLERANCE * sum * (1.0 - z); n++) {
            k *= (e + n) * z / (bigA + 1.0 + n);
            sum += k;
        }
        return sum;
    }

    /**
     * ln(s J / ((α+T)^(−(r+x)) (β+T)^(−s))), the log-odds of "died in (t_x, T]" against "alive at T" given the
     * history; −∞ when t_x = T. P(alive) = 1/(1 + e^this).
     */
    static double logDeadOverAlive(double r, double alpha, double s, double beta, double x, double tx,
                                   double bigT) {
        if (tx == bigT) {
            return Double.NEGATIVE_INFINITY;
        }
        double a = r + x;
        double b = s + 1.0;
        double bigA = a + s;
        double lnAT = Math.log(alpha + bigT);
        double lnBT = Math.log(beta + bigT);
        double alive = -a * lnAT - s * lnBT;
        double z1 = zeta(alpha, beta, tx);
        if (z1 <= SERIES_LIMIT) {
            // H(t)/e^alive = R(t) (m+t)/(β+T) K(ζ(t))/A with R(t) = f(t)/f(T), f(τ) = (α+τ)^(−a)(β+τ)^(−b)
            boolean alphaLarger = alpha >= beta;
            double e = alphaLarger ? a : b;
            double m = Math.min(alpha, beta);
            double lnR = -a * (Math.log(alpha + tx) - lnAT) - b * (Math.log(beta + tx) - lnBT);
            double ln1 = lnR + Math.log((m + tx) / (beta + bigT) * series(e, bigA, z1) / bigA);
            double ln2 = Math.log((m + bigT) / (beta + bigT) * series(e, bigA, zeta(alpha, beta, bigT)) / bigA);
            double rho = Math.exp(ln2 - ln1);
            if (rho <= DIFFERENCE_LIMIT) {
                return Math.log(s) + ln1 + Math.log1p(-rho);
            }
        }
        return Math.log(s) + logJ(r, alpha, s, beta, x, tx, bigT) - alive;
    }

    /**
     * e^{@link #logDeadOverAlive}, computed without logarithms of the series where possible (for scoring many
     * customers); may be +∞ when the customer is certainly dead (P(alive) = 0). {@code lnAlpha} and
     * {@code lnBeta} are ln α and ln β.
     */
    static double deadOverAlive(double r, double alpha, double s, double beta, double lnAlpha, double lnBeta,
                                double x, double tx, double bigT) {
        if (tx == bigT) {
            return 0.0;
        }
        double z1 = zeta(alpha, beta, tx);
        if (z1 <= SERIES_LIMIT) {
            double a = r + x;
            double b = s + 1.0;
            double bigA = a + s;
            boolean alphaLarger = alpha >= beta;
            double e = alphaLarger ? a : b;
            double m = Math.min(alpha, beta);
            double at = alpha + bigT;
            double bt = beta + bigT;
            double lnAtx = tx == 0.0 ? lnAlpha : Math.log(alpha + tx);
            double lnBtx = tx == 0.0 ? lnBeta : Math.log(beta + tx);
            double lnR = -a * (lnAtx - Math.log(at)) - b * (lnBtx - Math.log(bt));
            if (lnR < 600.0) {
                double h1 = Math.exp(lnR) * (m + tx) / bt * series(e, bigA, z1) / bigA;
                double z2 = alphaLarger ? (alpha - beta) / at : (beta - alpha) / bt;
                double h2 = (m + bigT) / bt * series(e, bigA, z2) / bigA;
                if (h2 <= DIFFERENCE_LIMIT * h1) {
                    return s * (h1 - h2);
                }
            }
        }
        return Math.exp(logDeadOverAlive(r, alpha, s, beta, x, tx, bigT));
    }

    /**
     * ln J for one customer; −∞ when t_x = T.
     */
    static double logJ(double r, double alpha, double s, double beta, double x, double tx, double bigT) {
        if (tx == bigT) {
            return Double.NEGATIVE_INFINITY;
        }
        double h1 = logH(r, alpha, s, beta, x, tx);
        double h2 = logH(r, alpha, s, beta, x, bigT);
        double rho = Math.exp(h2 - h1);
        if (rho <= DIFFERENCE_LIMIT) {
            return h1 + Math.log1p(-rho);
        }
        return quadrature(r + x, s + 1.0, alpha, beta, tx, bigT, null);
    }

    /** ln H(t) = ln ∫_t^∞ (α+τ)^(−a)(β+τ)^(−b) dτ. */
    static double logH(double r, double alpha, double s, double beta, double x, double t) {
        double a = r + x;
        double b = s + 1.0;
        double bigA = a + s;
        double z = zeta(alpha, beta, t);
        if (z <= SERIES_LIMIT) {
            double e = alpha >= beta ? a : b;
            double m = Math.min(alpha, beta);
            return -a * Math.log(alpha + t) - b * Math.log(beta + t) + Math.log(m + t) - Math.log(bigA)
                    + Math.log(series(e, bigA, z));
        }
        double bigM = Math.max(alpha, beta);
        double eprime = alpha >= beta ? b : a;
        return -bigA * Math.log(bigM + t) + Hypergeometric2F1.log2F1(bigA, eprime, bigA + 1.0, z) - Math.log(bigA);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Value and gradient (likelihood)
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Per-evaluation tables shared by all rows: 1/(r+s+x) for x up to the largest x, 1/(r+m) and 1/(r+s+1+m) for
     * m up to the largest x plus the series length, 1/(s+1+j) for j below the series length.
     */
    static final class Tables {
        final double[] invR;
        final double[] invA;
        final double[] invA1;
        final double[] invB;

        Tables(double r, double s, int maxX) {
            invA = new double[maxX + 1];
            for (int v = 0; v <= maxX; v++) {
                invA[v] = 1.0 / (r + s + v);
            }
            int size = maxX + MAX_TERMS + 2;
            invR = new double[size];
            invA1 = new double[size];
            for (int m = 0; m < size; m++) {
                invR[m] = 1.0 / (r + m);
                invA1[m] = 1.0 / (r + s + 1.0 + m);
            }
            invB = new double[MAX_TERMS + 2];
            for (int j = 0; j < invB.length; j++) {
                invB[j] = 1.0 / (s + 1.0 + j);
            }
        }
    }

    /**
     * The coefficients of K(ζ) = Σ_n c_n ζ^n, c_n = (e)_n/(A+1)_n, for one x (e = r + x when α ≥ β, else s + 1;
     * A + 1 = r + s + x + 1), with those of its derivative sums: with E_n = Σ_{j&lt;n} 1/(e+j) and
     * D_n = Σ_{j&lt;n} 1/(A+1+j), ∂K/∂e = Σ c_n E_n ζ^n, ∂K/∂A = −Σ c_n D_n ζ^n and ∂K/∂ζ = Σ n c_n ζ^(n−1); so the
     * tables hold c_n, c_n E_n, c_n D_n and (n+1) c_{n+1}, up to the degree that ζ_max needs. The likelihood visits
     * rows ordered by x and rebuilds these when x changes, so each row's series costs a multiply-add per
     * coefficient with no dependency between terms but the power of ζ.
     */
    static final class Coefficients {
        private double[] c = new double[64];
        private double[] cE = new double[64];
        private double[] cD = new double[64];
        private double[] cN = new double[64];
        private double[] stop = new double[64];
        private int degree;

        /** Builds the coefficients for x, e = r + x (α ≥ β) or s + 1, up to the degree ζ_max needs. */
        void build(Tables tab, int x, double e, boolean alphaLarger, double zetaMax) {
            double[] invE = alphaLarger ? tab.invR : tab.invB;
            int eBase = alphaLarger ? x : 0;
            double[] invA1 = tab.invA1;
            double slack = TOLERANCE * (1.0 - zetaMax) * (1.0 - zetaMax);
            double cn = 1.0;
            double en = 0.0;
            double dn = 0.0;
            double power = 1.0;
            int n = 0;
            while (true) {
                ensure(n + 2);
                c[n] = cn;
                cE[n] = cn * en;
                cD[n] = cn * dn;
                stop[n] = cn * (n + 1.0 + en + dn);
                double next = cn * (e + n) * invA1[x + n];
                cN[n] = (n + 1) * next;
                boolean enough = n >= 1 && stop[n] * power <= slack;
                if (enough || n + 1 >= MAX_TERMS) {
                    degree = n;
                    return;
                }
                en += invE[eBase + n];
                dn += invA1[x + n];
                cn = next;
                power *= zetaMax;
                n++;
            }
        }

        private void ensure(int size) {
            if (size > c.length) {
                int length = Math.max(size, 2 * c.length);
                c = java.util.Arrays.copyOf(c, length);
                cE = java.util.Arrays.copyOf(cE, length);
                cD = java.util.Arrays.copyOf(cD, length);
                cN = java.util.Arrays.copyOf(cN, length);
                stop = java.util.Arrays.copyOf(stop, length);
            }
        }

        /**
         * The sums {K, Σ c_n E_n ζ^n, Σ c_n D_n ζ^n, Σ n c_n ζ^(n−1)} at ζ &lt;= ζ_max, written at {@code offset}.
         */
        void sums(double z, double[] out, int offset) {
            double[] cc = c;
            double[] ce = cE;
            double[] cd = cD;
            double[] cn = cN;
            double[] st = stop;
            int last = Math.min(degree, Math.min(cc.length, Math.min(ce.length, Math.min(cd.length,
                    Math.min(cn.length, st.length)))) - 1);
            double sum = 1.0;
            double sumE = 0.0;
            double sumD = 0.0;
            double sumN = cn[0];
            double slack = TOLERANCE * (1.0 - z) * (1.0 - z);
            double power = 1.0;
            for (int n = 1; n <= last; n++) {
                power *= z;
                sum += cc[n] * power;
                sumE += ce[n] * power;
                sumD += cd[n] * power;
                sumN += cn[n] * power;
                if (st[n] * power <= slack * sum) {
                    break;
                }
            }
            out[offset] = sum;
            out[offset + 1] = sumE;
            out[offset + 2] = sumD;
            out[offset + 3] = sumN;
        }
    }

    /**
     * ∂ ln H(t)/∂(r, α, s, β) from the series sums of {@link Coefficients#sums} (at {@code sums[offset..]}),
     * written to {@code out[1..4]}. With ln H = −a ln(α+t) − b ln(β+t) + ln(m+t) − ln A + ln K(ζ), a = r + x,
     * b = s + 1, A = r + s + x.
     */
    static void logHGradient(double a, double b, double invBigA, double alpha, double beta, double t, double lnAt,
                             double lnBt, boolean alphaLarger, double[] sums, int offset, double[] out) {
        double invK = 1.0 / sums[offset];
        double dlnKde = sums[offset + 1] * invK;
        double dlnKdz = sums[offset + 3] * invK;
        double common = -invBigA - sums[offset + 2] * invK;
        double invAt = 1.0 / (alpha + t);
        double invBt = 1.0 / (beta + t);
        double dr = -lnAt + common;
        double ds = -lnBt + common;
        double dAlpha = -a * invAt;
        double dBeta = -b * invBt;
        if (alphaLarger) {
            dr += dlnKde;
            dBeta += invBt - dlnKdz * invAt;
            dAlpha += dlnKdz * (beta + t) * invAt * invAt;
        } else {
            ds += dlnKde;
            dAlpha += invAt - dlnKdz * invBt;
            dBeta += dlnKdz * (alpha + t) * invBt * invBt;
        }
        out[1] = dr;
        out[2] = dAlpha;
        out[3] = ds;
        out[4] = dBeta;
    }

    /**
     * ln J and ∂ ln J/∂(r, α, s, β) by quadrature (for the rows the series does not serve): {@code out} receives
     * {ln J, ∂/∂r, ∂/∂α, ∂/∂s, ∂/∂β}. A fixed 8-point rule when {@code shortInterval} (J less than a tenth of the
     * tail H(t_x), so that the integrand changes little over [t_x, T]), else adaptive.
     */
    static void logJByQuadrature(double a, double b, double alpha, double beta, double tx, double bigT,
                                 boolean shortInterval, double[] out) {
        double[] moments = new double[4];
        out[0] = shortInterval ? fixedRule(a, b, alpha, beta, tx, bigT, moments)
                : quadrature(a, b, alpha, beta, tx, bigT, moments);
        out[1] = -moments[0];
        out[2] = -a * moments[1];
        out[3] = -moments[2];
        out[4] = -b * moments[3];
    }

    /** ln J and moments by one 8-point Gauss–Legendre rule in w (see {@link #quadrature}). */
    static double fixedRule(double a, double b, double alpha, double beta, double tx, double bigT,
                            double[] moments) {
        double m = Math.min(alpha, beta);
        double m0 = m + tx;
        double width = Math.log((m + bigT) / m0);
        double scale = -a * Math.log(alpha + tx) - b * Math.log(beta + tx);
        double[] total = new double[5];
        rule(NODES_8, WEIGHTS_8, 0.0, width, a, b, alpha, beta, m, m0, scale, true, total, 0);
        for (int j = 0; j < 4; j++) {
            moments[j] = total[j + 1] / total[0];
        }
        return scale + Math.log(total[0]);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Adaptive Gauss–Legendre quadrature
    // ---------------------------------------------------------------------------------------------------------

    /** 16-point Gauss–Legendre nodes (positive half) and weights on [−1, 1]. */
    private static final double[] NODES = {
        0.0950125098376374401853193, 0.2816035507792589132304605, 0.4580167776572273863424194,
        0.6178762444026437484466718, 0.7554044083550030338951012, 0.8656312023878317438804679,
        0.9445750230732325760779884, 0.9894009349916499325961542};
    private static final double[] WEIGHTS = {
        0.1894506104550684962853967, 0.1826034150449235888667637, 0.1691565193950025381893121,
        0.1495959888165767320815017, 0.1246289712555338720524763, 0.0951585116824927848099251,
        0.0622535239386478928628438, 0.0271524594117540948517806};
    /** 8-point Gauss–Legendre nodes (positive half) and weights on [−1, 1]. */
    private static final double[] NODES_8 = {
        0.1834346424956498049394761, 0.5255324099163289858177390, 0.7966664774136267395915539,
        0.9602898564975362316835609};
    private static final double[] WEIGHTS_8 = {
        0.3626837833783619829651504, 0.3137066458778872873379622, 0.2223810344533744705443560,
        0.1012285362903762591525314};
    private static final int MAX_INTERVALS = 4096;

    /**
     * ln J by adaptive 16-point Gauss–Legendre quadrature in w = ln((m+τ)/(m+t_x)), m = min(α, β); if
     * {@code moments} is not null it receives the J-weighted means of ln(α+τ), 1/(α+τ), ln(β+τ), 1/(β+τ).
     * Intervals are halved until the two halves agree with the whole to 2^−50 of the running total.
     */
    static double quadrature(double a, double b, double alpha, double beta, double tx, double bigT,
                             double[] moments) {
        double m = Math.min(alpha, beta);
        double m0 = m + tx;
        double width = Math.log((m + bigT) / m0);
        double lnA0 = Math.log(alpha + tx);
        double lnB0 = Math.log(beta + tx);
        // ln of the integrand at τ = t_x (in τ), used as the scale
        double scale = -a * lnA0 - b * lnB0;
        double[] total = new double[5];
        double[] whole = new double[5];
        double[] left = new double[5];
        double[] right = new double[5];
        double[] stack = new double[2 * 64];
        double[] wholeStack = new double[5 * 64];
        int top = 0;
        stack[0] = 0.0;
        stack[1] = width;
        rule(NODES, WEIGHTS, 0.0, width, a, b, alpha, beta, m, m0, scale, moments != null, wholeStack, 0);
        top = 1;
        int intervals = 0;
        while (top > 0) {
            top--;
            double lo = stack[2 * top];
            double hi = stack[2 * top + 1];
            System.arraycopy(wholeStack, 5 * top, whole, 0, 5);
            double mid = 0.5 * (lo + hi);
            rule(NODES, WEIGHTS, lo, mid, a, b, alpha, beta, m, m0, scale, moments != null, left, 0);
            rule(NODES, WEIGHTS, mid, hi, a, b, alpha, beta, m, m0, scale, moments != null, right, 0);
            intervals++;
            double refined = left[0] + right[0];
            double estimate = Math.max(total[0] + refined, Double.MIN_NORMAL);
            boolean accept = Math.abs(refined - whole[0]) <= 0x1p-50 * estimate || top >= 62
                    || intervals >= MAX_INTERVALS || hi - lo <= 1e-15 * Math.max(1.0, width);
            if (accept) {
                for (int j = 0; j < 5; j++) {
                    total[j] += left[j] + right[j];
                }
            } else {
                stack[2 * top] = mid;
                stack[2 * top + 1] = hi;
                System.arraycopy(right, 0, wholeStack, 5 * top, 5);
                top++;
                stack[2 * top] = lo;
                stack[2 * top + 1] = mid;
                System.arraycopy(left, 0, wholeStack, 5 * top, 5);
                top++;
            }
        }
        if (moments != null) {
            for (int j = 0; j < 4; j++) {
                moments[j] = total[j + 1] / total[0];
            }
        }
        return scale + Math.log(total[0]);
    }

    /**
     * One Gauss–Legendre rule on [lo, hi] in w; out[0] = ∫ g, out[1..4] = ∫ g·{ln(α+τ), 1/(α+τ), ln(β+τ),
     * 1/(β+τ)}.
     */
    private static void rule(double[] nodes, double[] weights, double lo, double hi, double a, double b,
                             double alpha, double beta, double m, double m0, double scale, boolean withMoments,
                             double[] out, int offset) {
        double half = 0.5 * (hi - lo);
        double centre = 0.5 * (lo + hi);
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        double s4 = 0.0;
        for (int i = 0; i < 2 * nodes.length; i++) {
            int k = i >> 1;
            double w = centre + ((i & 1) == 0 ? -half : half) * nodes[k];
            double mt = m0 * Math.exp(w); // m + τ
            double tau = mt - m;
            double at = alpha + tau;
            double bt = beta + tau;
            double lnAt = Math.log(at);
            double lnBt = Math.log(bt);
            // f(τ) dτ = (α+τ)^(−a) (β+τ)^(−b) (m+τ) dw, relative to e^scale
            double g = weights[k] * Math.exp(-a * lnAt - b * lnBt - scale) * mt;
            s0 += g;
            if (withMoments) {
                s1 += g * lnAt;
                s2 += g / at;
                s3 += g * lnBt;
                s4 += g / bt;
            }
        }
        out[offset] = s0 * half;
        out[offset + 1] = s1 * half;
        out[offset + 2] = s2 * half;
        out[offset + 3] = s3 * half;
        out[offset + 4] = s4 * half;
    }
}
