package org.clv4j.core.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collector;
import org.clv4j.core.TimeUnit;
import org.clv4j.core.Transaction;

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
 * Not thread-safe; use one accumulator per thread and {@link #combine combine} them.
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

    /** Open-addressing table of the customers' states, keyed by id (the state holds its id and hash). */
    private CustomerState[] table = new CustomerState[1 << 10];
    private final ArrayList<CustomerState> inOrder = new ArrayList<>();
    /** The customer of the previous transaction: exports sorted by customer hit it almost always. */
    private CustomerState recent;
    private final Set<String> ambiguous = new LinkedHashSet<>();
    private long latestDay = Long.MIN_VALUE;
    private long transactionCount;

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
     * @throws IllegalArgumentException if the transaction is invalid (blank customer id, amount not finite),
     *         after the observation end, a refund under {@link RefundPolicy#REJECT}, or out of order in a way that
     *         needs a second pass (see the class description)
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
     * allocation-free entry point for bulk loaders.
     *
     * @param customerId the customer id, not blank
     * @param epochDay the purchase date as days since 1970-01-01
     * @param amount the amount, finite
     * @throws IllegalArgumentException as {@link #add(Transaction)}
     */
    public void add(String customerId, long epochDay, double amount) {
        CustomerState state = recent;
        if (state == null || (state.customerId != customerId && !state.customerId.equals(customerId))) {
            state = lookup(customerId, epochDay);
            recent = state;
        }
        addTo(state, customerId, epochDay, amount);
    }

    /**
     * Adds many transactions given as columns: the bulk entry point. Rows are processed in small batches whose
     * customer look-ups are issued together, so that their memory accesses overlap; the result is the same as
     * adding the rows one by one in order.
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
        java.util.Objects.checkFromToIndex(from, to, customerIds.length);
        java.util.Objects.checkFromToIndex(from, to, epochDays.length);
        java.util.Objects.checkFromToIndex(from, to, amounts.length);
        CustomerState[] resolved = new CustomerState[BATCH];
        for (int start = from; start < to; start += BATCH) {
            int end = Math.min(to, start + BATCH);
            prefetch(customerIds, start, end, resolved);
            for (int i = start; i < end; i++) {
                CustomerState state = resolved[i - start];
                if (state == null) {
                    state = lookup(customerIds[i], epochDays[i]);
                }
                addTo(state, customerIds[i], epochDays[i], amounts[i]);
            }
        }
    }

    /**
     * Adds every transaction of {@code transactions}, in batches as {@link #addAll(String[], long[], double[], int,
     * int)} does.
     *
     * @param transactions the transactions
     * @throws IllegalArgumentException as {@link #add(Transaction)}, for the first invalid transaction
     */
    public void addAll(Iterable<? extends Transaction> transactions) {
        String[] ids = new String[BATCH];
        long[] days = new long[BATCH];
        double[] amounts = new double[BATCH];
        int k = 0;
        for (Transaction t : transactions) {
            ids[k] = t.customerId();
            days[k] = t.date().toEpochDay();
            amounts[k] = t.amount();
            if (++k == BATCH) {
                addAll(ids, days, amounts, 0, k);
                k = 0;
            }
        }
        addAll(ids, days, amounts, 0, k);
    }

    /** Rows per batch of {@link #addAll}: enough independent look-ups to keep the memory system busy. */
    private static final int BATCH = 32;

    private final int[] batchHashes = new int[BATCH];

    /**
     * Resolves the rows' known customers, touching the table slots, the states and their ids for all rows before
     * any is used: the loads of different rows are independent, so the processor overlaps their cache misses.
     * Rows left null (customers not seen yet) take the ordinary look-up, which creates them.
     */
    private void prefetch(String[] ids, int start, int end, CustomerState[] resolved) {
        CustomerState[] t = table;
        int mask = t.length - 1;
        int n = end - start;
        int[] hashes = batchHashes;
        // stage 1: the ids' hashes (loads of the id strings, independent across rows)
        for (int k = 0; k < n; k++) {
            String id = ids[start + k];
            hashes[k] = id == null ? 0 : id.hashCode();
        }
        // stage 2: the home slots (loads of table entries, independent across rows)
        for (int k = 0; k < n; k++) {
            resolved[k] = t[spread(hashes[k]) & mask];
        }
        // stage 3: confirm, walking the (short) probe chain where the home slot holds another customer
        for (int k = 0; k < n; k++) {
            String id = ids[start + k];
            CustomerState s = resolved[k];
            if (id == null) {
                s = null;
            } else if (s != null && (s.customerId != id && (s.hash != hashes[k] || !s.customerId.equals(id)))) {
                int slot = spread(hashes[k]) & mask;
                while ((s = t[slot]) != null
                        && (s.hash != hashes[k] || (s.customerId != id && !s.customerId.equals(id)))) {
                    slot = (slot + 1) & mask;
                }
            }
            resolved[k] = s;
        }
    }

    private void addTo(CustomerState state, String customerId, long epochDay, double amount) {
        if (epochDay > observationEnd) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "transaction after the observation end for customer %s: date=%s, observationEnd=%s",
                    customerId, LocalDate.ofEpochDay(epochDay), LocalDate.ofEpochDay(observationEnd)));
        }
        if (!(amount >= 0.0 && amount < Double.POSITIVE_INFINITY)) {
            if (!addNegativeOrInvalid(state, epochDay, amount)) {
                return;
            }
        } else if (!state.ambiguous && !state.addPurchase(epochDay, amount, calibrationEnd)) {
            outOfOrder(state, epochDay);
        }
        if (epochDay > latestDay) {
            latestDay = epochDay;
        }
        transactionCount++;
    }

    /** The state of {@code customerId}, created on first sight. */
    private CustomerState lookup(String customerId, long epochDay) {
        if (customerId == null) {
            throw blankId(null, epochDay);
        }
        int hash = customerId.hashCode();
        CustomerState[] t = table;
        int mask = t.length - 1;
        int i = spread(hash) & mask;
        CustomerState s;
        while ((s = t[i]) != null) {
            if (s.hash == hash && (s.customerId == customerId || s.customerId.equals(customerId))) {
                return s;
            }
            i = (i + 1) & mask;
        }
        if (customerId.isBlank()) {
            throw blankId(customerId, epochDay);
        }
        s = new CustomerState(customerId, hash, inOrder.size());
        t[i] = s;
        inOrder.add(s);
        if (inOrder.size() * 4 > t.length) {
            // at most a quarter full: probe chains stay short, so a look-up rarely touches a second state
            grow();
        }
        return s;
    }

    /** The state of {@code customerId}, or null. */
    private CustomerState find(String customerId) {
        int hash = customerId.hashCode();
        CustomerState[] t = table;
        int mask = t.length - 1;
        for (int i = spread(hash) & mask; t[i] != null; i = (i + 1) & mask) {
            if (t[i].hash == hash && t[i].customerId.equals(customerId)) {
                return t[i];
            }
        }
        return null;
    }

    private void grow() {
        CustomerState[] bigger = new CustomerState[table.length * 2];
        int mask = bigger.length - 1;
        for (CustomerState s : inOrder) {
            int i = spread(s.hash) & mask;
            while (bigger[i] != null) {
                i = (i + 1) & mask;
            }
            bigger[i] = s;
        }
        table = bigger;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static IllegalArgumentException blankId(String customerId, long epochDay) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "customer id must not be blank: customerId='%s', date=%s", customerId,
                LocalDate.ofEpochDay(epochDay)));
    }

    /** Returns true when the transaction counts (a netted refund), false when it is dropped. */
    private boolean addNegativeOrInvalid(CustomerState state, long epochDay, double amount) {
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "amount must be finite for customer %s on %s: amount=%s", state.customerId,
                    LocalDate.ofEpochDay(epochDay), amount));
        }
        switch (refundPolicy) {
            case DROP:
                return false;
            case NET:
                state.addRefund(epochDay, amount, calibrationEnd);
                return true;
            case REJECT:
            default:
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "negative amount (refund) for customer %s on %s: amount=%s; refunds are rejected by "
                                + "default, choose RefundPolicy.DROP or RefundPolicy.NET (CLI: --refunds drop|net)",
                        state.customerId, LocalDate.ofEpochDay(epochDay), amount));
        }
    }

    private void outOfOrder(CustomerState state, long epochDay) {
        if (!secondPassAvailable) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "transactions of customer %s are out of date order: %s arrived after %d purchase days "
                            + "from %s to %s; sort the input by date, or use CustomerSummaries.summarize(Iterable, "
                            + "SummaryOptions), which makes a second pass", state.customerId,
                    LocalDate.ofEpochDay(epochDay), state.days, LocalDate.ofEpochDay(state.first),
                    LocalDate.ofEpochDay(state.last)));
        }
        state.ambiguous = true;
        ambiguous.add(state.customerId);
    }

    /** Customers that need the second pass of {@link CustomerSummaries}. */
    Set<String> ambiguousCustomers() {
        return ambiguous;
    }

    /** Prepares the second pass: the named customers restart in exact mode. */
    void restartExact(Set<String> customerIds) {
        for (String id : customerIds) {
            find(id).restartExact();
        }
        ambiguous.clear();
    }

    /** Second pass: adds a purchase of a customer in exact mode, already validated by the first pass. */
    void addExact(String customerId, long epochDay, double amount) {
        CustomerState state = find(customerId);
        if (state != null && state.exact != null && amount >= 0.0) {
            state.addPurchase(epochDay, amount, calibrationEnd);
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
        for (CustomerState theirs : other.inOrder) {
            CustomerState mine = find(theirs.customerId);
            if (mine == null) {
                lookup(theirs.customerId, 0L).merge(theirs, calibrationEnd);
            } else if (!mine.merge(theirs, calibrationEnd)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "transactions of customer %s are out of date order across parallel parts of the input; "
                                + "sort the stream by date or collect it sequentially", theirs.customerId));
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
        return inOrder.size();
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
        if (inOrder.isEmpty()) {
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
        TimeUnit unit = options.timeUnit();
        List<CustomerSummary> result = new ArrayList<>(inOrder.size());
        for (CustomerState s : inOrder) {
            s.resolveExact(calibrationEnd);
            if (s.days == 0 && refundPolicy == RefundPolicy.DROP) {
                continue; // only refunds, which the caller chose to drop: not a customer of the window
            }
            if (s.days == 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "customer %s has refunds but no purchase in the observation window", s.customerId));
            }
            if (s.first > windowEnd) {
                continue;
            }
            int frequency = s.calibrationDays - 1;
            double repeatSpend = s.repeatSpend;
            double firstSpend = s.firstSpend;
            if (frequency > 0) {
                repeatSpend += s.calibrationRefunds;
            } else {
                firstSpend += s.calibrationRefunds;
            }
            if (repeatSpend < 0.0 || firstSpend < 0.0) {
                throw negativeNet(s.customerId, "calibration", repeatSpend < 0.0 ? repeatSpend : firstSpend);
            }
            double monetary = frequency > 0 ? repeatSpend / frequency : 0.0;
            Optional<Holdout> holdoutPart = Optional.empty();
            if (holdout) {
                double holdoutNet = s.holdoutSpend + s.holdoutRefunds;
                if (holdoutNet < 0.0) {
                    throw negativeNet(s.customerId, "holdout", holdoutNet);
                }
                holdoutPart = Optional.of(new Holdout(s.holdoutDays,
                        s.holdoutDays > 0 ? holdoutNet / s.holdoutDays : 0.0, unit.fromDays(end - calibrationEnd)));
            }
            result.add(new CustomerSummary(s.customerId, Optional.of(LocalDate.ofEpochDay(s.first)), frequency,
                    unit.fromDays(s.calibrationLast - s.first), unit.fromDays(windowEnd - s.first), monetary,
                    s.calibrationOrders, s.calibrationSpend + s.calibrationRefunds, unit, holdoutPart));
        }
        return result;
    }

    private static IllegalArgumentException negativeNet(String customerId, String part, double net) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "refunds exceed purchases in the %s period for customer %s: net spend=%s", part, customerId, net));
    }
}
