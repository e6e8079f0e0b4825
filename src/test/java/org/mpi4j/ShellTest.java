package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpi4j.testing.Mpiexec;

/** The interactive shell evaluates what rank 0 reads on every rank and shows each rank's result. */
class ShellTest {

    @Test
    void snippetsRunOnEveryRankAndResultsComeBackInRankOrder(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("input.jsh");
        Files.writeString(input, """
                import org.mpi4j.*;
                var w = MPI.COMM_WORLD;
                int square(int x) {
                    return x * x;
                }
                square(w.rank() + 1)
                int[] mine = {w.rank()}, got = new int[1];
                w.sendrecv(mine, (w.rank() + 1) % w.size(), 0, got, (w.rank() + w.size() - 1) % w.size(), 0, null);
                got[0] + 100
                noSuchVariable
                /exit
                """);
        Mpiexec.Result r = Mpiexec.run(3, 120, Mpiexec.java("org.mpi4j.Shell"), input);
        assertEquals(0, r.exitCode(), r.output());
        for (int rank = 0; rank < 3; rank++) {
            assertEquals(1, r.count("[" + rank + "] $1 ==> " + (rank + 1) * (rank + 1)), r.output());
            assertEquals(1, r.count("[" + rank + "] $2 ==> " + (100 + (rank + 2) % 3)), r.output());
            assertEquals(1, r.count("[" + rank + "] error: cannot find symbol"), r.output());
        }
        String out = r.output();
        assertEquals(true, out.indexOf("[0] $1") < out.indexOf("[1] $1") && out.indexOf("[1] $1") < out.indexOf("[2] $1"),
                out);
    }
}
