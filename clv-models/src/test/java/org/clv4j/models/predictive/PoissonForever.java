package org.clv4j.models.predictive;

import java.util.Map;
import org.clv4j.core.TimeUnit;
import org.clv4j.models.TransactionModel;

/**
 * A hand-computable transaction model for tests: every customer buys at rate λ forever (a Poisson process, never
 * dropping out), whatever its history, so E[X(t) | x, t_x, T] = λ t and P(alive) = 1.
 */
final class PoissonForever implements TransactionModel {

    private final double lambda;
    private final TimeUnit unit;

    PoissonForever(double lambda, TimeUnit unit) {
        this.lambda = lambda;
        this.unit = unit;
    }

    @Override
    public String name() {
        return "poisson-forever";
    }

    @Override
    public TimeUnit timeUnit() {
        return unit;
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("lambda", lambda);
    }

    @Override
    public double expectedPurchases(double t) {
        return lambda * t;
    }

    @Override
    public double conditionalExpectedPurchases(double t, double x, double tx, double T) {
        return lambda * t;
    }

    @Override
    public double probabilityAlive(double x, double tx, double T) {
        return 1.0;
    }

    @Override
    public double probabilityOfPurchases(int n, double t) {
        double logP = n * Math.log(lambda * t) - lambda * t;
        for (int k = 2; k <= n; k++) {
            logP -= Math.log(k);
        }
        return Math.exp(logP);
    }

    @Override
    public double logLikelihood(double x, double tx, double T) {
        return x * Math.log(lambda) - lambda * T;
    }
}
