package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Mpiexec;

/** Runs the one-sided examples of examples/ under mpiexec and checks what they print. */
class RmaExamplesTest {

    @Test
    void haloExchangeWithFenceConservesTheSum() {
        for (int np : new int[] {1, 3}) {
            Mpiexec.Result r = ExamplesTest.runExample(np, "HaloExchange.java");
            long n = 4L * np;
            String sum = String.format(java.util.Locale.ROOT, "%.6f", (double) n * (n - 1) / 2);
            assertEquals(1, r.count("halo exchange: " + np + " ranks, 3 steps, sum " + sum + " (expected " + sum
                    + ")"), r.output());
        }
    }

    @Test
    void workCounterHandsOutEveryTaskOnce() {
        Mpiexec.Result r = ExamplesTest.runExample(4, "WorkCounter.java");
        assertEquals(1, r.count("work counter: 50 of 50 tasks done, each exactly once: true"), r.output());
    }

    @Test
    void sharedMemoryWindowIsSummedWithoutMessages() {
        Mpiexec.Result r = ExamplesTest.runExample(4, "SharedMemorySum.java");
        assertEquals(1, r.count("shared memory: 4 ranks on this node, sum 7998000 (expected 7998000)"), r.output());
    }
}
