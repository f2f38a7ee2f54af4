package org.clv4j.core.summary;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.clv4j.core.TimeUnit;

/**
 * How transactions become {@link CustomerSummary customer summaries}: the observation window, the optional
 * calibration/holdout split, the time unit and the refund policy.
 *
 * <p>Immutable; each {@code withX} returns a validated copy. Defaults: time unit {@link TimeUnit#DAY}, observation
 * end = the latest transaction date seen, no calibration split, refunds {@link RefundPolicy#REJECT rejected}.
 *
 * <pre>{@code
 * SummaryOptions options = SummaryOptions.defaults()
 *         .withTimeUnit(TimeUnit.WEEK)
 *         .withCalibrationEnd(LocalDate.of(1997, 9, 30))
 *         .withObservationEnd(LocalDate.of(1998, 6, 30));
 * }</pre>
 */
public final class SummaryOptions {

    private static final SummaryOptions DEFAULTS =
            new SummaryOptions(null, null, TimeUnit.DAY, RefundPolicy.REJECT);

    private final LocalDate observationEnd;
    private final LocalDate calibrationEnd;
    private final TimeUnit timeUnit;
    private final RefundPolicy refundPolicy;

    private SummaryOptions(LocalDate observationEnd, LocalDate calibrationEnd, TimeUnit timeUnit,
                           RefundPolicy refundPolicy) {
        if (observationEnd != null && calibrationEnd != null && calibrationEnd.isAfter(observationEnd)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "calibration end must not be after the observation end: calibrationEnd=%s, observationEnd=%s",
                    calibrationEnd, observationEnd));
        }
        this.observationEnd = observationEnd;
        this.calibrationEnd = calibrationEnd;
        this.timeUnit = timeUnit;
        this.refundPolicy = refundPolicy;
    }

    /**
     * The defaults: days, observation end at the latest transaction, no holdout, refunds rejected.
     *
     * @return the default options
     */
    public static SummaryOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A copy with the observation end set: transactions after it are errors, and T is measured to it (or to the
     * calibration end when one is set).
     *
     * @param date the last day of the observation window (inclusive)
     * @return the copy
     * @throws IllegalArgumentException if a calibration end after {@code date} is set
     */
    public SummaryOptions withObservationEnd(LocalDate date) {
        return new SummaryOptions(Objects.requireNonNull(date, "observationEnd"), calibrationEnd, timeUnit,
                refundPolicy);
    }

    /**
     * A copy with a calibration end: purchases up to and including it form the summary, later ones (up to the
     * observation end) the {@link Holdout}. Customers whose first purchase is after the calibration end have no
     * calibration history and are left out of the summaries.
     *
     * @param date the last day of the calibration period (inclusive)
     * @return the copy
     * @throws IllegalArgumentException if {@code date} is after the observation end
     */
    public SummaryOptions withCalibrationEnd(LocalDate date) {
        return new SummaryOptions(observationEnd, Objects.requireNonNull(date, "calibrationEnd"), timeUnit,
                refundPolicy);
    }

    /**
     * A copy with the time unit in which recency, T and holdout duration are expressed.
     *
     * @param unit the time unit
     * @return the copy
     */
    public SummaryOptions withTimeUnit(TimeUnit unit) {
        return new SummaryOptions(observationEnd, calibrationEnd, Objects.requireNonNull(unit, "timeUnit"),
                refundPolicy);
    }

    /**
     * A copy with the refund policy.
     *
     * @param policy what to do with negative amounts
     * @return the copy
     */
    public SummaryOptions withRefundPolicy(RefundPolicy policy) {
        return new SummaryOptions(observationEnd, calibrationEnd, timeUnit,
                Objects.requireNonNull(policy, "refundPolicy"));
    }

    /**
     * The observation end, if set.
     *
     * @return the last day of the observation window, or empty for "the latest transaction date"
     */
    public Optional<LocalDate> observationEnd() {
        return Optional.ofNullable(observationEnd);
    }

    /**
     * The calibration end, if set.
     *
     * @return the last day of the calibration period, or empty for "no holdout"
     */
    public Optional<LocalDate> calibrationEnd() {
        return Optional.ofNullable(calibrationEnd);
    }

    /**
     * The time unit of the summaries.
     *
     * @return the unit
     */
    public TimeUnit timeUnit() {
        return timeUnit;
    }

    /**
     * The refund policy.
     *
     * @return what happens to negative amounts
     */
    public RefundPolicy refundPolicy() {
        return refundPolicy;
    }

    @Override
    public String toString() {
        return "SummaryOptions[observationEnd=" + observationEnd + ", calibrationEnd=" + calibrationEnd
                + ", timeUnit=" + timeUnit + ", refundPolicy=" + refundPolicy + "]";
    }
}
