package org.clv4j.core.internal;

/**
 * The customer-id side of a chunk of transaction rows, shared by the bulk paths that aggregate rows per customer
 * (summaries, activity logs): the ids' hashes, the decision whether to partition the chunk by customer shard, the
 * ids in shard order, and per row the customer it resolves to; when the caller needs input order (the summary lists
 * new customers in order of first appearance and names failing rows), also each position's input row and the rows
 * that created a customer.
 * Each caller keeps its own id and value columns (days, amounts, ...) and scatters the values with the partition
 * that {@link #partition(int, int, String[], int)} returns.
 *
 * <p>Sizing, from measurements on a 2-core AMD EPYC (see docs/performance.md): chunks of four rows per customer
 * known, between 2^16 and 2^22 rows (a stream of unknown length starts at 2^10 rows and doubles); shards of about
 * 256 KiB of per-customer state (96 bytes per customer: a 64-byte record and its share of the id table); no
 * partition below 16,384 customers (their state fits the caches well enough) nor when most rows continue the
 * previous row's customer (a log sorted by customer).
 *
 * <p>Buffers are reused from chunk to chunk. Not thread-safe. Internal: not part of the clv4j API.
 */
public final class RowChunk {

    private static final int FIRST_ROWS = 1 << 10;
    private static final int MIN_ROWS = 1 << 16;
    private static final int MAX_ROWS = 1 << 22;
    private static final int BYTES_PER_CUSTOMER = 96;
    private static final int BYTES_PER_SHARD = 256 * 1024;
    private static final int MIN_CUSTOMERS_TO_PARTITION = 16_384;

    /** The rows' customer id hash codes, in input order ({@link #hashIds}). */
    public final int[] hashes;
    /** The hashes in shard order. */
    public final int[] shardHashes;
    /** Per position in shard order, the input row it holds; null unless the chunk tracks input rows. */
    public final int[] shardRows;
    /** Per row (in whichever order the caller resolves them), the customer's ordinal. */
    public final int[] customers;
    /**
     * Per input row, the ordinal + 1 of the customer the row created, else 0 (reset by the caller); null unless
     * the chunk tracks input rows.
     */
    public final int[] created;
    private final ShardPartition partition = new ShardPartition();
    /** The rows' packed ids ({@link CustomerIndex#pack}), in input and in shard order, when the index packs. */
    private long[] idLo;
    private long[] idHi;
    private long[] shardLo;
    private long[] shardHi;
    private boolean packed;
    private boolean partitioned;
    /** The ids in shard order, after {@link #partition} (unless packing: packed ids are scattered instead). */
    private String[][] shardIds;

    /**
     * Buffers for chunks of up to {@code rows} rows that track input rows: after {@link #partition}, each
     * position's input row is in {@link #shardRows}, and {@link #resolve} marks in {@link #created} the rows that
     * add a customer (for callers that list new customers in input order or name a failing row).
     *
     * @param rows the capacity
     */
    public RowChunk(int rows) {
        this(rows, true);
    }

    /**
     * Buffers for chunks of up to {@code rows} rows.
     *
     * @param rows the capacity
     * @param trackRows whether to keep {@link #shardRows} and {@link #created}; without them a partition costs one
     *        pass less, and the caller finds new customers as the ordinals added during {@link #resolve}
     */
    public RowChunk(int rows, boolean trackRows) {
        hashes = new int[rows];
        shardHashes = new int[rows];
        shardRows = trackRows ? new int[rows] : null;
        customers = new int[rows];
        created = trackRows ? new int[rows] : null;
    }

    /**
     * The rows of the next chunk for an aggregation that knows {@code customers} customers: four per customer
     * (rounded down to a power of two), between 2^16 and 2^22.
     *
     * @param customers the customers known so far
     * @return the number of rows
     */
    public static int rowsFor(int customers) {
        long rows = 4L * Integer.highestOneBit(Math.max(1, customers));
        return (int) Math.max(MIN_ROWS, Math.min(MAX_ROWS, rows));
    }

    /**
     * The rows of the next chunk of a stream of unknown length of which {@code rowsRead} rows have been read: as
     * {@link #rowsFor(int)}, but starting at 1,024 rows and at most doubling, so that a short input does not pay
     * for buffers sized for a long one.
     *
     * @param customers the customers known so far
     * @param rowsRead the rows read so far
     * @return the number of rows
     */
    public static int rowsFor(int customers, long rowsRead) {
        return (int) Math.min(rowsFor(customers), Math.max(FIRST_ROWS, 2 * rowsRead));
    }

