package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** The collective debug mode: an argument error only one process sees throws on every process. */
@MpiTest
class CollectiveChecksTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();

    @BeforeEach
    void on() {
        MPI.setCollectiveChecks(true);
    }

    @AfterEach
    void off() {
        MPI.setCollectiveChecks(false);
    }

    /** The communicator still works: a correct scatter delivers each process its element. */
    private void assertStillUsable() {
        int[] all = new int[size];
        for (int i = 0; i < size; i++) {
            all[i] = 100 + i;
        }
        int[] mine = new int[1];
        world.scatter(rank == 0 ? all : null, mine, 0);
        assertEquals(100 + rank, mine[0]);
    }

    @Test
    void aScatterWhoseSendBufferIsTooSmallAtTheRootThrowsOnEveryProcess() {
        int[] tooSmall = new int[size * 2 - 1];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> world.scatter(rank == 0 ? tooSmall : null, new int[2], 0));
        if (rank != 0) {
            assertTrue(e.getMessage().contains("process 0") && e.getMessage().contains("collective checks"),
                    e.getMessage());
        }
        assertStillUsable();
    }

    @Test
    void aGatherWhoseReceiveBufferIsTooSmallAtTheRootThrowsOnEveryProcess() {
        int root = size - 1;
        assertThrows(IllegalArgumentException.class,
                () -> world.gather(new int[4], rank == root ? new int[4 * size - 1] : null, root));
        assertStillUsable();
    }

    @Test
    void aReduceWhoseReceiveBufferIsTooSmallAtTheRootThrowsOnEveryProcess() {
        assertThrows(IllegalArgumentException.class, () -> world.reduce(MemorySegment.ofArray(new long[256]),
                rank == 0 ? MemorySegment.ofArray(new long[255]) : null, 256, Datatype.INT64_T, Op.SUM, 0));
        assertStillUsable();
    }

    @Test
    void aScatterWhoseReceiveCountDiffersFromTheRootsThrowsOnEveryProcess() {
        int[] all = new int[2 * size];
        // the last process expects 3 elements where the root sends 2
        int[] mine = new int[rank == size - 1 && size > 1 ? 3 : 2];
        if (size == 1) {
            world.scatter(all, mine, 0);
            assertStillUsable();
            return;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> world.scatter(rank == 0 ? all : null, mine, 0));
        assertTrue(e.getMessage().contains("process " + (size - 1)), e.getMessage());
        assertStillUsable();
    }

    @Test
    void aBcastWhoseRootDiffersBetweenProcessesThrowsOnEveryProcess() {
        int[] buf = {rank};
        if (size == 1) {
            world.bcast(buf, 0);
            assertEquals(0, buf[0]);
            return;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> world.bcast(buf, rank == 0 ? 1 : 0));
        assertTrue(e.getMessage().contains("root differs"), e.getMessage());
        assertStillUsable();
    }

    @Test
    void overlappingGathervDisplacementsAtTheRootThrowOnEveryProcess() {
        int[] counts = new int[size];
        int[] displs = new int[size];
        java.util.Arrays.fill(counts, 2);
        for (int i = 0; i < size; i++) {
            displs[i] = i; // blocks of 2 one element apart: they overlap from two processes on
        }
        int[] recv = new int[2 * size];
        if (size == 1) {
            world.gatherv(new int[] {5, 6}, recv, counts, displs, 0);
            assertArrayEquals(new int[] {5, 6}, recv);
            return;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> world.gatherv(new int[2], rank == 0 ? recv : null, counts, displs, 0));
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
        assertStillUsable();
    }

    @Test
    void correctCollectivesPassTheChecksUnchanged() {
        long[] sum = new long[1];
        world.reduce(new long[] {rank}, sum, Op.SUM, 0);
        if (rank == 0) {
            assertEquals((long) size * (size - 1) / 2, sum[0]);
        }
        int[] got = new int[size];
        world.gather(new int[] {rank * 3}, got, 0);
        if (rank == 0) {
            for (int i = 0; i < size; i++) {
                assertEquals(i * 3, got[i]);
            }
        }
        assertStillUsable();
    }

    @Test
    void inPlaceRootedCollectivesPassTheChecksAndStillCatchAShortBuffer() {
        int[] all = new int[2 * size];
        all[2 * rank] = rank;
        all[2 * rank + 1] = -rank;
        MemorySegment mine = MemorySegment.ofArray(rank == 0 ? all : new int[] {rank, -rank});
        world.gatherInPlace(mine, 2, Datatype.INT, 0);
        if (rank == 0) {
            assertEquals(-(size - 1), all[2 * size - 1]);
        }
        MemorySegment part = MemorySegment.ofArray(rank == 0 ? all : new int[2]);
        world.scatterInPlace(part, 2, Datatype.INT, 0);
        long[] sum = {rank};
        world.reduceInPlace(MemorySegment.ofArray(sum), 1, Datatype.INT64_T, Op.SUM, 0);
        if (rank == 0) {
            assertEquals((long) size * (size - 1) / 2, sum[0]);
        }
        // the root's buffer holds one element too few for the gathered blocks
        MemorySegment shortAtRoot = MemorySegment.ofArray(rank == 0 ? new int[2 * size - 1] : new int[2]);
        assertThrows(IllegalArgumentException.class, () -> world.gatherInPlace(shortAtRoot, 2, Datatype.INT, 0));
        assertStillUsable();
    }
}
