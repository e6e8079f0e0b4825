package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/**
 * Truncation into mpi4j's memory or the Java heap, aliased buffers, buffered sends without room,
 * and gaps in gatherv displacements: each a clear exception (the process still works) or correct data.
 */
@MpiTest
class TruncationAndAliasingTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int next = (rank + 1) % size;
    private final int prev = (rank + size - 1) % size;

    private static void assertTruncated(Runnable call) {
        MpiException e = assertThrows(MpiException.class, call::run);
        assertEquals(ErrorClass.ERR_TRUNCATE, e.errorClass());
    }

    /** The ring still works afterwards. */
    private void assertUsable(int tag) {
        int[] got = new int[1];
        world.sendrecv(new int[] {rank}, next, tag, got, prev, tag, null);
        assertArrayEquals(new int[] {prev}, got);
    }

    @Test
    void aLargeMessageIntoASmallArrayIsATruncationErrorNotACrash() {
        // 64 KiB (above every eager limit) into arrays of 2 KiB (staged) and 16 KiB (in place)
        byte[] big = new byte[64 * 1024];
        Arrays.fill(big, (byte) 7);
        Request r1 = world.isend(MemorySegment.ofArray(big), next, 60);
        Request r2 = world.isend(MemorySegment.ofArray(big), next, 60);
        byte[] small = new byte[2048];
        assertTruncated(() -> world.recv(small, prev, 60, null));
        byte[] medium = new byte[16 * 1024];
        assertTruncated(() -> world.recv(medium, prev, 60, null));
        Request.waitAll(r1, r2);
        assertEquals(0, small[0]);
        assertEquals(0, medium[0]);
        assertUsable(60);
    }

    @Test
    void sendrecvOfArraysWithATooSmallReceiveBufferIsATruncationError() {
        if (size > 1) {
            assertTruncated(() -> world.sendrecv(new long[8192], next, 61, new long[16], prev, 61, null));
        } else {
            // to oneself mpi4j knows both sizes: refused before anything is sent
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> world.sendrecv(new long[8192], 0, 61, new long[16], 0, 61, null));
            assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
        }
        assertUsable(61);
    }

    @Test
    void sendrecvReplaceOfAnArrayWithALargerIncomingMessageIsATruncationError() {
        Request r = world.isend(MemorySegment.ofArray(new int[32 * 1024]), next, 62);
        int[] buf = new int[64];
        Arrays.fill(buf, 5);
        assertTruncated(() -> world.sendrecvReplace(buf, next, 63, prev, 62, null));
        int[] mine = new int[64];
        world.recv(mine, prev, 63, null); // the replace's own send went out
        assertEquals(5, mine[0]);
        r.waitFor();
        assertUsable(62);
    }

    @Test
    void sendrecvWithOverlappingBuffersPointsToSendrecvReplace() {
        int[] one = new int[4096];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> world.sendrecv(one, next, 64, one, prev, 64, null));
        assertTrue(e.getMessage().contains("sendrecvReplace"), e.getMessage());
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = arena.allocate(1024);
            assertThrows(IllegalArgumentException.class,
                    () -> world.sendrecv(m.asSlice(0, 512), next, 64, m.asSlice(256, 512), prev, 64, null));
            // disjoint halves are fine
            world.sendrecv(m.asSlice(0, 512), next, 64, m.asSlice(512, 512), prev, 64, null);
        }
        assertUsable(64);
    }

    @Test
    void aliasedBuffersInCollectivesPointToTheInPlaceForm() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = arena.allocate(64);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> world.allreduce(m, m, 8, Datatype.DOUBLE, Op.SUM));
            assertTrue(e.getMessage().contains("IN_PLACE"), e.getMessage());
        }
        double[] d = new double[1024];
        assertThrows(IllegalArgumentException.class, () -> world.allreduce(d, d, Op.SUM));
        double[] sum = new double[2];
        world.allreduce(new double[] {1, 2}, sum, Op.SUM);
        assertArrayEquals(new double[] {size, 2.0 * size}, sum);
    }

    @Test
    void bufferedSendsWithoutRoomAreRefusedBeforeMpi() {
        assertThrows(IllegalStateException.class, () -> world.bsend(new int[4], next, 65));
        assertThrows(IllegalStateException.class, () -> world.ibsend(MemorySegment.ofArray(new int[4]), next, 65));
        MPI.attachBuffer(1024);
        try {
            assertThrows(IllegalArgumentException.class, () -> world.bsend(new int[1024], next, 65));
            world.bsend(new int[] {rank}, next, 65);
            int[] got = new int[1];
            world.recv(got, prev, 65, null);
            assertEquals(prev, got[0]);
        } finally {
            MPI.detachBuffer();
        }
        assertUsable(65);
    }

    @Test
    void gathervIntoAnArrayLeavesTheGapsBetweenBlocksUntouched() {
        int[] counts = new int[size];
        int[] displs = new int[size];
        Arrays.fill(counts, 1);
        for (int i = 0; i < size; i++) {
            displs[i] = 2 * i + 1; // a gap before every block
        }
        int[] recv = new int[2 * size + 1];
        Arrays.fill(recv, -9);
        world.bcast(new int[] {42, 42, 42}, 0); // leaves 42s in the staging memory
        world.gatherv(new int[] {rank}, recv, counts, displs, 0);
        if (rank == 0) {
            for (int i = 0; i < size; i++) {
                assertEquals(-9, recv[2 * i], "gap " + i);
                assertEquals(i, recv[2 * i + 1]);
            }
        }
        int[] all = new int[2 * size + 1];
        Arrays.fill(all, -7);
        world.allgatherv(new int[] {rank}, all, counts, displs);
        assertEquals(-7, all[0]);
        assertEquals(size - 1, all[2 * size - 1]);
        int[] nb = new int[2 * size + 1];
        Arrays.fill(nb, -5);
        world.igatherv(MemorySegment.ofArray(new int[] {rank}), 1, Datatype.INT32_T, MemorySegment.ofArray(nb), counts,
                displs, Datatype.INT32_T, 0).waitFor();
        if (rank == 0) {
            assertEquals(-5, nb[0]);
            assertEquals(-5, nb[2]);
            assertEquals(0, nb[1]);
        }
    }
}
