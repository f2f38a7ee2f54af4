package org.clv4j.core.internal;

import java.util.Arrays;

/**
 * Maps customer ids to dense ordinals 0, 1, 2, … in the order they are added, so that per-customer state can live
 * in primitive arrays indexed by ordinal.
 *
 * <p>Open addressing with linear probing over a power-of-two table kept at most half full; each slot packs the
 * id's hash and ordinal into one {@code long}, so a probe touches one table entry and, on a hash match, the key
 * (compared by reference first). The home slot is the top bits of the scrambled hash
 * {@link ShardPartition#mix(int)}, as for {@link ShardPartition#home(int, int)}: a shard's customers occupy one
 * slice of the table.
 *
 * <p><b>Packed ids.</b> When rows share one {@code String} per customer, comparing by reference settles almost
 * every look-up. When each row carries its own copy (what a CSV or JDBC reader gives), every look-up would read two
 * strings scattered over the heap and compare them. So once more than a quarter of at least 4,096 looked-up rows
 * turned out to be such copies, the index switches for good (at the next chunk, {@link #beginChunk()}) to comparing
 * <em>packed</em> ids: an id of at most 15 characters, all in U+0000..U+00FF, is two longs ({@link #pack}),
 * computed while the row's id is hashed and compared with the key's without reading either string; other ids are
 * compared with {@code equals}.
 *
 * <p>Not thread-safe. Internal: not part of the clv4j API.
 */
public final class CustomerIndex {

    /** The high half of an id that is not packed: longer than 15 characters, or a character above U+00FF. */
    public static final long UNPACKED = -1L;
    private static final int MIN_LOOKUPS_TO_DECIDE = 4096;

    private long[] slots;      // (hash << 32) | (ordinal + 1); 0 = free
    private String[] keys;     // slot -> id
    private String[] ids;      // ordinal -> id
    private long[] packedLo;   // slot -> low half of the packed key, once packing; else null
    private long[] packedHi;   // slot -> high half, or UNPACKED
    private int size;
    private int shift;
    private long lookups;      // look-ups that may decide packing
    private long copies;       // of which found an equal id in another String
    private boolean packingWanted;

    /** An empty index. */
    public CustomerIndex() {
        allocate(64);
        ids = new String[32];
    }

    private void allocate(int capacity) {
        slots = new long[capacity];
        keys = new String[capacity];
        if (packedLo != null) { // keep packing
            packedLo = new long[capacity];
            packedHi = new long[capacity];
        }
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
        lookups++;
        return getOrAdd(id, id.hashCode());
    }

