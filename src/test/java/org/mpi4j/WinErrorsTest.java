package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/**
 * Bad input to windows gets a clear exception before MPI is called, or MPI's own error as an
 * {@link MpiException}; never a crash, and the window stays usable afterwards.
 */
@MpiTest
class WinErrorsTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int next = (rank + 1) % size;

    private static String message(Class<? extends Throwable> type, org.junit.jupiter.api.function.Executable call) {
        return assertThrows(type, call).getMessage();
    }

    @Test
    void heapMemoryIsRefusedWithTheFix() {
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(64, 8, world)) {
            MemorySegment heap = MemorySegment.ofArray(new long[8]);
            MemorySegment nat = arena.allocate(64);
            String m = message(IllegalArgumentException.class, () -> win.put(heap, next, 0));
            assertTrue(m.contains("origin buffer must be native memory") && m.contains("Arena"), m);
            m = message(IllegalArgumentException.class, () -> win.get(heap, 8, Datatype.INT64_T, next, 0));
            assertTrue(m.contains("result buffer must be native memory"), m);
            m = message(IllegalArgumentException.class,
                    () -> win.compareAndSwap(nat, heap, nat, Datatype.INT32_T, next, 0));
            assertTrue(m.contains("compare buffer"), m);
            assertThrows(IllegalArgumentException.class,
                    () -> win.fetchAndOp(heap, nat, Datatype.INT64_T, next, 0, Op.SUM));
            assertThrows(IllegalArgumentException.class, () -> win.rput(heap, next, 0));
            m = message(IllegalArgumentException.class, () -> Win.create(heap, 8, world));
            assertTrue(m.contains("window memory must be native memory"), m);
            assertThrows(IllegalArgumentException.class, () -> Win.create(nat.asReadOnly(), 8, world));
            assertThrows(NullPointerException.class, () -> win.put(null, next, 0));
            MemorySegment readOnly = nat.asReadOnly();
            m = message(IllegalArgumentException.class, () -> win.get(readOnly, next, 0));
            assertTrue(m.contains("read-only"), m);
        }
    }

    @Test
    void targetsOutsideTheGroupOrWindowAreRefused() {
        // rank r's window holds r + 1 longs, so every rank knows a different size for each target
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(8L * (rank + 1), 8, world)) {
            MemorySegment buf = arena.allocate(ValueLayout.JAVA_LONG, size + 1);
            win.lockAll();
            String m = message(IllegalArgumentException.class, () -> win.put(buf, 1, Datatype.INT64_T, size, 0));
            assertTrue(m.contains("invalid target rank " + size), m);
            assertThrows(IllegalArgumentException.class, () -> win.get(buf, 1, Datatype.INT64_T, -5, 0));
            assertThrows(IllegalArgumentException.class, () -> win.flush(size));
            m = message(IllegalArgumentException.class,
                    () -> win.put(buf, next + 2, Datatype.INT64_T, next, 0));
            assertTrue(m.contains("beyond the window of rank " + next + " (" + 8 * (next + 1) + " bytes)"), m);
            assertThrows(IllegalArgumentException.class, () -> win.get(buf, 1, Datatype.INT64_T, next, next + 1));
            assertThrows(IllegalArgumentException.class, () -> win.get(buf, 1, Datatype.INT64_T, next, -1));
            assertThrows(IllegalArgumentException.class, () -> win.put(buf, -1, Datatype.INT64_T, next, 0));
            assertThrows(IllegalArgumentException.class, () -> win.put(buf, 1, Datatype.INT64_T, next, 0, -1,
                    Datatype.INT64_T));
            // displacements whose byte offset (disp * unit 8) overflows 64 bits, or just passes the end
            assertThrows(IllegalArgumentException.class, () -> win.get(buf, 1, Datatype.INT64_T, next,
                    Long.MAX_VALUE / 4));
            assertThrows(IllegalArgumentException.class, () -> win.get(buf, 1, Datatype.INT64_T, next,
                    Long.MAX_VALUE / 8 + 1));
            assertThrows(IllegalArgumentException.class, () -> win.get(buf, 0, Datatype.INT64_T, next, next + 2));
            // the same count and type on both sides (one span computed) and different ones (two)
            m = message(IllegalArgumentException.class,
                    () -> win.put(buf, 2 * (next + 2), Datatype.INT32_T, next, 0, next + 2, Datatype.INT64_T));
            assertTrue(m.contains("beyond the window of rank " + next), m);
            win.put(buf, 2, Datatype.INT32_T, next, next, 1, Datatype.INT64_T);
            // the last element fits, and PROC_NULL is a valid target that does nothing
            win.put(buf, 1, Datatype.INT64_T, next, next);
            win.put(buf, 1, Datatype.INT64_T, MPI.PROC_NULL, 1_000_000);
            win.unlockAll();
        }
    }

    @Test
    void operationsMustFitTheirDatatypes() {
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(64, 8, world);
                Op javaOp = Op.ofLongs(Long::sum, true); Datatype pair = Datatype.INT64_T.contiguous(2).commit()) {
            MemorySegment buf = arena.allocate(64);
            win.lockAll();
            String m = message(IllegalArgumentException.class,
                    () -> win.accumulate(buf, 1, Datatype.INT64_T, next, 0, javaOp));
            assertTrue(m.contains("predefined operations only"), m);
            m = message(IllegalArgumentException.class, () -> win.accumulate(buf, next, 0, Op.SUM));
            assertTrue(m.contains("BYTE takes bitwise operations"), m);
            m = message(IllegalArgumentException.class,
                    () -> win.accumulate(buf, 1, Datatype.DOUBLE, next, 0, Op.MAXLOC));
            assertTrue(m.contains("MAXLOC and MINLOC work on pair types"), m);
            assertThrows(IllegalArgumentException.class,
                    () -> win.accumulate(buf, 1, Datatype.DOUBLE, next, 0, Op.BXOR));
            assertThrows(IllegalArgumentException.class,
                    () -> win.fetchAndOp(buf, buf, Datatype.DOUBLE_INT, next, 0, Op.SUM));
            m = message(IllegalArgumentException.class,
                    () -> win.compareAndSwap(buf, buf, buf, Datatype.DOUBLE, next, 0));
            assertTrue(m.contains("compareAndSwap works on integer"), m);
            m = message(IllegalArgumentException.class, () -> win.fetchAndOp(buf, buf, pair, next, 0, Op.SUM));
            assertTrue(m.contains("predefined datatype"), m);
            assertThrows(NullPointerException.class, () -> win.accumulate(buf, 1, Datatype.INT64_T, next, 0, null));
            assertThrows(IllegalStateException.class, () -> win.accumulate(buf, 1, Datatype.INT64_T, next, 0, Op.NULL));
            // a derived type of one basic type is fine with SUM
            win.accumulate(buf, 1, pair, next, 0, Op.SUM);
            win.unlockAll();
        }
    }

    @Test
    void operationOutsideAnyEpochIsRefused() {
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(64, 8, world)) {
            MemorySegment buf = arena.allocate(8);
            String m = message(IllegalStateException.class, () -> win.put(buf, next, 0));
            assertTrue(m.contains("no access epoch to rank " + next + " is open"), m);
            assertThrows(IllegalStateException.class, () -> win.fetchAndOp(buf, buf, Datatype.INT64_T, next, 0,
                    Op.SUM));
            m = message(IllegalStateException.class, () -> win.unlock(next));
            assertTrue(m.contains("unlock(rank) without lock(type, rank) (rank " + next + ")"), m);
            assertThrows(IllegalStateException.class, win::unlockAll);
            assertThrows(IllegalStateException.class, win::complete);
            assertThrows(IllegalStateException.class, win::waitFor);
            assertThrows(IllegalStateException.class, win::test);
            // and the window still works
            try (Epoch ep = win.lock(LockType.EXCLUSIVE, next)) {
                win.put(buf, next, 0);
                m = message(IllegalStateException.class, () -> win.lock(LockType.SHARED, next));
                assertTrue(m.contains("open already"), m);
            }
            try (Epoch ep = win.lockAll()) {
                assertThrows(IllegalStateException.class, win::lockAll);
            }
            win.fence();
            win.put(buf, next, 0);
            win.fence(java.util.EnumSet.of(Assert.NOSUCCEED));
            assertThrows(IllegalStateException.class, () -> win.put(buf, next, 0));
            world.barrier();
        }
    }

    @Test
    void compareAndSwapOf64BitsIsRefusedWhereOpenMpiWouldCrash() {
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(8, 8, world)) {
            MemorySegment buf = arena.allocate(8);
            win.lockAll();
            if (size > 1) {
                String m = message(UnsupportedOperationException.class,
                        () -> win.compareAndSwap(buf, buf, buf, Datatype.INT64_T, next, 0));
                assertTrue(m.contains("use a 32-bit type"), m);
            } else {
                win.compareAndSwap(buf, buf, buf, Datatype.INT64_T, next, 0);
                win.flush(next);
            }
            win.compareAndSwap(buf, buf, buf, Datatype.INT32_T, next, 0);
            win.unlockAll();
        }
    }

    @Test
    void useAfterFreeIsAnIllegalState() {
        Win win = Win.allocate(64, 8, world);
        MemorySegment mem = win.segment();
        win.free();
        assertThrows(IllegalStateException.class, () -> mem.set(ValueLayout.JAVA_LONG, 0, 1));
        assertThrows(IllegalStateException.class, win::lockAll);
        assertThrows(IllegalStateException.class, () -> win.lock(LockType.SHARED, rank));
        assertThrows(IllegalStateException.class, win::size);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(8);
            assertThrows(IllegalStateException.class, () -> win.put(buf, rank, 0));
        }
        assertTrue(win.toString().contains("freed"));
    }

    @Test
    void freeingWithAnOpenEpochIsRefused() {
        Win win = Win.allocate(64, 8, world);
        Epoch e = win.lockAll();
        String m = message(IllegalStateException.class, win::free);
        assertTrue(m.contains("end the window's open epochs"), m);
        assertFalse(win.isFreed());
        win.segment().set(ValueLayout.JAVA_LONG, 0, 5); // memory still alive
        e.close();
        win.free();
        assertTrue(win.isFreed());
    }

    @Test
    void flavorSpecificCallsNeedTheirFlavor() {
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(64, 8, world)) {
            String m = message(IllegalStateException.class, () -> win.sharedQuery(rank));
            assertTrue(m.contains("allocateShared"), m);
            m = message(IllegalStateException.class, () -> win.attach(arena.allocate(8)));
            assertTrue(m.contains("createDynamic"), m);
            assertThrows(IllegalStateException.class, () -> win.detach(arena.allocate(8)));
        }
        assertThrows(IllegalArgumentException.class, () -> Win.allocate(-1, 8, world));
        assertThrows(IllegalArgumentException.class, () -> Win.allocate(8, 0, world));
        assertThrows(NullPointerException.class, () -> Win.allocate(8, 1, null));
    }
}
