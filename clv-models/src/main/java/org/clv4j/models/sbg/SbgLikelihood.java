package org.clv4j.models.sbg;

import org.clv4j.models.internal.Digamma;
import java.util.Arrays;
import java.util.Collection;
import org.apache.commons.math3.special.Beta;
import org.clv4j.models.fit.LikelihoodFunction;

/**
 * The sBG log-likelihood of survivor counts (Fader &amp; Hardie 2007, eq. 5–7), pooled over cohorts:
 *
 * <pre>
 *   ℓ(α, β) = Σ_t L_t · ln P(T = t) + Σ_n A_n · ln S(n)
 *   ln P(T = t) = ln B(α + 1, β + t − 1) − ln B(α, β)
 *   ln S(n)     = ln B(α, β + n) − ln B(α, β)
 * </pre>
 *
 * where {@code L_t} is the number of customers lost in period {@code t} (summed over cohorts) and {@code A_n}
 * the number still alive at the last observed period {@code n} of their cohort. The gradient uses
 * {@code ∂ ln B(x, y)/∂x = ψ(x) − ψ(x + y)}, with {@code ψ(α + 1) − ψ(α) = 1/α} taken exactly.
 *
 * <p>Cohorts are aggregated into one weight per distinct period, so an evaluation costs
 * O(number of distinct periods). Immutable and thread-safe.
 */
final class SbgLikelihood implements LikelihoodFunction {

    private static final String[] NAMES = {"alpha", "beta"};

    /** Periods t in which customers were lost, and how many. */
    private final int[] churnPeriods;
    private final double[] churnWeights;
    /** Last observed periods n of cohorts with survivors, and how many survivors. */
    private final int[] censorPeriods;
    private final double[] censorWeights;
    private final double customers;

    private SbgLikelihood(int[] churnPeriods, double[] churnWeights, int[] censorPeriods, double[] censorWeights,
                          double customers) {
        this.churnPeriods = churnPeriods;
        this.churnWeights = churnWeights;
        this.censorPeriods = censorPeriods;
        this.censorWeights = censorWeights;
        this.customers = customers;
    }

    /** The likelihood of the given cohorts, pooled. */
    static SbgLikelihood of(Collection<SurvivalCohort> cohorts) {
        int last = 0;
        for (SurvivalCohort cohort : cohorts) {
            last = Math.max(last, cohort.lastPeriod());
        }
        double[] lost = new double[last + 1];
        double[] censored = new double[last + 1];
        double customers = 0.0;
        for (SurvivalCohort cohort : cohorts) {
            customers += cohort.size();
            for (int t = 1; t <= cohort.lastPeriod(); t++) {
                lost[t] += cohort.lost(t);
            }
            censored[cohort.lastPeriod()] += cohort.alive(cohort.lastPeriod());
        }
        int[] churnPeriods = new int[last + 1];
        double[] churnWeights = new double[last + 1];
        int churnCount = 0;
        int[] censorPeriods = new int[last + 1];
        double[] censorWeights = new double[last + 1];
        int censorCount = 0;
        for (int t = 0; t <= last; t++) {
            if (lost[t] > 0.0) {
                churnPeriods[churnCount] = t;
                churnWeights[churnCount++] = lost[t];
            }
            if (censored[t] > 0.0) {
                censorPeriods[censorCount] = t;
                censorWeights[censorCount++] = censored[t];
            }
        }
        return new SbgLikelihood(Arrays.copyOf(churnPeriods, churnCount), Arrays.copyOf(churnWeights, churnCount),
                Arrays.copyOf(censorPeriods, censorCount), Arrays.copyOf(censorWeights, censorCount), customers);
    }

    /** Total customers lost over all periods and cohorts. */
    double totalLost() {
        double sum = 0.0;
        for (double w : churnWeights) {
            sum += w;
        }
        return sum;
    }

    /** Whether any customer survived past period 1 (or was lost after it): information beyond first retention. */
    boolean observesBeyondFirstPeriod() {
        for (int t : churnPeriods) {
            if (t >= 2) {
                return true;
            }
        }
        for (int i = 0; i < censorPeriods.length; i++) {
            if (censorPeriods[i] >= 2) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String[] parameterNames() {
        return NAMES.clone();
    }

    @Override
    public double observations() {
        return customers;
    }

    @Override
    public double logLikelihood(double[] parameters, double[] gradient) {
        double alpha = parameters[0];
        double beta = parameters[1];
        double logBetaAB = Beta.logBeta(alpha, beta);
        double psiB = Digamma.digamma(beta);
        double psiAB = Digamma.digamma(alpha + beta);
        boolean wantGradient = gradient != null;
        double ll = 0.0;
        double dAlpha = 0.0;
        double dBeta = 0.0;
        for (int i = 0; i < churnPeriods.length; i++) {
            int t = churnPeriods[i];
            double w = churnWeights[i];
            ll += w * (Beta.logBeta(alpha + 1.0, beta + t - 1.0) - logBetaAB);
            if (wantGradient) {
                double shift = Digamma.digamma(alpha + beta + t) - psiAB;
                dAlpha += w * (1.0 / alpha - shift);
                dBeta += w * (Digamma.digamma(beta + t - 1.0) - psiB - shift);
            }
        }
        for (int i = 0; i < censorPeriods.length; i++) {
            int n = censorPeriods[i];
            double w = censorWeights[i];
            if (n == 0) {
                continue; // S(0) = 1: a cohort observed only at acquisition carries no information
            }
            ll += w * (Beta.logBeta(alpha, beta + n) - logBetaAB);
            if (wantGradient) {
                double shift = Digamma.digamma(alpha + beta + n) - psiAB;
                dAlpha -= w * shift;
                dBeta += w * (Digamma.digamma(beta + n) - psiB - shift);
            }
        }
        if (wantGradient) {
            gradient[0] = dAlpha;
            gradient[1] = dBeta;
        }
        return ll;
    }
}
