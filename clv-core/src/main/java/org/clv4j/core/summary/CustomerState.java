package org.clv4j.core.summary;

import java.util.Map;
import java.util.TreeMap;

/**
 * One customer's running totals while a {@link SummaryAccumulator} reads transactions.
 *
 * <p>While the customer's purchase days arrive in non-decreasing order (whatever the interleaving with other
 * customers) the state is O(1): first and last day, the number of distinct days and the spend per part of the
 * window. A purchase dated strictly between the first and the last of three or more known days cannot be merged
 * exactly without the set of days; {@link #addPurchase} then reports the ambiguity and the caller either makes a
 * second pass in {@link #exact exact mode} or fails.
 */
final class CustomerState {

    final String customerId;
    final int hash;
    final int position;

    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    double firstSpend;
    double lastSpend;
    int days;

    int calibrationDays;
    long calibrationLast = Long.MIN_VALUE;
    double calibrationSpend;
    /** Spend of the calibration purchase days after the first: summed directly, not as a difference. */
    double repeatSpend;
    int calibrationOrders;
    double calibrationRefunds;

    int holdoutDays;
    double holdoutSpend;
    double holdoutRefunds;

    /** Set when a second pass must rebuild this customer from its exact day set. */
    boolean ambiguous;
    /** Day → spend, only in exact mode (second pass). */
    TreeMap<Long, Double> exact;

    CustomerState(String customerId, int hash, int position) {
        this.customerId = customerId;
        this.hash = hash;
        this.position = position;
    }

    /**
     * Adds a purchase (amount >= 0) on {@code day}.
     *
     * @return false if the day cannot be merged exactly without knowing the customer's full set of days
     */
    boolean addPurchase(long day, double amount, long calibrationEnd) {
        if (day <= calibrationEnd) {
            calibrationOrders++;
        }
        if (exact != null) {
            exact.merge(day, amount, Double::sum);
            return true;
        }
        return addDay(day, amount, calibrationEnd);
    }

    /** Adds one day's spend without counting an order. */
    boolean addDay(long day, double amount, long calibrationEnd) {
        if (days == 0) {
            first = day;
            last = day;
            firstSpend = amount;
            lastSpend = amount;
            days = 1;
            newDay(day, amount, calibrationEnd);
        } else if (day > last) {
            last = day;
            lastSpend = amount;
            days++;
            newDay(day, amount, calibrationEnd);
            addRepeat(day, amount, calibrationEnd);
        } else if (day == last) {
            lastSpend += amount;
            if (day == first) {
                firstSpend += amount;
            } else {
                addRepeat(day, amount, calibrationEnd);
            }
            sameDay(day, amount, calibrationEnd);
        } else if (day == first) {
            firstSpend += amount;
            sameDay(day, amount, calibrationEnd);
        } else if (day < first) {
            // the old first day becomes a repeat purchase day
            addRepeat(first, firstSpend, calibrationEnd);
            first = day;
            firstSpend = amount;
            days++;
            newDay(day, amount, calibrationEnd);
        } else if (days == 2) {
            // first < day < last and the only known days are first and last: a new distinct day
            days++;
            newDay(day, amount, calibrationEnd);
            addRepeat(day, amount, calibrationEnd);
        } else {
            return false;
        }
        return true;
    }

    private void addRepeat(long day, double amount, long calibrationEnd) {
        if (day <= calibrationEnd) {
            repeatSpend += amount;
        }
    }

    void addRefund(long day, double amount, long calibrationEnd) {
        if (day <= calibrationEnd) {
            calibrationRefunds += amount;
        } else {
            holdoutRefunds += amount;
        }
    }

    private void newDay(long day, double amount, long calibrationEnd) {
        if (day <= calibrationEnd) {
            calibrationDays++;
            calibrationSpend += amount;
            if (day > calibrationLast) {
                calibrationLast = day;
            }
        } else {
            holdoutDays++;
            holdoutSpend += amount;
        }
    }

    private void sameDay(long day, double amount, long calibrationEnd) {
        if (day <= calibrationEnd) {
            calibrationSpend += amount;
        } else {
            holdoutSpend += amount;
        }
    }

