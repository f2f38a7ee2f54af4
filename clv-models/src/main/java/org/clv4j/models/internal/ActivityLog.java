package org.clv4j.models.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.clv4j.core.Transaction;
import org.clv4j.core.internal.CustomerIndex;
import org.clv4j.core.internal.RowChunk;
import org.clv4j.core.internal.ShardPartition;
import org.clv4j.core.summary.RefundPolicy;
import org.clv4j.models.cohort.CohortUnit;

/**
 * One pass over a transaction log into per customer-period cells: for every customer and every calendar period
 * (of a {@link CohortUnit}) in which it bought, the number of orders and the amount spent; plus, per customer, the
 * first and the last purchase day. This is the shared state behind cohort tables, retention rates and RFM values.
 *
 * <p>The input may come in any order: cells are keyed by the absolute period index, so a customer's cohort (the
 * period of its first purchase) is resolved only when the log is read. Memory is O(customers + customer-periods),
 * all in primitive arrays.
 *
 * <p>Layout, tuned for input in date order: each customer has one 64-byte record (a stride of 8 {@code long}s)
 * holding its <em>open</em> cell (the latest period seen: period, orders, compensated sum), its first and last
 * purchase days and the head of its list of closed cells. A transaction in the open period touches only that
 * record; a later period closes the open cell (appends it to the cell arrays, newest first) and opens a new one; an
 * earlier period (out-of-order input) goes into the closed list, kept sorted by period. {@link #seal()} closes all
 * open cells before the log is read.
 *
 * <p>A transaction is an order when its amount is {@code >= 0}; negative amounts (refunds) follow the
 * {@link RefundPolicy}: rejected, dropped, or netted into the amount of their period without counting as an order.
 * Amounts are summed with Neumaier's compensation, so a cell's sum hardly depends on the order of its amounts.
 *
 * <p>Not thread-safe; {@link #combine(ActivityLog)} merges logs built from parts of the input. Internal: not part of
 * the clv4j API.
 */
public final class ActivityLog {

    /** The "no cell" link value. */
    public static final int NONE = -1;

    private static final int STRIDE = 8;
    private static final int PERIOD = 0;   // open cell's period, or EMPTY
    private static final int ORDERS = 1;   // open cell's orders
    private static final int SUM = 2;      // open cell's sum (double bits)
    private static final int COMP = 3;     // open cell's compensation (double bits)
    private static final int FIRST = 4;    // first purchase day
    private static final int LAST = 5;     // last purchase day
    private static final int HEAD = 6;     // newest closed cell, or NONE
    private static final long EMPTY = Long.MIN_VALUE;
    private static final int CHUNK_BITS = 14;
    private static final int CHUNK_MASK = (1 << CHUNK_BITS) - 1;

    private static final int WEEK = 0;
    private static final int MONTH = 1;
    private static final int QUARTER = 2;
    private static final int YEAR = 3;

    private final CohortUnit unit;
    private final int unitCode;
    private final long observationEnd;
    private final RefundPolicy refundPolicy;

