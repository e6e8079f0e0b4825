package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** Bad arguments are rejected before MPI sees them; MPI's own errors are exceptions; the job goes on. */
@MpiTest
class P2pErrorsTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int next = (rank + 1) % size;
    private final int prev = (rank + size - 1) % size;

    @Test
    void buffersTooSmallOrSlicesOutOfRangeAreRejected() {
        int[] a = new int[4];
        assertThrows(IllegalArgumentException.class, () -> world.send(MemorySegment.ofArray(a), 5, Datatype.INT32_T, next, 0));
        assertThrows(IllegalArgumentException.class, () -> world.send(MemorySegment.ofArray(a), -1, Datatype.INT32_T, next, 0));
        assertThrows(IllegalArgumentException.class, () -> world.isend(MemorySegment.ofArray(a), 5, Datatype.INT32_T, next, 0));
        assertThrows(IllegalArgumentException.class, () -> world.irecv(MemorySegment.ofArray(a), -1, Datatype.INT32_T, prev, 0));
        assertThrows(IllegalArgumentException.class,
                () -> world.irecv(MemorySegment.ofArray(a), 5, Datatype.INT, prev, 0));
        assertThrows(IllegalArgumentException.class,
                () -> world.sendInit(MemorySegment.ofArray(a), 3, Datatype.DOUBLE, next, 0));
        assertThrows(NullPointerException.class, () -> world.isend((int[]) null, next, 0));
        assertThrows(NullPointerException.class, () -> world.recv((MemorySegment) null, prev, 0, null));
        assertThrows(NullPointerException.class, () -> world.send(MemorySegment.ofArray(a), 1, null, next, 0));
    }

    @Test
    void invalidRanksAndTagsAreRejectedByEveryOperation() {
        int[] a = new int[1];
        int badTag = MPI.tagUpperBound() == Integer.MAX_VALUE ? -2 : MPI.tagUpperBound() + 1;
        assertThrows(IllegalArgumentException.class, () -> world.ssend(a, size, 0));
        assertThrows(IllegalArgumentException.class, () -> world.rsend(a, -3, 0));
        assertThrows(IllegalArgumentException.class, () -> world.bsend(a, next, -1));
        assertThrows(IllegalArgumentException.class, () -> world.issend(a, next, badTag));
        assertThrows(IllegalArgumentException.class, () -> world.recvInit(a, size + 1, 0));
        assertThrows(IllegalArgumentException.class, () -> world.irecv(a, prev, -5));
        assertThrows(IllegalArgumentException.class, () -> world.mprobe(size, 0, null));
        assertThrows(IllegalArgumentException.class, () -> world.improbe(prev, badTag, null));
        assertThrows(IllegalArgumentException.class, () -> world.probe(MPI.ANY_SOURCE, -7, new Status()));
        assertThrows(IllegalArgumentException.class, () -> world.sendrecvReplace(a, next, 0, size, 0, null));
    }

    @Test
    void readOnlyBuffersCannotReceive() {
        ByteBuffer ro = ByteBuffer.allocate(8).asReadOnlyBuffer();
        assertThrows(IllegalArgumentException.class, () -> world.recv(MemorySegment.ofBuffer(ro), prev, 0, null));
        assertThrows(IllegalArgumentException.class, () -> world.irecv(MemorySegment.ofBuffer(ro), prev, 0));
        // but they can be sent
        byte[] in = new byte[8];
        world.sendrecv(MemorySegment.ofBuffer(ro), next, 1, MemorySegment.ofArray(in), prev, 1, null);
        assertArrayEquals(new byte[8], in);
    }

    @Test
    void truncationOfALargeArrayReceiveIsAnMpiException() {
        long[] out = new long[20_000];
        Request s = world.isend(out, next, 2);
        long[] in = new long[10_000];
        MpiException e = assertThrows(MpiException.class, () -> world.recv(in, prev, 2, null));
        assertEquals(ErrorClass.ERR_TRUNCATE, e.errorClass());
        s.waitFor();
        int[] small = new int[1];
        Request s2 = world.isend(new int[] {1, 2}, next, 3);
        Message m = world.mprobe(prev, 3, null);
        e = assertThrows(MpiException.class, () -> m.mrecv(small, null));
        assertEquals(ErrorClass.ERR_TRUNCATE, e.errorClass());
        assertTrue(m.isReceived());
        s2.waitFor();
        // a large message into a small buffer: mpi4j knows the size from the probe and refuses to let
        // Open MPI truncate it (which corrupts memory above the eager limit); the buffer stays as it was
        Request s3 = world.isend(new double[100_000], next, 5);
        Message big = world.mprobe(prev, 5, null);
        assertEquals(800_000, big.byteCount());
        double[] few = {1, 2, 3};
        e = assertThrows(MpiException.class, () -> big.imrecv(few));
        assertEquals(ErrorClass.ERR_TRUNCATE, e.errorClass());
        assertArrayEquals(new double[] {1, 2, 3}, few);
        assertTrue(big.isReceived());
        s3.waitFor();
        // the job goes on
        world.sendrecv(new int[] {rank}, next, 4, small, prev, 4, null);
        assertEquals(prev, small[0]);
    }

    @Test
    void bufferedModeNeedsNativeMemoryAndOneAttachAtATime() {
        assertThrows(IllegalArgumentException.class, () -> MPI.attachBuffer(MemorySegment.ofArray(new byte[100])));
        assertThrows(IllegalArgumentException.class, () -> MPI.attachBuffer(-1));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(1000);
            MPI.attachBuffer(buf);
            try {
                assertThrows(IllegalStateException.class, () -> MPI.attachBuffer(100));
            } finally {
                assertEquals(buf, MPI.detachBuffer());
            }
        }
        assertEquals(null, MPI.detachBuffer());
    }
}
