package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Mpiexec;
import org.mpi4j.testing.programs.LargeCountAcrossRanks;

/**
 * A broadcast and an allreduce of 2^31+4096 bytes (more elements than an MPI-3.1 count holds)
 * between two processes, every byte checked at sampled positions over the whole range and all of
 * them around and above 2^31 ({@link LargeCountAcrossRanks}). Its own mpiexec at 2 ranks only: each
 * process holds 2 GiB, which 4 ranks on this machine would take minutes to fault in and move
 * (measured about 20 s at 2 ranks, mostly page faults).
 */
class LargeCountAcrossRanksTest {

    @Test
    void aBroadcastAndAnAllreduceOfMoreThanIntMaxBytesArriveWhole() {
        List<String> cmd = Mpiexec.java(LargeCountAcrossRanks.class.getName());
        cmd.remove("-XX:TieredStopAtLevel=1"); // the pattern loops over 2^28 longs: worth the optimising compiler
        Mpiexec.Result r = Mpiexec.run(2, 180, cmd);
        assertFalse(r.timedOut(), "hung: " + r.output());
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(2, r.count("large bcast ok"), r.output());
        assertEquals(2, r.count("large allreduce ok"), r.output());
    }
}
