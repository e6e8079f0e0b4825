package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mpi4j.testing.Mpiexec;

/** Runs the collective examples of examples/ (the mpi4py tutorial's) under mpiexec and checks what they print. */
class CollectiveExamplesTest {

    @Test
    void bcastDeliversTheArrayToEveryRank() {
        Mpiexec.Result r = ExamplesTest.runExample(3, "Bcast.java");
        for (int i = 0; i < 3; i++) {
            assertEquals(1, r.count("rank " + i + " received 100 ints, sum 4950"), r.output());
        }
    }

    @Test
    void scatterAndGatherMoveRowsOfAMatrix() {
        Mpiexec.Result r = ExamplesTest.runExample(4, "ScatterGather.java");
        for (int i = 0; i < 4; i++) {
            assertEquals(1, r.count("rank " + i + " scattered row: all " + i), r.output());
        }
        assertEquals(1, r.count("gathered 4 rows of 100, row i holds i: ok"), r.output());
    }

    @Test
    void matVecMatchesTheSerialProduct() {
        for (int np : new int[] {1, 4}) {
            int n = 50 * np;
            double expected = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    expected += ((i + 2 * j) % 5) * (double) j;
                }
            }
            Mpiexec.Result r = ExamplesTest.runExample(np, "MatVec.java");
            String line = String.format("y = A x for n = %d on %d processes: sum(y) = %.1f (expected %.1f)", n, np,
                    expected, expected);
            assertEquals(1, r.count(line), r.output());
        }
    }
}
