package org.clv4j.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two partitions, by scrambled hash and by key range: stable, complete, each row in its shard. */
class ShardPartitionTest {

    @Test
    void bothPlansPlaceEveryRowOnceInItsShardKeepingTheOrderWithinShards() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 50_000;
        int[] keys = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = random.nextInt(1 << 17);
        }
        for (boolean byRange : new boolean[] {false, true}) {
            int bits = 5;
            ShardPartition partition = new ShardPartition();
            if (byRange) {
                partition.planByRange(keys, n, bits, 17 - bits);
            } else {
                partition.plan(keys, n, bits);
            }
            int[] rowAt = new int[n];
            partition.scatterRowIndex(rowAt);
            int[] keyAt = new int[n];
            partition.scatter(keys, 0, keyAt);
            assertEquals(1 << bits, partition.shards());
            assertEquals(0, partition.start(0));
            assertEquals(n, partition.end(partition.shards() - 1));
            boolean[] seen = new boolean[n];
            for (int shard = 0; shard < partition.shards(); shard++) {
                int previousRow = -1;
                for (int j = partition.start(shard); j < partition.end(shard); j++) {
                    int row = rowAt[j];
                    assertTrue(row > previousRow, "stable within a shard");
                    previousRow = row;
                    assertTrue(!seen[row], "each row once");
                    seen[row] = true;
                    assertEquals(keys[row], keyAt[j]);
                    int expected = byRange ? keys[row] >>> (17 - bits) : ShardPartition.home(keys[row], bits);
                    assertEquals(expected, shard, "row " + row + (byRange ? " by range" : " by hash"));
                }
            }
        }
    }
}
