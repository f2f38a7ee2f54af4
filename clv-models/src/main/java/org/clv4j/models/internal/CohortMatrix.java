package org.clv4j.models.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A cohort table accumulated directly, for input in which each customer's transactions arrive in non-decreasing
 * period order starting with an order: per cohort (acquisition period) and period since acquisition, the active
 * customers, orders and revenue, with 12 bytes of state per customer (its cohort, the last period seen and the last
 * period in which it ordered) instead of a list of per-period cells.
 *
 * <p>When a customer's transaction goes back to an earlier period, or a customer's first transaction is a refund,
 * the input is not of that kind: {@link #record} throws {@link #NOT_IN_ORDER} and the caller falls back to the
 * general {@link ActivityLog}. Revenue sums use Neumaier's compensation, as the log's cells do.
 *
 * <p>Not thread-safe. Internal: not part of the clv4j API.
 */
public final class CohortMatrix {

    /** Thrown (without a stack trace) when the input is not in per-customer period order. */
    public static final RuntimeException NOT_IN_ORDER = new NotInOrder();

    private static final int NONE = Integer.MIN_VALUE;

    /** Per customer, stride 3: cohort slot, last period seen, last period with an order. */
    private int[] customers = new int[3 * 1024];
    /** The cohorts in order of creation ("slots"): their period, size, and cells by period offset. */
    private int[] cohortPeriod = new int[16];
    private int[] cohortSize = new int[16];
    private int[][] active = new int[16][];
    private long[][] orders = new long[16][];
    private double[][] revenue = new double[16][];
    private double[][] compensation = new double[16][];
    private int cohorts;
    private final Map<Integer, Integer> slotOfPeriod = new HashMap<>();

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
        int b = 3 * customer;
        if (b + 3 > customers.length) {
            customers = Arrays.copyOf(customers, 2 * customers.length);
        }
        customers[b + 1] = NONE;
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
        int b = 3 * customer;
        int[] c = customers;
        int slot;
        if (c[b + 1] == NONE) {
            if (!order) {
                throw NOT_IN_ORDER;
            }
            slot = slotOf(period);
            cohortSize[slot]++;
            c[b] = slot;
            c[b + 2] = NONE;
        } else {
            if (period < c[b + 1]) {
                throw NOT_IN_ORDER;
            }
            slot = c[b];
        }
        c[b + 1] = period;
        int k = period - cohortPeriod[slot];
        if (k >= orders[slot].length) {
            grow(slot, k);
        }
        if (order) {
            if (c[b + 2] != period) {
                active[slot][k]++;
                c[b + 2] = period;
            }
            orders[slot][k]++;
        }
        double[] sums = revenue[slot];
        double s = sums[k];
        double t = s + amount;
        compensation[slot][k] += Math.abs(s) >= Math.abs(amount) ? (s - t) + amount : (amount - t) + s;
        sums[k] = t;
    }

    private int slotOf(int period) {
        Integer known = slotOfPeriod.get(period);
        if (known != null) {
            return known;
        }
        int slot = cohorts++;
        if (slot == cohortPeriod.length) {
            int n = 2 * slot;
            cohortPeriod = Arrays.copyOf(cohortPeriod, n);
            cohortSize = Arrays.copyOf(cohortSize, n);
            active = Arrays.copyOf(active, n);
            orders = Arrays.copyOf(orders, n);
            revenue = Arrays.copyOf(revenue, n);
            compensation = Arrays.copyOf(compensation, n);
        }
        cohortPeriod[slot] = period;
        active[slot] = new int[8];
        orders[slot] = new long[8];
        revenue[slot] = new double[8];
        compensation[slot] = new double[8];
        slotOfPeriod.put(period, slot);
        return slot;
    }

    private void grow(int slot, int k) {
        int n = Math.max(2 * orders[slot].length, k + 1);
        active[slot] = Arrays.copyOf(active[slot], n);
        orders[slot] = Arrays.copyOf(orders[slot], n);
        revenue[slot] = Arrays.copyOf(revenue[slot], n);
        compensation[slot] = Arrays.copyOf(compensation[slot], n);
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
        return k < active[slot].length ? active[slot][k] : 0;
    }

    /**
     * The orders of a cohort in period {@code k} since acquisition.
     *
     * @param slot a cohort
     * @param k the period offset
     * @return the count
     */
    public long orders(int slot, int k) {
        return k < orders[slot].length ? orders[slot][k] : 0L;
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
        return k < revenue[slot].length ? revenue[slot][k] : 0.0;
    }

    /**
     * The compensation of {@link #revenue(int, int)}.
     *
     * @param slot a cohort
     * @param k the period offset
     * @return the compensation term
     */
    public double compensation(int slot, int k) {
        return k < compensation[slot].length ? compensation[slot][k] : 0.0;
    }
}
