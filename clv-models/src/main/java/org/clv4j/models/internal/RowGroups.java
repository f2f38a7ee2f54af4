package org.clv4j.models.internal;

import java.util.Arrays;

/**
 * Groups rows with identical keys, each key a pair of longs (e.g. the bit patterns of two doubles), in one pass
 * over primitive arrays: an open-addressing hash table, no boxing. Groups are numbered in order of first
 * appearance.
 */
public final class RowGroups {

    private final int[] groupOfRow;
    private final int[] firstRowOfGroup;

    private RowGroups(int[] groupOfRow, int[] firstRowOfGroup) {
        this.groupOfRow = groupOfRow;
        this.firstRowOfGroup = firstRowOfGroup;
    }

    /**
     * Groups rows by the pair {@code (a[i], b[i])}.
     *
     * @param a the first key component per row
     * @param b the second key component per row, same length
     * @return the grouping
     */
    public static RowGroups of(long[] a, long[] b) {
        int n = a.length;
        int capacity = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
        int mask = capacity - 1;
        int[] slots = new int[capacity];
        Arrays.fill(slots, -1);
        int[] group = new int[n];
        int[] first = new int[n];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            int slot = (int) mix(a[i] * 0x9E3779B97F4A7C15L + b[i]) & mask;
            while (true) {
                int g = slots[slot];
                if (g < 0) {
                    slots[slot] = groups;
                    first[groups] = i;
                    group[i] = groups++;
                    break;
                }
                int row = first[g];
                if (a[row] == a[i] && b[row] == b[i]) {
                    group[i] = g;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return new RowGroups(group, Arrays.copyOf(first, groups));
    }

    /** The finaliser of MurmurHash3 (fmix64): spreads every input bit over the output. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /**
     * The number of distinct keys.
     *
     * @return the group count
     */
    public int groups() {
        return firstRowOfGroup.length;
    }

    /**
     * The group of row {@code row}.
     *
     * @param row the row
     * @return its group, in {@code [0, groups())}
     */
    public int groupOf(int row) {
        return groupOfRow[row];
    }

    /**
     * The first row of group {@code group}, a representative of its key.
     *
     * @param group the group
     * @return the row
     */
    public int firstRow(int group) {
        return firstRowOfGroup[group];
    }
}
