package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** Probes and matched probes: receiving messages of unknown size. */
@MpiTest
class P2pProbeTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int next = (rank + 1) % size;
    private final int prev = (rank + size - 1) % size;

    @Test
    void mprobeSizesTheBufferThenMrecvTakesTheMessage() {
        int n = 3 + rank;
        Request s = world.isend(new double[n], next, 1);
        Status st = new Status();
        Message m = world.mprobe(MPI.ANY_SOURCE, 1, st);
        assertEquals(prev, st.source());
        assertFalse(m.isReceived());
        double[] in = new double[(int) st.getCount(Datatype.DOUBLE)];
        assertEquals(3 + prev, in.length);
        m.mrecv(in, st);
        assertTrue(m.isReceived());
        assertEquals(3 + prev, st.getCount(Datatype.DOUBLE));
        assertThrows(IllegalStateException.class, () -> m.mrecv(in, null), "a message is received once");
        s.waitFor();
    }

    @Test
    void improbeAndImrecvDoNotWait() {
        Status st = new Status();
        world.barrier();
        assertNull(world.improbe(MPI.ANY_SOURCE, 2, st), "nothing sent yet");
        world.barrier();
        int[] payload = new int[100_000]; // large: the critical/matched path
        for (int i = 0; i < payload.length; i++) {
            payload[i] = rank * 7 + i;
        }
        Request s = world.isend(payload, next, 2);
        Message m;
        while ((m = world.improbe(prev, 2, st)) == null) {
            Thread.onSpinWait();
        }
        int[] in = new int[100_000];
        Request r = m.imrecv(in);
        Request.waitAll(r, s);
        for (int i = 0; i < in.length; i++) {
            assertEquals(prev * 7 + i, in[i]);
        }
        // a small one into a native segment with mrecv
        Request s3 = world.isend(new int[] {rank}, next, 3);
        Message small = world.mprobe(prev, 3, null);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(4);
            small.mrecv(seg, 1, Datatype.INT, st);
            assertEquals(prev, seg.get(ValueLayout.JAVA_INT, 0));
        }
        s3.waitFor();
    }

    @Test
    void largeArrayReceivesWaitForTheMessageOutsideTheCriticalCall() {
        // above the staging limit a blocking receive mprobes first, then receives critically
        long[] big = new long[50_000];
        Request s = world.isend(new long[40_000], next, 4);
        java.util.Arrays.fill(big, 9);
        Status st = new Status();
        world.recv(MemorySegment.ofArray(big).asSlice(0, 40_000 * 8), MPI.ANY_SOURCE, 4, st);
        assertEquals(40_000, st.getCount(Datatype.INT64_T));
        assertEquals(0, big[39_999]);
        assertEquals(9, big[40_000]);
        s.waitFor();
        if (size > 1) {
            assertEquals(prev, st.source());
        }
    }

    @Test
    void probeAndIprobeFillAReusableStatus() {
        Request s = world.isend(new byte[] {1, 2, 3}, next, 5);
        Status st = new Status();
        world.probe(prev, 5, st);
        assertEquals(3, st.getCount(Datatype.BYTE));
        assertEquals(3, st.getElements(Datatype.BYTE));
        assertTrue(world.iprobe(prev, 5, st));
        assertTrue(world.iprobe(prev, 5, null));
        byte[] in = new byte[3];
        world.recv(in, prev, 5, null);
        assertArrayEquals(new byte[] {1, 2, 3}, in);
        s.waitFor();
        world.barrier();
        assertFalse(world.iprobe(MPI.ANY_SOURCE, 5, st));
    }

    @Test
    void procNullProbesMatchTheNoProcMessage() {
        Status st = new Status();
        Message m = world.mprobe(MPI.PROC_NULL, MPI.ANY_TAG, st);
        assertSame(Message.NO_PROC, m);
        assertTrue(m.isNoProc());
        assertEquals(MPI.PROC_NULL, st.source());
        int[] in = {4};
        m.mrecv(in, st);
        assertEquals(0, st.getCount(Datatype.INT));
        assertEquals(4, in[0]);
        m.imrecv(in).waitFor();
        world.probe(MPI.PROC_NULL, 0, st);
        assertEquals(MPI.PROC_NULL, st.source());
    }
}
