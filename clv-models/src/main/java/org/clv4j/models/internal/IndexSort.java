package org.clv4j.models.internal;

/**
 * Stable sorting of index arrays by a primitive key. Internal: not part of the clv4j API.
 */
public final class IndexSort {

    private IndexSort() {
    }

    /**
     * Sorts {@code index} by ascending {@code key[index[i]]}; equal keys keep their order in {@code index}
     * (a stable merge sort, O(n log n), one scratch array).
     *
     * @param index the indices to sort, in place
     * @param key the keys, indexed by the values in {@code index}; no NaN
     */
    public static void stableSortByKey(int[] index, double[] key) {
        int n = index.length;
        int[] a = index;
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    b[k++] = key[a[j]] < key[a[i]] ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        if (a != index) {
            System.arraycopy(a, 0, index, 0, n);
        }
    }
}