    private int getOrAdd(String id, int hash) {
        int mask = slots.length - 1;
        int slot = home(hash);
        while (true) {
            long s = slots[slot];
            if (s == 0L) {
                return insert(slot, hash, id);
            }
            if ((int) (s >>> 32) == hash) {
                String k = keys[slot];
                if (k == id) {
                    return (int) s - 1;
                }
                if (k.equals(id)) {
                    copies++; // an equal id in another String
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
     * row {@code rowOf[j]} (or {@code j} when {@code rowOf} is null), whose id is {@code ids[idFrom + row]}, hash
     * {@code hashes[j]} and, when {@link #packing()}, packed id {@code lo[j]}, {@code hi[j]}; its
     * ordinal goes to {@code customers[j]}, and a row that adds its customer gets
     * {@code created[row] = ordinal + 1}. A row with the previous position's id reuses its ordinal. The caller sets
     * up the new customers' state afterwards: they are the ordinals from the size before the call.
     *
     * <p>Same result as {@link #getOrAdd(String)} on each row, but the common case — the id found in its home slot,
     * by reference or, when packing, by packed id — is tested inline, with one branch and, by reference, one load
     * (the same reference implies the same hash); the probe loop runs only otherwise.
     *
     * @param ids the ids
     * @param idFrom the offset of row 0 in {@code ids}
     * @param idPages the ids by position, as {@link ShardPartition#scatterToPages} lays them out, or null to read
     *        {@code ids[idFrom + row]}
     * @param hashes the ids' hashes, by position
     * @param lo the packed ids' low halves by position, when {@link #packing()}; else ignored
     * @param hi the packed ids' high halves by position, when {@link #packing()}; else ignored
     * @param rowOf the input row of each position, or null for {@code j}; needed only to mark {@code created} and,
     *        without {@code idPages}, to read ids
     * @param start the first position
     * @param end the end position (exclusive)
     * @param customers the ordinals, by position
     * @param created per input row, the ordinal + 1 of a customer it added; or null, not to mark them (the caller
     *        then finds the new customers as the ordinals from the size before the call)
     */
    public void resolve(String[] ids, int idFrom, String[][] idPages, int[] hashes, long[] lo, long[] hi,
                        int[] rowOf, int start, int end, int[] customers, int[] created) {
        if (packedLo != null) {
            resolvePacked(ids, idFrom, idPages, hashes, lo, hi, rowOf, start, end, customers, created);
            return;
        }
        String previousId = null;
        int customer = -1;
        long looked = 0;
        // one loop per layout of the ids: a choice between them inside the loop measured 2–4 ns per row slower
        if (idPages != null) {
            int pageMask = (1 << ShardPartition.ID_PAGE_BITS) - 1;
            for (int j = start; j < end; j++) {
                String id = idPages[j >>> ShardPartition.ID_PAGE_BITS][j & pageMask];
                if (id != previousId) {
                    looked++;
                    customer = lookUp(id, hashes[j], rowOf, j, created);
                    previousId = id;
                }
                customers[j] = customer;
            }
        } else {
            for (int j = start; j < end; j++) {
                String id = ids[idFrom + (rowOf == null ? j : rowOf[j])];
                if (id != previousId) {
                    looked++;
                    customer = lookUp(id, hashes[j], rowOf, j, created);
                    previousId = id;
                }
                customers[j] = customer;
            }
        }
        lookups += looked;
        packingWanted = lookups >= MIN_LOOKUPS_TO_DECIDE && 4 * copies > lookups;
    }

    /**
     * The ordinal of position {@code j}'s id, found in its home slot by reference (one load: the same reference
     * implies the same hash) or else by the probe loop, which adds it if new and marks its input row in
     * {@code created}.
     */
    private int lookUp(String id, int hash, int[] rowOf, int j, int[] created) {
        int slot = home(hash);
        if (keys[slot] == id) {
            return (int) slots[slot] - 1;
        }
        int before = size;
        int customer = getOrAdd(id, hash);
        if (customer == before && created != null) {
            created[rowOf == null ? j : rowOf[j]] = customer + 1;
        }
        return customer;
    }

    private void resolvePacked(String[] ids, int idFrom, String[][] idPages, int[] hashes, long[] lo, long[] hi,
                               int[] rowOf, int start, int end, int[] customers, int[] created) {
        int pageMask = (1 << ShardPartition.ID_PAGE_BITS) - 1;
        long[] keyLo = packedLo;
        long[] keyHi = packedHi;
        int previousHash = 0;
        long previousLo = 0L;
        long previousHi = UNPACKED;
        int customer = -1;
        for (int j = start; j < end; j++) {
            int hash = hashes[j];
            long l = lo[j];
            long h = hi[j];
            if (h == UNPACKED || h != previousHi || l != previousLo || hash != previousHash) {
                int slot = home(hash);
                long s = slots[slot];
                if ((int) (s >>> 32) == hash && keyHi[slot] == h && keyLo[slot] == l && h != UNPACKED) {
                    customer = (int) s - 1;
                } else {
                    int row = rowOf == null ? j : rowOf[j];
                    String id = idPages != null ? idPages[j >>> ShardPartition.ID_PAGE_BITS][j & pageMask]
                            : ids[idFrom + row];
                    int before = size;
                    customer = getOrAddPacked(id, hash, l, h);
                    if (customer == before && created != null) {
                        created[row] = customer + 1;
                    }
                    keyLo = packedLo; // the table may have grown
                    keyHi = packedHi;
                }
                previousHash = hash;
                previousLo = l;
                previousHi = h;
            }
            customers[j] = customer;
        }
    }

    /**
     * As {@link #getOrAdd(String, int)}, comparing packed ids where the row's id is packed. A separate loop on
     * purpose: one loop serving both made the cohort table 8% slower (the plain loop must stay small enough to be
     * inlined where it is hot).
     */
    private int getOrAddPacked(String id, int hash, long lo, long hi) {
        int mask = slots.length - 1;
        int slot = home(hash);
        while (true) {
            long s = slots[slot];
            if (s == 0L) {
                return insert(slot, hash, id);
            }
            if ((int) (s >>> 32) == hash) {
                if (hi != UNPACKED) {
                    // a packed id equals only a key with the same packed form: packing depends on the text alone
                    if (packedHi[slot] == hi && packedLo[slot] == lo) {
                        return (int) s - 1;
                    }
                } else if (keys[slot].equals(id)) {
                    return (int) s - 1;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Whether ids are packed (see the class comment). Callers of {@link #resolve} then pass the rows' packed ids.
     *
     * @return whether the index compares packed ids
     */
    public boolean packing() {
        return packedLo != null;
    }

    /**
     * Called by {@link RowChunk#hashIds} before a chunk: switches to packed ids if the chunks so far asked for it.
     * Between chunks only, so that all of a chunk's rows are packed or none.
     */
    void beginChunk() {
        if (!packingWanted || packedLo != null) {
            return;
        }
        packingWanted = false;
        packedLo = new long[slots.length];
        packedHi = new long[slots.length];
        for (int slot = 0; slot < slots.length; slot++) {
            if (slots[slot] != 0L) {
                pack(keys[slot], packedLo, packedHi, slot);
            }
        }
    }

    /**
     * Packs an id into two longs, {@code lo[at]} and {@code hi[at]}, in one pass over its characters: characters
     * 0 to 7 in the bytes of the low half (the first in the lowest byte), characters 8 to 14 in bytes 0 to 6 of the
     * high half and the length + 1 in its top byte; the high half is {@link #UNPACKED} for an id longer than 15
     * characters or with a character above U+00FF. Two packed ids are equal strings exactly when both halves are
     * equal.
     *
     * @param id the id
     * @param lo where the low half goes
     * @param hi where the high half goes
     * @param at the index in both
     */
    public static void pack(String id, long[] lo, long[] hi, int at) {
        int n = id.length();
        if (n > 15) {
            lo[at] = 0L;
            hi[at] = UNPACKED;
            return;
        }
        long l = 0L;
        long h = (long) (n + 1) << 56;
        int wide = 0;
        for (int k = 0; k < n; k++) {
            char c = id.charAt(k);
            wide |= c;
            if (k < 8) {
                l |= (long) c << (8 * k);
            } else {
                h |= (long) c << (8 * (k - 8));
            }
        }
        lo[at] = l;
        hi[at] = wide > 0xFF ? UNPACKED : h;
    }

    private int insert(int slot, int hash, String id) {
        int ordinal = size;
        slots[slot] = ((long) hash << 32) | (ordinal + 1L);
        keys[slot] = id;
        if (packedLo != null) {
            pack(id, packedLo, packedHi, slot);
        }
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

    /**
     * Grows the table, if needed, to hold {@code customers} ids at most half full, so that a batch of additions does
     * not rehash part-way (a rehash walks the whole table).
     *
     * @param customers the number of ids the index is about to hold
     */
    public void reserve(int customers) {
        long needed = 2L * customers;
        if (needed <= slots.length) {
            return;
        }
        int capacity = slots.length;
        while (capacity < needed) {
            capacity *= 2;
        }
        rehash(capacity);
    }

    private void rehash() {
        rehash(slots.length * 2);
    }

    private void rehash(int capacity) {
        long[] oldSlots = slots;
        String[] oldKeys = keys;
        long[] oldLo = packedLo;
        long[] oldHi = packedHi;
        allocate(capacity);
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
                if (oldLo != null) {
                    packedLo[slot] = oldLo[i];
                    packedHi[slot] = oldHi[i];
                }
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
