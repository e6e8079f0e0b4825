package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** Object requests completed as sets, alone and mixed with buffer requests. */
@MpiTest
class ObjectRequestSetsTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int next = (rank + 1) % size;
    private final int prev = (rank + size - 1) % size;

    @Test
    void waitAllReturnsTheObjectsInOrder() {
        ObjectRequest<?>[] rs = {world.irecvObject(prev, 1), world.irecvObject(prev, 2),
                world.isendObject(List.of("one", rank), next, 1), world.isendObject(rank * 10L, next, 2)};
        Status[] sts = new Status[4];
        sts[0] = new Status();
        List<Object> values = ObjectRequest.waitAll(rs, sts);
        assertEquals(List.of("one", prev), values.get(0));
        assertEquals(prev * 10L, values.get(1));
        assertNull(values.get(2));
        assertEquals(prev, sts[0].source());
        assertEquals(1, sts[0].tag());
        world.barrier();
    }

    @Test
    void waitAnyCollectsFromEveryRankThenSaysUndefined() {
        ObjectRequest<?>[] recvs = new ObjectRequest<?>[size];
        for (int r = 0; r < size; r++) {
            recvs[r] = world.irecvObject(r, 3);
        }
        ObjectRequest<?>[] sends = new ObjectRequest<?>[size];
        for (int r = 0; r < size; r++) {
            sends[r] = world.isendObject("from " + rank + " to " + r, r, 3);
        }
        Set<Object> got = new HashSet<>();
        Status st = new Status();
        for (int k; (k = ObjectRequest.waitAny(recvs, st)) != MPI.UNDEFINED;) {
            assertEquals(k, st.source());
            got.add(recvs[k].get());
        }
        for (int r = 0; r < size; r++) {
            assertTrue(got.contains("from " + r + " to " + rank), got.toString());
        }
        ObjectRequest.waitAll(sends);
        assertTrue(ObjectRequest.testAll(sends));
        world.barrier();
    }

    @Test
    void testSomeAndTestAnyReportEachCompletionOnce() {
        ObjectRequest<?>[] recvs = {world.irecvObject(prev, 4), world.irecvObject(prev, 5)};
        ObjectRequest<Void> s1 = world.isendObject(new int[] {rank}, next, 4);
        ObjectRequest<Void> s2 = world.isendObject(new int[] {rank, rank}, next, 5);
        int[] idx = new int[2];
        int seen = 0;
        while (seen < 2) {
            int n = ObjectRequest.testSome(recvs, idx);
            assertTrue(n >= 0 && n <= 2 - seen, "n=" + n);
            seen += n;
        }
        assertEquals(MPI.UNDEFINED, ObjectRequest.testSome(recvs, idx));
        assertEquals(MPI.UNDEFINED, ObjectRequest.testAny(recvs, null));
        assertEquals(prev, ((int[]) recvs[0].get())[0]);
        assertEquals(2, ((int[]) recvs[1].get()).length);
        ObjectRequest.waitAll(s1, s2);
        assertThrows(IllegalArgumentException.class, () -> ObjectRequest.testSome(recvs, new int[1]));
        world.barrier();
    }

    @Test
    void objectAndBufferRequestsCompleteTogether() {
        int[] in = new int[3];
        Request[] buffers = {world.irecv(in, prev, 6), world.isend(new int[] {rank, rank + 1, rank + 2}, next, 6)};
        ObjectRequest<String> recv = world.irecvObject(prev, 7);
        ObjectRequest<?>[] objects = {recv, world.isendObject("hello " + rank, next, 7)};
        ObjectRequest.waitAll(buffers, objects);
        assertEquals(prev + 2, in[2]);
        assertEquals("hello " + prev, recv.get());
        world.barrier();
    }

    @Test
    void anUnmatchedReceiveCancelsAndIsReportedOnce() {
        ObjectRequest<Object> r = world.irecvObject(rank, 8); // nobody sends with tag 8
        ObjectRequest<?>[] set = {r};
        assertEquals(-1, ObjectRequest.testAny(set, null));
        assertEquals(1, ObjectRequest.cancelAll(set));
        assertTrue(r.isCancelled());
        assertNull(r.get());
        assertEquals(0, ObjectRequest.waitAny(set, null));
        assertEquals(MPI.UNDEFINED, ObjectRequest.waitAny(set, null));
        // a send runs to completion: it cannot be cancelled
        ObjectRequest<Void> s = world.isendObject("x", rank, 9);
        assertFalse(s.cancel());
        assertEquals("x", world.recvObject(rank, 9));
        s.waitFor();
    }

    @Test
    void badSetsAreRefused() {
        assertThrows(NullPointerException.class, () -> ObjectRequest.waitAll((ObjectRequest<?>[]) null));
        assertThrows(NullPointerException.class, () -> ObjectRequest.testAny(new ObjectRequest<?>[] {null}, null));
    }
}
