package org.clv4j.core;

import java.util.Locale;
import java.util.Objects;

/**
 * The unit in which recency, T, horizons and purchase rates are expressed.
 *
 * <p>Every summary and every fitted model carries its time unit, so that a model fitted in weeks is never asked to
 * predict a horizon given in days. A unit is a fixed number of days:
 * <ul>
 *   <li>{@link #DAY}: 1 day;</li>
 *   <li>{@link #WEEK}: 7 days;</li>
 *   <li>{@link #MONTH}: 365.25 / 12 = 30.4375 days (the mean Gregorian month);</li>
 *   <li>{@link #YEAR}: 365.25 days;</li>
 *   <li>{@link #ofDays(double)}: any positive number of days.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe. Two units are equal when they have the same length in days.
 */
public final class TimeUnit {

    /** One calendar day. */
    public static final TimeUnit DAY = new TimeUnit("day", 1.0);
    /** Seven days. */
    public static final TimeUnit WEEK = new TimeUnit("week", 7.0);
    /** The mean Gregorian month, 365.25 / 12 days. */
    public static final TimeUnit MONTH = new TimeUnit("month", 365.25 / 12.0);
    /** The mean Julian year, 365.25 days. */
    public static final TimeUnit YEAR = new TimeUnit("year", 365.25);

    private final String name;
    private final double days;

    private TimeUnit(String name, double days) {
        this.name = name;
        this.days = days;
    }

    /**
     * A unit of {@code days} days.
     *
     * @param days the length of the unit in days, finite and positive
     * @return the unit; one of the named constants when {@code days} equals 1, 7, 30.4375 or 365.25
     * @throws IllegalArgumentException if {@code days} is not finite and positive
     */
    public static TimeUnit ofDays(double days) {
        if (!(days > 0.0) || !Double.isFinite(days)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "time unit length must be a finite positive number of days: days=%s", days));
        }
        for (TimeUnit named : new TimeUnit[] {DAY, WEEK, MONTH, YEAR}) {
            if (named.days == days) {
                return named;
            }
        }
        return new TimeUnit(days + "-days", days);
    }

    /**
     * Parses a unit name: {@code day}, {@code week}, {@code month}, {@code year} (case-insensitive, plural
     * accepted), or a number of days such as {@code 14} or {@code 14-days}.
     *
     * @param text the name
     * @return the unit
     * @throws IllegalArgumentException if {@code text} names no unit
     */
    public static TimeUnit parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "day": case "days": case "d":
                return DAY;
            case "week": case "weeks": case "w":
                return WEEK;
            case "month": case "months": case "m":
                return MONTH;
            case "year": case "years": case "y":
                return YEAR;
            default:
                String number = t.endsWith("-days") ? t.substring(0, t.length() - 5) : t;
                try {
                    return ofDays(Double.parseDouble(number));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown time unit: '" + text
                            + "' (expected day, week, month, year or a number of days)", e);
                }
        }
    }

    /**
     * The unit's name: {@code day}, {@code week}, {@code month}, {@code year}, or {@code N-days}.
     *
     * @return the name, as accepted by {@link #parse(String)}
     */
    public String name() {
        return name;
    }

    /**
     * The length of the unit in days.
     *
     * @return days per unit
     */
    public double days() {
        return days;
    }

    /**
     * Converts a number of days to this unit.
     *
     * @param dayCount a duration in days
     * @return {@code dayCount / days()}
     */
    public double fromDays(double dayCount) {
        return dayCount / days;
    }

    /**
     * Converts an amount of this unit to days.
     *
     * @param amount a duration in this unit
     * @return {@code amount * days()}
     */
    public double toDays(double amount) {
        return amount * days;
    }

    /**
     * Converts a duration expressed in this unit to another unit.
     *
     * @param amount a duration in this unit
     * @param target the unit to express it in
     * @return the same duration in {@code target} units
     */
    public double convert(double amount, TimeUnit target) {
        return amount * days / target.days;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeUnit && ((TimeUnit) o).days == days;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(days);
    }

    @Override
    public String toString() {
        return name;
    }
}
