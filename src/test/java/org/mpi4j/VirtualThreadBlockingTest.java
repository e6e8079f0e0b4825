package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Mpiexec;
import org.mpi4j.testing.programs.VirtualThreadsExchange;

/** Blocking calls on virtual threads poll and park instead of holding the only carrier (own mpiexec, timeout). */
class VirtualThreadBlockingTest {
    private static void run(int np) {
        Mpiexec.Result r = Mpiexec.run(np, 60, Mpiexec.java("-Djdk.virtualThreadScheduler.parallelism=1",
                "-Djdk.virtualThreadScheduler.maxPoolSize=1", VirtualThreadsExchange.class.getName()));
        assertFalse(r.timedOut(), "deadlocked: " + r.output());
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(np, r.count("1000 of 1000 exchanges correct"), r.output());
    }

    @Test
    void aThousandVirtualThreadsOnOneCarrierExchangeWithBlockingCallsAtOneRank() {
        run(1);
    }

    @Test
    void aThousandVirtualThreadsOnOneCarrierExchangeWithBlockingCallsAtTwoRanks() {
        run(2);
    }
}
