package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** Collective misuse that used to throw the wrong exception or name the wrong call. */
@MpiTest
class CollectiveMisuseMessagesTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();

    @Test
    void reduceScatterCountsWhoseSumOverflowsAnIntAreAnIllegalArgumentException() {
        int[] counts = new int[size];
        java.util.Arrays.fill(counts, Integer.MAX_VALUE / size + 1);
        counts[0] = Integer.MAX_VALUE;
        if (size == 1) {
            // one process cannot overflow with one count: the packed displacements of a gatherv can
            assertThrows(IllegalArgumentException.class, () -> world.gatherv(new int[1], new int[1],
                    new int[] {Integer.MAX_VALUE}, null, 0));
            return;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> world.reduceScatter(
                MemorySegment.ofArray(new int[4]), MemorySegment.ofArray(new int[4]), counts, Datatype.INT, Op.SUM));
        assertTrue(e.getMessage().contains("above 2^31-1"), e.getMessage());
        world.barrier();
    }

    @Test
    void nullArraysAreANullPointerExceptionNamingTheArgument() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> world.bcast((int[]) null, 0));
        assertEquals("buf is null", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> world.allreduce((double[]) null, new double[1], Op.SUM));
        assertEquals("sendBuf is null", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> world.allreduce(new long[1], (long[]) null, Op.SUM));
        assertEquals("recvBuf is null", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> world.allgather(new byte[1], (byte[]) null));
        assertEquals("recvBuf is null", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> world.scan((float[]) null, new float[1], Op.SUM));
        assertEquals("sendBuf is null", e.getMessage());
        int[] one = {rank};
        world.bcast(one, 0);
        assertEquals(0, one[0]);
    }

    @Test
    void aNegativeGatherCountIsReportedAsTheUserGaveIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> world.gather(MemorySegment.ofArray(new int[4]), -1, Datatype.INT, MemorySegment.ofArray(
                        new int[4 * size]), -1, Datatype.INT, 0));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertFalse(e.getMessage().contains("-2"), e.getMessage());
    }

    @Test
    void aFailingReduceObjectNamesTheReductionNotAGather() {
        if (size == 1) {
            // the operator never runs on one process: the object comes back as it is
            assertEquals("x", world.reduceObject("x", (a, b) -> {
                throw new IllegalStateException("operator boom");
            }, 0));
            return;
        }
        RuntimeException e = null;
        try {
            world.reduceObject("x", (a, b) -> {
                throw new IllegalStateException("operator boom");
            }, 0);
        } catch (RuntimeException thrown) {
            e = thrown;
        }
        if (rank == 0) {
            assertTrue(e != null, "the root must fail");
            assertTrue(e.getMessage().contains("boom") || e.getMessage().contains("reduction"), e.getMessage());
            assertFalse(e.getMessage().contains("gatherObject"), e.getMessage());
        }
        assertEquals(size, world.allreduceObject(1, Integer::sum));
    }

    @Test
    void aliasedNativeSegmentsInAllreducePointToTheInPlaceForm() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = arena.allocate(64);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> world.allreduce(m, m, 4, Datatype.INT, Op.SUM));
            assertTrue(e.getMessage().contains("MPI_IN_PLACE") && e.getMessage().contains("allreduceInPlace"),
                    e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> world.allreduce(m, m.asSlice(8), 4, Datatype.INT, Op.SUM));
            assertTrue(e.getMessage().contains("overlap"), e.getMessage());
        }
        world.barrier();
    }
}
