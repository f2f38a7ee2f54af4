package org.clv4j.models.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.clv4j.core.Transaction;
import org.clv4j.core.summary.RefundPolicy;
import org.clv4j.models.cohort.CohortUnit;

/**
 * One pass over a transaction log into per customer-period cells: for every customer and every calendar period
 * (of a {@link CohortUnit}) in which it bought, the number of orders and the amount spent; plus, per customer, the
 * first and the last purchase day. This is the shared state behind cohort tables, retention rates and RFM values.
 *
 * <p>The input may come in any order: cells are keyed by the absolute period index, so a customer's cohort (the
 * period of its first purchase) is resolved only when the log is read. Memory is O(customers + customer-periods),
 * all in primitive arrays: a customer's cells form a linked list sorted by period, newest first, so input in date
 * order only ever touches the head of the list.
 *
 * <p>A transaction is an order when its amount is {@code >= 0}; negative amounts (refunds) follow the
 * {@link RefundPolicy}: rejected, dropped, or netted into the amount of their period without counting as an order.
 *
 * <p>Not thread-safe; {@link #combine(ActivityLog)} merges logs built from parts of the input. Internal: not part of
 * the clv4j API.
 */
public final class ActivityLog {

    /** The "no cell" link value. */
    public static final int NONE = -1;

    private final CohortUnit unit;
    private final long observationEnd;
    private final RefundPolicy refundPolicy;

    private final CustomerIndex index = new CustomerIndex();
    /** Per customer, stride 3: head cell, first purchase day, last purchase day. */
    private int[] customers = new int[3 * 64];
    /** Per cell, stride 3: period index, orders, next cell. */
    private int[] cells = new int[3 * 256];
    /** Per cell, stride 2: the running sum of amounts and its Neumaier compensation. */
    private double[] amounts = new double[2 * 256];
    private int cellCount;
    private long latestDay = Long.MIN_VALUE;
    private long transactionCount;
    private long droppedRefunds;

    /**
     * An empty log.
     *
     * @param unit the calendar period of the cells
     * @param observationEnd the last day of the observation window, or {@code null} for the latest transaction
     * @param refundPolicy what to do with negative amounts
     */
    public ActivityLog(CohortUnit unit, LocalDate observationEnd, RefundPolicy refundPolicy) {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.observationEnd = observationEnd == null ? Long.MAX_VALUE : observationEnd.toEpochDay();
        this.refundPolicy = Objects.requireNonNull(refundPolicy, "refundPolicy");
    }

    /**
     * Adds one transaction.
     *
     * @param transaction the transaction
     * @throws IllegalArgumentException for a blank customer id, a date after the observation end, a non-finite
     *         amount, or a refund under {@link RefundPolicy#REJECT}
     */
    public void add(Transaction transaction) {
        add(transaction.customerId(), transaction.date(), transaction.amount());
    }

