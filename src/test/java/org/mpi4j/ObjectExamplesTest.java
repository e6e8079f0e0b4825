package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Mpiexec;

/** Runs examples/Objects.java under mpiexec, on the class path and on the module path. */
class ObjectExamplesTest {

    private static void checkOutput(Mpiexec.Result r, int np) {
        for (int i = 0; i < np; i++) {
            assertEquals(1, r.count("result from rank " + i + ": task-" + i + " sum " + (3L * i + 3)), r.output());
            int prev = (i + np - 1) % np;
            assertEquals(1, r.count("rank " + i + " got 1048576 values of " + (double) prev + " from rank " + prev),
                    r.output());
        }
        String all = IntStream.range(0, np).mapToObj(Integer::toString).collect(Collectors.joining());
        assertEquals(1, r.count("allreduce of the ranks as strings: " + all), r.output());
    }

    @Test
    void objectsExampleRunsOnOneAndThreeRanks() {
        for (int np : new int[] {1, 3}) {
            checkOutput(ExamplesTest.runExample(np, "Objects.java"), np);
        }
    }

    @Test
    void objectsExampleRunsOnTheModulePathWithoutAddOpensOrWarnings() {
        // the exploded module plus Kryo's jars, as a user of the module would run it: records of the
        // program, JDK collections and an out-of-band array, with no --add-opens
        List<String> cmd = Mpiexec.javaOnModulePath("-m", "org.mpi4j/org.mpi4j.Run", "examples/Objects.java");
        Mpiexec.Result r = Mpiexec.run(2, 120, cmd);
        assertEquals(0, r.exitCode(), r.output());
        checkOutput(r, 2);
        assertTrue(!r.output().contains("WARNING"), r.output());
    }
}
