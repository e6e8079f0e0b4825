package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Mpiexec;

/** Runs the process-topology examples of examples/ under mpiexec and checks what they print. */
class TopologyExamplesTest {

    @Test
    void heatEquationOnAPeriodicGridMatchesTheSerialIteration() {
        for (int np : new int[] {1, 4}) {
            Mpiexec.Result r = ExamplesTest.runExample(np, "Heat2D.java");
            assertEquals(1, r.count("heat: ok"), r.output());
            String dims = np == 4 ? "(2 x 2)" : "(1 x 1)";
            assertEquals(1, r.count("24 x 24 grid, 50 steps on " + np + " processes " + dims
                    + ": max |parallel - serial| = 0.0"), r.output());
        }
        Mpiexec.Result r = ExamplesTest.runExample(3, "Heat2D.java", "12", "20");
        assertEquals(1, r.count("heat: ok"), r.output());
    }

    @Test
    void ringAsADistributedGraphSumsEveryRank() {
        Mpiexec.Result r = ExamplesTest.runExample(3, "DistGraphRing.java");
        for (int i = 0; i < 3; i++) {
            assertEquals(1, r.count("rank " + i + ": receives from " + (i + 2) % 3 + ", sends to " + (i + 1) % 3
                    + "; sum around the ring = 3 (expected 3)"), r.output());
        }
    }
}