    private final CustomerIndex index = new CustomerIndex();
    /** The cohort matrix, in cohort-matrix mode; else null. */
    private final CohortMatrix matrix;
    private long[] state = new long[STRIDE * 64];
    /**
     * Closed cells in chunks of 2^14 (so that growing never copies): per cell, stride 4, the period index, the
     * orders, the next (older) cell of the same customer and the customer's ordinal.
     */
    private int[][] cellInts = new int[16][];
    /** Per closed cell, stride 2, in chunks like {@link #cellInts}: the sum of amounts and its compensation. */
    private double[][] cellAmounts = new double[16][];
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
        this(unit, observationEnd, refundPolicy, false);
    }

    /**
     * An empty log that, with {@code cohortMatrix}, accumulates only a {@link CohortMatrix} (the cohort table of
     * input in per-customer period order) and throws {@link CohortMatrix#NOT_IN_ORDER} on other input; its cells
     * and per-customer days are then not kept.
     *
     * @param unit the calendar period of the cells
     * @param observationEnd the last day of the observation window, or {@code null} for the latest transaction
     * @param refundPolicy what to do with negative amounts
     * @param cohortMatrix whether to accumulate the cohort matrix only
     */
    public ActivityLog(CohortUnit unit, LocalDate observationEnd, RefundPolicy refundPolicy, boolean cohortMatrix) {
        this.matrix = cohortMatrix ? new CohortMatrix() : null;
        this.unit = Objects.requireNonNull(unit, "unit");
        this.unitCode = unit == CohortUnit.WEEK ? WEEK : unit == CohortUnit.MONTH ? MONTH
                : unit == CohortUnit.QUARTER ? QUARTER : YEAR;
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
        long day = checkedDay(customerId, date);
        boolean order = amount >= 0.0 && amount < Double.POSITIVE_INFINITY;
        if (!order && !refund(customerId, date, amount)) {
            return;
        }
        int customer = ordinal(Objects.requireNonNull(customerId, "customerId"), day);
        record(customer, day, period(date, day), amount, order);
    }

    /**
     * Adds many transactions. Equivalent to {@link #add(Transaction)} on each, but faster on large inputs. The
     * transactions are read in chunks (four per customer known, between 2^16 and 2^22); each chunk's ids are hashed
     * in a loop of nothing else (so that the loads of scattered id strings overlap); then, when there are more than
     * 16,384 customers and the log is not sorted by customer, the chunk's rows are partitioned by customer shard
     * ({@link ShardPartition}, stable: each customer's rows keep their order) and recorded one shard at a time, so
     * that the records being updated fit the level-2 cache. Customer ordinals are dense but, on that path, not in
     * order of first appearance. If a transaction is invalid the exception names the first invalid one in input
     * order, but other transactions may already have been recorded: do not use the log after an exception.
     *
     * @param transactions the transactions
     * @throws IllegalArgumentException as {@link #add(Transaction)}
     */
    public void addAll(Iterable<? extends Transaction> transactions) {
        long read = 0;
        int limit = RowChunk.rowsFor(index.size(), read);
        Chunk c = chunk(limit);
        int n = 0;
        RuntimeException error = null;
        LocalDate previousDate = null;
        long day = 0;
        int period = 0;
        for (Transaction t : transactions) {
            String id = t.customerId();
            LocalDate date = t.date();
            double amount = t.amount();
            if (date != previousDate && !date.equals(previousDate)) {
                // a log in date order repeats the date of the previous row: convert each date once
                day = date.toEpochDay();
                period = (int) period(date, day);
                previousDate = date;
            }
            if (id == null || day > observationEnd || (int) day != day
                    || !(amount >= 0.0 && amount < Double.POSITIVE_INFINITY)) {
                try {
                    Objects.requireNonNull(id, "customerId");
                    checkedDay(id, date);
                    if (!refund(id, date, amount)) {
                        continue;
                    }
                } catch (RuntimeException e) {
                    error = e;
                    break;
                }
            }
            c.ids[n] = id;
            c.days[n] = (int) day;
            c.periods[n] = period;
            c.amounts[n] = amount;
            if (++n == limit) {
                addChunk(c, n);
                n = 0;
                read += limit;
                limit = RowChunk.rowsFor(index.size(), read);
                c = chunk(limit);
            }
        }
        addChunk(c, n);
        if (error != null) {
            throw error;
        }
    }

    /** The reusable buffers of {@link #addAll(Iterable)}: input columns, the ids' side, columns in shard order. */
    private static final class Chunk {
        final String[] ids;
        final int[] days;
        final int[] periods;
        final double[] amounts;
        final RowChunk rows;
        final int[] shardDays;
        final int[] shardPeriods;
        final double[] shardAmounts;

        Chunk(int capacity) {
            ids = new String[capacity];
            days = new int[capacity];
            periods = new int[capacity];
            amounts = new double[capacity];
            rows = new RowChunk(capacity, false);
            shardDays = new int[capacity];
            shardPeriods = new int[capacity];
            shardAmounts = new double[capacity];
        }
    }

    private Chunk chunk;

    private Chunk chunk(int rows) {
        if (chunk == null || chunk.ids.length < rows) {
            chunk = new Chunk(rows);
        }
        return chunk;
    }

    /**
     * Records the first {@code n} validated rows of a chunk, in two stages (every row's customer found or created,
     * then every row recorded: the look-ups' cache misses overlap), in input order or, with many customers and no
     * runs of one customer, one customer shard at a time (see {@link RowChunk}); then checks the new customers' ids
     * in input order.
     */
    private void addChunk(Chunk c, int n) {
        if (n == 0) {
            return;
        }
        RowChunk rows = c.rows;
        int bits = RowChunk.shardBits(index.size(), rows.hashIds(c.ids, 0, n, index), n);
        if (bits == 0) {
            resolve(c.ids, 0, n, rows);
            requireNoBlankId(c, n);
            if (matrix != null) {
                matrix.recordAll(rows.customers, c.periods, c.amounts, 0, n);
                countMatrixRows(c.days, n);
                return;
            }
            for (int i = 0; i < n; i++) {
                record(rows.customers[i], c.days[i], c.periods[i], c.amounts[i], c.amounts[i] >= 0.0);
            }
            return;
        }
        ShardPartition partition = rows.partition(n, bits, c.ids, 0);
        if (matrix == null) {
            partition.scatter(c.days, 0, c.shardDays); // the matrix needs no days
        }
        partition.scatter(c.periods, 0, c.shardPeriods);
        partition.scatter(c.amounts, 0, c.shardAmounts);
        for (int shard = 0; shard < partition.shards(); shard++) {
            int start = partition.start(shard);
            int end = partition.end(shard);
            resolve(c.ids, start, end, rows);
            if (matrix != null) {
                matrix.recordAll(rows.customers, c.shardPeriods, c.shardAmounts, start, end);
                continue;
            }
            for (int j = start; j < end; j++) {
                double amount = c.shardAmounts[j];
                record(rows.customers[j], c.shardDays[j], c.shardPeriods[j], amount, amount >= 0.0);
            }
        }
        if (matrix != null) {
            countMatrixRows(c.days, n);
        }
        requireNoBlankId(c, n);
    }

    /** In cohort-matrix mode, after a chunk's rows are recorded: the count and the latest day, as record keeps. */
    private void countMatrixRows(int[] days, int n) {
        long latest = latestDay;
        for (int i = 0; i < n; i++) {
            latest = Math.max(latest, days[i]);
        }
        latestDay = latest;
        transactionCount += n;
    }

    /**
     * The customer of each position {@code start .. end − 1} (input order, or shard order once the chunk is
     * partitioned), found or created, into {@code rows.customers}. New customers are set up afterwards, and their
     * ids checked (after the look-ups: reading each new id's characters during them would stall them on a cache
     * miss).
     */
    private void resolve(String[] ids, int start, int end, RowChunk rows) {
        int before = index.size();
        rows.resolve(index, ids, 0, start, end);
        for (int customer = before; customer < index.size(); customer++) {
            initialise(customer);
            blankIdSeen |= index.id(customer).isBlank();
        }
    }

    /** Whether a chunk added a customer with a blank id ({@link #requireNoBlankId}). */
    private boolean blankIdSeen;

    /**
     * Throws for the first row, in input order, with a blank id, if the chunk added a customer with one (the first
     * row with a blank id is the one that added it).
     */
    private void requireNoBlankId(Chunk c, int n) {
        if (!blankIdSeen) {
            return;
        }
        blankIdSeen = false;
        for (int i = 0; i < n; i++) {
            if (c.ids[i].isBlank()) {
                throw blankId(c.ids[i], LocalDate.ofEpochDay(c.days[i]));
            }
        }
        throw new IllegalStateException("a customer with a blank id was added, but no row of the chunk has one");
    }

    /** The epoch day of a transaction's date, checked against the observation end and the supported range. */
    private long checkedDay(String customerId, LocalDate date) {
        long day = date.toEpochDay();
        if (day > observationEnd) {
            throw afterEnd(customerId, date);
        }
        if ((int) day != day) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "date out of the supported range for customer %s: date=%s", customerId, date));
        }
        return day;
    }

    /** Records a validated transaction of a customer. */
    private void record(int customer, long day, long period, double amount, boolean order) {
        if (matrix != null) {
            matrix.record(customer, (int) period, amount, order);
            if (day > latestDay) {
                latestDay = day;
            }
            transactionCount++;
            return;
        }
        int b = STRIDE * customer;
        long[] s = state;
        long open = s[b + PERIOD];
        if (open == period || open < period && (open != EMPTY || openable(b, period))) {
            if (open != period) {
                if (open != EMPTY) {
                    close(b);
                }
                s[b + PERIOD] = period;
                s[b + ORDERS] = 0L;
                s[b + SUM] = 0L; // +0.0
                s[b + COMP] = 0L;
            }
            double sum = Double.longBitsToDouble(s[b + SUM]);
            double t = sum + amount;
            double compensation = Math.abs(sum) >= Math.abs(amount) ? (sum - t) + amount : (amount - t) + sum;
            s[b + SUM] = Double.doubleToRawLongBits(t);
            s[b + COMP] = Double.doubleToRawLongBits(Double.longBitsToDouble(s[b + COMP]) + compensation);
            if (order) {
                s[b + ORDERS]++;
            }
        } else {
            int cell = closedCell(b, (int) period);
            if (order) {
                addOrders(cell, 1);
            }
            addAmount(cell, amount);
        }
        if (order) {
            if (day < s[b + FIRST]) {
                s[b + FIRST] = day;
            }
            if (day > s[b + LAST]) {
                s[b + LAST] = day;
            }
        }
        if (day > latestDay) {
            latestDay = day;
        }
        transactionCount++;
    }

    /** The absolute period index of a date, as {@link CohortUnit#periodIndex(LocalDate)}. */
    private long period(LocalDate date, long day) {
        switch (unitCode) {
            case WEEK:
                return Math.floorDiv(day + 3, 7);
            case MONTH:
                return 12L * date.getYear() + date.getMonthValue() - 1;
            case QUARTER:
                return 4L * date.getYear() + (date.getMonthValue() - 1) / 3;
            default:
                return date.getYear();
        }
    }

    /** With no open cell: may {@code period} be opened, i.e. is it later than every closed cell? */
    private boolean openable(int b, long period) {
        int head = (int) state[b + HEAD];
        return head == NONE || period(head) < period;
    }

    /** Whether to record a refund; throws under REJECT. */
    private boolean refund(String customerId, LocalDate date, double amount) {
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "amount must be finite for customer %s on %s: amount=%s", customerId, date, amount));
        }
        if (refundPolicy == RefundPolicy.DROP) {
            droppedRefunds++;
            return false;
        }
        if (refundPolicy != RefundPolicy.NET) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "negative amount (refund) for customer %s on %s: amount=%s; refunds are rejected by "
                            + "default, choose RefundPolicy.DROP or RefundPolicy.NET", customerId, date,
                    amount));
        }
        return true;
    }

    /** Closes the open cell of the customer at record offset b: it becomes the head of the closed list. */
    private void close(int b) {
        int cell = newCell(b / STRIDE, (int) state[b + PERIOD], (int) state[b + HEAD]);
        int[] ints = cellInts[cell >>> CHUNK_BITS];
        double[] sums = cellAmounts[cell >>> CHUNK_BITS];
        int i = cell & CHUNK_MASK;
        ints[4 * i + 1] = (int) state[b + ORDERS];
        sums[2 * i] = Double.longBitsToDouble(state[b + SUM]);
        sums[2 * i + 1] = Double.longBitsToDouble(state[b + COMP]);
        state[b + HEAD] = cell;
        state[b + PERIOD] = EMPTY;
    }

    /** Neumaier's compensated summation into a closed cell. */
    private void addAmount(int cell, double amount) {
        double[] sums = cellAmounts[cell >>> CHUNK_BITS];
        int i = 2 * (cell & CHUNK_MASK);
        double s = sums[i];
        double t = s + amount;
        sums[i + 1] += Math.abs(s) >= Math.abs(amount) ? (s - t) + amount : (amount - t) + s;
        sums[i] = t;
    }

    private void addOrders(int cell, int orders) {
        cellInts[cell >>> CHUNK_BITS][4 * (cell & CHUNK_MASK) + 1] += orders;
    }

    private void setNext(int cell, int next) {
        cellInts[cell >>> CHUNK_BITS][4 * (cell & CHUNK_MASK) + 2] = next;
    }

    private IllegalArgumentException afterEnd(String customerId, LocalDate date) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "transaction after the observation end for customer %s: date=%s, observationEnd=%s",
                customerId, date, LocalDate.ofEpochDay(observationEnd)));
    }

    private int ordinal(String customerId, long day) {
        int before = index.size();
        int customer = index.getOrAdd(customerId);
        if (customer == before) {
            if (customerId.isBlank()) {
                throw blankId(customerId, LocalDate.ofEpochDay(day));
            }
            initialise(customer);
        }
        return customer;
    }

    private static IllegalArgumentException blankId(String customerId, LocalDate date) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "customer id must not be blank: customerId='%s', date=%s", customerId, date));
    }

    /** Sets up the record of a new customer: no open cell, no purchase days, no closed cells. */
    private void initialise(int customer) {
        if (matrix != null) {
            matrix.initialise(customer);
            return;
        }
        int b = STRIDE * customer;
        if (b + STRIDE > state.length) {
            state = Arrays.copyOf(state, 2 * state.length);
        }
        state[b + PERIOD] = EMPTY;
        state[b + FIRST] = Long.MAX_VALUE;
        state[b + LAST] = Long.MIN_VALUE;
        state[b + HEAD] = NONE;
    }

    /**
     * The closed cell of a period, created if absent, keeping the list sorted by period, newest first. Only for
     * periods before the open one (or with no open cell).
     */
    private int closedCell(int b, int period) {
        int head = (int) state[b + HEAD];
        if (head == NONE || period(head) < period) {
            int cell = newCell(b / STRIDE, period, head);
            state[b + HEAD] = cell;
            return cell;
        }
        if (period(head) == period) {
            return head;
        }
        int previous = head;
        int current = nextCell(head);
        while (current != NONE && period(current) > period) {
            previous = current;
            current = nextCell(current);
        }
        if (current != NONE && period(current) == period) {
            return current;
        }
        int cell = newCell(b / STRIDE, period, current);
        setNext(previous, cell);
        return cell;
    }

    private int newCell(int owner, int period, int next) {
        int cell = cellCount;
        int chunk = cell >>> CHUNK_BITS;
        if (chunk == cellInts.length) {
            cellInts = Arrays.copyOf(cellInts, 2 * chunk);
            cellAmounts = Arrays.copyOf(cellAmounts, 2 * chunk);
        }
        if (cellInts[chunk] == null) {
            cellInts[chunk] = new int[4 << CHUNK_BITS];
            cellAmounts[chunk] = new double[2 << CHUNK_BITS];
        }
        int i = cell & CHUNK_MASK;
        int[] ints = cellInts[chunk];
        ints[4 * i] = period; // orders 0 and sums 0.0 from the fresh chunk
        ints[4 * i + 2] = next;
        ints[4 * i + 3] = owner;
        cellCount++;
        return cell;
    }

    /**
     * Closes every open cell, so that {@link #firstCell(int)} and {@link #nextCell(int)} list all of a customer's
     * cells. Call before reading; adding afterwards is allowed (call again before the next read).
     *
     * @throws IllegalStateException for a log in cohort-matrix mode, which keeps no cells
     */
    public void seal() {
        requireCells();
        for (int c = 0; c < index.size(); c++) {
            int b = STRIDE * c;
            if (state[b + PERIOD] != EMPTY) {
                close(b);
            }
        }
    }

    /**
     * Merges another log into this one; both must have been created with the same unit, observation end and
     * refund policy. Both logs are {@linkplain #seal() sealed}; the other is otherwise left unchanged.
     *
     * @param other the other log
     * @return this log
     * @throws IllegalArgumentException if the options differ
     */
    public ActivityLog combine(ActivityLog other) {
        if (unit != other.unit || observationEnd != other.observationEnd || refundPolicy != other.refundPolicy) {
            throw new IllegalArgumentException("cannot combine accumulators with different options");
        }
        seal();
        other.seal();
        for (int o = 0; o < other.index.size(); o++) {
            String id = other.index.id(o);
            int b = STRIDE * ordinal(id, 0L);
            int ob = STRIDE * o;
            state[b + FIRST] = Math.min(state[b + FIRST], other.state[ob + FIRST]);
            state[b + LAST] = Math.max(state[b + LAST], other.state[ob + LAST]);
            for (int cell = (int) other.state[ob + HEAD]; cell != NONE; cell = other.nextCell(cell)) {
                int mine = closedCell(b, other.period(cell));
                addOrders(mine, other.orders(cell));
                double[] sums = other.cellAmounts[cell >>> CHUNK_BITS];
                addAmount(mine, sums[2 * (cell & CHUNK_MASK)]);
                addAmount(mine, sums[2 * (cell & CHUNK_MASK) + 1]);
            }
        }
        latestDay = Math.max(latestDay, other.latestDay);
        transactionCount += other.transactionCount;
        droppedRefunds += other.droppedRefunds;
        return this;
    }

    /** Cells and days are not kept in cohort-matrix mode. */
    private void requireCells() {
        if (matrix != null) {
            throw new IllegalStateException("a log in cohort-matrix mode keeps no per-customer cells");
        }
    }

    /**
     * The cohort matrix of a log created in cohort-matrix mode.
     *
     * @return the matrix, or null for an ordinary log
     */
    public CohortMatrix matrix() {
        return matrix;
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
        return state[STRIDE * customer + FIRST] != Long.MAX_VALUE;
    }

    /**
     * The day of a customer's first order.
     *
     * @param customer the ordinal
     * @return the epoch day; undefined when {@link #hasOrders(int)} is false
     */
    public int firstDay(int customer) {
        return (int) state[STRIDE * customer + FIRST];
    }

    /**
     * The day of a customer's last order.
     *
     * @param customer the ordinal
     * @return the epoch day; undefined when {@link #hasOrders(int)} is false
     */
    public int lastDay(int customer) {
        return (int) state[STRIDE * customer + LAST];
    }

    /**
     * The customer's newest cell; follow {@link #nextCell(int)} for older ones. Only complete after
     * {@link #seal()}.
     *
     * @param customer the ordinal
     * @return a cell, or {@link #NONE}
     */
    public int firstCell(int customer) {
        return (int) state[STRIDE * customer + HEAD];
    }

    /**
     * The customer's next older cell.
     *
     * @param cell a cell
     * @return the next cell, or {@link #NONE}
     */
    public int nextCell(int cell) {
        return cellInts[cell >>> CHUNK_BITS][4 * (cell & CHUNK_MASK) + 2];
    }

    /**
     * The number of cells; after {@link #seal()}, cells {@code 0 .. cellCount() − 1} are all the cells of all
     * customers, in no particular order (reading them by index is sequential in memory, unlike following the lists).
     *
     * @return the count
     */
    public int cellCount() {
        return cellCount;
    }

    /**
     * The customer a cell belongs to.
     *
     * @param cell a cell
     * @return the customer's ordinal
     */
    public int owner(int cell) {
        return cellInts[cell >>> CHUNK_BITS][4 * (cell & CHUNK_MASK) + 3];
    }

    /**
     * A cell's absolute period index.
     *
     * @param cell a cell
     * @return the period index of {@link #unit()}
     */
    public int period(int cell) {
        return cellInts[cell >>> CHUNK_BITS][4 * (cell & CHUNK_MASK)];
    }

    /**
     * A cell's number of orders (0 for a period with netted refunds only).
     *
     * @param cell a cell
     * @return the orders
     */
    public int orders(int cell) {
        return cellInts[cell >>> CHUNK_BITS][4 * (cell & CHUNK_MASK) + 1];
    }

    /**
     * A cell's amount: orders plus netted refunds, with the compensation added.
     *
     * @param cell a cell
     * @return the amount
     */
    public double amount(int cell) {
        double[] sums = cellAmounts[cell >>> CHUNK_BITS];
        return sums[2 * (cell & CHUNK_MASK)] + sums[2 * (cell & CHUNK_MASK) + 1];
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
