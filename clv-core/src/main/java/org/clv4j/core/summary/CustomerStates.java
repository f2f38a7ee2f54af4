package org.clv4j.core.summary;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The customers' running totals while a {@link SummaryAccumulator} reads transactions: one 64-byte record per
 * customer (ordinal) in a single {@code long[]}, so that a million customers are one array, not a million objects
 * for the garbage collector to copy, and a customer's update touches one pair of adjacent cache lines.
 *
 * <p>While a customer's purchase days arrive in non-decreasing order (whatever the interleaving with other
 * customers) its record is O(1): first and last day, the number of distinct days and the spend per part of the
 * window. A purchase dated strictly between the first and the last of three or more known days cannot be merged
 * exactly without the set of days; {@link #addPurchase} then reports the ambiguity, and the caller either makes a
 * second pass in exact mode ({@link #restartExact}) or fails.
 *
 * <p>Record layout (8 longs): the first and last purchase day (two {@code int} epoch days in one long); the last
 * calibration day and the number of calibration days; the number of calibration orders and of holdout days; then
 * the spend of the first day, of the last day, of all calibration days, of the calibration days after the first
 * (summed directly, not as a difference) and of the holdout days. The total number of distinct days is the
 * calibration days plus the holdout days. Refunds netted under {@link RefundPolicy#NET} and the exact-mode day sets
 * are rare and live in side structures.
 */
final class CustomerStates {

    private static final int STRIDE = 8;
    private static final int SPAN = 0;          // first day << 32 | last day
    private static final int CALIBRATION = 1;   // calibration last day << 32 | calibration days
    private static final int COUNTS = 2;        // calibration orders << 32 | holdout days
    private static final int FIRST_SPEND = 3;
    private static final int LAST_SPEND = 4;
    private static final int CALIBRATION_SPEND = 5;
    private static final int REPEAT_SPEND = 6;
    private static final int HOLDOUT_SPEND = 7;
    /** The calibration last day of a customer without calibration days. */
    private static final int NO_DAY = Integer.MIN_VALUE;

    private long[] records = new long[STRIDE * 1024];
    private int size;
    /** Refunds netted into the calibration and holdout periods, per ordinal; null until the first. */
    private double[] calibrationRefunds;
    private double[] holdoutRefunds;
    /** Customers whose days arrived in an order that needs the second pass. */
    private final BitSet ambiguous = new BitSet();
    private int ambiguousCount;
    /** Day → spend of the customers in exact mode (second pass). */
    private final Map<Integer, TreeMap<Integer, Double>> exact = new HashMap<>();

    /**
     * Adds a customer without purchases.
     *
     * @return its ordinal
     */
    int add() {
        int c = size++;
        if (STRIDE * size > records.length) {
            records = Arrays.copyOf(records, 2 * records.length);
        }
        clearDays(c);
        return c;
    }

    int size() {
        return size;
    }

    // ---- reading -------------------------------------------------------------------------------------------

    int first(int c) {
        return (int) (records[STRIDE * c + SPAN] >> 32);
    }

    int last(int c) {
        return (int) records[STRIDE * c + SPAN];
    }

    int calibrationLast(int c) {
        return (int) (records[STRIDE * c + CALIBRATION] >> 32);
    }

    int calibrationDays(int c) {
        return (int) records[STRIDE * c + CALIBRATION];
    }

    int calibrationOrders(int c) {
        return (int) (records[STRIDE * c + COUNTS] >> 32);
    }

    int holdoutDays(int c) {
        return (int) records[STRIDE * c + COUNTS];
    }

    /** The number of distinct purchase days. */
    int days(int c) {
        return calibrationDays(c) + holdoutDays(c);
    }

    double firstSpend(int c) {
        return spend(c, FIRST_SPEND);
    }

    double lastSpend(int c) {
        return spend(c, LAST_SPEND);
    }

    double calibrationSpend(int c) {
        return spend(c, CALIBRATION_SPEND);
    }

    double repeatSpend(int c) {
        return spend(c, REPEAT_SPEND);
    }

    double holdoutSpend(int c) {
        return spend(c, HOLDOUT_SPEND);
    }

    double calibrationRefunds(int c) {
        return calibrationRefunds == null ? 0.0 : calibrationRefunds[c];
    }

    double holdoutRefunds(int c) {
        return holdoutRefunds == null ? 0.0 : holdoutRefunds[c];
    }

    boolean isAmbiguous(int c) {
        return ambiguousCount > 0 && ambiguous.get(c);
    }

    // ---- writing -------------------------------------------------------------------------------------------

    private double spend(int c, int field) {
        return Double.longBitsToDouble(records[STRIDE * c + field]);
    }

    private void setSpend(int c, int field, double value) {
        records[STRIDE * c + field] = Double.doubleToRawLongBits(value);
    }

    private void addSpend(int c, int field, double amount) {
        int i = STRIDE * c + field;
        records[i] = Double.doubleToRawLongBits(Double.longBitsToDouble(records[i]) + amount);
    }

    private static long pack(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFF_FFFFL);
    }

    private void setSpan(int c, int first, int last) {
        records[STRIDE * c + SPAN] = pack(first, last);
    }

    private void setCalibration(int c, int calibrationLast, int calibrationDays) {
        records[STRIDE * c + CALIBRATION] = pack(calibrationLast, calibrationDays);
    }

    private void setCounts(int c, int calibrationOrders, int holdoutDays) {
        records[STRIDE * c + COUNTS] = pack(calibrationOrders, holdoutDays);
    }

    /** Forgets the purchase days (and the calibration orders) of a customer; refunds are kept. */
    private void clearDays(int c) {
        int b = STRIDE * c;
        Arrays.fill(records, b, b + STRIDE, 0L);
        setCalibration(c, NO_DAY, 0);
    }

    void setAmbiguous(int c) {
        if (!ambiguous.get(c)) {
            ambiguous.set(c);
            ambiguousCount++;
        }
    }

    /**
     * Adds a purchase (amount >= 0) on {@code day}.
     *
     * @return false if the day cannot be merged exactly without knowing the customer's full set of days
     */
    boolean addPurchase(int c, int day, double amount, long calibrationEnd) {
        if (day <= calibrationEnd) {
            setCounts(c, calibrationOrders(c) + 1, holdoutDays(c));
        }
        if (!exact.isEmpty()) {
            TreeMap<Integer, Double> daySet = exact.get(c);
            if (daySet != null) {
                daySet.merge(day, amount, Double::sum);
                return true;
            }
        }
        return addDay(c, day, amount, calibrationEnd);
    }

    /** Adds one day's spend without counting an order. */
    boolean addDay(int c, int day, double amount, long calibrationEnd) {
        int days = days(c);
        int first = first(c);
        int last = last(c);
        if (days == 0) {
            setSpan(c, day, day);
            setSpend(c, FIRST_SPEND, amount);
            setSpend(c, LAST_SPEND, amount);
            newDay(c, day, amount, calibrationEnd);
        } else if (day > last) {
            setSpan(c, first, day);
            setSpend(c, LAST_SPEND, amount);
            newDay(c, day, amount, calibrationEnd);
            addRepeat(c, day, amount, calibrationEnd);
        } else if (day == last) {
            addSpend(c, LAST_SPEND, amount);
            if (day == first) {
                addSpend(c, FIRST_SPEND, amount);
            } else {
                addRepeat(c, day, amount, calibrationEnd);
            }
            sameDay(c, day, amount, calibrationEnd);
        } else if (day == first) {
            addSpend(c, FIRST_SPEND, amount);
            sameDay(c, day, amount, calibrationEnd);
        } else if (day < first) {
            // the old first day becomes a repeat purchase day
            addRepeat(c, first, firstSpend(c), calibrationEnd);
            setSpan(c, day, last);
            setSpend(c, FIRST_SPEND, amount);
            newDay(c, day, amount, calibrationEnd);
        } else if (days == 2) {
            // first < day < last and the only known days are first and last: a new distinct day
            newDay(c, day, amount, calibrationEnd);
            addRepeat(c, day, amount, calibrationEnd);
        } else {
            return false;
        }
        return true;
    }

    private void addRepeat(int c, int day, double amount, long calibrationEnd) {
        if (day <= calibrationEnd) {
            addSpend(c, REPEAT_SPEND, amount);
        }
    }

    void addRefund(int c, int day, double amount, long calibrationEnd) {
        ensureRefunds(c);
        if (day <= calibrationEnd) {
            calibrationRefunds[c] += amount;
        } else {
            holdoutRefunds[c] += amount;
        }
    }

    private void ensureRefunds(int c) {
        if (calibrationRefunds == null || calibrationRefunds.length <= c) {
            int capacity = Math.max(records.length / STRIDE, c + 1);
            calibrationRefunds = calibrationRefunds == null ? new double[capacity]
                    : Arrays.copyOf(calibrationRefunds, capacity);
            holdoutRefunds = holdoutRefunds == null ? new double[capacity] : Arrays.copyOf(holdoutRefunds, capacity);
        }
    }

    boolean isExact(int c) {
        return !exact.isEmpty() && exact.containsKey(c);
    }

    /** Counts a new distinct day in its part of the window. */
    private void newDay(int c, int day, double amount, long calibrationEnd) {
        if (day <= calibrationEnd) {
            setCalibration(c, Math.max(day, calibrationLast(c)), calibrationDays(c) + 1);
            addSpend(c, CALIBRATION_SPEND, amount);
        } else {
            setCounts(c, calibrationOrders(c), holdoutDays(c) + 1);
            addSpend(c, HOLDOUT_SPEND, amount);
        }
    }

    private void sameDay(int c, int day, double amount, long calibrationEnd) {
        addSpend(c, day <= calibrationEnd ? CALIBRATION_SPEND : HOLDOUT_SPEND, amount);
    }

    /** Switches a customer to exact mode for a second pass: forgets its purchase days, keeps its refunds. */
    void restartExact(int c) {
        clearDays(c);
        if (ambiguous.get(c)) {
            ambiguous.clear(c);
            ambiguousCount--;
        }
        exact.put(c, new TreeMap<>());
    }

    /** Replays the day sets of the customers in exact mode in ascending order, which is always exact. */
    void resolveExact(long calibrationEnd) {
        for (Map.Entry<Integer, TreeMap<Integer, Double>> customer : exact.entrySet()) {
            int c = customer.getKey();
            for (Map.Entry<Integer, Double> e : customer.getValue().entrySet()) {
                addDay(c, e.getKey(), e.getValue(), calibrationEnd);
            }
        }
        exact.clear();
    }

    /**
     * Merges customer {@code o} of {@code other} (the same customer, read from a later part of the input) into
     * customer {@code c}.
     *
     * @return false if the two day sets overlap in a way that cannot be merged exactly
     */
    boolean merge(int c, CustomerStates other, int o, long calibrationEnd) {
        setCounts(c, calibrationOrders(c) + other.calibrationOrders(o), holdoutDays(c));
        if (other.calibrationRefunds(o) != 0.0 || other.holdoutRefunds(o) != 0.0) {
            ensureRefunds(c);
            calibrationRefunds[c] += other.calibrationRefunds(o);
            holdoutRefunds[c] += other.holdoutRefunds(o);
        }
        if (other.days(o) == 0) {
            return true;
        }
        if (days(c) == 0) {
            copyDays(c, other, o);
            return true;
        }
        if (last(c) <= other.first(o)) {
            appendAfter(c, other, o, last(c) == other.first(o), calibrationEnd);
            return true;
        }
        if (other.last(o) <= first(c)) {
            CustomerStates earlier = scratch(other, o);
            earlier.appendAfter(0, this, c, other.last(o) == first(c), calibrationEnd);
            copyDays(c, earlier, 0);
            return true;
        }
        if (other.days(o) <= 2) {
            return replayInto(this, c, other, o, calibrationEnd);
        }
        if (days(c) <= 2) {
            CustomerStates copy = scratch(other, o);
            if (!replayInto(copy, 0, this, c, calibrationEnd)) {
                return false;
            }
            copyDays(c, copy, 0);
            return true;
        }
        return false;
    }

    /** A one-customer copy of customer {@code o} of {@code from}'s days. */
    private static CustomerStates scratch(CustomerStates from, int o) {
        CustomerStates copy = new CustomerStates();
        copy.copyDays(copy.add(), from, o);
        return copy;
    }

    private static boolean replayInto(CustomerStates target, int t, CustomerStates known, int k,
                                      long calibrationEnd) {
        if (!target.addDay(t, known.first(k), known.firstSpend(k), calibrationEnd)) {
            return false;
        }
        return known.days(k) == 1 || target.addDay(t, known.last(k), known.lastSpend(k), calibrationEnd);
    }

    /** Appends the days of customer {@code l} of {@code later}, all on or after customer c's last day. */
    private void appendAfter(int c, CustomerStates later, int l, boolean sharedDay, long calibrationEnd) {
        boolean single = days(c) == 1;
        double newLastSpend = later.lastSpend(l);
        if (!(sharedDay && single)) {
            // later's first day is a repeat day of the merged history unless it is also this one's first day
            addRepeat(c, later.first(l), later.firstSpend(l), calibrationEnd);
        }
        addSpend(c, REPEAT_SPEND, later.repeatSpend(l));
        int calibrationDays = calibrationDays(c);
        int holdoutDays = holdoutDays(c);
        if (sharedDay) {
            // the shared day was counted as a distinct day on both sides
            if (single) {
                addSpend(c, FIRST_SPEND, later.firstSpend(l));
            }
            if (later.days(l) == 1) {
                newLastSpend = lastSpend(c) + later.lastSpend(l);
            }
            if (last(c) <= calibrationEnd) {
                calibrationDays--;
            } else {
                holdoutDays--;
            }
        }
        setSpan(c, first(c), later.last(l));
        setSpend(c, LAST_SPEND, newLastSpend);
        setCalibration(c, Math.max(calibrationLast(c), later.calibrationLast(l)),
                calibrationDays + later.calibrationDays(l));
        setCounts(c, calibrationOrders(c), holdoutDays + later.holdoutDays(l));
        addSpend(c, CALIBRATION_SPEND, later.calibrationSpend(l));
        addSpend(c, HOLDOUT_SPEND, later.holdoutSpend(l));
    }

    /** Copies the days (not the orders, not the refunds) of customer {@code o} of {@code from} to customer c. */
    private void copyDays(int c, CustomerStates from, int o) {
        int orders = calibrationOrders(c);
        System.arraycopy(from.records, STRIDE * o, records, STRIDE * c, STRIDE);
        setCounts(c, orders, holdoutDays(c));
    }
}
