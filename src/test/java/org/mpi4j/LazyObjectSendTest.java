package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/**
 * {@code isendObject} of Java arrays many chunks long ({@link ObjectFrame#chunkLimit} lowered to
 * 64 KiB, so 2 MiB make 32 chunks) goes through a {@link LazySend}: two native slots and a pump
 * thread. The data arrives whole while the sender blocks elsewhere in MPI, later sends to the same
 * process and tag do not overtake its chunks, and sets of requests complete with it.
 */
@MpiTest
class LazyObjectSendTest {
    private static final int CHUNK = 64 * 1024;
    private static final int LONGS = 256 * 1024; // 2 MiB: 32 chunks

    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int next = (rank + 1) % size;
    private final int prev = (rank + size - 1) % size;
    private int savedLimit;

    /** A Java array, a native segment and another Java array: the messages interleave kinds. */
    record Payload(int from, long[] first, MemorySegment raw, double[] second) {
    }

    private static Payload payload(int from, int seed) {
        long[] first = new long[LONGS];
        for (int i = 0; i < first.length; i++) {
            first[i] = (long) seed << 32 | i;
        }
        MemorySegment raw = Arena.ofAuto().allocate(3 * CHUNK + 17);
        for (long i = 0; i < raw.byteSize(); i += 8) {
            raw.set(ValueLayout.JAVA_BYTE, i, (byte) (i / 8 + seed));
        }
        double[] second = new double[LONGS / 2 + 3];
        for (int i = 0; i < second.length; i++) {
            second[i] = seed + i * 0.5;
        }
        return new Payload(from, first, raw, second);
    }

    private static void check(Payload p, int from, int seed) {
        assertEquals(from, p.from());
        assertEquals(LONGS, p.first().length);
        for (int i = 0; i < LONGS; i++) {
            if (p.first()[i] != ((long) seed << 32 | i)) {
                assertEquals((long) seed << 32 | i, p.first()[i], "first[" + i + "]");
            }
        }
        assertEquals(3 * CHUNK + 17, p.raw().byteSize());
        for (long i = 0; i < p.raw().byteSize(); i += 8) {
            assertEquals((byte) (i / 8 + seed), p.raw().get(ValueLayout.JAVA_BYTE, i), "raw[" + i + "]");
        }
        assertEquals(LONGS / 2 + 3, p.second().length);
        for (int i = 0; i < p.second().length; i++) {
            if (p.second()[i] != seed + i * 0.5) {
                assertEquals(seed + i * 0.5, p.second()[i], "second[" + i + "]");
            }
        }
    }

    @BeforeEach
    void smallChunks() {
        savedLimit = ObjectFrame.chunkLimit;
        world.barrier(); // both ends of a message must split it alike
        ObjectFrame.chunkLimit = CHUNK;
    }

    @AfterEach
    void restoreChunks() {
        world.barrier();
        ObjectFrame.chunkLimit = savedLimit;
    }

    @Test
    void aLargeSendGoesLazilyAtThreadMultipleAndEagerlyOtherwise() {
        ObjectFrame f = ObjectFrame.obtain();
        try {
            f.encode(payload(rank, rank), true);
            assertTrue(Environment.threadMultiple(), "the tests run at MPI_THREAD_MULTIPLE");
            assertTrue(ObjectTransport.sendsLazily(f, ObjectTransport.Mode.STANDARD, next));
            assertTrue(ObjectTransport.sendsLazily(f, ObjectTransport.Mode.SYNCHRONOUS, next));
            assertFalse(ObjectTransport.sendsLazily(f, ObjectTransport.Mode.BUFFERED, next), "MPI copies anyway");
            assertFalse(ObjectTransport.sendsLazily(f, ObjectTransport.Mode.STANDARD, MPI.PROC_NULL));
            f.encode(new long[CHUNK / 8 + 1], true); // one chunk and a bit: copying it costs no more
            assertFalse(ObjectTransport.sendsLazily(f, ObjectTransport.Mode.STANDARD, next));
        } finally {
            f.release();
        }
    }

    @Test
    void aRingOfLazySendsArrivesWhileEverySenderBlocksInRecvObject() {
        // every rank waits in recvObject for chunks its predecessor has not posted yet: only the
        // pump threads post them (at one rank the sender waits for its own chunks)
        ObjectRequest<Void> sent = world.isendObject(payload(rank, rank), next, 60);
        assertTrue(LazySends.pending > 0 || sent.test(), "the send went lazily");
        Payload got = world.recvObject(prev, 60);
        world.barrier();
        sent.waitFor();
        check(got, prev, prev);
    }

    @Test
    void aLazySendProgressesWhileItsSenderWaitsForABufferRequest() throws InterruptedException {
        // a second thread receives the object and then answers with a token; the sending thread
        // waits for the token without touching its object request
        AtomicReference<Object> got = new AtomicReference<>();
        Thread receiver = Thread.ofPlatform().start(() -> {
            try {
                got.set(world.recvObject(prev, 61));
                world.send(new int[] {rank}, prev, 62);
            } catch (RuntimeException | Error e) {
                got.set(e);
            }
        });
        ObjectRequest<Void> sent = world.isendObject(payload(rank, rank + 100), next, 61);
        int[] token = new int[1];
        world.irecv(token, next, 62).waitFor();
        receiver.join();
        assertEquals(next, token[0]);
        sent.waitFor();
        assertTrue(got.get() instanceof Payload, String.valueOf(got.get()));
        check((Payload) got.get(), prev, prev + 100);
    }

