package org.clv4j.core.internal;

/**
 * A stable partition of a chunk of transaction rows by customer shard, so that an aggregation touches one shard's
 * customers at a time.
 *
 * <p>Why: a log in date order visits a random customer at every row. Once the per-customer state outgrows the
 * processor caches, every row then waits on a cache miss (and, with ordinary 4 KiB pages, a page walk). Reordering
 * a chunk of rows so that each shard's rows come together turns those random accesses into accesses inside one
 * shard's state, which fits the level-2 cache, while keeping every customer's rows in their original order (the
 * partition is stable) — all an order-sensitive aggregation needs.
 *
 * <p>The shard of a customer is the top {@code bits} of its id's Fibonacci hash {@code (hash * 0x9E3779B9) >>> (32 −
 * bits)}. A table that uses the top bits of the same product as its home slot stores each shard's customers in one
 * contiguous slice of the table, whatever its size: {@link #home(int, int)} is that function.
 *
 * <p>Use: {@link #plan(int[], int, int)} the chunk from its ids' hash codes, then {@code scatter} each column into
 * shard order and process the rows from {@link #start(int)} to {@link #end(int)} of each shard. Buffers are reused
 * from chunk to chunk. Not thread-safe. Internal: not part of the clv4j API.
 */
public final class ShardPartition {

    /** Knuth's multiplicative constant, 2^32 / φ. */
    private static final int GOLDEN = 0x9E3779B9;
    /** Log2 of the references per page of {@link #scatterToPages}. */
    public static final int ID_PAGE_BITS = 16;

    private int[] destination = new int[0];
    private int[] bounds = new int[2];
    private int shards;
    private int rows;

    /**
     * The scrambled hash whose top bits place a customer, in a shard and in {@link CustomerIndex}'s table:
     * {@code (h ^ h >>> 16) × 2^32/φ}. The multiplication alone (Fibonacci hashing) spreads keys unevenly when their
     * hash codes form arithmetic runs, as {@code String.hashCode} of numbered ids ({@code C1000000},
     * {@code C1000001}, …) does: with 500,000 such ids a half-full table needed 2.0 probes per look-up (24 at most)
     * instead of the 1.45 of random keys, and e-mail-like ids 3.5 at a million; folding the high half in first
     * restores about 1.45 for every id pattern measured.
     *
     * @param hash a hash code
     * @return the scrambled hash; use its top bits
     */
    public static int mix(int hash) {
        return (hash ^ hash >>> 16) * GOLDEN;
    }

    /**
     * The home slot of a hash in a table of {@code 2^bits} slots: the top bits of {@link #mix(int)}.
     *
     * @param hash a hash code
     * @param bits the table's size as a power of two, 0..31
     * @return the slot, in {@code [0, 2^bits)}
     */
    public static int home(int hash, int bits) {
        return bits == 0 ? 0 : mix(hash) >>> (32 - bits);
    }

    /**
     * The number of shard bits that keeps each shard's part of a state of {@code customers × bytesPerCustomer} bytes
     * within {@code targetBytes}: {@code ceil(log2(customers × bytesPerCustomer / targetBytes))}, at least 0, at most
     * 12.
     *
     * @param customers the number of customers
     * @param bytesPerCustomer the state bytes per customer
     * @param targetBytes the wanted state bytes per shard
     * @return the shard bits
     */
    public static int shardBits(long customers, int bytesPerCustomer, int targetBytes) {
        long perShard = Math.max(1L, targetBytes / Math.max(1, bytesPerCustomer));
        long shardsNeeded = (customers + perShard - 1) / perShard;
        int bits = shardsNeeded <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(shardsNeeded - 1);
        return Math.min(bits, 12);
    }

    /**
     * Plans the partition of rows {@code 0 .. n − 1}: counts the rows per shard and gives each row its position in
     * shard order, rows of a shard keeping their relative order.
     *
     * @param hashes the rows' customer id hash codes
     * @param n the number of rows
     * @param bits the shard bits: {@code 2^bits} shards
     */
    public void plan(int[] hashes, int n, int bits) {
        plan(hashes, n, bits, -1);
    }

    /**
     * As {@link #plan(int[], int, int)}, but by ranges of keys: row {@code i} goes to shard
     * {@code keys[i] >>> shift}, so that a shard holds consecutive keys (customer ordinals, whose records then lie
     * together) rather than scattered ones.
     *
     * @param keys the rows' keys, non-negative, each below {@code 2^(bits + shift)}
     * @param n the number of rows
     * @param bits the shard bits: {@code 2^bits} shards
     * @param shift the key bits below the shard
     */
    public void planByRange(int[] keys, int n, int bits, int shift) {
        plan(keys, n, bits, shift);
    }

