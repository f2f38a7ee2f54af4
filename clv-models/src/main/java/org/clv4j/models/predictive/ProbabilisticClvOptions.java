package org.clv4j.models.predictive;

import java.util.Locale;
import java.util.Objects;
import org.clv4j.core.TimeUnit;

/**
 * How {@link ProbabilisticClv} values customers: the number of steps H, the length of a step, the discount rate d
 * per step and the margin.
 *
 * <pre>
 *   CLV = margin × Σ_{i=1..H} m · (E[X(i·s)] − E[X((i−1)·s)]) / (1 + d)^i
 * </pre>
 *
 * <p>The step length s is given either as a {@link TimeUnit} ({@link #withStep(TimeUnit)}), converted to the
 * transaction model's unit when the calculation runs (a month is 30.4375/7 = 4.348 weeks), or as an explicit number
 * of the model's units ({@link #withStepLength(double)}): Python lifetimes 0.11.3 uses 4.345 weeks for a month, and
 * reproducing its figures needs exactly that.
 *
 * <p>Immutable and thread-safe; each {@code withX} returns a validated copy. Defaults: 12 steps of one
 * {@link TimeUnit#MONTH month}, discount rate 0, margin 1 (CLV in revenue).
 *
 * <pre>{@code
 * ProbabilisticClvOptions lifetimesMonthly = ProbabilisticClvOptions.defaults()
 *         .withSteps(12)
 *         .withStepLength(4.345)     // weeks, for a model in weeks
 *         .withDiscountRate(0.01)    // per step (per month)
 *         .withMargin(0.3);
 * }</pre>
 */
public final class ProbabilisticClvOptions {

    /** The largest number of steps accepted: each step costs one scoring pass over all customers. */
    public static final int MAX_STEPS = 100_000;

    private static final ProbabilisticClvOptions DEFAULTS = new ProbabilisticClvOptions(12, TimeUnit.MONTH,
            Double.NaN, 0.0, 1.0);

    private final int steps;
    /** The step as a time unit, or null when {@link #stepLength} is given in model units. */
    private final TimeUnit step;
    /** The step in model units, or NaN when {@link #step} is given as a time unit. */
    private final double stepLength;
    private final double discountRate;
    private final double margin;

    private ProbabilisticClvOptions(int steps, TimeUnit step, double stepLength, double discountRate,
                                    double margin) {
        this.steps = steps;
        this.step = step;
        this.stepLength = stepLength;
        this.discountRate = discountRate;
        this.margin = margin;
    }

    /**
     * The default options: 12 monthly steps, no discounting, margin 1.
     *
     * @return the defaults
     */
    public static ProbabilisticClvOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A copy with the number of steps H; the horizon is H step lengths.
     *
     * @param count the number of steps, {@code 1 <= count <=} {@link #MAX_STEPS}
     * @return the copy
     * @throws IllegalArgumentException if {@code count} is out of range
     */
    public ProbabilisticClvOptions withSteps(int count) {
        if (count < 1 || count > MAX_STEPS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "steps must be between 1 and %d: steps=%d", MAX_STEPS, count));
        }
        return new ProbabilisticClvOptions(count, step, stepLength, discountRate, margin);
    }

    /**
     * A copy whose step is one {@code unit}, converted to the transaction model's time unit when the calculation
     * runs: a {@link TimeUnit#MONTH month} is 4.348 weeks for a model in weeks, 30.4375 for one in days.
     *
     * @param unit the length of a step
     * @return the copy
     */
    public ProbabilisticClvOptions withStep(TimeUnit unit) {
        return new ProbabilisticClvOptions(steps, Objects.requireNonNull(unit, "step"), Double.NaN, discountRate,
                margin);
    }

    /**
     * A copy whose step is {@code length} units of the transaction model's time unit, whatever that unit is:
     * {@code 4.345} with a model in weeks reproduces Python lifetimes' monthly steps, {@code 1} steps one model unit
     * (one period for BG/BB) at a time.
     *
     * @param length the step length in model units, finite and {@code > 0}
     * @return the copy
     * @throws IllegalArgumentException if {@code length} is not finite and positive
     */
    public ProbabilisticClvOptions withStepLength(double length) {
        if (!(length > 0.0) || !Double.isFinite(length)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "step length must be finite and > 0 (in the model's time unit): stepLength=%s", length));
        }
        return new ProbabilisticClvOptions(steps, null, length, discountRate, margin);
    }

    /**
     * A copy with the discount rate per step: the value of step i is divided by (1 + d)^i.
     *
     * @param rate the rate d per step, finite and {@code >= 0}; 0 for no discounting
     * @return the copy
     * @throws IllegalArgumentException if {@code rate} is negative or not finite
     */
    public ProbabilisticClvOptions withDiscountRate(double rate) {
        if (!(rate >= 0.0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "discount rate must be finite and >= 0 (per step): discountRate=%s", rate));
        }
        return new ProbabilisticClvOptions(steps, step, stepLength, rate, margin);
    }

    /**
     * A copy with the profit margin, the share of revenue that is profit.
     *
     * @param margin a fraction in [0, 1]; 1 values customers by revenue
     * @return the copy
     * @throws IllegalArgumentException if {@code margin} is outside [0, 1]
     */
    public ProbabilisticClvOptions withMargin(double margin) {
        if (!(margin >= 0.0 && margin <= 1.0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "margin must be a fraction in [0, 1]: margin=%s", margin));
        }
        return new ProbabilisticClvOptions(steps, step, stepLength, discountRate, margin);
    }

    /**
     * The number of steps H.
     *
     * @return H, {@code >= 1}
     */
    public int steps() {
        return steps;
    }

    /**
     * The step length in a model's time unit: {@link #withStepLength(double) the explicit length}, or
     * {@link #withStep(TimeUnit) the step unit} converted to {@code modelUnit}.
     *
     * @param modelUnit the transaction model's time unit
     * @return the step length s in {@code modelUnit}, {@code > 0}
     */
    public double stepLength(TimeUnit modelUnit) {
        Objects.requireNonNull(modelUnit, "modelUnit");
        return step == null ? stepLength : step.convert(1.0, modelUnit);
    }

    /**
     * A description of the step, for messages and reports: {@code "1 month"} or {@code "4.345 model units"}.
     *
     * @return the description
     */
    public String stepDescription() {
        return step == null ? stepLength + " model units" : "1 " + step;
    }

    /**
     * The discount rate per step.
     *
     * @return d, {@code >= 0}
     */
    public double discountRate() {
        return discountRate;
    }

    /**
     * The margin.
     *
     * @return the share of revenue that is profit, in [0, 1]
     */
    public double margin() {
        return margin;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ProbabilisticClvOptions[steps=%d, step=%s, discountRate=%s, margin=%s]",
                steps, stepDescription(), discountRate, margin);
    }
}
