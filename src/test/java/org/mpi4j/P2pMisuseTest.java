package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mpi4j.testing.MpiTest;

/** Point-to-point misuse that used to crash, hang or throw the wrong exception. */
@MpiTest
class P2pMisuseTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int next = (rank + 1) % size;
    private final int prev = (rank + size - 1) % size;

    /** A native segment whose arena is already closed. */
    private static MemorySegment closedSegment() {
        MemorySegment seg;
        try (Arena arena = Arena.ofConfined()) {
            seg = arena.allocate(64);
        }
        return seg;
    }

    private static void assertClosedIsRefused(Executable call) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call);
        assertTrue(e.getMessage().contains("arena that is already closed"), e.getMessage());
    }

    @Test
    void aSegmentOfAClosedArenaIsAnIllegalStateExceptionInEveryCall() {
        MemorySegment closed = closedSegment();
        MemorySegment ok = MemorySegment.ofArray(new byte[64]);
        assertClosedIsRefused(() -> world.send(closed, next, 50));
        assertClosedIsRefused(() -> world.recv(closed, prev, 50, null));
        assertClosedIsRefused(() -> world.isend(closed, next, 50));
        assertClosedIsRefused(() -> world.irecv(closed, prev, 50));
        assertClosedIsRefused(() -> world.recvInit(closed, prev, 50));
        assertClosedIsRefused(() -> world.sendrecv(ok, next, 50, closed, prev, 50, null));
        assertClosedIsRefused(() -> world.sendrecv(closed, next, 50, ok, prev, 50, null));
        assertClosedIsRefused(() -> world.bcast(closed, 0));
        world.send(new byte[8], next, 50);
        Message m = world.mprobe(prev, 50, null);
        assertClosedIsRefused(() -> m.mrecv(closed, null));
        m.mrecv(new byte[8], null);
    }

    @Test
    void aConfinedSegmentOfAnotherThreadIsAWrongThreadException() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mine = arena.allocate(64);
            Thread t = new Thread(() -> {
                try {
                    WrongThreadException e = assertThrows(WrongThreadException.class, () -> world.isend(mine, next, 51));
                    assertTrue(e.getMessage().contains("another thread"), e.getMessage());
                    assertThrows(WrongThreadException.class, () -> world.recv(mine, prev, 51, null));
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            t.start();
            t.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    @Test
    void aPersistentReceiveWhoseArenaClosedIsRefusedAtStart() {
        Request r;
        try (Arena arena = Arena.ofConfined()) {
            r = world.recvInit(arena.allocate(64), prev, 52);
        }
        try (Request req = r) {
            IllegalStateException e = assertThrows(IllegalStateException.class, req::start);
            assertTrue(e.getMessage().contains("must stay alive"), e.getMessage());
        }
    }

    @Test
    void aRequestWhoseArenaClosedBeforeCompletionReportsIt() {
        Arena arena = Arena.ofShared();
        MemorySegment out = arena.allocate(ValueLayout.JAVA_INT, 2);
        out.set(ValueLayout.JAVA_INT, 0, rank);
        Request r = world.isend(out, next, 53);
        int[] in = new int[2];
        world.recv(in, prev, 53, null);
        arena.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, r::waitFor);
        assertTrue(e.getMessage().contains("closed before the request completed"), e.getMessage());
        assertTrue(r.isComplete());
        assertEquals(prev, in[0]);
    }

    @Test
    void cancelOfANeverStartedPersistentReceiveIsRefused() {
        try (Request r = world.recvInit(new int[4], prev, 54)) {
            assertThrows(IllegalStateException.class, r::cancel);
            // and the request still works
            world.send(new int[] {rank, 1, 2, 3}, next, 54);
            r.start();
            r.waitFor();
            assertThrows(IllegalStateException.class, r::cancel);
        }
    }

    @Test
    void groupExclAndInclRefuseDuplicateRanks() {
        try (Group g = world.group()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.excl(0, 0));
            assertTrue(e.getMessage().contains("twice"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> g.incl(0, 0));
            try (Group rest = g.excl(0)) {
                assertEquals(size - 1, rest.size());
            }
        }
    }

    @Test
    void attachBufferRefusesReadOnlyMemory() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ro = arena.allocate(4096).asReadOnly();
            assertThrows(IllegalArgumentException.class, () -> MPI.attachBuffer(ro));
        }
        // nothing was attached
        assertEquals(null, MPI.detachBuffer());
        int[] got = new int[1];
        world.sendrecv(new int[] {rank}, next, 55, got, prev, 55, null);
        assertArrayEquals(new int[] {prev}, got);
    }
}