    /** The shard of a key: {@link #home} of it as a hash for {@code shift < 0}, else {@code key >>> shift}. */
    private static int shardOf(int key, int bits, int shift) {
        return shift < 0 ? home(key, bits) : key >>> shift;
    }

    private void plan(int[] keys, int n, int bits, int shift) {
        shards = 1 << bits;
        rows = n;
        if (bounds.length < shards + 1) {
            bounds = new int[shards + 1];
        }
        if (destination.length < n) {
            destination = new int[Math.max(n, 2 * destination.length)];
        }
        int[] count = bounds;
        java.util.Arrays.fill(count, 0, shards + 1, 0);
        for (int i = 0; i < n; i++) {
            count[shardOf(keys[i], bits, shift) + 1]++;
        }
        for (int s = 0; s < shards; s++) {
            count[s + 1] += count[s];
        }
        // bounds[s] is now the start of shard s; advance a copy as the rows are placed
        int[] next = java.util.Arrays.copyOf(count, shards);
        int[] dest = destination;
        for (int i = 0; i < n; i++) {
            dest[i] = next[shardOf(keys[i], bits, shift)]++;
        }
    }

    /**
     * The number of shards of the last plan.
     *
     * @return {@code 2^bits}
     */
    public int shards() {
        return shards;
    }

    /**
     * The first position of a shard's rows in shard order.
     *
     * @param shard a shard
     * @return the position, inclusive
     */
    public int start(int shard) {
        return bounds[shard];
    }

    /**
     * The end of a shard's rows in shard order.
     *
     * @param shard a shard
     * @return the position, exclusive
     */
    public int end(int shard) {
        return bounds[shard + 1];
    }

    /**
     * Writes {@code source[from + i]} to {@code target[position of row i]} for every planned row.
     *
     * @param source the column in input order
     * @param from the offset of row 0 in {@code source}
     * @param target the column in shard order, at least as long as the number of rows
     */
    public void scatter(long[] source, int from, long[] target) {
        int[] dest = destination;
        for (int i = 0; i < rows; i++) {
            target[dest[i]] = source[from + i];
        }
    }

    /**
     * As {@link #scatter(long[], int, long[])}, for a {@code double} column.
     *
     * @param source the column in input order
     * @param from the offset of row 0 in {@code source}
     * @param target the column in shard order
     */
    public void scatter(double[] source, int from, double[] target) {
        int[] dest = destination;
        for (int i = 0; i < rows; i++) {
            target[dest[i]] = source[from + i];
        }
    }

    /**
     * As {@link #scatter(long[], int, long[])}, for an {@code int} column.
     *
     * @param source the column in input order
     * @param from the offset of row 0 in {@code source}
     * @param target the column in shard order
     */
    public void scatter(int[] source, int from, int[] target) {
        int[] dest = destination;
        for (int i = 0; i < rows; i++) {
            target[dest[i]] = source[from + i];
        }
    }

    /**
     * Moves the planned rows' ids into shard order, in pages of 2^{@value #ID_PAGE_BITS} references allocated
     * afresh: position {@code j} of the shard order holds its id at
     * {@code pages[j >>> ID_PAGE_BITS][j & (2^ID_PAGE_BITS − 1)]}.
     * Fresh pages of 256 KiB are young-generation objects, so storing references into them skips the collector's
     * card-marking fence that every store into a reused (old) array of millions of references pays; and the
     * look-ups then read the ids in order instead of gathering them from all over the chunk.
     *
     * @param source the ids, input row {@code i} at {@code source[from + i]}
     * @param from the offset of row 0
     * @return the pages
     */
    public String[][] scatterToPages(String[] source, int from) {
        int page = 1 << ID_PAGE_BITS;
        String[][] pages = new String[(rows + page - 1) >>> ID_PAGE_BITS][];
        for (int k = 0; k < pages.length; k++) {
            pages[k] = new String[Math.min(page, rows - (k << ID_PAGE_BITS))];
        }
        int[] dest = destination;
        int mask = page - 1;
        for (int i = 0; i < rows; i++) {
            int d = dest[i];
            pages[d >>> ID_PAGE_BITS][d & mask] = source[from + i];
        }
        return pages;
    }

    /**
     * Writes each row's index {@code i} to {@code target[position of row i]}: the inverse permutation, which tells
     * for a position in shard order which input row it holds.
     *
     * @param target the row index per position in shard order
     */
    public void scatterRowIndex(int[] target) {
        int[] dest = destination;
        for (int i = 0; i < rows; i++) {
            target[dest[i]] = i;
        }
    }
}
