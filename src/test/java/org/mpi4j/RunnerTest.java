package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Mpiexec;
import org.mpi4j.testing.programs.ThrowBeforeSend;

/** The runner turns an uncaught exception on one rank into an abort of the whole job. */
class RunnerTest {

    @Test
    void uncaughtExceptionOnOneRankAbortsTheJobQuickly() {
        Mpiexec.Result r = Mpiexec.run(2, 60, Mpiexec.java("org.mpi4j.Run", ThrowBeforeSend.class.getName()));
        assertFalse(r.timedOut(), r.output());
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.seconds() < 10, "took " + r.seconds() + " s");
        assertTrue(r.output().contains("rank 0 fails before it sends"), r.output());
        assertTrue(r.output().contains("uncaught exception in thread \"main\" on rank 0; aborting the MPI job"),
                r.output());
        assertFalse(r.output().contains("rank 1 received"), r.output());
    }

    @Test
    void withoutTheRunnerTheSameProgramWouldHang() {
        // the control experiment: the plain main class leaves rank 1 waiting forever
        Mpiexec.Result r = Mpiexec.run(2, 8, Mpiexec.java(ThrowBeforeSend.class.getName()));
        assertTrue(r.timedOut() || r.exitCode() != 0, r.output());
    }

    @Test
    void runnerPassesArgumentsAndExitsCleanly() {
        Mpiexec.Result r = Mpiexec.run(1, 60, Mpiexec.java("org.mpi4j.Run", "examples/HelloWorld.java", "extra"));
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(1, r.count("I am process 0 of 1"), r.output());
    }

    @Test
    void missingProgramIsAClearError() {
        Mpiexec.Result r = Mpiexec.exec(Mpiexec.java("org.mpi4j.Run", "examples/NoSuchProgram.java"), 60);
        assertNotEquals(0, r.exitCode());
        assertTrue(r.output().contains("no such file: examples/NoSuchProgram.java"), r.output());
        List.of();
    }
}
