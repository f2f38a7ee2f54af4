package org.clv4j.models.mbgnbd;

import org.clv4j.core.summary.SummaryColumns;
import org.clv4j.models.fit.LikelihoodFunction;
import org.clv4j.models.internal.BetaGeometricNbdLikelihood;

/**
 * The MBG/NBD log-likelihood over a data set (Batislam, Denizel &amp; Filiztekin 2007), in log space with the analytic
 * gradient; see {@link BetaGeometricNbdLikelihood} for the formulas.
 */
final class MbgNbdLikelihood implements LikelihoodFunction {

    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    private final BetaGeometricNbdLikelihood kernel;

    MbgNbdLikelihood(SummaryColumns columns) {
        this(new BetaGeometricNbdLikelihood(1, columns.frequencyArray(), columns.recencyArray(),
                columns.tArray(), columns.weightArray()));
    }

    private MbgNbdLikelihood(BetaGeometricNbdLikelihood kernel) {
        this.kernel = kernel;
    }

    /** The number of distinct rows. */
    int rows() {
        return kernel.rows();
    }

    /** A systematic sample of about {@code size} rows (every k-th row in the kernel's order). */
    MbgNbdLikelihood sample(int size) {
        return new MbgNbdLikelihood(kernel.sample(size));
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
