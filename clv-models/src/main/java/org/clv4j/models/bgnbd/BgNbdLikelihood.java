package org.clv4j.models.bgnbd;

import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.fit.LikelihoodFunction;
import org.clv4j.models.internal.BetaGeometricNbdLikelihood;

/**
 * The BG/NBD log-likelihood over a data set, Fader, Hardie &amp; Lee (2005) eq. (6), in log space with the analytic
 * gradient; see {@link BetaGeometricNbdLikelihood} for the formulas.
 */
final class BgNbdLikelihood implements LikelihoodFunction {

    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    private final BetaGeometricNbdLikelihood kernel;

    BgNbdLikelihood(SummaryColumns columns) {
        this(new BetaGeometricNbdLikelihood(0, columns.frequencyArray(), columns.recencyArray(),
                columns.tArray(), columns.weightArray()));
    }

    private BgNbdLikelihood(BetaGeometricNbdLikelihood kernel) {
        this.kernel = kernel;
    }

    /** The number of distinct rows. */
    int rows() {
        return kernel.rows();
    }

    /** A systematic sample of about {@code size} rows (every k-th row in the kernel's order). */
    BgNbdLikelihood sample(int size) {
        return new BgNbdLikelihood(kernel.sample(size));
    }

    /** The default starting values for these data. */
    double[] defaultStart() {
        return kernel.defaultStart();
    }

    @Override
    public String[] parameterNames() {
        return NAMES.clone();
    }

    @Override
    public double observations() {
        return kernel.observations();
    }

    @Override
    public double logLikelihood(double[] parameters, double[] gradient) {
        return kernel.logLikelihood(parameters, gradient);
    }
}
