package org.clv4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The id table: ordinals in order of addition, and the batch {@code resolve} against a plain map. */
class CustomerIndexTest {

    @Test
    void ordinalsAreDenseInOrderOfAdditionAndEqualStringsShareOne() {
        CustomerIndex index = new CustomerIndex();
        assertEquals(0, index.getOrAdd("a"));
        assertEquals(1, index.getOrAdd("b"));
        assertEquals(0, index.getOrAdd(new String("a".toCharArray())), "equal, not identical");
        // "Aa" and "BB" have the same hashCode: both kept apart
        assertEquals("Aa".hashCode(), "BB".hashCode());
        assertEquals(2, index.getOrAdd("Aa"));
        assertEquals(3, index.getOrAdd("BB"));
        assertEquals(2, index.find("Aa"));
        assertEquals(3, index.find("BB"));
        assertEquals(-1, index.find("AaAa"));
        assertEquals(4, index.size());
        assertEquals("BB", index.id(3));
    }

    /**
     * Batches of positions, in input order or permuted as a shard partition would, with runs, hash collisions and
     * equal-but-not-identical ids: {@code resolve} gives the ordinals a map gives when the positions are taken in
     * order, and marks the row that added each customer.
     */
    @Test
    void resolveEqualsAddingEachPositionInTurn() {
        SplittableRandom random = new SplittableRandom(7);
        List<String> pool = new ArrayList<>();
        for (String collide : new String[] {"Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB"}) {
            pool.add(collide);
        }
        for (int i = 0; i < 30_000; i++) {
            pool.add("C" + (1_000_000 + i));
        }
        CustomerIndex index = new CustomerIndex();
        Map<String, Integer> expected = new HashMap<>();
        for (int batch = 0; batch < 40; batch++) {
            int n = 1 + random.nextInt(5_000);
            int idFrom = random.nextInt(3);
            String[] ids = new String[idFrom + n];
            for (int i = 0; i < n; i++) {
                String id = pool.get(random.nextInt(batch < 20 ? 2_000 : pool.size()));
                if (i > 0 && random.nextInt(4) == 0) {
                    id = ids[idFrom + i - 1]; // a run of one customer
                } else if (random.nextInt(5) == 0) {
                    id = new String(id.toCharArray()); // equal, another reference
                }
                ids[idFrom + i] = id;
            }
            int[] rowOf = null;
            if (batch % 2 == 1) {
                rowOf = new int[n];
                for (int j = 0; j < n; j++) {
                    rowOf[j] = j;
                }
                for (int j = n - 1; j > 0; j--) {
                    int k = random.nextInt(j + 1);
                    int t = rowOf[j];
                    rowOf[j] = rowOf[k];
                    rowOf[k] = t;
                }
            }
            int[] hashes = new int[n];
            int[] wantCustomers = new int[n];
            int[] wantCreated = new int[n];
            for (int j = 0; j < n; j++) {
                int row = rowOf == null ? j : rowOf[j];
                String id = ids[idFrom + row];
                hashes[j] = id.hashCode();
                Integer known = expected.get(id);
                if (known == null) {
                    known = expected.size();
                    expected.put(id, known);
                    wantCreated[row] = known + 1;
                }
                wantCustomers[j] = known;
            }
            int[] customers = new int[n];
            int[] created = new int[n];
            index.resolve(ids, idFrom, hashes, rowOf, 0, n, customers, created);
            assertArrayEquals(wantCustomers, customers, "batch " + batch);
            assertArrayEquals(wantCreated, created, "batch " + batch);
            assertEquals(expected.size(), index.size());
        }
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            assertEquals(e.getValue(), index.find(e.getKey()));
            assertEquals(e.getKey(), index.id(e.getValue()));
        }
    }

    @Test
    void numberedIdsNeedAboutAsManyProbesAsRandomKeys() {
        // numbered ids hash to arithmetic runs; linear probing over their homes in a table of 2^20 slots holding
        // 500,000 of them (the index's load) must take about the 1.45 probes per key of random keys: the plain
        // Fibonacci hash took 2.0 here
        assertEquals(1.45, meanProbes("C%d", 500_000, 20), 0.1);
        assertEquals(1.45, meanProbes("user%d@example.com", 1_000_000, 21), 0.1);
    }

    private static double meanProbes(String pattern, int keys, int bits) {
        boolean[] used = new boolean[1 << bits];
        int mask = used.length - 1;
        long probes = 0;
        for (int i = 0; i < keys; i++) {
            int slot = ShardPartition.home(String.format(pattern, 1_000_000 + i).hashCode(), bits);
            probes++;
            while (used[slot]) {
                slot = (slot + 1) & mask;
                probes++;
            }
            used[slot] = true;
        }
        return probes / (double) keys;
    }
}
