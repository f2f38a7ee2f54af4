package org.clv4j.models.internal;

import org.clv4j.models.fit.LikelihoodFunction;

/**
 * A likelihood over many rows that can hand out a systematic sample of itself and knows its own starting values:
 * what {@link PilotRefinement#maximize} needs to fit large data from a pilot fit. Not part of the public API.
 */
public interface SampledLikelihood extends LikelihoodFunction {

    /**
     * The number of distinct rows.
     *
     * @return the row count
     */
    int rows();

    /**
     * A systematic sample of about {@code size} rows, with their weights.
     *
     * @param size the number of rows wanted
     * @return the sample's likelihood
     */
    SampledLikelihood sample(int size);

    /**
     * Starting values suited to these data.
     *
     * @return the starting parameters
     */
    double[] defaultStart();
}
