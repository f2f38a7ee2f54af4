package org.clv4j.cli;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.TransactionModel;
import org.clv4j.models.bgbb.BgBbEstimator;
import org.clv4j.models.bgbb.BgBbModel;
import org.clv4j.models.bgnbd.BgNbdEstimator;
import org.clv4j.models.bgnbd.BgNbdModel;
import org.clv4j.models.fit.FitOptions;
import org.clv4j.models.fit.FitResult;
import org.clv4j.models.gammagamma.GammaGammaEstimator;
import org.clv4j.models.gammagamma.GammaGammaFit;
import org.clv4j.models.gammagamma.GammaGammaModel;
import org.clv4j.models.mbgnbd.MbgNbdEstimator;
import org.clv4j.models.mbgnbd.MbgNbdModel;
import org.clv4j.models.paretonbd.ParetoNbdEstimator;
import org.clv4j.models.paretonbd.ParetoNbdModel;

/**
 * The models that {@code clv fit} estimates and {@code clv predict} uses, by their name in model files, with their
 * parameter names in file order (the papers' order).
 */
enum ModelKind {

    /** BG/NBD, Fader, Hardie &amp; Lee (2005). */
    BG_NBD("bg-nbd", false, "r", "alpha", "a", "b") {
        @Override
        Fit fit(SummaryColumns columns, FitOptions options) {
            return Fit.of(BgNbdEstimator.withDefaults().withOptions(options).fit(columns));
        }

        @Override
        TransactionModel transactionModel(double[] p, TimeUnit unit) {
            return BgNbdModel.of(p[0], p[1], p[2], p[3], unit);
        }
    },
    /** MBG/NBD, Batislam, Denizel &amp; Filiztekin (2007). */
    MBG_NBD("mbg-nbd", false, "r", "alpha", "a", "b") {
        @Override
        Fit fit(SummaryColumns columns, FitOptions options) {
            return Fit.of(MbgNbdEstimator.withDefaults().withOptions(options).fit(columns));
        }

        @Override
        TransactionModel transactionModel(double[] p, TimeUnit unit) {
            return MbgNbdModel.of(p[0], p[1], p[2], p[3], unit);
        }
    },
    /** Pareto/NBD, Schmittlein, Morrison &amp; Colombo (1987). */
    PARETO_NBD("pareto-nbd", false, "r", "alpha", "s", "beta") {
        @Override
        Fit fit(SummaryColumns columns, FitOptions options) {
            return Fit.of(ParetoNbdEstimator.withDefaults().withOptions(options).fit(columns));
        }

        @Override
        TransactionModel transactionModel(double[] p, TimeUnit unit) {
            return ParetoNbdModel.of(p[0], p[1], p[2], p[3], unit);
        }
    },
    /** BG/BB in discrete periods, Fader, Hardie &amp; Shang (2010). */
    BG_BB("bg-bb", true, "alpha", "beta", "gamma", "delta") {
        @Override
        Fit fit(SummaryColumns columns, FitOptions options) {
            return Fit.of(BgBbEstimator.withDefaults().withOptions(options).fit(columns));
        }

        @Override
        TransactionModel transactionModel(double[] p, TimeUnit unit) {
            return BgBbModel.of(p[0], p[1], p[2], p[3], unit);
        }
    },
    /** The Gamma-Gamma spend model, Fader &amp; Hardie (2013); γ is called {@code v} in files. */
    GAMMA_GAMMA("gamma-gamma", false, "p", "q", "v") {
        @Override
        Fit fit(SummaryColumns columns, FitOptions options) {
            GammaGammaFit fit = GammaGammaEstimator.withDefaults().withOptions(options).fit(columns);
            return new Fit(fit.result(), fit.customersFitted(), fit.excludedWithoutRepeatTransactions(),
                    fit.excludedWithZeroMeanValue());
        }

        @Override
        TransactionModel transactionModel(double[] p, TimeUnit unit) {
            throw new IllegalArgumentException("gamma-gamma is a spend model, not a transaction model");
        }

        @Override
        GammaGammaModel spendModel(double[] p) {
            return GammaGammaModel.of(p[0], p[1], p[2]);
        }
    };

    private final String id;
    private final boolean periods;
    private final List<String> parameterNames;

    ModelKind(String id, boolean periods, String... parameterNames) {
        this.id = id;
        this.periods = periods;
        this.parameterNames = List.of(parameterNames);
    }

    /** A fit with what the CLI reports: the optimum, the customers fitted and, for Gamma-Gamma, the excluded. */
    record Fit(FitResult<?> result, double observations, double excludedWithoutRepeat, double excludedZeroValue) {

        static Fit of(FitResult<?> result) {
            return new Fit(result, result.optimum().observations(), 0.0, 0.0);
        }
    }

    /** The name in model files and on the command line, e.g. {@code bg-nbd}. */
    String id() {
        return id;
    }

    /** Whether the model counts discrete periods (summaries in whole periods, {@code n_periods}). */
    boolean periods() {
        return periods;
    }

    /** Whether this is the spend model. */
    boolean isSpendModel() {
        return this == GAMMA_GAMMA;
    }

    /** The parameter names in file order. */
    List<String> parameterNames() {
        return parameterNames;
    }

    abstract Fit fit(SummaryColumns columns, FitOptions options);

    abstract TransactionModel transactionModel(double[] parameters, TimeUnit unit);

    GammaGammaModel spendModel(double[] parameters) {
        throw new IllegalArgumentException(id + " is a transaction model, not a spend model");
    }

    /** The kind named {@code id}, or null. */
    static ModelKind byId(String id) {
        for (ModelKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        return null;
    }

    /** {@code bg-nbd, mbg-nbd, pareto-nbd, bg-bb or gamma-gamma}. */
    static String names() {
        StringJoiner joiner = new StringJoiner(", ");
        ModelKind[] all = values();
        for (int i = 0; i < all.length - 1; i++) {
            joiner.add(all[i].id);
        }
        return String.format(Locale.ROOT, "%s or %s", joiner, all[all.length - 1].id);
    }

    @Override
    public String toString() {
        return id;
    }
}
