package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Mpiexec;

/**
 * Runs the master/worker examples, whose masters (started by mpiexec with one process) spawn
 * Java workers running the same file (mpiexec gets --oversubscribe from the test harness).
 */
class DynamicProcessExamplesTest {

    static Mpiexec.Result runMaster(String file, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = SpawnTest.FAST_WORKERS;
        cmd[1] = "org.mpi4j.Run";
        cmd[2] = "examples/" + file;
        System.arraycopy(args, 0, cmd, 3, args.length);
        Mpiexec.Result r = Mpiexec.run(1, 240, Mpiexec.java(cmd));
        assertEquals(0, r.exitCode(), () -> file + " failed:\n" + r.output());
        return r;
    }

    @Test
    void computePiMasterSpawnsFiveWorkersAndGetsPi() {
        Mpiexec.Result r = runMaster("ComputePi.java");
        Matcher m = Pattern.compile("pi is approximately ([0-9.]+), error [0-9.]+ \\(5 workers, N = 100\\)")
                .matcher(r.output());
        assertTrue(m.find(), r.output());
        double pi = Double.parseDouble(m.group(1));
        // the midpoint rule with 100 intervals errs by about 8.3e-6
        assertEquals(Math.PI, pi, 1e-5);
        assertTrue(Math.abs(pi - Math.PI) > 1e-7, "the sum of five workers' parts, not Math.PI: " + pi);
    }

    @Test
    void taskFarmHandsEveryTaskToSomeWorker() {
        Mpiexec.Result r = runMaster("TaskFarm.java", "30", "3");
        long n = 30_000;
        long expected = (n - 1) * n * (2 * n - 1) / 6;
        assertEquals(1, r.count("sum of squares below " + n + " = " + expected + " (expected " + expected + ")"),
                r.output());
        Matcher m = Pattern.compile("worker (\\d) did (\\d+) tasks").matcher(r.output());
        int workers = 0;
        int tasks = 0;
        while (m.find()) {
            workers++;
            tasks += Integer.parseInt(m.group(2));
        }
        assertEquals(3, workers, r.output());
        assertEquals(30, tasks, r.output());
    }
}
