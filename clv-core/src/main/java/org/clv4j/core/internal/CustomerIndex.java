package org.clv4j.core.internal;

import java.util.Arrays;

/**
 * Maps customer ids to dense ordinals 0, 1, 2, … in the order they are added, so that per-customer state can live
 * in primitive arrays indexed by ordinal.
 *
 * <p>Open addressing with linear probing over a power-of-two table kept at most half full; each slot packs the
 * id's hash and ordinal into one {@code long}, so a probe touches one table entry and, on a hash match, the key
 * (compared by reference first). The home slot is the top bits of the scrambled hash
 * {@link ShardPartition#mix(int)}, as for {@link ShardPartition#home(int, int)}: a shard's customers occupy one slice of the table.
 * Not thread-safe. Internal: not part of the clv4j API.
 */
public final class CustomerIndex {

    private long[] slots;      // (hash << 32) | (ordinal + 1); 0 = free
    private String[] keys;     // slot -> id
    private String[] ids;      // ordinal -> id
    private int size;
    private int shift;

    /** An empty index. */
    public CustomerIndex() {
        allocate(64);
        ids = new String[32];
    }

    private void allocate(int capacity) {
        slots = new long[capacity];
        keys = new String[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    private int home(int hash) {
        return ShardPartition.mix(hash) >>> shift;
    }

    /**
     * The ordinal of {@code id}, adding it if new.
     *
     * @param id a customer id, not null
     * @return its ordinal
     */
    public int getOrAdd(String id) {
        return getOrAdd(id, id.hashCode());
    }

    /**
     * The ordinal of {@code id}, adding it if new, with its hash code already computed.
     *
     * @param id a customer id, not null
     * @param hash {@code id.hashCode()}
     * @return its ordinal
     */
    public int getOrAdd(String id, int hash) {
        int mask = slots.length - 1;
        int slot = home(hash);
        while (true) {
            long s = slots[slot];
            if (s == 0L) {
                return insert(slot, hash, id);
            }
            if ((int) (s >>> 32) == hash) {
                String k = keys[slot];
                if (k == id || k.equals(id)) {
                    return (int) s - 1;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * The ordinal of {@code id}.
     *
     * @param id a customer id, not null
     * @return its ordinal, or -1 if absent
     */
    public int find(String id) {
        int hash = id.hashCode();
        int mask = slots.length - 1;
        int slot = home(hash);
        while (true) {
            long s = slots[slot];
            if (s == 0L) {
                return -1;
            }
            if ((int) (s >>> 32) == hash && keys[slot].equals(id)) {
                return (int) s - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * The ordinals of a chunk's rows, found or added: position {@code j} of {@code start .. end − 1} holds input
     * row {@code rowOf[j]} (or {@code j} when {@code rowOf} is null), whose id is {@code ids[idFrom + row]} and
     * hash {@code hashes[j]}; its ordinal goes to {@code customers[j]}, and a row that adds its customer gets
     * {@code created[row] = ordinal + 1}. A row with the previous position's id (the same reference) reuses its
     * ordinal. The caller sets up the new customers' state afterwards: they are the ordinals from the size before
     * the call.
     *
     * <p>Same result as {@link #getOrAdd(String, int)} on each row, but the common case — the id found in its home
     * slot, by reference — is tested inline, with one branch; the probe loop runs only on a miss.
     *
     * @param ids the ids
     * @param idFrom the offset of row 0 in {@code ids}
     * @param hashes the ids' hash codes, by position
     * @param rowOf the input row of each position, or null for {@code j}
     * @param start the first position
     * @param end the end position (exclusive)
     * @param customers the ordinals, by position
     * @param created per input row, the ordinal + 1 of a customer it added
     */
    public void resolve(String[] ids, int idFrom, int[] hashes, int[] rowOf, int start, int end, int[] customers,
                        int[] created) {
        String previousId = null;
        int customer = -1;
        for (int j = start; j < end; j++) {
            int row = rowOf == null ? j : rowOf[j];
            String id = ids[idFrom + row];
            if (id != previousId) {
                int hash = hashes[j];
                int slot = home(hash);
                long s = slots[slot];
                if ((int) (s >>> 32) == hash && keys[slot] == id) {
                    customer = (int) s - 1;
                } else {
                    int before = size;
                    customer = getOrAdd(id, hash);
                    if (customer == before) {
                        created[row] = customer + 1;
                    }
                }
                previousId = id;
            }
            customers[j] = customer;
        }
    }

    private int insert(int slot, int hash, String id) {
        int ordinal = size;
        slots[slot] = ((long) hash << 32) | (ordinal + 1L);
        keys[slot] = id;
        if (ordinal == ids.length) {
            ids = Arrays.copyOf(ids, ordinal * 2);
        }
        ids[ordinal] = id;
        size++;
        if (2 * size > slots.length) {
            rehash();
        }
        return ordinal;
    }

    private void rehash() {
        long[] oldSlots = slots;
        String[] oldKeys = keys;
        allocate(oldSlots.length * 2);
        int mask = slots.length - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            long s = oldSlots[i];
            if (s != 0L) {
                int slot = home((int) (s >>> 32));
                while (slots[slot] != 0L) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = s;
                keys[slot] = oldKeys[i];
            }
        }
    }

    /**
     * The id with a given ordinal.
     *
     * @param ordinal an ordinal below {@link #size()}
     * @return the id
     */
    public String id(int ordinal) {
        return ids[ordinal];
    }

    /**
     * The number of ids.
     *
     * @return the size
     */
    public int size() {
        return size;
    }
}
