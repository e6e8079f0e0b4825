package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Mpiexec;
import org.mpi4j.testing.programs.ExitEarly;
import org.mpi4j.testing.programs.ThrowBeforeSend;

/** A rank that leaves early ends the job instead of hanging it in MPI_Finalize (each run in its own mpiexec). */
class EarlyExitTest {
    @Test
    void systemExitWithAStatusOnOneRankEndsTheJobWithThatStatus() {
        Mpiexec.Result r = Mpiexec.run(2, 60, Mpiexec.java(ExitEarly.class.getName()));
        assertFalse(r.timedOut(), r.output());
        assertEquals(3, r.exitCode(), r.output());
        assertTrue(r.output().contains("exits with status 3 before MPI_Finalize"), r.output());
    }

    @Test
    void anUncaughtExceptionInMainEndsTheJobWithoutTheRunner() {
        Mpiexec.Result r = Mpiexec.run(2, 60, Mpiexec.java(ThrowBeforeSend.class.getName()));
        assertFalse(r.timedOut(), r.output());
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().contains("rank 0 fails before it sends"), r.output());
    }

    @Test
    void systemExitZeroOnEveryRankIsANormalEnd() {
        Mpiexec.Result r = Mpiexec.run(2, 60, Mpiexec.java(ExitEarly.class.getName(), "clean"));
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(2, r.count("exits cleanly"), r.output());
        assertFalse(r.output().contains("aborting"), r.output());
    }
}
