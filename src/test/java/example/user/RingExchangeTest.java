package example.user;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mpi4j.Intracomm;
import org.mpi4j.MPI;
import org.mpi4j.Op;
import org.mpi4j.junit.MpiTest;

/**
 * A user's multi-rank test, as a project that depends on mpi4j writes one: {@link MpiTest} runs
 * the class under mpiexec on 2 and on 3 processes, and each test passes if it passed on every rank.
 */
@MpiTest(ranks = {2, 3})
class RingExchangeTest {
    private final Intracomm world = MPI.COMM_WORLD;

    @Test
    void eachRankReceivesItsLeftNeighboursRank() {
        int rank = world.rank();
        int size = world.size();
        int[] left = new int[1];
        world.sendrecv(new int[] {rank}, (rank + 1) % size, 0, left, (rank + size - 1) % size, 0, null);
        assertArrayEquals(new int[] {(rank + size - 1) % size}, left);
    }

    @Test
    void allreduceSumsTheRanks() {
        int size = world.size();
        long[] sum = new long[1];
        world.allreduce(new long[] {world.rank()}, sum, Op.SUM);
        assertEquals((long) size * (size - 1) / 2, sum[0]);
    }
}
