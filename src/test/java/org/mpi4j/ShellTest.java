package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpi4j.testing.Mpiexec;
import org.mpi4j.testing.PtyJob;

/**
 * The interactive shell evaluates what rank 0 reads on every rank and shows each rank's result.
 * One 3-rank session (typed from a file) serves the tests of what it shows.
 */
class ShellTest {
    private static Mpiexec.Result session;

    @BeforeAll
    static void runASessionAtThreeRanks(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("input.jsh");
        // no import: org.mpi4j.* and java.lang.foreign.* are imported by the shell
        Files.writeString(input, """
                var w = MPI.COMM_WORLD;
                int square(int x) {
                    return x * x;
                }
                square(w.rank() + 1)
                int[] mine = {w.rank()}, got = new int[1];
                w.sendrecv(mine, (w.rank() + 1) % w.size(), 0, got, (w.rank() + w.size() - 1) % w.size(), 0, null);
                got[0] + 100
                System.out.println("printed by " + w.rank());
                MemorySegment.ofArray(new int[4]).byteSize()
                noSuchVariable
                /vars
                /methods
                /imports
                while (true) { Thread.onSpinWait(); }
                \u0003
                "after the interrupt " + w.rank()
                /exit
                """);
        session = Mpiexec.run(3, 180, Mpiexec.java("org.mpi4j.Shell"), input);
        assertEquals(0, session.exitCode(), session.output());
    }

    @Test
    void snippetsSeeMpi4jAndTheForeignApiWithoutImports() {
        String out = session.output();
        assertEquals(1, session.count("[1] w ==> Intracomm[MPI_COMM_WORLD, rank 1 of 3]"), out);
        assertEquals(1, session.count("[0-2] $3 ==> 16"), out);
        assertFalse(out.contains("does not exist"), out);
    }

    @Test
    void resultsComeBackInRankOrderWithTheRankPrefix() {
        String out = session.output();
        for (int rank = 0; rank < 3; rank++) {
            assertEquals(1, session.count("[" + rank + "] $1 ==> " + (rank + 1) * (rank + 1)), out);
            assertEquals(1, session.count("[" + rank + "] $2 ==> " + (100 + (rank + 2) % 3)), out);
            assertEquals(1, session.count("[" + rank + "] printed by " + rank), out);
        }
        assertTrue(out.indexOf("[0] $1") < out.indexOf("[1] $1") && out.indexOf("[1] $1") < out.indexOf("[2] $1"),
                out);
    }

    @Test
    void anErrorAllRanksShareIsShownOnceWithTheirRanksAndItsSymbol() {
        String out = session.output();
        assertEquals(1, session.count("error: cannot find symbol"), out);
        assertEquals(1, session.count("[0-2] error: cannot find symbol"), out);
        assertEquals(1, session.count("[0-2]   symbol:   variable noSuchVariable"), out);
        assertEquals(1, session.count("[0-2]   ^------------^"), out);
        assertFalse(out.lines().anyMatch(l -> l.strip().endsWith("location:") || l.strip().endsWith("location: class")),
                out);
    }

    @Test
    void jshellCommandsAnswerForEveryRank() {
        String out = session.output();
        assertEquals(1, session.count("[2] Intracomm w = Intracomm[MPI_COMM_WORLD, rank 2 of 3]"), out);
        assertEquals(1, session.count("[0] int[] got = int[1] { 2 }"), out);
        assertEquals(1, session.count("[0-2] int square(int)"), out);
        assertEquals(1, session.count("[0-2] import org.mpi4j.*"), out);
    }

    @Test
    void ctrlCInTheInputStopsTheRunningSnippetOnEveryRankAndTheShellGoesOn() {
        String out = session.output();
        assertEquals(1, session.count("[0-2] interrupted"), out);
        for (int rank = 0; rank < 3; rank++) {
            assertEquals(1, session.count("[" + rank + "] $4 ==> \"after the interrupt " + rank + "\""), out);
        }
    }

    @Test
    void ctrlCTypedInATerminalStopsTheSnippetInsteadOfKillingTheJobAndASecondOneEndsAStuckJob() throws Exception {
        try (PtyJob job = PtyJob.start(2, Mpiexec.java("org.mpi4j.Shell"))) {
            assertTrue(job.await("mpi4j> ", 1, 120), job.output());
            job.type("while (true) { Thread.onSpinWait(); }\n");
            Thread.sleep(1000);
            job.type("\u0003");
            assertTrue(job.await("[0-1] interrupted", 1, 60), job.output());
            job.type("\"still alive\"\n");
            assertTrue(job.await("[0-1] $1 ==> \"still alive\"", 1, 60), job.output());
            assertFalse(job.output().contains("MPI_ABORT"), job.output());
            // a receive that never completes cannot be stopped: the second Ctrl-C ends the job
            job.type("MPI.COMM_WORLD.recv(new int[1], MPI.ANY_SOURCE, 99, null)\n");
            Thread.sleep(1000);
            job.type("\u0003");
            Thread.sleep(500);
            job.type("\u0003");
            assertEquals(130, job.waitFor(60), job.output());
            assertTrue(job.output().contains("does not stop; ending the job"), job.output());
        }
    }

    @Test
    void theShellWorksOnTheModulePath(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("input.jsh");
        Files.writeString(input, "MPI.COMM_WORLD.size()\n/exit\n");
        Mpiexec.Result r = Mpiexec.run(2, 120, Mpiexec.javaOnModulePath("-m", "org.mpi4j/org.mpi4j.Shell"), input);
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(1, r.count("[0-1] $1 ==> 2"), r.output());
    }
}
