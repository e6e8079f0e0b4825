package org.mpi4j.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Mpiexec;
import org.mpi4j.testing.programs.FuturesPool;
import org.mpi4j.testing.programs.FuturesRootThrows;
import org.mpi4j.testing.programs.FuturesWorkerDies;

/**
 * Whole jobs around the executors: the examples, the futures runner, and the ways a job can go
 * wrong (a worker dies, the root throws), which must end the job instead of hanging it.
 */
class FuturesJobTest {

    @Test
    void mandelbrotExampleMapsRowsOverTheWorkersAndMatchesTheSerialImage() throws Exception {
        Path png = Files.createTempFile("mandelbrot", ".png");
        try {
            Mpiexec.Result r = Mpiexec.run(3, 240, Mpiexec.java("org.mpi4j.Run", "examples/Mandelbrot.java",
                    png.toString()));
            assertEquals(0, r.exitCode(), r.output());
            assertEquals(1, r.count("320 rows by 2 workers on ranks [1, 2]"), r.output());
            assertEquals(1, r.count("matches the serial computation: true"), r.output());
            // a PNG: the signature, then the IHDR chunk with width and height
            java.nio.ByteBuffer head = java.nio.ByteBuffer.wrap(Files.readAllBytes(png));
            assertEquals(0x89504e470d0a1a0aL, head.getLong(0));
            assertEquals(480, head.getInt(16));
            assertEquals(320, head.getInt(20));
        } finally {
            Files.deleteIfExists(png);
        }
    }

    @Test
    void monteCarloPiRunsUnderTheFuturesRunnerWithInvokeAll() {
        Mpiexec.Result r = Mpiexec.run(3, 240, Mpiexec.java("org.mpi4j.futures.Run", "examples/MonteCarloPi.java"));
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(1, r.count("from 16 tasks on 2 workers"), r.output());
        assertEquals(1, r.count("same hits as the serial run: true"), r.output());
        assertTrue(r.output().contains("pi is about 3.14"), r.output());
    }

    @Test
    void poolSpawnsItsWorkersRunsTheirTasksAndReleasesThem() {
        // one default pool (1 worker: the universe of this machine's slots minus this process), then 4
        Mpiexec.Result r = Mpiexec.run(1, 240, Mpiexec.java(
                "-Dmpi4j.spawn.javaOptions=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto",
                "org.mpi4j.Run", FuturesPool.class.getName(), "4"));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().matches("(?s).*default pool: (\\d+) workers \\(expected \\1\\), task says 42.*"), r.output());
        for (String line : new String[] {"pool of 4 workers", "ordered map: true", "worker ranks: [0, 1, 2, 3]",
            "initialized: yes", "runnable: null", "remote: java.lang.NumberFormatException on worker ",
            "shutdownNow returned at least 20: true", "pool closed"}) {
            assertEquals(1, r.count(line), line + " in\n" + r.output());
        }
    }

    @Test
    void aWorkerThatDiesEndsTheJob() {
        Mpiexec.Result r = Mpiexec.run(2, 120, Mpiexec.java("org.mpi4j.Run", FuturesWorkerDies.class.getName()));
        assertFalse(r.timedOut(), r.output());
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("root waits for a task that kills its worker"), r.output());
        assertFalse(r.output().contains("root got a result"), r.output());
    }

    @Test
    void anExceptionOnTheRootEndsTheJobWithoutRunningTheQueuedTasks() {
        Mpiexec.Result r = Mpiexec.run(2, 120, Mpiexec.java("org.mpi4j.futures.Run",
                FuturesRootThrows.class.getName()));
        assertFalse(r.timedOut(), r.output());
        assertNotEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("the root fails with 1000 tasks submitted"), r.output());
        assertTrue(r.output().contains("uncaught exception in thread \"main\" on rank 0"), r.output());
        // 1000 tasks of 200 ms would take 200 s: the queued ones were cancelled
        assertTrue(r.seconds() < 100, "took " + r.seconds() + " s");
    }
}