    /**
     * Adds one transaction given by its parts.
     *
     * @param customerId the customer id, not blank
     * @param date the purchase date
     * @param amount the amount; negative for a refund
     * @throws IllegalArgumentException for a blank customer id, a date after the observation end, a non-finite
     *         amount, or a refund under {@link RefundPolicy#REJECT}
     */
    public void add(String customerId, LocalDate date, double amount) {
        long day = date.toEpochDay();
        if (day > observationEnd) {
            throw afterEnd(customerId, date);
        }
        if ((int) day != day) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "date out of the supported range for customer %s: date=%s", customerId, date));
        }
        int period = (int) unit.periodIndex(date);
        boolean order = true;
        if (!(amount >= 0.0)) {
            if (!Double.isFinite(amount)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "amount must be finite for customer %s on %s: amount=%s", customerId, date, amount));
            }
            if (refundPolicy == RefundPolicy.DROP) {
                droppedRefunds++;
                return;
            }
            if (refundPolicy != RefundPolicy.NET) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "negative amount (refund) for customer %s on %s: amount=%s; refunds are rejected by "
                                + "default, choose RefundPolicy.DROP or RefundPolicy.NET", customerId, date,
                        amount));
            }
            order = false;
        }
        int customer = ordinal(customerId, date);
        int cell = cellFor(customer, period);
        if (order) {
            cells[3 * cell + 1]++;
            int c = 3 * customer;
            int d = (int) day;
            if (d < customers[c + 1]) {
                customers[c + 1] = d;
            }
            if (d > customers[c + 2]) {
                customers[c + 2] = d;
            }
        }
        addAmount(cell, amount);
        if (day > latestDay) {
            latestDay = day;
        }
        transactionCount++;
    }

    /** Neumaier's compensated summation, so that a cell's sum hardly depends on the order of its amounts. */
    private void addAmount(int cell, double amount) {
        double s = amounts[2 * cell];
        double t = s + amount;
        amounts[2 * cell + 1] += Math.abs(s) >= Math.abs(amount) ? (s - t) + amount : (amount - t) + s;
        amounts[2 * cell] = t;
    }

    private IllegalArgumentException afterEnd(String customerId, LocalDate date) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "transaction after the observation end for customer %s: date=%s, observationEnd=%s",
                customerId, date, LocalDate.ofEpochDay(observationEnd)));
    }

    private int ordinal(String customerId, LocalDate date) {
        int before = index.size();
        int customer = index.getOrAdd(Objects.requireNonNull(customerId, "customerId"));
        if (customer == before) {
            if (customerId.isBlank()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "customer id must not be blank: customerId='%s', date=%s", customerId, date));
            }
            int c = 3 * customer;
            if (c + 3 > customers.length) {
                customers = Arrays.copyOf(customers, 2 * customers.length);
            }
            customers[c] = NONE;
            customers[c + 1] = Integer.MAX_VALUE;
            customers[c + 2] = Integer.MIN_VALUE;
        }
        return customer;
    }

    /** The cell of (customer, period), created if absent, keeping the list sorted by period, newest first. */
    private int cellFor(int customer, int period) {
        int head = customers[3 * customer];
        if (head == NONE || cells[3 * head] < period) {
            int cell = newCell(period, head);
            customers[3 * customer] = cell;
            return cell;
        }
        if (cells[3 * head] == period) {
            return head;
        }
        int previous = head;
        int current = cells[3 * head + 2];
        while (current != NONE && cells[3 * current] > period) {
            previous = current;
            current = cells[3 * current + 2];
        }
        if (current != NONE && cells[3 * current] == period) {
            return current;
        }
        int cell = newCell(period, current);
        cells[3 * previous + 2] = cell;
        return cell;
    }

    private int newCell(int period, int next) {
        int cell = cellCount;
        if (3 * cell + 3 > cells.length) {
            cells = Arrays.copyOf(cells, 2 * cells.length);
            amounts = Arrays.copyOf(amounts, 2 * amounts.length);
        }
        cells[3 * cell] = period;
        cells[3 * cell + 1] = 0;
        cells[3 * cell + 2] = next;
        amounts[2 * cell] = 0.0;
        amounts[2 * cell + 1] = 0.0;
        cellCount++;
        return cell;
    }

    /**
     * Merges another log into this one; both must have been created with the same unit, observation end and
     * refund policy. The other log is left unchanged.
     *
     * @param other the other log
     * @return this log
     * @throws IllegalArgumentException if the options differ
     */
    public ActivityLog combine(ActivityLog other) {
        if (unit != other.unit || observationEnd != other.observationEnd || refundPolicy != other.refundPolicy) {
            throw new IllegalArgumentException("cannot combine accumulators with different options");
        }
        for (int o = 0; o < other.index.size(); o++) {
            String id = other.index.id(o);
            int customer = ordinal(id, null);
            int c = 3 * customer;
            customers[c + 1] = Math.min(customers[c + 1], other.customers[3 * o + 1]);
            customers[c + 2] = Math.max(customers[c + 2], other.customers[3 * o + 2]);
            for (int cell = other.customers[3 * o]; cell != NONE; cell = other.cells[3 * cell + 2]) {
                int mine = cellFor(customer, other.cells[3 * cell]);
                cells[3 * mine + 1] += other.cells[3 * cell + 1];
                addAmount(mine, other.amounts[2 * cell]);
                addAmount(mine, other.amounts[2 * cell + 1]);
            }
        }
        latestDay = Math.max(latestDay, other.latestDay);
        transactionCount += other.transactionCount;
        droppedRefunds += other.droppedRefunds;
        return this;
    }

    /**
     * The calendar period of the cells.
     *
     * @return the unit
     */
    public CohortUnit unit() {
        return unit;
    }

    /**
     * The end of the observation window: the configured day, else the latest transaction's day.
     *
     * @return the epoch day, or {@link Long#MIN_VALUE} when no end was configured and nothing was added
     */
    public long observationEndDay() {
        return observationEnd != Long.MAX_VALUE ? observationEnd : latestDay;
    }

    /**
     * The number of customers.
     *
     * @return the count
     */
    public int customerCount() {
        return index.size();
    }

    /**
     * The number of transactions recorded (orders and netted refunds; not dropped refunds).
     *
     * @return the count
     */
    public long transactionCount() {
        return transactionCount;
    }

    /**
     * The number of refunds left out under {@link RefundPolicy#DROP}.
     *
     * @return the count
     */
    public long droppedRefunds() {
        return droppedRefunds;
    }

    /**
     * A customer's id.
     *
     * @param customer the ordinal
     * @return the id
     */
    public String customerId(int customer) {
        return index.id(customer);
    }

    /**
     * Whether the customer has at least one order (not only netted refunds).
     *
     * @param customer the ordinal
     * @return true if it bought
     */
    public boolean hasOrders(int customer) {
        return customers[3 * customer + 1] != Integer.MAX_VALUE;
    }

    /**
     * The day of a customer's first order.
     *
     * @param customer the ordinal
     * @return the epoch day; undefined when {@link #hasOrders(int)} is false
     */
    public int firstDay(int customer) {
        return customers[3 * customer + 1];
    }

    /**
     * The day of a customer's last order.
     *
     * @param customer the ordinal
     * @return the epoch day; undefined when {@link #hasOrders(int)} is false
     */
    public int lastDay(int customer) {
        return customers[3 * customer + 2];
    }

    /**
     * The customer's newest cell; follow {@link #nextCell(int)} for older ones.
     *
     * @param customer the ordinal
     * @return a cell, or {@link #NONE}
     */
    public int firstCell(int customer) {
        return customers[3 * customer];
    }

    /**
     * The customer's next older cell.
     *
     * @param cell a cell
     * @return the next cell, or {@link #NONE}
     */
    public int nextCell(int cell) {
        return cells[3 * cell + 2];
    }

    /**
     * A cell's absolute period index.
     *
     * @param cell a cell
     * @return the period index of {@link #unit()}
     */
    public int period(int cell) {
        return cells[3 * cell];
    }

    /**
     * A cell's number of orders (0 for a period with netted refunds only).
     *
     * @param cell a cell
     * @return the orders
     */
    public int orders(int cell) {
        return cells[3 * cell + 1];
    }

    /**
     * A cell's amount: orders plus netted refunds, summed with compensation (Neumaier), so that it is, in all but
     * contrived cases, the correctly rounded sum whatever the order of the amounts.
     *
     * @param cell a cell
     * @return the amount
     */
    public double amount(int cell) {
        return amounts[2 * cell] + amounts[2 * cell + 1];
    }

    /**
     * Throws unless every customer has an order.
     *
     * @throws IllegalArgumentException naming the first customer with refunds only
     */
    public void requireOrders() {
        for (int c = 0; c < index.size(); c++) {
            if (!hasOrders(c)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "customer %s has refunds but no purchase in the observation window", customerId(c)));
            }
        }
    }
}
