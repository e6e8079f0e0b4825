package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Mpiexec;
import org.mpi4j.testing.programs.TruncateOnSelf;

/** The -Dmpi4j.errors switch: exception (default), abort, fatal. */
class ErrorsModeTest {

    private static Mpiexec.Result run(String mode) {
        return run(mode, 2);
    }

    private static Mpiexec.Result run(String mode, int ranks) {
        return Mpiexec.run(ranks, 60, Mpiexec.java("-Dmpi4j.errors=" + mode, TruncateOnSelf.class.getName()));
    }

    @Test
    void exceptionModeThrowsAndGoesOn() {
        Mpiexec.Result r = run("exception");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(2, r.count("caught ERR_TRUNCATE"), r.output());
    }

    @Test
    void abortModeEndsTheJobOnTheFirstErrorWithTheJavaStackTrace() {
        Mpiexec.Result r = run("abort");
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("aborting the job on an MPI error"), r.output());
        assertTrue(r.output().contains("MPI_Recv"), r.output());
        assertFalse(r.output().contains("caught"), r.output());
    }

    @Test
    void fatalModeLeavesTheErrorToMpi() {
        // one process: two that fail at once send Open MPI's error report to mpiexec together, and
        // mpiexec lost it once in a few dozen runs ("Data unpack would read past end of buffer")
        Mpiexec.Result r = run("fatal", 1);
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("MPI_ERR_TRUNCATE"), r.output());
        assertFalse(r.output().contains("aborting the job on an MPI error"), r.output());
        assertFalse(r.output().contains("caught"), r.output());
    }
}
