package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** Nonblocking and persistent operations, and completing requests one by one or many at once. */
@MpiTest
class RequestTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int next = (rank + 1) % size;
    private final int prev = (rank + size - 1) % size;

    private static int[] pattern(int seed, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = seed * 1_000_003 + i * 31;
        }
        return a;
    }

    @Test
    void heapArraysReceivedNonblockingSurviveGarbageCollections() {
        int rounds = 4;
        int[][] in = new int[rounds][];
        double[][] inD = new double[rounds][];
        Request[] reqs = new Request[2 * rounds];
        for (int k = 0; k < rounds; k++) {
            in[k] = new int[k % 2 == 0 ? 10 : 300_000];
            inD[k] = new double[k % 2 == 0 ? 70_000 : 3];
            reqs[2 * k] = world.irecv(in[k], prev, 100 + k);
            reqs[2 * k + 1] = world.irecv(inD[k], prev, 200 + k);
        }
        // move everything around the heap while the receives are pending
        List<byte[]> garbage = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < 2000; i++) {
                garbage.add(new byte[1024]);
            }
            garbage.clear();
            System.gc();
        }
        Request[] sends = new Request[2 * rounds];
        for (int k = 0; k < rounds; k++) {
            int n = k % 2 == 0 ? 10 : 300_000;
            sends[2 * k] = world.isend(pattern(rank + k, n), next, 100 + k);
            double[] d = new double[k % 2 == 0 ? 70_000 : 3];
            for (int i = 0; i < d.length; i++) {
                d[i] = rank + k + i / 7.0;
            }
            sends[2 * k + 1] = world.isend(d, next, 200 + k);
            System.gc();
        }
        Request.waitAll(sends);
        System.gc();
        Request.waitAll(reqs);
        for (int k = 0; k < rounds; k++) {
            assertArrayEquals(pattern(prev + k, in[k].length), in[k], "int round " + k);
            for (int i = 0; i < inD[k].length; i++) {
                assertEquals(prev + k + i / 7.0, inD[k][i], "double round " + k + " element " + i);
            }
        }
    }

    @Test
    void everyNonblockingSendModeCompletes() {
        int[] in = new int[4];
        Status st = new Status();
        Request r = world.irecv(in, prev, 1);
        world.barrier(); // every receive is posted: irsend is allowed
        Request s = world.irsend(new int[] {rank, 1, 2, 3}, next, 1);
        s.waitFor();
        r.waitFor(st);
        assertArrayEquals(new int[] {prev, 1, 2, 3}, in);
        assertEquals(prev, st.source());
        assertEquals(4, st.getCount(Datatype.INT));

        r = world.irecv(MemorySegment.ofArray(in), prev, 2);
        s = world.issend(new short[] {(short) rank, 0, 0, 0, 0, 0, 0, 9}, next, 2);
        Request.waitAll(new Request[] {r, s}, new Status[] {st, null});
        assertEquals(16, st.byteCount());

        MPI.attachBuffer(64 + MPI.BSEND_OVERHEAD);
        try {
            r = world.irecv(MemorySegment.ofBuffer(ByteBuffer.allocateDirect(8)), prev, 3);
            s = world.ibsend(MemorySegment.ofBuffer(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})), next, 3);
            Request.waitAll(r, s);
        } finally {
            MPI.detachBuffer();
        }
        assertTrue(r.isComplete());
        assertTrue(s.isComplete());
    }

    @Test
    void nativeSegmentsStayAliveUntilCompletion() {
        Request r;
        Request s;
        int[] check = new int[50];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.JAVA_INT, 50);
            for (int i = 0; i < 50; i++) {
                out.setAtIndex(ValueLayout.JAVA_INT, i, rank + i);
            }
            MemorySegment in = Arena.ofAuto().allocate(200);
            r = world.irecv(in, 50, Datatype.INT, prev, 4);
            s = world.isend(out, next, 4);
            in = null; // only the request keeps the receive buffer alive now
            System.gc();
            s.waitFor();
            r.waitFor();
        }
        // the request gave up its buffer on completion; the data went through
        MemorySegment in2 = Arena.ofAuto().allocate(200);
        Request r2 = world.irecv(in2, prev, 5);
        world.send(pattern(rank, 50), next, 5);
        r2.waitFor();
        MemorySegment.copy(in2, ValueLayout.JAVA_INT, 0, check, 0, 50);
        assertArrayEquals(pattern(prev, 50), check);
    }

    @Test
    void waitAnySomeAndTheTestsCompleteEachRequestOnce() {
        int n = 3;
        long[][] in = new long[n][2];
        Request[] recvs = new Request[n];
        for (int k = 0; k < n; k++) {
            recvs[k] = world.irecv(in[k], prev, 10 + k);
        }
        int[] indices = new int[n];
        Status[] sts = {new Status(), new Status(), new Status()};
        world.barrier(); // nobody has sent yet
        assertEquals(-1, Request.testAny(recvs, null));
        assertEquals(0, Request.testSome(recvs, indices, sts));
        assertFalse(Request.testAll(recvs));
        world.barrier();
        for (int k = n - 1; k >= 0; k--) {
            world.send(new long[] {rank, k}, next, 10 + k);
        }
        int done = 0;
        boolean[] seen = new boolean[n];
        Status st = new Status();
        int first = Request.waitAny(recvs, st);
        seen[first] = true;
        done++;
        assertEquals(10 + first, st.tag());
        while (done < n) {
            int c = Request.waitSome(recvs, indices, sts);
            assertTrue(c > 0);
            for (int k = 0; k < c; k++) {
                assertFalse(seen[indices[k]]);
                seen[indices[k]] = true;
                assertEquals(10 + indices[k], sts[k].tag());
            }
            done += c;
        }
        for (int k = 0; k < n; k++) {
            assertArrayEquals(new long[] {prev, k}, in[k]);
            assertTrue(recvs[k].isComplete());
        }
        // all inactive now
        assertEquals(MPI.UNDEFINED, Request.waitAny(recvs, null));
        assertEquals(MPI.UNDEFINED, Request.waitSome(recvs, indices, null));
        assertEquals(MPI.UNDEFINED, Request.testAny(recvs, null));
        assertTrue(Request.testAll(recvs));
        Request.waitAll(recvs);
    }

    @Test
    void testPollsUntilTheMessageArrives() {
        float[] in = new float[1];
        Request r = world.irecv(in, prev, 20);
        Status st = new Status();
        world.isend(new float[] {rank}, next, 20).waitFor();
        while (!r.test(st)) {
            Thread.onSpinWait();
        }
        assertEquals(prev, (int) in[0]);
        assertTrue(r.test(), "a completed request tests true");
        r.waitFor(); // and waits at once
        assertTrue(r.getStatus(null));
    }

    @Test
    void persistentRequestsRunManyRounds() {
        int[] out = new int[5];
        int[] in = new int[5];
        double[] big = new double[20_000];
        double[] bigIn = new double[20_000];
        try (Request send = world.sendInit(out, next, 30);
                Request recv = world.recvInit(in, prev, 30);
                Request bigSend = world.ssendInit(big, next, 31);
                Request bigRecv = world.recvInit(MemorySegment.ofArray(bigIn), prev, 31)) {
            assertTrue(send.isPersistent());
            assertTrue(send.isComplete(), "inactive before start");
            for (int round = 0; round < 3; round++) {
                java.util.Arrays.fill(out, rank * 10 + round);
                java.util.Arrays.fill(big, rank + round / 2.0);
                recv.start();
                Request.startAll(bigRecv, send, bigSend);
                assertThrows(IllegalStateException.class, send::start, "already active");
                Request.waitAll(send, recv, bigSend, bigRecv);
                int expect = prev * 10 + round;
                assertArrayEquals(new int[] {expect, expect, expect, expect, expect}, in);
                assertEquals(prev + round / 2.0, bigIn[19_999]);
                assertEquals(prev + round / 2.0, bigIn[0]);
                assertTrue(recv.isComplete());
                assertFalse(recv.isFreed());
            }
        }
    }

    @Test
    void aCancelledReceiveLeavesItsBufferAlone() {
        int[] in = {7, 7};
        Request r = world.irecv(in, MPI.ANY_SOURCE, 999);
        r.cancel();
        Status st = new Status();
        r.waitFor(st);
        assertTrue(st.testCancelled());
        assertTrue(st.isCancelled());
        assertArrayEquals(new int[] {7, 7}, in);
    }

    @Test
    void procNullRequestsCompleteAtOnce() {
        int[] in = {1};
        Status st = new Status();
        world.irecv(in, MPI.PROC_NULL, 0).waitFor(st);
        assertEquals(MPI.PROC_NULL, st.source());
        assertEquals(0, st.getCount(Datatype.INT));
        assertEquals(1, in[0]);
        world.isend(in, MPI.PROC_NULL, 0).waitFor();
        Request.NULL.waitFor();
        assertTrue(Request.NULL.test());
        assertTrue(Request.NULL.isComplete());
        assertThrows(IllegalStateException.class, Request.NULL::free);
    }

    @Test
    void aFreedRequestCannotBeCompleted() {
        int[] in = new int[1];
        Request r = world.irecv(in, prev, 40);
        world.send(new int[] {rank}, next, 40);
        r.waitFor();
        r.free();
        r.free(); // idempotent
        assertTrue(r.isFreed());
        assertThrows(IllegalStateException.class, r::waitFor);
        assertThrows(IllegalStateException.class, r::test);
        assertThrows(IllegalStateException.class, () -> Request.waitAll(r));
        assertThrows(IllegalStateException.class, r::start);
        assertThrows(NullPointerException.class, () -> Request.waitAll(new Request[] {null}));
        assertEquals(prev, in[0]);
    }

    @Test
    void truncationSurfacesWhenTheRequestCompletes() {
        int[] small = new int[1];
        // an eager message, already there when the receive is posted (Open MPI's self path does not
        // report truncation to a receive posted before the message)
        world.send(new int[] {1, 2, 3}, next, 50);
        world.barrier();
        Request r = world.irecv(small, prev, 50);
        MpiException e = assertThrows(MpiException.class, r::waitFor);
        assertEquals(ErrorClass.ERR_TRUNCATE, e.errorClass());
        assertTrue(r.isComplete());
        // the job goes on
        world.sendrecv(new int[] {rank}, next, 51, small, prev, 51, null);
        assertEquals(prev, small[0]);
    }

    @Test
    void aRequestBecomesACompletableFuture() throws Exception {
        int[] in = new int[3];
        CompletableFuture<Status> f = world.irecv(in, prev, 60).toCompletableFuture();
        world.send(new int[] {rank, 2, 3}, next, 60);
        Status st = f.get(120, TimeUnit.SECONDS);
        assertEquals(prev, st.source());
        assertArrayEquals(new int[] {prev, 2, 3}, in);
    }

    @Test
    void virtualThreadsWaitWithoutBlockingTheirCarrier() throws Exception {
        int[] in = new int[2];
        Request r = world.irecv(in, prev, 70);
        Request s = world.isend(new int[] {rank, -rank}, next, 70);
        Status[] seen = new Status[1];
        Thread t = Thread.ofVirtual().start(() -> {
            Status st = new Status();
            r.waitFor(st);
            Request.waitAll(s);
            seen[0] = st;
        });
        t.join();
        assertEquals(prev, seen[0].source());
        assertArrayEquals(new int[] {prev, -prev}, in);
    }

    @Test
    void startAllRefusesNonPersistentRequests() {
        Request r = world.irecv(new int[1], prev, 80);
        assertThrows(IllegalStateException.class, () -> Request.startAll(r));
        world.send(new int[] {0}, next, 80);
        r.waitFor();
    }
}
