package org.clv4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void reservingRoomKeepsEveryIdAndItsOrdinal() {
        CustomerIndex index = new CustomerIndex();
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, index.getOrAdd("customer-" + i));
        }
        index.reserve(10); // smaller than the index: nothing to do
        index.reserve(100_000);
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, index.find("customer-" + i));
        }
        for (int i = 1000; i < 100_000; i++) {
            assertEquals(i, index.getOrAdd("customer-" + i));
        }
        assertEquals(100_000, index.size());
        assertEquals(99_999, index.find(new String("customer-99999".toCharArray())));
        assertEquals(-1, index.find("customer-100000"));
    }

    /**
     * Batches in input order or partitioned by shard, with runs, hash collisions, ids that cannot be packed (long,
     * or with characters above U+00FF) and equal-but-not-identical copies: {@code RowChunk.resolve} gives the
     * ordinals a map gives when the positions are taken in order, and marks the row that added each customer —
     * before and after the index switches to packed ids.
     */
    @Test
    void resolveEqualsAddingEachPositionInTurnWithAndWithoutPacking() {
        CustomerIndex copiesIndex = new CustomerIndex();
        runBatches(copiesIndex, true);
        assertTrue(copiesIndex.packing(), "rows carrying copies of the ids switch the index to packed ids");
        CustomerIndex sharedIndex = new CustomerIndex();
        runBatches(sharedIndex, false);
        assertFalse(sharedIndex.packing(), "shared ids never need packing");
    }

    private static void runBatches(CustomerIndex index, boolean copies) {
        SplittableRandom random = new SplittableRandom(copies ? 7 : 8);
        List<String> pool = new ArrayList<>();
        for (String odd : new String[] {"Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB", "", "a", "a\0", "\u00ff\u00e9",
            "\u0100", "\u03a9mega-1", "\u5ba2\u6237-42", "exactly-15-char", "exactly-16-chars",
            "a much longer customer id, past any packing",
            "AaAaAaAaAaAaAaAa-x", "BBBBBBBBBBBBBBBB-x", "AaBBAaBBAaBBAaBB-x"}) { // long, one hash code
            pool.add(odd);
        }
        for (int i = 0; i < 30_000; i++) {
            pool.add("C" + (1_000_000 + i));
        }
        Map<String, Integer> expected = new HashMap<>();
        for (int batch = 0; batch < 40; batch++) {
            int n = 1 + random.nextInt(5_000);
            int idFrom = random.nextInt(3);
            String[] ids = new String[idFrom + n];
            for (int i = 0; i < n; i++) {
                String id = pool.get(random.nextInt(batch < 20 ? 2_000 : pool.size()));
                if (i > 0 && random.nextInt(4) == 0) {
                    id = ids[idFrom + i - 1]; // a run of one customer
                }
                if (copies && random.nextInt(10) < 9) {
                    id = new String(id.toCharArray()); // equal, another reference
                }
                ids[idFrom + i] = id;
            }
            // batches 0, 1 mod 4 track input rows, 2, 3 do not; odd batches are partitioned
            boolean tracked = batch % 4 < 2;
            RowChunk rows = new RowChunk(n, tracked);
            rows.hashIds(ids, idFrom, n, index);
            RowChunk twin = tracked ? rows : new RowChunk(n); // the same partition, with its input rows
            if (!tracked) {
                twin.hashIds(ids, idFrom, n, index);
            }
            boolean partitioned = batch % 2 == 1;
            int[] rowOf = new int[n];
            if (partitioned) {
                int bits = 1 + random.nextInt(3);
                ShardPartition partition = rows.partition(n, bits, ids, idFrom);
                if (!tracked) {
                    assertNull(rows.shardRows);
                    twin.partition(n, bits, ids, idFrom);
                }
                System.arraycopy(twin.shardRows, 0, rowOf, 0, n);
                for (int shard = 0; shard < partition.shards(); shard++) {
                    rows.resolve(index, ids, idFrom, partition.start(shard), partition.end(shard));
                }
            } else {
                for (int j = 0; j < n; j++) {
                    rowOf[j] = j;
                }
                rows.resolve(index, ids, idFrom, 0, n);
            }
            int[] wantCreated = new int[n];
            for (int j = 0; j < n; j++) {
                String id = ids[idFrom + rowOf[j]];
                Integer known = expected.get(id);
                if (known == null) {
                    known = expected.size();
                    expected.put(id, known);
                    wantCreated[rowOf[j]] = known + 1;
                }
                assertEquals((int) known, rows.customers[j], "batch " + batch + ", position " + j + ", id " + id);
            }
            if (tracked) {
                assertArrayEquals(wantCreated, java.util.Arrays.copyOf(rows.created, n), "batch " + batch);
            } else {
                assertNull(rows.created);
            }
            assertEquals(expected.size(), index.size());
        }
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            assertEquals(e.getValue(), index.find(e.getKey()));
            assertEquals(e.getValue(), index.getOrAdd(new String(e.getKey().toCharArray())));
            assertEquals(e.getKey(), index.id(e.getValue()));
        }
    }

    @Test
    void packedIdsAreEqualExactlyWhenTheStringsAre() {
        String[] ids = {"", "a", "a\0", "\0a", "ab", "ba", "customer-1", "customer-10", "exactly-15-char", "\u00ff",
            "\u00fe"};
        long[] lo = new long[ids.length];
        long[] hi = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            CustomerIndex.pack(ids[i], lo, hi, i);
            assertTrue(hi[i] != CustomerIndex.UNPACKED, ids[i]);
            long[] againLo = new long[1];
            long[] againHi = new long[1];
            CustomerIndex.pack(new String(ids[i].toCharArray()), againLo, againHi, 0);
            assertEquals(lo[i], againLo[0]);
            assertEquals(hi[i], againHi[0]);
        }
        for (int i = 0; i < ids.length; i++) {
            for (int j = i + 1; j < ids.length; j++) {
                assertTrue(lo[i] != lo[j] || hi[i] != hi[j], ids[i] + " vs " + ids[j]);
            }
        }
        for (String unpacked : new String[] {"exactly-16-chars", "\u0100", "\u03a9mega", "x\u5ba2"}) {
            CustomerIndex.pack(unpacked, lo, hi, 0);
            assertEquals(CustomerIndex.UNPACKED, hi[0], unpacked);
        }
    }

    @Test
    void numberedIdsNeedAboutAsManyProbesAsRandomKeys() {
        // numbered ids hash to arithmetic runs; linear probing over their homes in a half-full table must take
        // about the probes per key of random keys, Knuth's (1 + 1/(1 − α))/2 for a successful search at load α
        // (TAOCP vol. 3, 6.4): 1.456 at 500,000 / 2^20. The plain Fibonacci hash took 2.0 here.
        double random = randomKeysProbes(500_000.0 / (1 << 20));
        assertEquals(1.456, random, 0.001);
        assertEquals(random, meanProbes("C%d", 500_000, 20), 0.1);
        assertEquals(randomKeysProbes(1_000_000.0 / (1 << 21)), meanProbes("user%d@example.com", 1_000_000, 21), 0.1);
    }

    private static double randomKeysProbes(double load) {
        return (1.0 + 1.0 / (1.0 - load)) / 2.0;
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
