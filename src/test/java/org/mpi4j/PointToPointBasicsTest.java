package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

@MpiTest
class PointToPointBasicsTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int next = (rank + 1) % size;
    private final int prev = (rank + size - 1) % size;

    @Test
    void nativeSegmentsTravelAroundTheRingAsBytes() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.JAVA_DOUBLE, 100);
            MemorySegment in = arena.allocate(ValueLayout.JAVA_DOUBLE, 100);
            for (int i = 0; i < 100; i++) {
                out.setAtIndex(ValueLayout.JAVA_DOUBLE, i, rank * 1000.0 + i);
            }
            Status st = new Status();
            world.sendrecv(out, next, 11, in, prev, 11, st);
            for (int i = 0; i < 100; i++) {
                assertEquals(prev * 1000.0 + i, in.getAtIndex(ValueLayout.JAVA_DOUBLE, i));
            }
            assertEquals(prev, st.source());
            assertEquals(11, st.tag());
            assertEquals(800, st.byteCount());
            assertEquals(800, st.getCount(Datatype.BYTE));
            assertEquals(100, st.getCount(Datatype.DOUBLE));
        }
    }

    @Test
    void heapSegmentsInferTheirElementType() {
        long[] out = {rank, rank * 2L, Long.MAX_VALUE - rank};
        long[] in = new long[3];
        Status st = new Status();
        world.sendrecv(MemorySegment.ofArray(out), next, 2, MemorySegment.ofArray(in), prev, 2, st);
        assertArrayEquals(new long[] {prev, prev * 2L, Long.MAX_VALUE - prev}, in);
        assertEquals(3, st.getCount(Datatype.INT64_T));
    }

    @Test
    void blockingSendAndRecvOfArraysPairUp() {
        int[] data = new int[1000];
        if (size == 1) {
            return;
        }
        if (rank == 0) {
            for (int i = 0; i < data.length; i++) {
                data[i] = i * i;
            }
            world.send(data, 1, 9);
            double[] back = new double[1000];
            world.recv(back, 1, 10, null);
            for (int i = 0; i < back.length; i++) {
                assertEquals(i * i / 2.0, back[i]);
            }
        } else if (rank == 1) {
            Status st = new Status();
            world.recv(data, 0, 9, st);
            assertEquals(1000, st.getCount(Datatype.INT));
            double[] half = new double[1000];
            for (int i = 0; i < data.length; i++) {
                assertEquals(i * i, data[i]);
                half[i] = data[i] / 2.0;
            }
            world.send(half, 0, 10);
        }
    }

    @Test
    void wildcardsReportTheActualSourceAndTag() {
        int[] in = new int[1];
        Status st = new Status();
        world.sendrecv(new int[] {rank}, next, 40 + rank, in, MPI.ANY_SOURCE, MPI.ANY_TAG, st);
        assertEquals(prev, st.source());
        assertEquals(40 + prev, st.tag());
        assertEquals(prev, in[0]);
    }

    @Test
    void procNullCompletesAtOnceWithNoData() {
        int[] buf = {42};
        world.send(buf, MPI.PROC_NULL, 0);
        Status st = new Status();
        world.recv(buf, MPI.PROC_NULL, 0, st);
        assertEquals(MPI.PROC_NULL, st.source());
        assertEquals(MPI.ANY_TAG, st.tag());
        assertEquals(0, st.getCount(Datatype.INT));
        assertEquals(42, buf[0]);
    }

    @Test
    void probeSeesTheMessageBeforeItIsReceived() {
        world.barrier();
        if (size == 1) {
            return;
        }
        if (rank == 0) {
            world.send(new byte[] {1, 2, 3, 4, 5}, 1, 77);
        } else if (rank == 1) {
            Status st = world.probe(0, 77);
            assertEquals(0, st.source());
            assertEquals(5, st.getCount(Datatype.BYTE));
            Status again = world.iprobe(MPI.ANY_SOURCE, 77);
            assertNotNull(again);
            byte[] in = new byte[(int) st.getCount(Datatype.BYTE)];
            world.recv(in, 0, 77, null);
            assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, in);
        }
        world.barrier();
        assertNull(world.iprobe(MPI.ANY_SOURCE, 78));
    }

    @Test
    void truncationIsAnMpiExceptionAndTheJobGoesOn() {
        int[] big = {1, 2, 3, 4};
        int[] small = new int[2];
        // a small message to oneself is buffered eagerly, so the send returns before the receive
        world.send(big, rank, 5);
        MpiException e = assertThrows(MpiException.class, () -> world.recv(small, rank, 5, null));
        assertEquals(ErrorClass.ERR_TRUNCATE, e.errorClass());
        assertTrue(e.errorString().toLowerCase().contains("truncat"), e.errorString());
        assertTrue(e.getMessage().contains("MPI_Recv"), e.getMessage());
        // still usable afterwards
        int[] in = new int[4];
        world.sendrecv(big, rank, 6, in, rank, 6, null);
        assertArrayEquals(big, in);
    }

    @Test
    void badArgumentsAreRejectedBeforeMpi() {
        int[] buf = new int[4];
        assertThrows(IllegalArgumentException.class, () -> world.send(buf, size, 0));
        assertThrows(IllegalArgumentException.class, () -> world.send(buf, -5, 0));
        assertThrows(IllegalArgumentException.class, () -> world.send(buf, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> world.recv(buf, 0, MPI.tagUpperBound() + 1L > Integer.MAX_VALUE ? -2 : MPI.tagUpperBound() + 1, null));
        assertThrows(IllegalArgumentException.class,
                () -> world.send(MemorySegment.ofArray(buf), -1, Datatype.INT, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> world.send(MemorySegment.ofArray(buf), 5, Datatype.INT, 0, 0));
        assertThrows(NullPointerException.class, () -> world.send((MemorySegment) null, 0, 0));
    }
}
