package org.clv4j.core.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collector;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.Transaction;
import org.clv4j.core.internal.CustomerIndex;
import org.clv4j.core.internal.RowChunk;
import org.clv4j.core.internal.ShardPartition;

/**
 * Builds {@link CustomerSummary customer summaries} in one pass over a transaction stream, in memory proportional
 * to the number of customers, not of transactions.
 *
 * <p>Each customer's state is a handful of primitives as long as that customer's transactions arrive in
 * non-decreasing date order; customers may interleave freely (exports sorted by date, or by customer and date,
 * qualify). A transaction dated strictly inside the span of three or more purchase days already seen for the same
 * customer cannot be merged exactly without that customer's set of days: the accumulator then fails with an
 * {@link IllegalArgumentException} naming the customer, unless it was created by
 * {@link CustomerSummaries#summarize(Iterable, SummaryOptions)}, which makes a second pass over such customers.
 *
 * <p>Usable as a {@link Collector} ({@link #collector(SummaryOptions)}), including on ordered parallel streams:
 * {@link #combine(SummaryAccumulator)} merges two accumulators that read consecutive parts of the input.
 *
 * <p>Output order is deterministic: customers appear in the order of their first transaction in the input.
 *
 * <p><b>Speed.</b> The bulk entry points ({@link #addAll(String[], int[], long[], double[], int, int)} for
 * dictionary-encoded ids, {@link #addAll(String[], long[], double[], int, int)}, then {@link #addAll(Iterable)}) are
 * the fast ones. They read the input in chunks (up to four rows per customer seen,
 * between 2^16 and 2^22 rows). A log in date order visits a random customer at every row, which with many
 * customers would wait on a cache miss per row; so when there are more than 16,384 customers and the rows do not
 * come in runs of one customer, each chunk is first partitioned by customer shard (see
 * {@code ShardPartition}, stable, so each customer's rows keep their order) and the shards, whose states fit the
 * level-2 cache, are processed one after another. The result is exactly that of adding the rows one by one.
 * Memory: a 64-byte record per customer plus its share of the id table (about 100 bytes per customer in all,
 * besides the id strings, which are the input's), and the chunk buffers (about 72 bytes per row, at most four rows
 * per customer).
 *
 * <p>Not thread-safe; use one accumulator per thread and {@link #combine combine} them.
 *
 * <pre>{@code
 * List<CustomerSummary> summaries = transactions.stream()
 *         .collect(SummaryAccumulator.collector(SummaryOptions.defaults().withTimeUnit(TimeUnit.WEEK)));
 * }</pre>
 */
public final class SummaryAccumulator {

    private final SummaryOptions options;
    private final long observationEnd;
    private final long calibrationEnd;
    private final RefundPolicy refundPolicy;
    private final boolean secondPassAvailable;

    /** Customer id → ordinal (the index of the customer's record in {@link #states}). */
    private final CustomerIndex index = new CustomerIndex();
    /** The customers' running totals, by ordinal (the order in which they were created). */
    private final CustomerStates states = new CustomerStates();
    /** The customers' ordinals in order of first appearance in the input. */
    private int[] inOrder = new int[1024];
    private int inOrderSize;
    /** The customer of the previous {@link #add(String, long, double)}: exports sorted by customer hit it. */
    private String recentId;
    private int recent;
    private final Set<String> ambiguous = new LinkedHashSet<>();
    private long latestDay = Long.MIN_VALUE;
    private long transactionCount;
    /** Buffers of the bulk entry points, allocated on first use and released by {@link #finish()}. */
    private Chunk chunk;

    private SummaryAccumulator(SummaryOptions options, boolean secondPassAvailable) {
        this.options = Objects.requireNonNull(options, "options");
        this.observationEnd = options.observationEnd().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
        this.calibrationEnd = options.calibrationEnd().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
        this.refundPolicy = options.refundPolicy();
        this.secondPassAvailable = secondPassAvailable;
    }

    /**
     * An empty accumulator.
     *
     * @param options the observation window, time unit and refund policy
     * @return the accumulator
     */
    public static SummaryAccumulator create(SummaryOptions options) {
        return new SummaryAccumulator(options, false);
    }

    static SummaryAccumulator createWithSecondPass(SummaryOptions options) {
        return new SummaryAccumulator(options, true);
    }

    /**
     * A collector of transactions into customer summaries.
     *
     * @param options the observation window, time unit and refund policy
     * @return the collector; its result is the list of {@link #finish()}
     */
    public static Collector<Transaction, SummaryAccumulator, List<CustomerSummary>> collector(
            SummaryOptions options) {
        Objects.requireNonNull(options, "options");
        return Collector.of(() -> create(options), SummaryAccumulator::add, SummaryAccumulator::combine,
                SummaryAccumulator::finish);
    }

