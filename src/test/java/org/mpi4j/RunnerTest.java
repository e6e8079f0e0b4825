package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    }

    @Test
    void codeGivenWithDashCRunsOnEveryRankWithMpi4jImportedAndTheArguments() {
        Mpiexec.Result r = Mpiexec.run(3, 120, Mpiexec.java("org.mpi4j.Run", "-c", """
                import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
                var w = MPI.COMM_WORLD;
                System.out.println(List.of("rank", w.rank(), "of", w.size(), String.join("+", args)));""",
                "a", "b"));
        assertEquals(0, r.exitCode(), r.output());
        for (int rank = 0; rank < 3; rank++) {
            assertEquals(1, r.count("[rank, " + rank + ", of, 3, a+b]"), r.output());
        }
    }

    @Test
    void codeGivenWithDashCCompilesAgainstTheModuleOnTheModulePath() {
        Mpiexec.Result r = Mpiexec.run(2, 120, Mpiexec.javaOnModulePath("-m", "org.mpi4j/org.mpi4j.Run", "-c",
                "System.out.println(\"module \" + MPI.class.getModule().getName() + \" rank \" + MPI.COMM_WORLD.rank());"));
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(1, r.count("module org.mpi4j rank 0"), r.output());
        assertEquals(1, r.count("module org.mpi4j rank 1"), r.output());
    }

    @Test
    void dashReadsTheProgramFromRankZerosStandardInput(@TempDir Path dir) throws Exception {
        Path program = dir.resolve("program.java");
        Files.writeString(program, """
                public class FromStdin {
                    public static void main(String[] args) {
                        int[] sum = new int[1];
                        org.mpi4j.MPI.COMM_WORLD.allreduce(new int[] {org.mpi4j.MPI.COMM_WORLD.rank() + 1}, sum,
                                org.mpi4j.Op.SUM);
                        System.out.println("sum " + sum[0] + " " + args[0]);
                    }
                }
                """);
        Mpiexec.Result r = Mpiexec.run(2, 120, Mpiexec.java("org.mpi4j.Run", "-", "arg"), program);
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(2, r.count("sum 3 arg"), r.output());
    }

    @Test
    void aProgramThatDoesNotCompileFailsTheJobWithOneMessage() {
        Mpiexec.Result r = Mpiexec.run(3, 120, Mpiexec.java("org.mpi4j.Run", "-c", "int ok = 1;\nint x = \"s\";"));
        assertNotEquals(0, r.exitCode(), r.output());
        assertEquals(1, r.count("-c:2: error: incompatible types"), r.output());
        assertEquals(1, r.count("int x = \"s\";"), r.output());
        assertFalse(r.output().contains("aborting"), r.output());
    }

    @Test
    void versionOptionsPrintMpi4jsAndTheMpiLibrarysVersions() {
        Mpiexec.Result v = Mpiexec.exec(Mpiexec.java("org.mpi4j.Run", "--version"), 60);
        assertEquals(0, v.exitCode(), v.output());
        assertTrue(v.output().strip().matches("mpi4j \\d+\\.\\d+\\.\\d+.*"), v.output());
        Mpiexec.Result lib = Mpiexec.run(2, 60, Mpiexec.java("org.mpi4j.Run", "--mpi-lib-version"));
        assertEquals(0, lib.exitCode(), lib.output());
        assertEquals(2, lib.count(MPI.libraryVersion().lines().findFirst().orElseThrow()), lib.output());
        Mpiexec.Result std = Mpiexec.exec(Mpiexec.java("org.mpi4j.Run", "--mpi-std-version"), 60);
        assertEquals("MPI " + MPI.version(), std.output().strip(), std.output());
    }

    @Test
    void helpListsTheOptions() {
        Mpiexec.Result r = Mpiexec.exec(Mpiexec.java("org.mpi4j.Run", "--help"), 60);
        assertEquals(0, r.exitCode(), r.output());
        for (String option : List.of("-c code", "--version", "--mpi-lib-version", "--mpi-std-version")) {
            assertTrue(r.output().contains(option), r.output());
        }
    }
}
