package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Mpiexec;

/** Runs the programs of examples/ under mpiexec through the runner and checks what they print. */
class ExamplesTest {

    static Mpiexec.Result runExample(int np, String file, String... args) {
        List<String> cmd = new ArrayList<>(List.of("org.mpi4j.Run", "examples/" + file));
        cmd.addAll(List.of(args));
        Mpiexec.Result r = Mpiexec.run(np, 120, Mpiexec.java(cmd.toArray(String[]::new)));
        assertEquals(0, r.exitCode(), () -> file + " on " + np + " ranks failed:\n" + r.output());
        return r;
    }

    @Test
    void helloWorldGreetsFromEveryRank() {
        Mpiexec.Result r = runExample(4, "HelloWorld.java");
        for (int i = 0; i < 4; i++) {
            assertEquals(1, r.count("I am process " + i + " of 4 on "), r.output());
        }
    }

    @Test
    void ringSumsTheRanks() {
        for (int np : new int[] {1, 4}) {
            Mpiexec.Result r = runExample(np, "Ring.java");
            long expected = (long) np * (np - 1) / 2;
            assertEquals(1, r.count("token came back as " + expected + " (expected " + expected + ")"), r.output());
        }
    }

    @Test
    void helloWorldRunsOnTheModulePath() {
        // the exploded module in target/classes plus Kryo's jars, as a user of the module would run it
        List<String> cmd = Mpiexec.javaOnModulePath("-m", "org.mpi4j/org.mpi4j.Run", "examples/HelloWorld.java");
        Mpiexec.Result r = Mpiexec.run(2, 120, cmd);
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(2, r.count("of 2 on "), r.output());
        assertTrue(!r.output().contains("WARNING"), r.output());
    }

    private static void assertHelloFromEveryRank(String file, int... nps) {
        for (int np : nps) {
            Mpiexec.Result r = runExample(np, file);
            for (int i = 0; i < np; i++) {
                assertEquals(1, r.count("Hello, World! I am process " + i + " of " + np + "."), r.output());
            }
        }
    }

    @Test
    void swigStyleHelloCallsMpiOnTheRawHandle() {
        assertHelloFromEveryRank("HelloSwig.java", 1, 3);
    }

    @Test
    void f2pyStyleHelloCallsTheFortranBindingOnTheIntegerHandle() {
        assertHelloFromEveryRank("HelloF2py.java", 2, 4);
    }

    @Test
    void javaErrorHandlersSeeTheWindowsAttributeAndTheFailedOpen() {
        Mpiexec.Result r = runExample(2, "ErrorHandlers.java");
        assertEquals(0, r.exitCode(), r.output());
        for (int i = 0; i < 2; i++) {
            assertEquals(1, r.count("rank " + i + ": error on window 'halo': mylib: the widget broke"), r.output());
            assertEquals(1, r.count("rank " + i + ": label 'halo' deleted with its window"), r.output());
            assertEquals(1, r.count("rank " + i + ": open failed with ERR_NO_SUCH_FILE, the file handler saw it"),
                    r.output());
        }
    }
}
