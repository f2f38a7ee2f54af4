package org.clv4j.models.internal;

import java.util.concurrent.RecursiveTask;

/**
 * Sums a per-row kernel (a log-likelihood and its gradient) over many rows, splitting large inputs across the
 * common fork-join pool. Small inputs run on the calling thread. Summation order is fixed by the split, so results
 * are deterministic for a given input size.
 */
public final class ParallelSum {

    /** Rows per leaf task; below this the sum runs sequentially. */
    public static final int CHUNK = 16_384;

    private ParallelSum() {
    }

    /** The per-range work: adds the range's gradient into {@code gradient} and returns the range's value sum. */
    @FunctionalInterface
    public interface RangeKernel {
        /**
         * Accumulates rows {@code [from, to)}.
         *
         * @param from the first row, inclusive
         * @param to the last row, exclusive
         * @param gradient the gradient sum to add to (may be null when no gradient is wanted)
         * @return the sum of the values over the range
         */
        double accumulate(int from, int to, double[] gradient);
    }

    /**
     * Sums {@code kernel} over rows {@code [0, rows)}.
     *
     * @param rows the number of rows
     * @param gradient receives the gradient sum (overwritten), or null
     * @param kernel the per-range work
     * @return the value sum
     */
    public static double sum(int rows, double[] gradient, RangeKernel kernel) {
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0.0);
        }
        if (rows <= 2 * CHUNK) {
            return kernel.accumulate(0, rows, gradient);
        }
        Part part = new Part(0, rows, gradient == null ? -1 : gradient.length, kernel).invoke();
        if (gradient != null) {
            System.arraycopy(part.gradient, 0, gradient, 0, gradient.length);
        }
        return part.value;
    }

    private static final class Part extends RecursiveTask<Part> {
        private static final long serialVersionUID = 1L;
        private final int from;
        private final int to;
        private final int dimension;
        private final transient RangeKernel kernel;
        double value;
        double[] gradient;

        Part(int from, int to, int dimension, RangeKernel kernel) {
            this.from = from;
            this.to = to;
            this.dimension = dimension;
            this.kernel = kernel;
        }

        @Override
        protected Part compute() {
            if (to - from <= CHUNK) {
                gradient = dimension < 0 ? null : new double[dimension];
                value = kernel.accumulate(from, to, gradient);
                return this;
            }
            int mid = (from + to) >>> 1;
            Part left = new Part(from, mid, dimension, kernel);
            Part right = new Part(mid, to, dimension, kernel);
            left.fork();
            Part r = right.compute();
            Part l = left.join();
            value = l.value + r.value;
            gradient = l.gradient;
            if (gradient != null) {
                for (int j = 0; j < dimension; j++) {
                    gradient[j] += r.gradient[j];
                }
            }
            return this;
        }
    }
}