    /** Switches to exact mode for a second pass: forgets the purchase days, keeps refunds and nothing else. */
    void restartExact() {
        first = Long.MAX_VALUE;
        last = Long.MIN_VALUE;
        firstSpend = 0.0;
        lastSpend = 0.0;
        days = 0;
        calibrationDays = 0;
        calibrationLast = Long.MIN_VALUE;
        calibrationSpend = 0.0;
        repeatSpend = 0.0;
        calibrationOrders = 0;
        holdoutDays = 0;
        holdoutSpend = 0.0;
        ambiguous = false;
        exact = new TreeMap<>();
    }

    /** In exact mode: replays the day set in ascending order, which is always exact. */
    void resolveExact(long calibrationEnd) {
        if (exact == null) {
            return;
        }
        TreeMap<Long, Double> daySet = exact;
        exact = null;
        for (Map.Entry<Long, Double> e : daySet.entrySet()) {
            addDay(e.getKey(), e.getValue(), calibrationEnd);
        }
    }

    /**
     * Merges {@code other} (the same customer, read from a later part of the input) into this state.
     *
     * @return false if the two day sets overlap in a way that cannot be merged exactly
     */
    boolean merge(CustomerState other, long calibrationEnd) {
        calibrationOrders += other.calibrationOrders;
        calibrationRefunds += other.calibrationRefunds;
        holdoutRefunds += other.holdoutRefunds;
        if (other.days == 0) {
            return true;
        }
        if (days == 0) {
            copyDays(other);
            return true;
        }
        if (last <= other.first) {
            boolean shared = last == other.first;
            appendAfter(other, shared, calibrationEnd);
            return true;
        }
        if (other.last <= first) {
            CustomerState earlier = other.copy();
            boolean shared = other.last == first;
            earlier.appendAfter(this, shared, calibrationEnd);
            copyDays(earlier);
            return true;
        }
        if (other.days <= 2) {
            return replayInto(this, other, calibrationEnd);
        }
        if (days <= 2) {
            CustomerState copy = other.copy();
            if (!replayInto(copy, this, calibrationEnd)) {
                return false;
            }
            copyDays(copy);
            return true;
        }
        return false;
    }

    private static boolean replayInto(CustomerState target, CustomerState known, long calibrationEnd) {
        if (!target.addDay(known.first, known.firstSpend, calibrationEnd)) {
            return false;
        }
        return known.days == 1 || target.addDay(known.last, known.lastSpend, calibrationEnd);
    }

    /** Appends the days of {@code later}, all on or after this state's last day. */
    private void appendAfter(CustomerState later, boolean sharedDay, long calibrationEnd) {
        double newLastSpend = later.lastSpend;
        if (!(sharedDay && days == 1)) {
            // later's first day is a repeat day of the merged history unless it is also this one's first day
            addRepeat(later.first, later.firstSpend, calibrationEnd);
        }
        repeatSpend += later.repeatSpend;
        if (sharedDay) {
            // the shared day was counted as a distinct day on both sides
            if (days == 1) {
                firstSpend += later.firstSpend;
            }
            if (later.days == 1) {
                newLastSpend = lastSpend + later.lastSpend;
            }
            days--;
            if (last <= calibrationEnd) {
                calibrationDays--;
            } else {
                holdoutDays--;
            }
        }
        days += later.days;
        last = later.last;
        lastSpend = newLastSpend;
        calibrationDays += later.calibrationDays;
        calibrationSpend += later.calibrationSpend;
        if (later.calibrationLast > calibrationLast) {
            calibrationLast = later.calibrationLast;
        }
        holdoutDays += later.holdoutDays;
        holdoutSpend += later.holdoutSpend;
    }

    private void copyDays(CustomerState o) {
        first = o.first;
        last = o.last;
        firstSpend = o.firstSpend;
        lastSpend = o.lastSpend;
        days = o.days;
        calibrationDays = o.calibrationDays;
        calibrationLast = o.calibrationLast;
        calibrationSpend = o.calibrationSpend;
        repeatSpend = o.repeatSpend;
        holdoutDays = o.holdoutDays;
        holdoutSpend = o.holdoutSpend;
    }

    private CustomerState copy() {
        CustomerState c = new CustomerState(customerId, hash, position);
        c.copyDays(this);
        return c;
    }
}