    /**
     * The options this accumulator was created with.
     *
     * @return the options
     */
    public SummaryOptions options() {
        return options;
    }

    /**
     * Adds one transaction.
     *
     * @param transaction the transaction
     * @throws IllegalArgumentException if the transaction is invalid (blank customer id, amount not finite, date
     *         outside ±5.8 million years of 1970), after the observation end, a refund under
     *         {@link RefundPolicy#REJECT}, or out of order in a way that needs a second pass (see the class
     *         description)
     */
    public void add(Transaction transaction) {
        add(transaction.customerId(), transaction.date().toEpochDay(), transaction.amount());
    }

    /**
     * Adds one transaction given by its parts.
     *
     * @param customerId the customer id, not blank
     * @param date the purchase date
     * @param amount the amount, finite
     * @throws IllegalArgumentException as {@link #add(Transaction)}
     */
    public void add(String customerId, LocalDate date, double amount) {
        add(customerId, date.toEpochDay(), amount);
    }

    /**
     * Adds one transaction given by its parts, the date as {@link LocalDate#toEpochDay() epoch day}: the
     * allocation-free entry point for loaders that read one row at a time.
     *
     * @param customerId the customer id, not blank
     * @param epochDay the purchase date as days since 1970-01-01
     * @param amount the amount, finite
     * @throws IllegalArgumentException as {@link #add(Transaction)}
     */
    public void add(String customerId, long epochDay, double amount) {
        if (!quickCheck(customerId, epochDay, amount)) {
            IllegalArgumentException error = rowError(customerId, epochDay, amount);
            if (error != null) {
                throw error;
            }
        }
        int c = recent;
        if (recentId == null || (recentId != customerId && !recentId.equals(customerId))) {
            c = index.find(customerId);
            if (c < 0) {
                if (customerId.isBlank()) {
                    throw blankId(customerId, epochDay);
                }
                c = addCustomer(customerId);
                appear(c);
            }
            recent = c;
            recentId = customerId;
        }
        if (!apply(c, (int) epochDay, amount)) {
            throw outOfOrder(customerId, c, epochDay);
        }
    }

    /**
     * Adds many transactions given as columns: the bulk entry point, and the fastest. The result is the same as
     * adding the rows one by one in order (see "Speed" in the class description for how the rows are processed).
     *
     * @param customerIds the customer ids
     * @param epochDays the purchase dates as days since 1970-01-01
     * @param amounts the amounts
     * @param from the first row, inclusive
     * @param to the last row, exclusive
     * @throws IllegalArgumentException as {@link #add(Transaction)}, for the first invalid row
     * @throws IndexOutOfBoundsException if the range is outside an array
     */
    public void addAll(String[] customerIds, long[] epochDays, double[] amounts, int from, int to) {
        Objects.checkFromToIndex(from, to, customerIds.length);
        Objects.checkFromToIndex(from, to, epochDays.length);
        Objects.checkFromToIndex(from, to, amounts.length);
        for (int start = from; start < to; ) {
            int n = Math.min(to - start, chunkRows());
            addChunk(customerIds, epochDays, amounts, start, n);
            start += n;
        }
    }

    /**
     * Adds many transactions whose customers are given as codes into a dictionary of ids: row {@code i}'s customer
     * is {@code dictionary[customerCodes[i]]}. This is the form of a column that a columnar reader or a database
     * with integer customer keys gives (dictionary-encoded ids), and the fastest entry point: no id is hashed or
     * compared per row, only once per code and call. The result is the same as adding the rows one by one with
     * their ids; codes whose ids are equal strings are one customer.
     *
     * <p>Each call maps the dictionary's codes afresh (memory and time O(dictionary length)), so pass many rows
     * per call.
     *
     * @param dictionary the customer ids, by code; each id a code refers to must be non-blank
     * @param customerCodes the rows' customer codes, each in {@code [0, dictionary.length)}
     * @param epochDays the purchase dates as days since 1970-01-01
     * @param amounts the amounts
     * @param from the first row, inclusive
     * @param to the last row, exclusive
     * @throws IllegalArgumentException for the first invalid row: a code outside the dictionary (the message names
     *         the row and the code), a blank or null id, or as {@link #add(Transaction)}
     * @throws IndexOutOfBoundsException if the range is outside an array
     */
    public void addAll(String[] dictionary, int[] customerCodes, long[] epochDays, double[] amounts, int from,
                       int to) {
        Objects.requireNonNull(dictionary, "dictionary");
        Objects.checkFromToIndex(from, to, customerCodes.length);
        Objects.checkFromToIndex(from, to, epochDays.length);
        Objects.checkFromToIndex(from, to, amounts.length);
        if (ordinalOfCode == null || ordinalOfCode.length < dictionary.length) {
            ordinalOfCode = new int[dictionary.length];
        }
        Arrays.fill(ordinalOfCode, 0, dictionary.length, -1);
        for (int start = from; start < to; ) {
            int n = Math.min(to - start, chunkRows());
            addCodedChunk(dictionary, customerCodes, epochDays, amounts, start, n);
            start += n;
        }
    }

