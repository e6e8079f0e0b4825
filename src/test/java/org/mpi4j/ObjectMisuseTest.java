package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;
import org.mpi4j.testing.Mpiexec;
import org.mpi4j.testing.programs.OutOfMemoryInRecvObject;

/** Object messages under bad input and misuse: refused on the sender, or a clear error and nothing left behind. */
@MpiTest
class ObjectMisuseTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int next = (rank + 1) % size;
    private final int prev = (rank + size - 1) % size;

    record Holder(String name, IntSupplier action) {
    }

    static final class Node {
        int value;
        Node next;
    }

    record RecA(int a) {
    }

    record RecB(int b) {
    }

    /** Nothing from {@code source} with {@code tag} is waiting (after a barrier of the senders). */
    private void assertNothingArrived(int tag) {
        world.barrier();
        assertTrue(world.iprobe(prev, tag) == null, "a message was sent after all");
    }

    @Test
    void aPlainLambdaIsRefusedOnTheSenderAndNothingIsSent() {
        int base = rank;
        IntSupplier plain = () -> base + 1;
        SerializationException e = assertThrows(SerializationException.class, () -> world.isendObject(plain, next, 40));
        assertTrue(e.getMessage().contains("is not serializable"), e.getMessage());
        assertThrows(SerializationException.class, () -> world.sendObject(new Holder("x", plain), next, 40));
        assertThrows(SerializationException.class, () -> world.bcastObject(plain, 0));
        assertNothingArrived(40);
    }

    @Test
    void aSerializableLambdaTravelsAndRuns() {
        int base = rank;
        IntUnaryOperator add = (IntUnaryOperator & Serializable) x -> x + base;
        IntUnaryOperator got = world.sendrecvObject(add, next, 41, prev, 41, null);
        assertEquals(100 + prev, got.applyAsInt(100));
    }

    @Test
    void differentRegistrationOrderIsDetectedInsteadOfTurningOneClassIntoAnother() {
        ObjectSerializer saved = ObjectSerializer.getDefault();
        KryoSerializer ab = new KryoSerializer().register(RecA.class).register(RecB.class);
        KryoSerializer ba = new KryoSerializer().register(RecB.class).register(RecA.class);
        try {
            ObjectSerializer.setDefault(ab);
            byte[] frame = encode(new RecA(5));
            assertEquals(new RecA(5), decode(frame));
            ObjectSerializer.setDefault(ba);
            SerializationException e = assertThrows(SerializationException.class, () -> decode(frame));
            assertTrue(e.getMessage().contains("registrations differ"), e.getMessage());
        } finally {
            ObjectSerializer.setDefault(saved);
        }
        assertEquals(new RecA(prev), world.sendrecvObject(new RecA(rank), next, 42, prev, 42, null));
    }

    private static byte[] encode(Object obj) {
        ObjectFrame f = ObjectFrame.obtain();
        try {
            return f.frame(f.encode(obj, true)).toArray(ValueLayout.JAVA_BYTE);
        } finally {
            f.release();
        }
    }

    private static Object decode(byte[] frame) {
        ObjectFrame f = ObjectFrame.obtain();
        try {
            System.arraycopy(frame, 0, f.frameBuffer(frame.length), 0, frame.length);
            f.open(frame.length, 0, 0);
            return f.decode(0, 0);
        } finally {
            f.release();
        }
    }

    /** The frame of {@code obj} with its one out-of-band part's element count changed, checksum fixed. */
    private static byte[] forged(Object obj, long count) {
        byte[] frame = encode(obj);
        ByteBuffer b = ByteBuffer.wrap(frame).order(java.nio.ByteOrder.LITTLE_ENDIAN); // as Kryo 5 writes
        int nparts = b.getInt(4);
        int inband = b.getInt(8);
        int fingerprint = b.getInt(12);
        assertEquals(1, nparts);
        b.putLong(frame.length - 8, count);
        b.putInt(16, ObjectFrame.checksum(frame, ObjectFrame.HEADER + inband, frame.length, nparts, inband) ^ fingerprint);
        return frame;
    }

    @Test
    void aForgedFrameCannotMakeTheReceiverAllocateWhatItAnnounces() {
        // a valid header announcing a 16 GiB part, followed by an ordinary 10-byte message
        byte[] frame = forged(new long[20_000], Integer.MAX_VALUE - 8);
        world.send(MemorySegment.ofArray(frame), next, 43);
        world.send(new byte[10], next, 43);
        SerializationException e = assertThrows(SerializationException.class, () -> world.recvObject(prev, 43));
        assertTrue(e.getMessage().contains("left unreceived"), e.getMessage());
        byte[] plain = new byte[10];
        Status st = new Status();
        world.recv(plain, prev, 43, st);
        assertEquals(10, st.byteCount());
        assertEquals(List.of(prev), world.sendrecvObject(List.of(rank), next, 43, prev, 43, null));
    }

    @Test
    void aForgedFrameWhosePartNeverComesIsRefusedAfterTheTimeout() {
        long saved = ObjectTransport.partTimeoutNanos;
        ObjectTransport.partTimeoutNanos = 300_000_000L;
        try {
            world.send(MemorySegment.ofArray(forged(new long[20_000], 20_000)), next, 44);
            SerializationException e = assertThrows(SerializationException.class, () -> world.recvObject(prev, 44));
            assertTrue(e.getMessage().contains("did not arrive"), e.getMessage());
        } finally {
            ObjectTransport.partTimeoutNanos = saved;
        }
        world.barrier();
        assertEquals(List.of(prev), world.sendrecvObject(List.of(rank), next, 44, prev, 44, null));
    }

    static Node chain(int n) {
        Node head = null;
        for (int i = n - 1; i >= 0; i--) {
            Node node = new Node();
            node.value = i;
            node.next = head;
            head = node;
        }
        return head;
    }

    /** The length of a chain, checking its values are 0, 1, 2, ... */
    static int length(Node head) {
        int n = 0;
        for (Node x = head; x != null; x = x.next) {
            assertEquals(n, x.value);
            n++;
        }
        return n;
    }

    @Test
    void aLinkedChainDeeperThanTheInlineDepthArrivesWholeEveryTime() {
        // deeper than DeepStack.INLINE_DEPTH: serialized and deserialized on the deep-stack thread
        // (DeepGraphTest sends 200,000 nodes in one process)
        for (int round = 0; round < 2; round++) {
            Node got = world.sendrecvObject(chain(5_000), next, 45, prev, 45, null);
            assertEquals(5_000, length(got));
        }
        // and the JVM is still sound: ordinary messages, strings, exceptions
        assertEquals("ok " + prev, world.sendrecvObject("ok " + rank, next, 45, prev, 45, null));
        assertEquals("x", new StringBuffer("x").toString());
    }

    @Test
    void bufferedObjectSendsNeedAnAttachedBufferLargeEnough() {
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> world.bsendObject("x", next, 46));
        assertTrue(none.getMessage().contains("attachBuffer"), none.getMessage());
        assertThrows(IllegalStateException.class, () -> world.ibsendObject("x", next, 46));
        MPI.attachBuffer(4096);
        try {
            IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                    () -> world.bsendObject(new byte[100_000], next, 46));
            assertTrue(small.getMessage().contains("attached buffer"), small.getMessage());
            assertThrows(IllegalArgumentException.class, () -> world.ibsendObject(new byte[100_000], next, 46));
            world.bsendObject("fits", next, 46);
            assertEquals("fits", world.recvObject(prev, 46));
        } finally {
            MPI.detachBuffer();
        }
        assertNothingArrived(46);
    }

    @Test
    void anOutOfMemoryErrorInRecvObjectConsumesTheRestOfItsMessage() {
        if (rank != 0) {
            return;
        }
        Mpiexec.Result r = Mpiexec.run(1, 90, Mpiexec.java("-Xmx64m", OutOfMemoryInRecvObject.class.getName()));
        assertFalse(r.timedOut(), r.output());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("OutOfMemoryError caught"), r.output());
        assertTrue(r.output().contains("send completed"), r.output());
        assertTrue(r.output().contains("then received: next message"), r.output());
    }

    @Test
    void theDrainTakesAMessageOfAnySizeIntoNothing() {
        byte[] big = new byte[200_000];
        big[199_999] = 7;
        Request r1 = world.isend(MemorySegment.ofArray(big), next, 47);
        Request r2 = world.isend(MemorySegment.ofArray(new int[] {rank}), next, 47);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ref = arena.allocate(ValueLayout.ADDRESS);
            MemorySegment status = arena.allocate(org.mpi4j.ffi.MPI_Status.layout());
            Errors.check(org.mpi4j.ffi.mpi_h.MPI_Mprobe(prev, 47, world.handle(), ref, status), "MPI_Mprobe");
            Drain.mrecv(ref, 200_000);
        }
        int[] after = new int[1];
        world.recv(after, prev, 47, null);
        Request.waitAll(r1, r2);
        assertArrayEquals(new int[] {prev}, after);
    }
}
