package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.testing.Mpiexec;
import org.mpi4j.testing.programs.BadInputCase;

/**
 * The bad-input cases that used to crash the JVM (SIGSEGV, heap corruption) or hang it, each in
 * its own mpiexec with a timeout at 1 and 2 ranks, so that a regression cannot take the suite down.
 */
class IsolatedBadInputTest {
    private static final String[] CASES = {"cancel-unstarted-persistent", "extent-long-max",
        "truncate-into-small-array", "sendrecv-arrays-truncated", "irecv-array-truncated", "irecv-heap-slice-truncated",
        "recvinit-array-truncated", "mrecv-array-truncated", "sendrecvreplace-array-truncated", "waitall-self-truncated"};

    @TestFactory
    Stream<DynamicTest> eachCaseIsRefusedAndTheProcessStaysHealthy() {
        return Stream.of(CASES).flatMap(c -> Stream.of(1, 2).map((Integer np) -> DynamicTest.dynamicTest(c + " at " + np
                + (np == 1 ? " rank" : " ranks"), () -> {
                    Mpiexec.Result r = Mpiexec.run(np, 60, Mpiexec.java(BadInputCase.class.getName(), c));
                    assertFalse(r.timedOut(), "hung: " + r.output());
                    assertEquals(0, r.exitCode(), r.output());
                    assertEquals((long) np, r.count(c + " refused"), r.output());
                    assertEquals((long) np, r.count("healthy true"), r.output());
                })));
    }
}
