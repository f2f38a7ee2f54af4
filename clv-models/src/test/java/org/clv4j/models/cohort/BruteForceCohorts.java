package org.clv4j.models.cohort;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.clv4j.core.Transaction;

/**
 * An independent, deliberately naive cohort computation for tests: group-by over the whole list with java.time
 * arithmetic (no period indices), maps keyed by (cohort label, period).
 */
final class BruteForceCohorts {

    /** One brute-force cell. */
    static final class Cell {
        int customers;
        final java.util.Set<String> active = new java.util.HashSet<>();
        long orders;
        double revenue;
    }

    private BruteForceCohorts() {
    }

    static String label(CohortUnit unit, LocalDate d) {
        switch (unit) {
            case WEEK:
                return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
                        d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH:
                return YearMonth.from(d).toString();
            case QUARTER:
                return d.getYear() + "-Q" + d.get(IsoFields.QUARTER_OF_YEAR);
            default:
                return Integer.toString(d.getYear());
        }
    }

    static long periodsBetween(CohortUnit unit, LocalDate first, LocalDate d) {
        switch (unit) {
            case WEEK:
                return ChronoUnit.WEEKS.between(first.with(DayOfWeek.MONDAY), d.with(DayOfWeek.MONDAY));
            case MONTH:
                return ChronoUnit.MONTHS.between(YearMonth.from(first), YearMonth.from(d));
            case QUARTER:
                return (ChronoUnit.MONTHS.between(firstMonthOfQuarter(first), firstMonthOfQuarter(d))) / 3;
            default:
                return d.getYear() - first.getYear();
        }
    }

    private static YearMonth firstMonthOfQuarter(LocalDate d) {
        return YearMonth.of(d.getYear(), (d.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1);
    }

    /** (cohort label → period → cell), counting only the listed transactions (all orders, amounts >= 0). */
    static Map<String, TreeMap<Long, Cell>> compute(List<? extends Transaction> log, CohortUnit unit) {
        Map<String, LocalDate> first = new HashMap<>();
        for (Transaction t : log) {
            first.merge(t.customerId(), t.date(), (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<String, TreeMap<Long, Cell>> table = new TreeMap<>();
        for (Map.Entry<String, LocalDate> e : first.entrySet()) {
            table.computeIfAbsent(label(unit, e.getValue()), k -> new TreeMap<>())
                    .computeIfAbsent(0L, k -> new Cell()).customers++;
        }
        for (Transaction t : log) {
            LocalDate f = first.get(t.customerId());
            Cell cell = table.get(label(unit, f)).computeIfAbsent(periodsBetween(unit, f, t.date()),
                    k -> new Cell());
            cell.active.add(t.customerId());
            cell.orders++;
            cell.revenue += t.amount();
        }
        return table;
    }
}