    @Test
    void laterSendsToTheSameProcessAndTagArriveAfterTheLazyOne() {
        ObjectRequest<Void> sent = world.isendObject(payload(rank, rank + 200), next, 63);
        world.send(new int[] {rank, 63}, next, 63);
        world.sendObject("after " + rank, next, 63);
        Request buffer = world.isend(new long[] {rank}, next, 63);
        ObjectRequest<Void> again = world.isendObject(payload(rank, rank + 300), next, 63);

        check(world.recvObject(prev, 63), prev, prev + 200);
        int[] ints = new int[2];
        world.recv(ints, prev, 63, null);
        assertArrayEquals(new int[] {prev, 63}, ints);
        assertEquals("after " + prev, world.recvObject(prev, 63));
        long[] one = new long[1];
        world.recv(one, prev, 63, null);
        assertEquals(prev, one[0]);
        check(world.recvObject(prev, 63), prev, prev + 300);
        sent.waitFor();
        buffer.waitFor();
        again.waitFor();
    }

    @Test
    void aPersistentSendStartedAfterALazySendArrivesAfterIt() {
        long[] token = {rank};
        try (Request persistent = world.sendInit(MemorySegment.ofArray(token), next, 69)) {
            ObjectRequest<Void> sent = world.isendObject(payload(rank, rank + 700), next, 69);
            persistent.start(); // its destination and tag are not at hand: every lazy send posts its rest
            check(world.recvObject(prev, 69), prev, prev + 700);
            long[] got = new long[1];
            world.recv(got, prev, 69, null);
            assertEquals(prev, got[0]);
            persistent.waitFor();
            sent.waitFor();
        }
    }

    @Test
    void freeingTheCommunicatorPostsTheRestOfALazySendFirst() {
        // rank 0 sends to the last rank and frees its communicator at once; the chunks must still
        // arrive (on one process it is its own receiver, which must receive before freeing)
        Intracomm dup = world.dup();
        int last = size - 1;
        ObjectRequest<Void> sent = rank == 0 ? dup.isendObject(payload(0, 800), last, 70) : null;
        if (rank == 0 && last != 0) {
            dup.free();
            sent.waitFor();
        }
        if (rank == last) {
            check(dup.recvObject(0, 70), 0, 800);
        }
        if (rank == 0 && last == 0) {
            sent.waitFor();
        }
        if (!dup.isFreed()) {
            dup.free();
        }
    }

    @Test
    void concurrentLazySendsToEveryProcessArriveWhole() {
        // to every rank (self included) two objects with one tag (the second flushes the first)
        // and one with another tag
        List<ObjectRequest<?>> sends = new ArrayList<>();
        for (int d = 0; d < size; d++) {
            sends.add(world.isendObject(payload(rank, 1000 * rank + d), d, 64));
            sends.add(world.isendObject(payload(rank, 2000 * rank + d), d, 64));
            sends.add(world.isendObject(payload(rank, 3000 * rank + d), d, 65));
        }
        List<ObjectRequest<Payload>> tagged = new ArrayList<>();
        for (int s = 0; s < size; s++) {
            tagged.add(world.irecvObject(s, 65));
        }
        for (int s = 0; s < size; s++) {
            check(world.recvObject(s, 64), s, 1000 * s + rank);
            check(world.recvObject(s, 64), s, 2000 * s + rank);
        }
        for (int s = 0; s < size; s++) {
            check(tagged.get(s).waitFor(), s, 3000 * s + rank);
        }
        List<Object> none = ObjectRequest.waitAll(sends.toArray(ObjectRequest<?>[]::new));
        assertEquals(3 * size, none.size());
        none.forEach(v -> assertNull(v));
    }

    @Test
    void waitAllAndTestAnyCompleteSetsWithLazySends() {
        ObjectRequest<?>[] set = {
            world.irecvObject(prev, 66),
            world.isendObject(payload(rank, rank + 400), next, 66),
            world.irecvObject(prev, 67),
            world.issendObject(payload(rank, rank + 500), next, 67),
        };
        List<Object> values = ObjectRequest.waitAll(set);
        check((Payload) values.get(0), prev, prev + 400);
        check((Payload) values.get(2), prev, prev + 500);
        assertNull(values.get(1));

        ObjectRequest<?>[] any = {
            world.isendObject(payload(rank, rank + 600), next, 68),
            world.irecvObject(prev, 68),
        };
        Object received = null;
        for (int left = any.length; left > 0; ) {
            int k = ObjectRequest.testAny(any, null);
            if (k < 0) {
                Thread.yield();
            } else {
                left--;
                if (k == 1) {
                    received = any[1].get();
                }
            }
        }
        assertEquals(MPI.UNDEFINED, ObjectRequest.testAny(any, null));
        check((Payload) received, prev, prev + 600);
    }
}
