package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Mpiexec;
import org.mpi4j.testing.programs.SpawnParentAndWorkers;

/**
 * Spawning Java workers from a job started by mpiexec (slow: every worker is a JVM, so few
 * tests, each checking much; the program prints an {@code OK} line per passed check and aborts
 * the job on a failed one).
 */
class SpawnTest {
    /** The workers start as the test JVMs do: quick start-up over peak speed. */
    static final String FAST_WORKERS = "-Dmpi4j.spawn.javaOptions=-XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    @Test
    void javaWorkersAreSpawnedFromANonZeroRootAndTalkAcrossTheIntercommunicator() {
        Mpiexec.Result r = Mpiexec.run(2, 240, Mpiexec.java(FAST_WORKERS, "org.mpi4j.Run", SpawnParentAndWorkers.class.getName()));
        assertEquals(0, r.exitCode(), r.output());
        for (int rank = 0; rank < 2; rank++) {
            assertEquals(1, r.count("OK spawnJava rank " + rank), r.output());
            assertEquals(1, r.count("OK spawnMultiple rank " + rank), r.output());
        }
        assertEquals(2, r.count("DONE rank "), r.output());
    }

    @Test
    void aSpawnMpiCannotCarryOutThrowsWithTheErrorCodesAndTheJobStillEnds() {
        Mpiexec.Result r = Mpiexec.run(1, 60, Mpiexec.java(FAST_WORKERS, "org.mpi4j.Run", SpawnParentAndWorkers.class.getName(),
                "failing"));
        assertFalse(r.timedOut(), "Open MPI 4.1 hangs in MPI_Finalize after a failed spawn; mpi4j must skip it\n"
                + r.output());
        assertEquals(1, r.count("OK spawn failure ERR_SPAWN codes [50, 50]"), r.output());
        assertEquals(1, r.count("not calling MPI_Finalize"), r.output());
    }

    @Test
    void aWorkerThatThrowsEndsTheWholeJob() {
        Mpiexec.Result r = Mpiexec.run(1, 120, Mpiexec.java(FAST_WORKERS, "org.mpi4j.Run", SpawnParentAndWorkers.class.getName(),
                "throwing"));
        assertFalse(r.timedOut(), r.output());
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("worker fails on purpose"), r.output());
        assertEquals(0, r.count("NOT REACHED"), r.output());
    }
}
