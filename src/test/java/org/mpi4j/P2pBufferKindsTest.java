package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** Every buffer spelling and every blocking send mode, around the ring of all ranks. */
@MpiTest
class P2pBufferKindsTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int next = (rank + 1) % size;
    private final int prev = (rank + size - 1) % size;

    @Test
    void everyPrimitiveArrayTypeTravelsWholeAndAsASlice() {
        Status st = new Status();
        byte[] b = {(byte) rank, -1, 127};
        byte[] bi = new byte[3];
        world.sendrecv(b, next, 1, bi, prev, 1, st);
        assertArrayEquals(new byte[] {(byte) prev, -1, 127}, bi);
        assertEquals(3, st.getCount(Datatype.INT8_T));

        short[] s = {(short) rank, Short.MIN_VALUE};
        short[] si = new short[2];
        world.sendrecv(s, next, 2, si, prev, 2, st);
        assertArrayEquals(new short[] {(short) prev, Short.MIN_VALUE}, si);

        char[] c = {(char) ('a' + rank), '\uffff'};
        char[] ci = new char[2];
        world.sendrecv(c, next, 3, ci, prev, 3, st);
        assertArrayEquals(new char[] {(char) ('a' + prev), '\uffff'}, ci);

        float[] f = {rank + 0.5f, Float.NaN};
        float[] fi = new float[2];
        world.sendrecv(f, next, 4, fi, prev, 4, st);
        assertArrayEquals(new float[] {prev + 0.5f, Float.NaN}, fi);

        // slices: elements 2..4 of the sender land at 5..7 of the receiver, the rest untouched
        long[] l = new long[10];
        for (int i = 0; i < l.length; i++) {
            l[i] = rank * 100L + i;
        }
        long[] li = new long[10];
        java.util.Arrays.fill(li, -7);
        world.sendrecv(MemorySegment.ofArray(l).asSlice(2 * 8, 3 * 8), next, 5,
                MemorySegment.ofArray(li).asSlice(5 * 8, 3 * 8), prev, 5, st);
        assertEquals(3, st.getCount(Datatype.INT64_T));
        for (int i = 0; i < 10; i++) {
            assertEquals(i >= 5 && i < 8 ? prev * 100L + i - 3 : -7, li[i], "element " + i);
        }
        double[] d = {1, 2, rank, 4};
        double[] di = new double[4];
        world.sendrecv(MemorySegment.ofArray(d).asSlice(2 * 8, 2 * 8), next, 6,
                MemorySegment.ofArray(di).asSlice(0, 2 * 8), prev, 6, st);
        assertArrayEquals(new double[] {prev, 4, 0, 0}, di);
    }

    @Test
    void byteBuffersAsSegmentsSendFromPositionToLimitDirectOrHeap() {
        ByteBuffer out = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
        out.putInt(0, -1).putInt(4, rank).putInt(8, rank * 2).position(4).limit(12);
        ByteBuffer in = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
        in.position(4);
        Status st = new Status();
        world.sendrecv(MemorySegment.ofBuffer(out), next, 7, MemorySegment.ofBuffer(in), prev, 7, st);
        assertEquals(8, st.getCount(Datatype.BYTE));
        assertEquals(0, in.getInt(0));
        assertEquals(prev, in.getInt(4));
        assertEquals(prev * 2, in.getInt(8));
        assertEquals(4, in.position(), "positions are not moved");
    }

    @Test
    void explicitCountAndDatatypeDescribeStridedData() {
        // every other int of 8: a vector type; the holes of the receive buffer stay untouched
        try (Datatype everyOther = Datatype.INT.vector(4, 1, 2).commit()) {
            int[] out = new int[8];
            for (int i = 0; i < 8; i++) {
                out[i] = rank * 10 + i;
            }
            int[] in = new int[8];
            java.util.Arrays.fill(in, -1);
            world.sendrecv(MemorySegment.ofArray(out), 1, everyOther, next, 8, MemorySegment.ofArray(in), 1,
                    everyOther, prev, 8, null);
            for (int i = 0; i < 8; i++) {
                assertEquals(i % 2 == 0 ? prev * 10 + i : -1, in[i], "element " + i);
            }
            // the same into a large heap array (the critical path)
            int[] big = new int[40000];
            java.util.Arrays.fill(big, -1);
            int[] bigOut = new int[40000];
            for (int i = 0; i < bigOut.length; i++) {
                bigOut[i] = rank + i;
            }
            try (Datatype halfOfBig = Datatype.INT.vector(20000, 1, 2).commit()) {
                world.sendrecv(MemorySegment.ofArray(bigOut), 1, halfOfBig, next, 9, MemorySegment.ofArray(big), 1,
                        halfOfBig, prev, 9, null);
            }
            for (int i = 0; i < big.length; i++) {
                assertEquals(i % 2 == 0 ? prev + i : -1, big[i], "element " + i);
            }
        }
    }

    @Test
    void nativeAndHeapSegmentsOfEverySizeArriveIntact() {
        // below and above the staging limit, native and heap on either side
        for (int n : new int[] {0, 1, 1000, 200_000}) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment nat = arena.allocate(ValueLayout.JAVA_INT, Math.max(n, 1)).asSlice(0, 4L * n);
                int[] heap = new int[n];
                for (int i = 0; i < n; i++) {
                    nat.setAtIndex(ValueLayout.JAVA_INT, i, rank ^ i);
                }
                Status st = new Status();
                world.sendrecv(nat, n, Datatype.INT, next, 10, MemorySegment.ofArray(heap), n, Datatype.INT, prev, 10,
                        st);
                assertEquals(n, st.getCount(Datatype.INT));
                for (int i = 0; i < n; i++) {
                    assertEquals(prev ^ i, heap[i]);
                }
                // and on from heap to heap
                int[] again = new int[n];
                world.sendrecv(heap, next, 11, again, prev, 11, null);
                int prevPrev = (prev + size - 1) % size;
                for (int i = 0; i < n; i++) {
                    assertEquals(prevPrev ^ i, again[i]);
                }
            }
        }
    }

    @Test
    void allBlockingSendModesDeliver() {
        if (size == 1) {
            // a rank can send to itself in the modes that do not wait for the receiver
            MPI.attachBuffer(1024 + MPI.BSEND_OVERHEAD);
            try {
                world.bsend(new int[] {5}, 0, 12);
                int[] in = new int[1];
                world.recv(in, 0, 12, null);
                assertEquals(5, in[0]);
            } finally {
                MPI.detachBuffer();
            }
            return;
        }
        int[] in = new int[100];
        int[] out = new int[100];
        java.util.Arrays.fill(out, rank);
        // rank r sends to r+1 in each mode; receives are posted first, so even ssend/rsend are safe
        Request r = world.irecv(in, prev, 20);
        world.barrier();
        world.rsend(out, next, 20);
        r.waitFor();
        assertEquals(prev, in[99]);

        r = world.irecv(in, prev, 21);
        world.ssend(MemorySegment.ofArray(out).asSlice(0, 50 * 4), next, 21);
        r.waitFor();
        assertEquals(prev, in[49]);

        MPI.attachBuffer(2 * (400 + MPI.BSEND_OVERHEAD));
        try {
            world.bsend(out, next, 22);
            world.bsend(MemorySegment.ofArray(out), next, 23);
            world.recv(in, prev, 22, null);
            world.recv(MemorySegment.ofArray(in), prev, 23, null);
        } finally {
            MPI.detachBuffer();
        }
        assertEquals(prev, in[0]);
    }

    @Test
    void sendrecvReplaceSwapsInPlace() {
        long[] buf = {rank, rank + 1, rank + 2};
        Status st = new Status();
        world.sendrecvReplace(buf, next, 30, prev, 30, st);
        assertArrayEquals(new long[] {prev, prev + 1, prev + 2}, buf);
        assertEquals(prev, st.source());
        byte[] big = new byte[100_000];
        java.util.Arrays.fill(big, (byte) rank);
        world.sendrecvReplace(MemorySegment.ofArray(big).asSlice(10, 99_980), next, 31, prev, 31, null);
        assertEquals((byte) rank, big[9]);
        assertEquals((byte) prev, big[10]);
        assertEquals((byte) prev, big[99_989]);
        assertEquals((byte) rank, big[99_990]);
    }

    @Test
    void shortMessagesLeaveTheRestOfTheBufferUntouched() {
        int[] in = new int[10];
        java.util.Arrays.fill(in, -3);
        world.sendrecv(new int[] {rank, rank}, next, 40, in, prev, 40, null);
        assertArrayEquals(new int[] {prev, prev, -3, -3, -3, -3, -3, -3, -3, -3}, in);
    }

    @Test
    void aThreadWaitingForALargeArrayLetsOtherThreadsCollectGarbage() throws Exception {
        // the receiving thread waits in MPI_Mprobe, not in a critical call: this thread's collections
        // (which would wait for a critical call to return) go ahead, and then it sends the message
        Comm self = MPI.COMM_SELF;
        int[] in = new int[100_000];
        Thread receiver = Thread.ofPlatform().start(() -> self.recv(in, 0, 77, null));
        Thread.sleep(200);
        for (int i = 0; i < 3; i++) {
            byte[][] garbage = new byte[1000][];
            for (int k = 0; k < garbage.length; k++) {
                garbage[k] = new byte[1000];
            }
            System.gc();
        }
        int[] out = new int[100_000];
        java.util.Arrays.fill(out, 42);
        self.isend(out, 0, 77).waitFor();
        receiver.join();
        assertEquals(42, in[99_999]);
    }
}
