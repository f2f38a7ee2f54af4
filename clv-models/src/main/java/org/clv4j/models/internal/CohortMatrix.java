package org.clv4j.models.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A cohort table accumulated directly, for input in which each customer's transactions arrive in non-decreasing
 * period order starting with an order: per cohort (acquisition period) and period since acquisition, the active
 * customers, orders and revenue, with 8 bytes of state per customer (one long: its cohort, the last period seen
 * and the last period in which it ordered) instead of a list of per-period cells.
 *
 * <p>When a customer's transaction goes back to an earlier period, or a customer's first transaction is a refund,
 * the input is not of that kind: {@link #record} throws {@link #NOT_IN_ORDER} and the caller falls back to the
 * general {@link ActivityLog}. So it does when the state cannot hold the input: periods 2^23 or more apart (a table
 * of millions of periods), more than 65,536 cohorts, or more than 2^22 cells in the flat layout. Revenue sums use
 * Neumaier's compensation, as the log's cells do.
 *
 * <p>Not thread-safe. Internal: not part of the clv4j API.
 */
public final class CohortMatrix {

    /**
     * Thrown (without a stack trace) when the input is not in per-customer period order, or does not fit the
     * matrix (see the class comment): the caller then uses the general cells.
     */
    public static final RuntimeException NOT_IN_ORDER = new NotInOrder();

    /** Bits of a period offset in a customer's state. */
    private static final int OFFSET_BITS = 24;
    private static final int OFFSET_MASK = (1 << OFFSET_BITS) - 1;
    /** The most cohorts the state can name (16 bits). */
    private static final int MAX_COHORTS = 1 << 16;
    /**
     * The most cells the flat layout may take (28 bytes each: 117 MB). The layout is a rectangle, cohorts ×
     * the longest span, each side grown by doubling, so a long history in small units (weekly cohorts over
     * decades) would take several times the memory of the table itself; past this the general cells, whose memory
     * follows the customers' active periods, are the better choice.
     */
    private static final long MAX_CELLS = 1L << 22;

    /**
     * Per customer, one long: cohort slot (bits 48..63), last period with an order (bits 24..47) and last period
     * seen (bits 0..23), periods as offsets {@code period − base}, in 1 .. 2^24 − 1; 0 for a customer with no
     * transaction yet.
     */
    private long[] customers = new long[1024];
    /** Offsets are from this period: 2^23 before the first period recorded, so that either side fits. */
    private int base;
    private boolean based;
    /** The cohorts in order of creation ("slots"): their period and size. */
    private int[] cohortPeriod = new int[16];
    private int[] cohortSize = new int[16];
    private int cohorts;
    private final Map<Integer, Integer> slotOfPeriod = new HashMap<>();
    /**
     * The cells, cohort slot by cohort slot: cell {@code slot × width + k} holds period offset {@code k} of cohort
     * {@code slot}. One flat array per quantity keeps the per-row update free of nested-array loads.
     */
    private int width = 16;
    private int[] active = new int[16 * 16];
    private long[] orders = new long[16 * 16];
    private double[] revenue = new double[16 * 16];
    private double[] compensation = new double[16 * 16];

    private static final class NotInOrder extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotInOrder() {
            super("transactions not in per-customer period order", null, false, false);
        }
    }

    /**
     * Sets up a new customer (ordinals are dense, from 0).
     *
     * @param customer the ordinal
     */
    void initialise(int customer) {
        if (customer >= customers.length) {
            customers = Arrays.copyOf(customers, Math.max(customer + 1, 2 * customers.length));
        }
        customers[customer] = 0L;
    }

    /**
     * Records a validated transaction.
     *
     * @param customer the customer's ordinal
     * @param period the transaction's absolute period index
     * @param amount the amount (negative for a netted refund)
     * @param order whether it is an order
     * @throws RuntimeException {@link #NOT_IN_ORDER} when the input is not of the kind this matrix handles
     */
    void record(int customer, int period, double amount, boolean order) {
        int cell = cell(customer, period, order);
        double[] sums = revenue;
        double s = sums[cell];
        double t = s + amount;
        compensation[cell] += Math.abs(s) >= Math.abs(amount) ? (s - t) + amount : (amount - t) + s;
        sums[cell] = t;
    }

    /**
     * Records validated transactions {@code from .. to − 1} of columns: as {@link #record} on each, an order
     * being a non-negative amount, in one loop over the columns.
     *
     * @param customer the customers' ordinals
     * @param period the absolute period indices
     * @param amount the amounts (negative for netted refunds)
     * @param from the first position
     * @param to the end position (exclusive)
     * @throws RuntimeException {@link #NOT_IN_ORDER} when the input is not of the kind this matrix handles
     */
    void recordAll(int[] customer, int[] period, double[] amount, int from, int to) {
        int i = from;
        while (i < to) {
            // the arrays are re-read after each new customer or cohort, which may have grown them
            long[] c = customers;
            int[] firstPeriod = cohortPeriod;
            int[] act = active;
            long[] ord = orders;
            double[] sums = revenue;
            double[] comp = compensation;
            int w = width;
            int from0 = base;
            for (; i < to; i++) {
                int who = customer[i];
                long state = c[who];
                int p = period[i];
                int o = p - from0;
                if (state == 0L || o < ((int) state & OFFSET_MASK) || o > OFFSET_MASK) {
                    break; // a new customer, out of order or out of range: the general path below
                }
                int slot = (int) (state >>> 48);
                int k = p - firstPeriod[slot];
                if (k >= w) {
                    break;
                }
                double a = amount[i];
                int cell = slot * w + k;
                if (a >= 0.0) {
                    act[cell] += ((int) (state >>> OFFSET_BITS) & OFFSET_MASK) != o ? 1 : 0;
                    ord[cell]++;
                    state = state & ~((long) OFFSET_MASK << OFFSET_BITS) | (long) o << OFFSET_BITS;
                }
                c[who] = state & ~(long) OFFSET_MASK | o;
                double s = sums[cell];
                double t = s + a;
                comp[cell] += Math.abs(s) >= Math.abs(a) ? (s - t) + a : (a - t) + s;
                sums[cell] = t;
            }
            if (i < to) {
                record(customer[i], period[i], amount[i], amount[i] >= 0.0);
                i++;
            }
        }
    }

    /** The cell of a customer's transaction in a period, updating the customer's state and the active count. */
    private int cell(int customer, int period, boolean order) {
        if (!based) {
            base = period - (1 << (OFFSET_BITS - 1));
            based = true;
        }
        long o = (long) period - base;
        if (o < 1 || o > OFFSET_MASK) {
            throw NOT_IN_ORDER; // periods too far apart for the state: the general path handles them
        }
        long state = customers[customer];
        int slot;
        long lastOrder;
        if (state == 0L) {
            if (!order) {
                throw NOT_IN_ORDER;
            }
            slot = slotOf(period);
            cohortSize[slot]++;
            lastOrder = 0L;
        } else {
            if (o < (state & OFFSET_MASK)) {
                throw NOT_IN_ORDER;
            }
            slot = (int) (state >>> 48);
            lastOrder = (state >>> OFFSET_BITS) & OFFSET_MASK;
        }
        int k = period - cohortPeriod[slot];
        if (k >= width) {
            widen(k + 1);
        }
        int cell = slot * width + k;
        if (order) {
            if (lastOrder != o) {
                active[cell]++;
                lastOrder = o;
            }
            orders[cell]++;
        }
        customers[customer] = (long) slot << 48 | lastOrder << OFFSET_BITS | o;
        return cell;
    }

    private int slotOf(int period) {
        Integer known = slotOfPeriod.get(period);
        if (known != null) {
            return known;
        }
        if (cohorts == MAX_COHORTS) {
            throw NOT_IN_ORDER; // more cohorts than the state can name: the general path handles them
        }
        int slot = cohorts;
        if (slot == cohortPeriod.length) {
            int n = 2 * slot;
            requireFits(n, width);
            cohortPeriod = Arrays.copyOf(cohortPeriod, n);
            cohortSize = Arrays.copyOf(cohortSize, n);
            active = Arrays.copyOf(active, n * width);
            orders = Arrays.copyOf(orders, n * width);
            revenue = Arrays.copyOf(revenue, n * width);
            compensation = Arrays.copyOf(compensation, n * width);
        }
        cohorts++;
        cohortPeriod[slot] = period;
        slotOfPeriod.put(period, slot);
        return slot;
    }

    /** Throws {@link #NOT_IN_ORDER} when a layout of {@code cohorts × periods} cells would exceed the bound. */
    private static void requireFits(long cohorts, long periods) {
        if (cohorts * periods > MAX_CELLS) {
            throw NOT_IN_ORDER;
        }
    }

    /** Re-lays the cells out with room for at least {@code periods} period offsets per cohort. */
    private void widen(int periods) {
        int w = Math.max(2 * width, periods);
        int capacity = cohortPeriod.length;
        requireFits(capacity, w);
        int[] newActive = new int[capacity * w];
        long[] newOrders = new long[capacity * w];
        double[] newRevenue = new double[capacity * w];
        double[] newCompensation = new double[capacity * w];
        for (int slot = 0; slot < cohorts; slot++) {
            System.arraycopy(active, slot * width, newActive, slot * w, width);
            System.arraycopy(orders, slot * width, newOrders, slot * w, width);
            System.arraycopy(revenue, slot * width, newRevenue, slot * w, width);
            System.arraycopy(compensation, slot * width, newCompensation, slot * w, width);
        }
        active = newActive;
        orders = newOrders;
        revenue = newRevenue;
        compensation = newCompensation;
        width = w;
    }

    /**
     * The number of cohorts, in order of creation.
     *
     * @return the count
     */
    public int cohorts() {
        return cohorts;
    }

    /**
     * A cohort's absolute period index.
     *
     * @param slot a cohort, {@code 0 .. cohorts() − 1}
     * @return the period of its customers' first orders
     */
    public int cohortPeriod(int slot) {
        return cohortPeriod[slot];
    }

    /**
     * A cohort's number of customers.
     *
     * @param slot a cohort
     * @return the count
     */
    public int cohortSize(int slot) {
        return cohortSize[slot];
    }

    /**
     * The customers of a cohort with an order in period {@code k} since acquisition.
     *
     * @param slot a cohort
     * @param k the period offset, from 0
     * @return the count (0 beyond the periods with activity)
     */
    public int active(int slot, int k) {
        return k < width ? active[slot * width + k] : 0;
    }

    /**
     * The orders of a cohort in period {@code k} since acquisition.
     *
     * @param slot a cohort
     * @param k the period offset
     * @return the count
     */
    public long orders(int slot, int k) {
        return k < width ? orders[slot * width + k] : 0L;
    }

    /**
     * The revenue of a cohort in period {@code k} since acquisition, as a Neumaier sum: add
     * {@link #compensation(int, int)} for the compensated value.
     *
     * @param slot a cohort
     * @param k the period offset
     * @return the running sum (0 beyond the periods with activity)
     */
    public double revenue(int slot, int k) {
        return k < width ? revenue[slot * width + k] : 0.0;
    }

    /**
     * The compensation of {@link #revenue(int, int)}.
     *
     * @param slot a cohort
     * @param k the period offset
     * @return the compensation term
     */
    public double compensation(int slot, int k) {
        return k < width ? compensation[slot * width + k] : 0.0;
    }
}
