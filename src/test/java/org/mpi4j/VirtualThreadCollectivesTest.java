package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mpi4j.testing.Mpiexec;
import org.mpi4j.testing.programs.VirtualThreadsCollectives;

/**
 * Blocking collectives on virtual threads poll and park instead of holding the only carrier: 64
 * virtual threads per rank, each on its own communicator, started in a different order on each
 * rank (own mpiexec; the generous timeout only tells a deadlock from a loaded machine).
 */
class VirtualThreadCollectivesTest {
    @TestFactory
    Stream<DynamicTest> manyVirtualThreadsOnOneCarrierRunEveryBlockingCollectiveWithoutDeadlock() {
        return Stream.of(1, 2, 3, 4).map((Integer np) -> DynamicTest.dynamicTest(np + " ranks", () -> {
            Mpiexec.Result r = Mpiexec.run(np, 240, Mpiexec.java("-Djdk.virtualThreadScheduler.parallelism=1",
                    "-Djdk.virtualThreadScheduler.maxPoolSize=1", VirtualThreadsCollectives.class.getName(), "64"));
            assertFalse(r.timedOut(), "deadlocked: " + r.output());
            assertEquals(0, r.exitCode(), r.output());
            assertEquals((long) np, r.count("64 of 64 threads' collectives correct"), r.output());
        }));
    }
}