    /**
     * Hashes the ids of rows {@code from .. from + n − 1} into {@link #hashes} (null ids hash to 0), in a loop of
     * nothing else, so that the loads of id strings scattered over the heap overlap; when the index compares packed
     * ids ({@link CustomerIndex#packing()}), packs them in the same loop, while their characters are at hand. Starts
     * the chunk for the index.
     *
     * @param ids the ids
     * @param from the first row
     * @param n the number of rows
     * @param index the index the rows will be resolved in
     * @return the number of rows whose hash equals the previous row's (runs of one customer)
     */
    public int hashIds(String[] ids, int from, int n, CustomerIndex index) {
        index.beginChunk();
        int[] h = hashes;
        packed = index.packing();
        partitioned = false;
        shardIds = null;
        if (packed) {
            if (idLo == null) {
                idLo = new long[h.length];
                idHi = new long[h.length];
                shardLo = new long[h.length];
                shardHi = new long[h.length];
            }
            long[] lo = idLo;
            long[] hi = idHi;
            for (int i = 0; i < n; i++) {
                String id = ids[from + i];
                if (id == null) {
                    h[i] = 0;
                    hi[i] = CustomerIndex.UNPACKED;
                } else {
                    h[i] = id.hashCode();
                    CustomerIndex.pack(id, lo, hi, i);
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                String id = ids[from + i];
                h[i] = id == null ? 0 : id.hashCode();
            }
        }
        int runs = 0;
        for (int i = 1; i < n; i++) {
            if (h[i] == h[i - 1]) {
                runs++;
            }
        }
        return runs;
    }

    /**
     * Finds or adds the customers of positions {@code start .. end − 1} — in input order, or in shard order after
     * {@link #partition} — into {@link #customers}, marking the rows that add one in {@link #created}: see
     * {@link CustomerIndex#resolve}.
     *
     * @param index the index, as given to {@link #hashIds}
     * @param ids the ids, as given to {@link #hashIds}
     * @param idFrom the offset of row 0 in {@code ids}
     * @param start the first position
     * @param end the end position (exclusive)
     */
    public void resolve(CustomerIndex index, String[] ids, int idFrom, int start, int end) {
        if (partitioned) {
            index.resolve(ids, idFrom, shardIds, shardHashes, shardLo, shardHi, shardRows, start, end, customers,
                    created);
        } else {
            index.resolve(ids, idFrom, null, hashes, idLo, idHi, null, start, end, customers, created);
        }
    }

    /**
     * The shard bits for a chunk: 0 (process in input order) below 16,384 customers or when more than half the rows
     * continue the previous row's customer; else enough shards for about 256 KiB of state each.
     *
     * @param customers the customers known
     * @param runs the rows continuing the previous row's customer ({@link #hashIds})
     * @param rows the rows of the chunk
     * @return the shard bits, 0 for no partition
     */
    public static int shardBits(int customers, int runs, int rows) {
        if (customers < MIN_CUSTOMERS_TO_PARTITION || 2L * runs > rows) {
            return 0;
        }
        return ShardPartition.shardBits(customers, BYTES_PER_CUSTOMER, BYTES_PER_SHARD);
    }

    /**
     * Partitions rows {@code 0 .. n − 1} by shard: fills {@link #shardHashes}, {@link #shardRows} and the ids in
     * shard order ({@link ShardPartition#scatterToPages}, or the packed ids when packing), which
     * {@link #resolve} uses; the caller scatters its value columns with the returned partition.
     *
     * @param n the number of rows
     * @param bits the shard bits, at least 1
     * @param ids the ids, as given to {@link #hashIds}
     * @param idFrom the offset of row 0 in {@code ids}
     * @return the partition, for the caller's columns and the shard bounds
     */
    public ShardPartition partition(int n, int bits, String[] ids, int idFrom) {
        partition.plan(hashes, n, bits);
        partition.scatter(hashes, 0, shardHashes);
        if (shardRows != null) {
            partition.scatterRowIndex(shardRows);
        }
        if (packed) {
            partition.scatter(idLo, 0, shardLo);
            partition.scatter(idHi, 0, shardHi);
        }
        // packed look-ups read an id only to add it, through its input row when rows are tracked
        shardIds = packed && shardRows != null ? null : partition.scatterToPages(ids, idFrom);
        partitioned = true;
        return partition;
    }
}
