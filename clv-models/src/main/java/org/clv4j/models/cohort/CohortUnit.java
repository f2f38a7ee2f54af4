package org.clv4j.models.cohort;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Objects;

/**
 * The calendar period by which customers are grouped into cohorts and their activity is counted: ISO week,
 * calendar month, calendar quarter or calendar year.
 *
 * <p>Each period has an absolute <em>index</em>, an integer that grows by one from one period to the next, so
 * that "periods since acquisition" is a subtraction of indices:
 * <ul>
 *   <li>{@link #WEEK}: ISO weeks, Monday to Sunday; index = ⌊(epochDay + 3) / 7⌋ (1970-01-01 was a Thursday);
 *       label {@code 2010-W48} (ISO week-based year and week number);</li>
 *   <li>{@link #MONTH}: index = 12·year + month − 1; label {@code 2010-12};</li>
 *   <li>{@link #QUARTER}: index = 4·year + (month − 1) / 3; label {@code 2010-Q4};</li>
 *   <li>{@link #YEAR}: index = year; label {@code 2010}.</li>
 * </ul>
 *
 * <p>Unlike {@link org.clv4j.core.TimeUnit}, which is a fixed number of days for model time, a cohort unit
 * follows the calendar: months have 28 to 31 days.
 */
public enum CohortUnit {
    /** ISO weeks (Monday to Sunday), labelled {@code 2010-W48}. */
    WEEK,
    /** Calendar months, labelled {@code 2010-12}. */
    MONTH,
    /** Calendar quarters, labelled {@code 2010-Q4}. */
    QUARTER,
    /** Calendar years, labelled {@code 2010}. */
    YEAR;

    /**
     * Parses a unit name, case-insensitively: {@code week}, {@code month}, {@code quarter} or {@code year}
     * (plural accepted).
     *
     * @param text the name
     * @return the unit
     * @throws IllegalArgumentException if {@code text} names no unit
     */
    public static CohortUnit parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "week": case "weeks":
                return WEEK;
            case "month": case "months":
                return MONTH;
            case "quarter": case "quarters":
                return QUARTER;
            case "year": case "years":
                return YEAR;
            default:
                throw new IllegalArgumentException("unknown cohort unit: '" + text
                        + "' (expected week, month, quarter or year)");
        }
    }

    /**
     * The unit's name in lower case, as accepted by {@link #parse(String)}: {@code week}, {@code month},
     * {@code quarter} or {@code year}.
     *
     * @return the name
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The absolute index of the period that contains {@code date}.
     *
     * @param date a calendar day
     * @return the period index; consecutive periods have consecutive indices
     */
    public long periodIndex(LocalDate date) {
        switch (this) {
            case WEEK:
                return Math.floorDiv(date.toEpochDay() + 3, 7);
            case MONTH:
                return 12L * date.getYear() + date.getMonthValue() - 1;
            case QUARTER:
                return 4L * date.getYear() + (date.getMonthValue() - 1) / 3;
            case YEAR:
            default:
                return date.getYear();
        }
    }

    /**
     * The first day of a period.
     *
     * @param index a period index, as returned by {@link #periodIndex(LocalDate)}
     * @return the period's first day (a Monday for weeks)
     */
    public LocalDate periodStart(long index) {
        switch (this) {
            case WEEK:
                return LocalDate.ofEpochDay(7 * index - 3);
            case MONTH:
                return LocalDate.of(Math.toIntExact(Math.floorDiv(index, 12)), (int) Math.floorMod(index, 12) + 1,
                        1);
            case QUARTER:
                return LocalDate.of(Math.toIntExact(Math.floorDiv(index, 4)), 3 * (int) Math.floorMod(index, 4) + 1,
                        1);
            case YEAR:
            default:
                return LocalDate.of(Math.toIntExact(index), 1, 1);
        }
    }

    /**
     * The last day of a period (inclusive).
     *
     * @param index a period index, as returned by {@link #periodIndex(LocalDate)}
     * @return the period's last day (a Sunday for weeks)
     */
    public LocalDate periodEnd(long index) {
        return periodStart(index + 1).minusDays(1);
    }

    /**
     * The label of a period: {@code 2010-W48}, {@code 2010-12}, {@code 2010-Q4} or {@code 2010}.
     *
     * @param index a period index, as returned by {@link #periodIndex(LocalDate)}
     * @return the label; labels of one unit sort in period order for years 1000 to 9999
     */
    public String label(long index) {
        LocalDate start = periodStart(index);
        switch (this) {
            case WEEK:
                LocalDate monday = start.with(DayOfWeek.MONDAY);
                return String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                        monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH:
                return YearMonth.from(start).toString();
            case QUARTER:
                return String.format(Locale.ROOT, "%d-Q%d", start.getYear(), (start.getMonthValue() - 1) / 3 + 1);
            case YEAR:
            default:
                return Integer.toString(start.getYear());
        }
    }

    /**
     * The label of the period that contains {@code date}.
     *
     * @param date a calendar day
     * @return the label, as {@link #label(long)}
     */
    public String label(LocalDate date) {
        return label(periodIndex(date));
    }
}