    /**
     * Per code of the current dictionary, the customer's ordinal, or −1 before its first row; released by
     * {@link #finish()}.
     */
    private int[] ordinalOfCode;

    /**
     * Rows {@code from .. from + n − 1} of {@link #addAll(String[], int[], long[], double[], int, int)}: validated
     * and mapped to ordinals in input order, the codes seen for the first time looked up together
     * ({@link #lookUpNewCodes}; new customers are listed in order of first row), then
     * applied as {@link #addChunk} applies rows, in input order or shard by shard.
     */
    private void addCodedChunk(String[] dictionary, int[] codes, long[] days, double[] amounts, int from, int n) {
        Chunk c = chunk(n);
        RowChunk rows = c.rows;
        int[] customers = c.codedCustomers();
        int[] ordinals = ordinalOfCode;
        int[] newCodes = c.newCodes();
        IllegalArgumentException error = null;
        int valid = n;
        int fresh = 0;
        int runs = 0;
        int previous = -1;
        // validate, gather the known codes' ordinals (a loop of its own: the gathers' cache misses overlap), list
        // the codes seen for the first time in input order (marked −2 − k until they are looked up: their rows
        // gather a negative value) and count the rows that continue the previous row's code
        for (int i = 0; i < n; i++) {
            int code = codes[from + i];
            long day = days[from + i];
            double amount = amounts[from + i];
            if (code < 0 || code >= dictionary.length) {
                error = new IllegalArgumentException(String.format(Locale.ROOT,
                        "customer code outside the dictionary at row %d: code=%d, dictionary size=%d", from + i,
                        code, dictionary.length));
            } else if (!plainValues(day, amount)) {
                error = rowError(dictionary[code], day, amount);
            }
            if (error != null) {
                valid = i;
                break;
            }
            int customer = ordinals[code];
            if (customer == -1) {
                ordinals[code] = -2 - fresh;
                newCodes[fresh++] = code;
            }
            customers[i] = customer;
            runs += customer == previous ? 1 : 0;
            previous = customer;
        }
        if (fresh > 0) {
            int blank = firstBlank(dictionary, newCodes, fresh);
            if (blank < fresh) {
                int code = newCodes[blank];
                int row = 0;
                while (codes[from + row] != code) {
                    row++;
                }
                // rows from the first row of the blank id on are not applied: their codes stay unseen
                for (int k = blank; k < fresh; k++) {
                    ordinals[newCodes[k]] = -1;
                }
                fresh = blank;
                valid = row;
                error = blankId(dictionary[code], days[from + row]);
            }
            lookUpNewCodes(dictionary, newCodes, fresh, c);
            for (int i = 0; i < valid; i++) {
                if (customers[i] < 0) {
                    customers[i] = ordinals[codes[from + i]];
                }
            }
        }
        int bits = RowChunk.shardBits(states.size(), runs, valid);
        RowError failure = null;
        if (bits == 0) {
            failure = applyRows(days, amounts, from, customers, null, 0, valid, failure);
        } else {
            // shards of consecutive ordinals, whose records lie together (shards of scrambled ordinals, as for
            // hashes, measured 43 instead of 23 ns per row to apply at 100k customers); the chunk's shard-order
            // hash column holds the ordinals in shard order
            ShardPartition partition = c.codedPartition;
            int ordinalBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, states.size() - 1));
            int shift = Math.max(0, ordinalBits - bits);
            partition.planByRange(customers, valid, ordinalBits - shift, shift);
            partition.scatter(customers, 0, rows.shardHashes);
            partition.scatter(days, from, c.shardDays);
            partition.scatter(amounts, from, c.shardAmounts);
            // no column of input rows: a failing row's position is mapped back only on failure
            RowError[] failed = null;
            for (int shard = 0; shard < partition.shards(); shard++) {
                RowError f = applyRows(c.shardDays, c.shardAmounts, 0, rows.shardHashes, null,
                        partition.start(shard), partition.end(shard), null);
                if (f != null) {
                    failed = failed == null ? new RowError[partition.shards()] : failed;
                    failed[shard] = f;
                }
            }
            if (failed != null) {
                int[] rowOf = new int[valid];
                partition.scatterRowIndex(rowOf);
                for (RowError f : failed) {
                    if (f != null) {
                        failure = RowError.first(failure, rowOf[f.row], f.error);
                    }
                }
            }
        }
        recentId = null;
        if (failure != null) {
            throw failure.error;
        }
        if (error != null) {
            throw error;
        }
    }

    /** The position of the first null or blank id among the new codes {@code 0 .. fresh − 1}, else {@code fresh}. */
    private static int firstBlank(String[] dictionary, int[] newCodes, int fresh) {
        for (int k = 0; k < fresh; k++) {
            String id = dictionary[newCodes[k]];
            if (id == null || id.isBlank()) {
                return k;
            }
        }
        return fresh;
    }

    /**
     * Finds or creates the customers of the new codes {@code 0 .. fresh − 1} (listed in order of first row, their
     * ids non-blank), as the id path finds a chunk's customers ({@link #addChunk}): the ids hashed in a loop of
     * their own, then, for many, looked up shard by shard, so that the index's table is walked slice by slice
     * instead of at random (looking 1,000,000 new ids up one by one in order of appearance measured about 900 ns
     * each). New customers are listed in order of first row, and each code's ordinal goes to the code map.
     */
    private void lookUpNewCodes(String[] dictionary, int[] newCodes, int fresh, Chunk c) {
        RowChunk rows = c.rows;
        String[] ids = c.ids;
        for (int k = 0; k < fresh; k++) {
            ids[k] = dictionary[newCodes[k]];
        }
        int before = states.size();
        rows.hashIds(ids, 0, fresh, index);
        index.reserve(before + fresh);
        int bits = RowChunk.shardBits(before + fresh, 0, fresh);
        int[] position = null;
        if (bits == 0) {
            rows.resolve(index, ids, 0, 0, fresh);
        } else {
            ShardPartition partition = rows.partition(fresh, bits, ids, 0);
            for (int shard = 0; shard < partition.shards(); shard++) {
                rows.resolve(index, ids, 0, partition.start(shard), partition.end(shard));
            }
            position = rows.shardRows;
        }
        int[] ordinals = ordinalOfCode;
        int[] found = rows.customers;
        for (int p = 0; p < fresh; p++) {
            ordinals[newCodes[position == null ? p : position[p]]] = found[p];
        }
        while (states.size() < index.size()) {
            states.add();
        }
        // in order of first row: the customer a code created (an equal id under a later code finds it)
        int[] created = rows.created;
        for (int k = 0; k < fresh; k++) {
            if (created[k] != 0) {
                appear(created[k] - 1);
                created[k] = 0;
            }
        }
        Arrays.fill(ids, 0, fresh, null);
    }

    /**
     * Adds every transaction of {@code transactions}, in chunks as {@link #addAll(String[], long[], double[], int,
     * int)} does.
     *
     * @param transactions the transactions
     * @throws IllegalArgumentException as {@link #add(Transaction)}, for the first invalid transaction
     */
    public void addAll(Iterable<? extends Transaction> transactions) {
        long read = 0;
        int limit = RowChunk.rowsFor(states.size(), read);
        Chunk c = chunk(limit);
        int k = 0;
        LocalDate previousDate = null;
        long day = 0;
        for (Transaction t : transactions) {
            LocalDate date = t.date();
            if (date != previousDate && !date.equals(previousDate)) {
                // a log in date order repeats the date of the previous row: convert each date once
                day = date.toEpochDay();
                previousDate = date;
            }
            c.ids[k] = t.customerId();
            c.days[k] = day;
            c.amounts[k] = t.amount();
            if (++k == limit) {
                addChunk(c.ids, c.days, c.amounts, 0, k);
                k = 0;
                read += limit;
                limit = RowChunk.rowsFor(states.size(), read);
                c = chunk(limit);
            }
        }
        addChunk(c.ids, c.days, c.amounts, 0, k);
    }

    /** Rows per chunk of the bulk entry points ({@link RowChunk#rowsFor}: in memory proportional to the customers). */
    private int chunkRows() {
        return RowChunk.rowsFor(states.size());
    }

    /** The reusable buffers of the bulk entry points: the input columns, the ids' side, the columns in shard order. */
    private static final class Chunk {
        final String[] ids;
        final long[] days;
        final double[] amounts;
        final RowChunk rows;
        final long[] shardDays;
        final double[] shardAmounts;
        /** The partition of the dictionary-encoded entry point (the id path's is in {@link #rows}). */
        final ShardPartition codedPartition = new ShardPartition();
        /** The dictionary-encoded entry point's ordinal per row, and its codes seen for the first time. */
        private int[] codedCustomers;
        private int[] newCodes;

        int[] codedCustomers() {
            if (codedCustomers == null) {
                codedCustomers = new int[days.length];
            }
            return codedCustomers;
        }

        int[] newCodes() {
            if (newCodes == null) {
                newCodes = new int[days.length];
            }
            return newCodes;
        }

        Chunk(int capacity) {
            ids = new String[capacity];
            days = new long[capacity];
            amounts = new double[capacity];
            rows = new RowChunk(capacity);
            shardDays = new long[capacity];
            shardAmounts = new double[capacity];
        }
    }

    private Chunk chunk(int rows) {
        if (chunk == null || chunk.ids.length < rows) {
            chunk = new Chunk(rows);
        }
        return chunk;
    }

    /**
     * Adds rows {@code from .. from + n − 1}. First, in input order, the ids are hashed (in a loop of nothing else,
     * so that the loads of scattered id strings overlap) and the rows validated. Then, unless the customers are few
     * or the rows come in runs of one customer (a log sorted by customer), the rows are partitioned by customer
     * shard ({@link ShardPartition}) and processed shard by shard, else processed in input order. Either way in two
     * stages: every row's customer is found or created, then the rows are applied; the look-ups of different rows
     * are independent, so the processor overlaps their cache misses, which it cannot do while each row's update
     * waits on its own look-up. Each customer's rows keep their order, so the records are exactly those of a
     * row-by-row pass; new customers are listed in the order of their first row. On an error, the first invalid row
     * in input order is reported.
     */
    private void addChunk(String[] ids, long[] days, double[] amounts, int from, int n) {
        if (n == 0) {
            return;
        }
        Chunk c = chunk(n);
        RowChunk rows = c.rows;
        int runs = rows.hashIds(ids, from, n, index);
        int valid = n;
        IllegalArgumentException error = null;
        for (int i = 0; i < n; i++) {
            if (!quickCheck(ids[from + i], days[from + i], amounts[from + i])) {
                error = rowError(ids[from + i], days[from + i], amounts[from + i]);
                if (error != null) {
                    valid = i;
                    break;
                }
            }
        }
        int bits = RowChunk.shardBits(states.size(), runs, valid);
        RowError failure = null;
        if (bits == 0) {
            resolve(ids, from, 0, valid, rows);
            failure = listNewCustomers(rows, ids, days, from, valid, failure);
            failure = applyRows(days, amounts, from, rows.customers, null, 0, valid, failure);
        } else {
            ShardPartition partition = rows.partition(valid, bits, ids, from);
            partition.scatter(days, from, c.shardDays);
            partition.scatter(amounts, from, c.shardAmounts);
            for (int shard = 0; shard < partition.shards(); shard++) {
                int start = partition.start(shard);
                int end = partition.end(shard);
                resolve(ids, from, start, end, rows);
                failure = applyRows(c.shardDays, c.shardAmounts, 0, rows.customers, rows.shardRows, start, end,
                        failure);
            }
            failure = listNewCustomers(rows, ids, days, from, valid, failure);
        }
        recentId = null;
        if (failure != null) {
            throw failure.error;
        }
        if (error != null) {
            throw error;
        }
    }

    /** The first error of a chunk in input order. */
    private static final class RowError {
        final int row;
        final IllegalArgumentException error;

        RowError(int row, IllegalArgumentException error) {
            this.row = row;
            this.error = error;
        }

        static RowError first(RowError known, int row, IllegalArgumentException error) {
            return known == null || row < known.row ? new RowError(row, error) : known;
        }
    }

    /**
     * Stage 1: the customer of each position {@code start .. end − 1} (input order, or shard order once the chunk
     * is partitioned), found or created, into {@code rows.customers[j]}; a position that creates its customer
     * marks its input row in {@code rows.created}. Blank ids are caught afterwards, in
     * input order ({@link #listNewCustomers}): reading each new id's characters here would stall the probes.
     */
    private void resolve(String[] ids, int idFrom, int start, int end, RowChunk rows) {
        rows.resolve(index, ids, idFrom, start, end);
        while (states.size() < index.size()) {
            states.add();
        }
    }

    /**
     * Stage 2: applies positions {@code start .. end − 1}, whose customers' ordinals are {@code customers[j]}, to
     * their records, in order; position {@code j} is input row {@code rowOf[j]} (or {@code j} when {@code rowOf} is
     * null), for naming the first failing row.
     *
     * @return the first error in input order among {@code failure} and these rows
     */
    private RowError applyRows(long[] days, double[] amounts, int valueFrom, int[] customers, int[] rowOf, int start,
                               int end, RowError failure) {
        for (int j = start; j < end; j++) {
            if (!apply(customers[j], (int) days[valueFrom + j], amounts[valueFrom + j])) {
                int row = rowOf == null ? j : rowOf[j];
                failure = RowError.first(failure, row, outOfOrder(index.id(customers[j]), customers[j],
                        days[valueFrom + j]));
            }
        }
        return failure;
    }

    /**
     * Lists the customers the chunk created, in the order of their first row, and checks their ids.
     *
     * @return the first error in input order among {@code failure} and blank new ids
     */
    private RowError listNewCustomers(RowChunk rows, String[] ids, long[] days, int from, int n, RowError failure) {
        int[] created = rows.created;
        for (int i = 0; i < n; i++) {
            if (created[i] != 0) {
                appear(created[i] - 1);
                created[i] = 0;
                if (ids[from + i].isBlank()) {
                    failure = RowError.first(failure, i, blankId(ids[from + i], days[from + i]));
                }
            }
        }
        return failure;
    }

    /** Lists a new customer in order of appearance. */
    private void appear(int customer) {
        if (inOrderSize == inOrder.length) {
            inOrder = Arrays.copyOf(inOrder, 2 * inOrder.length);
        }
        inOrder[inOrderSize++] = customer;
    }

    /** True when a row is certainly valid: non-null id, a day in range, an amount that is a plain order. */
    private boolean quickCheck(String customerId, long epochDay, double amount) {
        return customerId != null && plainValues(epochDay, amount);
    }

    /** True when a row's day is in range and its amount a plain order. */
    private boolean plainValues(long epochDay, double amount) {
        return epochDay <= observationEnd && epochDay > Integer.MIN_VALUE && epochDay <= Integer.MAX_VALUE
                && amount >= 0.0 && amount < Double.POSITIVE_INFINITY;
    }

    /**
     * The error of a row that fails the {@link #quickCheck}, or null when the row is valid after all (a refund
     * under DROP or NET).
     */
    private IllegalArgumentException rowError(String customerId, long epochDay, double amount) {
        if (customerId == null || customerId.isBlank()) {
            return blankId(customerId, epochDay);
        }
        if (epochDay > observationEnd) {
            return new IllegalArgumentException(String.format(Locale.ROOT,
                    "transaction after the observation end for customer %s: date=%s, observationEnd=%s",
                    customerId, LocalDate.ofEpochDay(epochDay), LocalDate.ofEpochDay(observationEnd)));
        }
        if (epochDay <= Integer.MIN_VALUE || epochDay > Integer.MAX_VALUE) {
            return new IllegalArgumentException(String.format(Locale.ROOT,
                    "date out of the supported range (±5.8 million years of 1970) for customer %s: epochDay=%d",
                    customerId, epochDay));
        }
        if (!Double.isFinite(amount)) {
            return new IllegalArgumentException(String.format(Locale.ROOT,
                    "amount must be finite for customer %s on %s: amount=%s", customerId,
                    LocalDate.ofEpochDay(epochDay), amount));
        }
        if (amount < 0.0 && refundPolicy == RefundPolicy.REJECT) {
            return new IllegalArgumentException(String.format(Locale.ROOT,
                    "negative amount (refund) for customer %s on %s: amount=%s; refunds are rejected by "
                            + "default, choose RefundPolicy.DROP or RefundPolicy.NET (CLI: --refunds drop|net)",
                    customerId, LocalDate.ofEpochDay(epochDay), amount));
        }
        return null;
    }

    /**
     * Applies a validated row to its customer's record.
     *
     * @return false if the row is out of date order for its customer and no second pass is available
     */
    private boolean apply(int customer, int epochDay, double amount) {
        if (amount < 0.0) {
            if (refundPolicy == RefundPolicy.DROP) {
                return true;
            }
            states.addRefund(customer, epochDay, amount, calibrationEnd);
        } else if (!states.isAmbiguous(customer)
                && !states.addPurchase(customer, epochDay, amount, calibrationEnd)) {
            if (!secondPassAvailable) {
                return false;
            }
            states.setAmbiguous(customer);
            ambiguous.add(index.id(customer));
        }
        if (epochDay > latestDay) {
            latestDay = epochDay;
        }
        transactionCount++;
        return true;
    }

    /** Adds a new customer (not in the index yet); returns its ordinal. */
    private int addCustomer(String customerId) {
        int c = index.getOrAdd(customerId);
        states.add();
        return c;
    }

    /** The ordinal of {@code customerId}, created (and listed) if new. */
    private int findOrCreate(String customerId) {
        int c = index.find(customerId);
        if (c < 0) {
            c = addCustomer(customerId);
            appear(c);
        }
        return c;
    }

    private static IllegalArgumentException blankId(String customerId, long epochDay) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "customer id must not be blank: customerId='%s', date=%s", customerId,
                LocalDate.ofEpochDay(epochDay)));
    }

    private IllegalArgumentException outOfOrder(String customerId, int customer, long epochDay) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "transactions of customer %s are out of date order: %s arrived after %d purchase days "
                        + "from %s to %s; sort the input by date, or use CustomerSummaries.summarize(Iterable, "
                        + "SummaryOptions), which makes a second pass", customerId,
                LocalDate.ofEpochDay(epochDay), states.days(customer), LocalDate.ofEpochDay(states.first(customer)),
                LocalDate.ofEpochDay(states.last(customer))));
    }

    /** Customers that need the second pass of {@link CustomerSummaries}. */
    Set<String> ambiguousCustomers() {
        return ambiguous;
    }

    /** Prepares the second pass: the named customers restart in exact mode. */
    void restartExact(Set<String> customerIds) {
        for (String id : customerIds) {
            states.restartExact(index.find(id));
        }
        ambiguous.clear();
    }

    /** Second pass: adds a purchase of a customer in exact mode, already validated by the first pass. */
    void addExact(String customerId, long epochDay, double amount) {
        int c = index.find(customerId);
        if (c >= 0 && states.isExact(c) && amount >= 0.0) {
            states.addPurchase(c, (int) epochDay, amount, calibrationEnd);
        }
    }

    /**
     * Merges another accumulator, which read the part of the input that follows this one's, into this one.
     *
     * @param other an accumulator with the same options
     * @return this accumulator
     * @throws IllegalArgumentException if the options differ, or a customer's days in the two parts overlap in a
     *         way that cannot be merged exactly
     */
    public SummaryAccumulator combine(SummaryAccumulator other) {
        if (observationEnd != other.observationEnd || calibrationEnd != other.calibrationEnd
                || refundPolicy != other.refundPolicy || !options.timeUnit().equals(other.options.timeUnit())) {
            throw new IllegalArgumentException("cannot combine accumulators with different options: "
                    + options + " and " + other.options);
        }
        for (int k = 0; k < other.inOrderSize; k++) {
            int theirs = other.inOrder[k];
            String id = other.index.id(theirs);
            if (!states.merge(findOrCreate(id), other.states, theirs, calibrationEnd)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "transactions of customer %s are out of date order across parallel parts of the input; "
                                + "sort the stream by date or collect it sequentially", id));
            }
        }
        latestDay = Math.max(latestDay, other.latestDay);
        transactionCount += other.transactionCount;
        return this;
    }

    /**
     * The number of distinct customers seen so far.
     *
     * @return the customer count
     */
    public int customerCount() {
        return states.size();
    }

    /**
     * The number of transactions added so far, dropped refunds excluded.
     *
     * @return the transaction count
     */
    public long transactionCount() {
        return transactionCount;
    }

    /**
     * The summaries, one per customer with a purchase in the calibration window, in order of first appearance.
     * Customers whose first purchase falls after the calibration end are left out (they have no calibration
     * history). An empty input gives an empty list.
     *
     * @return the summaries
     * @throws IllegalArgumentException if the calibration end is not before the (implicit) observation end, or a
     *         customer's net spend is negative under {@link RefundPolicy#NET}, or a customer has only refunds
     */
    public List<CustomerSummary> finish() {
        chunk = null;
        ordinalOfCode = null;
        if (inOrderSize == 0) {
            return List.of();
        }
        long end = observationEnd != Long.MAX_VALUE ? observationEnd : latestDay;
        boolean holdout = calibrationEnd != Long.MAX_VALUE;
        long windowEnd = holdout ? calibrationEnd : end;
        if (holdout && calibrationEnd >= end) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "calibration end must be before the observation end: calibrationEnd=%s, observationEnd=%s",
                    LocalDate.ofEpochDay(calibrationEnd), LocalDate.ofEpochDay(end)));
        }
        states.resolveExact(calibrationEnd);
        TimeUnit unit = options.timeUnit();
        Optional<Holdout> noHoldout = Optional.empty();
        // immutable parts shared by many customers, built once (a summary is then one object, not three to five)
        Optional<Holdout> noHoldoutPurchase = holdout
                ? Optional.of(new Holdout(0, 0.0, unit.fromDays(end - calibrationEnd))) : noHoldout;
        FirstDays firstDays = new FirstDays();
        List<CustomerSummary> result = new ArrayList<>(inOrderSize);
        for (int k = 0; k < inOrderSize; k++) {
            int c = inOrder[k];
            String id = index.id(c);
            if (states.days(c) == 0 && refundPolicy == RefundPolicy.DROP) {
                continue; // only refunds, which the caller chose to drop: not a customer of the window
            }
            if (states.days(c) == 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "customer %s has refunds but no purchase in the observation window", id));
            }
            int first = states.first(c);
            if (first > windowEnd) {
                continue;
            }
            int frequency = states.calibrationDays(c) - 1;
            double repeatSpend = states.repeatSpend(c);
            double firstSpend = states.firstSpend(c);
            double calibrationRefunds = states.calibrationRefunds(c);
            if (frequency > 0) {
                repeatSpend += calibrationRefunds;
            } else {
                firstSpend += calibrationRefunds;
            }
            if (repeatSpend < 0.0 || firstSpend < 0.0) {
                throw negativeNet(id, "calibration", repeatSpend < 0.0 ? repeatSpend : firstSpend);
            }
            double monetary = frequency > 0 ? repeatSpend / frequency : 0.0;
            Optional<Holdout> holdoutPart = noHoldout;
            if (holdout) {
                int holdoutDays = states.holdoutDays(c);
                double holdoutNet = states.holdoutSpend(c) + states.holdoutRefunds(c);
                if (holdoutNet < 0.0) {
                    throw negativeNet(id, "holdout", holdoutNet);
                }
                holdoutPart = holdoutDays == 0 ? noHoldoutPurchase : Optional.of(new Holdout(holdoutDays,
                        holdoutNet / holdoutDays, unit.fromDays(end - calibrationEnd)));
            }
            result.add(new CustomerSummary(id, firstDays.of(first), frequency,
                    unit.fromDays(states.calibrationLast(c) - first), unit.fromDays(windowEnd - first), monetary,
                    states.calibrationOrders(c), states.calibrationSpend(c) + calibrationRefunds, unit,
                    holdoutPart));
        }
        return result;
    }

    /**
     * One {@code Optional<LocalDate>} per first-purchase day, shared by the summaries of the customers who first
     * bought that day: a log spans a few thousand days, so a million summaries need only that many dates.
     */
    private static final class FirstDays {
        private static final int MAX_SPAN = 1 << 20;
        private Object[] byDay = new Object[0];
        private long base;

        @SuppressWarnings("unchecked")
        Optional<LocalDate> of(int day) {
            long at = day - base;
            if (at < 0 || at >= byDay.length) {
                if (!cover(day)) {
                    return Optional.of(LocalDate.ofEpochDay(day));
                }
                at = day - base;
            }
            Object date = byDay[(int) at];
            if (date == null) {
                date = Optional.of(LocalDate.ofEpochDay(day));
                byDay[(int) at] = date;
            }
            return (Optional<LocalDate>) date;
        }

        /**
         * Widens the table to cover {@code day} (keeping what it holds), at least doubling it, so that days met in
         * increasing order cost O(span) copies in all; false past {@link #MAX_SPAN} days.
         */
        private boolean cover(int day) {
            long low = byDay.length == 0 ? day - 512L : Math.min(base, day - 512L);
            long high = byDay.length == 0 ? day + 512L : Math.max(base + byDay.length, day + 512L);
            if (high - low > MAX_SPAN) {
                return false;
            }
            // at least double, on the side the days are moving to, within the bound
            long grow = Math.min(2L * byDay.length - (high - low), MAX_SPAN - (high - low));
            if (grow > 0) {
                if (day < base) {
                    low -= grow;
                } else {
                    high += grow;
                }
            }
            Object[] wider = new Object[(int) (high - low)];
            if (byDay.length > 0) {
                System.arraycopy(byDay, 0, wider, (int) (base - low), byDay.length);
            }
            byDay = wider;
            base = low;
            return true;
        }
    }

    private static IllegalArgumentException negativeNet(String customerId, String part, double net) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "refunds exceed purchases in the %s period for customer %s: net spend=%s", part, customerId, net));
    }
}
