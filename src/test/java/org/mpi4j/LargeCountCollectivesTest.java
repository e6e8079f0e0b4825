package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/**
 * Collectives of more than 2^31-1 elements. The shape of the emulation (a derived datatype of
 * blocks for bcast, chunked calls for reductions) is exercised at every rank count with small
 * blocks; the real thing, 2^31+16 elements through the public calls, on one process with memory
 * from MPI_Alloc_mem (untouched pages cost nothing; this machine faults 2 GiB in at 6 s per GiB,
 * too slow to move that much between processes in a unit test).
 */
@MpiTest
class LargeCountCollectivesTest {
    private static final long COUNT = (1L << 31) + 16;
    private final Intracomm world = MPI.COMM_WORLD;

    @Test
    void aBroadcastTravelsAsOneElementOfADerivedDatatypeOfBlocks() {
        int n = 1000 + 7; // 15 blocks of 64 and a remainder
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(ValueLayout.JAVA_INT, n);
            if (world.rank() == 0) {
                for (int i = 0; i < n; i++) {
                    buf.setAtIndex(ValueLayout.JAVA_INT, i, 3 * i + 1);
                }
            }
            LargeCollectives.bcast(world, buf, n, Datatype.INT, 0, 64);
            for (int i = 0; i < n; i++) {
                assertEquals(3 * i + 1, buf.getAtIndex(ValueLayout.JAVA_INT, i));
            }
        }
    }

    @Test
    void reductionsRunInChunksWithTheSameResult() {
        int n = 1000 + 7;
        int p = world.size();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment send = arena.allocate(ValueLayout.JAVA_LONG, n);
            MemorySegment recv = arena.allocate(ValueLayout.JAVA_LONG, n);
            for (int i = 0; i < n; i++) {
                send.setAtIndex(ValueLayout.JAVA_LONG, i, (long) i * (world.rank() + 1));
            }
            LargeCollectives.allreduce(world, send, recv, n, Datatype.INT64_T, Op.SUM, 64);
            for (int i = 0; i < n; i++) {
                assertEquals((long) i * p * (p + 1) / 2, recv.getAtIndex(ValueLayout.JAVA_LONG, i));
            }
            int root = p - 1;
            LargeCollectives.reduce(world, send, world.rank() == root ? recv : null, n, Datatype.INT64_T, Op.MAX,
                    root, 100);
            if (world.rank() == root) {
                assertEquals((long) (n - 1) * p, recv.getAtIndex(ValueLayout.JAVA_LONG, n - 1));
            }
            LargeCollectives.allreduce(world, CollectiveMessage.IN_PLACE, send, n, Datatype.INT64_T, Op.MIN, 50);
            assertEquals(n - 1, send.getAtIndex(ValueLayout.JAVA_LONG, n - 1));
        }
    }

    @Test
    void aBroadcastAndAnAllreduceOfMoreThanIntMaxElements() {
        if (world.rank() != 0) {
            return;
        }
        Intracomm self = MPI.COMM_SELF;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = MPI.allocMem(arena, COUNT);
            long[] probes = {0, (1L << 31) - 1, 1L << 31, COUNT - 1};
            for (long at : probes) {
                buf.set(ValueLayout.JAVA_BYTE, at, (byte) 42);
            }
            self.bcast(buf, COUNT, Datatype.UINT8_T, 0);
            self.allreduceInPlace(buf, COUNT, Datatype.UINT8_T, Op.MAX);
            for (long at : probes) {
                assertEquals(42, buf.get(ValueLayout.JAVA_BYTE, at), "byte " + at);
            }
        }
    }

    @Test
    void largeCountsNeedNativeMemoryLargeEnough() {
        MemorySegment heap = MemorySegment.ofArray(new byte[16]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> world.bcast(heap, COUNT, Datatype.BYTE, 0));
        assertTrue(e.getMessage().contains("native"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> world.allreduce(heap, heap, COUNT, Datatype.INT8_T, Op.SUM));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment small = arena.allocate(16);
            assertThrows(IllegalArgumentException.class, () -> world.bcast(small, COUNT, Datatype.BYTE, 0));
            assertThrows(IllegalArgumentException.class, () -> world.allreduce(small, small, COUNT, Datatype.BYTE,
                    Op.MAX));
        }
    }
}
