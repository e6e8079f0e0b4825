package org.mpi4j.testing.programs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mpi4j.MPI;
import org.mpi4j.junit.MpiTest;

/**
 * A user's test class in which one test fails on rank 1 only, for MpiTestExtensionTest (not a
 * suite test: its name does not end in Test).
 */
@MpiTest(ranks = 2, timeoutSeconds = 120)
public class FailsOnRankOne {
    @Test
    void passesEverywhere() {
        assertEquals(2, MPI.COMM_WORLD.size());
    }

    @Test
    void failsOnRankOne() {
        assertEquals(0, MPI.COMM_WORLD.rank(), "the rank");
    }
}
