package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/**
 * Every window flavor, one-sided operation and synchronisation mode with real data: each rank works
 * on the window of the next rank (itself when alone) and checks what arrived element by element.
 */
@MpiTest
class WinTest {
    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();
    private final int next = (rank + 1) % size;
    private final int prev = (rank + size - 1) % size;
    private static final int N = 8;

    private static long value(int rank, int i) {
        return rank * 1000L + i;
    }

    /** A native segment holding {@code N} longs {@code value(r, i)}. */
    private static MemorySegment longsOf(Arena arena, int r) {
        MemorySegment s = arena.allocate(ValueLayout.JAVA_LONG, N);
        for (int i = 0; i < N; i++) {
            s.setAtIndex(ValueLayout.JAVA_LONG, i, value(r, i));
        }
        return s;
    }

    /**
     * This rank's window contents, read under a lock on itself after everyone is done writing, and
     * before anyone writes again.
     */
    private long[] ownLongs(Win win) {
        world.barrier();
        long[] a;
        try (Epoch e = win.lock(LockType.EXCLUSIVE, rank)) {
            win.sync();
            a = win.segment().toArray(ValueLayout.JAVA_LONG);
        }
        world.barrier();
        return a;
    }

    private static long[] expected(int r) {
        long[] a = new long[N];
        for (int i = 0; i < N; i++) {
            a[i] = value(r, i);
        }
        return a;
    }

    /**
     * Open MPI 4.1 cannot create windows over program memory in a process alone on its node at
     * MPI_THREAD_MULTIPLE (see {@link Win#create}): there the call must fail with a clear message.
     */
    private boolean cannotCreateOverProgramMemory(Runnable create) {
        if (size > 1 || MPI.queryThread() != ThreadLevel.MULTIPLE) {
            return false;
        }
        MpiException e = assertThrows(MpiException.class, create::run);
        assertEquals(ErrorClass.ERR_WIN, e.errorClass());
        assertTrue(e.getMessage().contains("use Win.allocate"), e.getMessage());
        return true;
    }

    // ---- windows ----------------------------------------------------------------------------------

    @Test
    void allocatedMemoryIsTheWindowsSegmentAndDiesWithIt() {
        Win win = Win.allocate(8L * N, 8, world);
        MemorySegment mem = win.segment();
        assertEquals(8L * N, mem.byteSize());
        mem.setAtIndex(ValueLayout.JAVA_LONG, 3, 42);
        assertEquals(42, mem.getAtIndex(ValueLayout.JAVA_LONG, 3));
        assertEquals(mem.address(), win.base());
        win.free();
        assertTrue(win.isFreed());
        assertThrows(IllegalStateException.class, () -> mem.get(ValueLayout.JAVA_LONG, 0));
        assertThrows(IllegalStateException.class, win::segment);
        assertThrows(IllegalStateException.class, win::fence);
        win.free(); // harmless
    }

    @Test
    void attributesDescribeTheWindow() {
        try (Win win = Win.allocate(16L * (rank + 1), 4, world); Group g = win.group(); Group wg = world.group()) {
            assertEquals(16L * (rank + 1), win.size());
            assertEquals(4, win.dispUnit());
            assertEquals(WinFlavor.ALLOCATE, win.createFlavor());
            assertNotNull(win.model());
            assertEquals(size, g.size());
            assertEquals(Comparison.IDENT, g.compare(wg));
            win.setName("work window");
            assertEquals("work window", win.getName());
            try (Info info = win.getInfo()) {
                assertNotNull(info.keys());
            }
            try (Info hints = Info.of(java.util.Map.of("no_locks", "false"))) {
                win.setInfo(hints);
            }
            assertTrue(win.toString().contains("ALLOCATE"));
        }
    }

    @Test
    void createExposesTheProgramsSegment() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mine = arena.allocate(ValueLayout.JAVA_LONG, N);
            if (cannotCreateOverProgramMemory(() -> Win.create(mine, 8, world))) {
                return;
            }
            try (Win win = Win.create(mine, 8, world)) {
                assertSame(mine, win.segment());
                assertEquals(WinFlavor.CREATE, win.createFlavor());
                assertEquals(mine.address(), win.base());
                win.fence();
                win.put(longsOf(arena, rank), N, Datatype.INT64_T, next, 0);
                win.fence();
                assertArrayEquals(expected(prev), mine.toArray(ValueLayout.JAVA_LONG));
            }
        }
    }

    // ---- put, get, accumulate under fence ---------------------------------------------------------

    @Test
    void putWithFenceWritesTheNextRanksWindow() {
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(8L * N, 8, world)) {
            MemorySegment src = longsOf(arena, rank);
            win.fence(EnumSet.of(Assert.NOPRECEDE));
            win.put(src, next, 0); // whole segment, as bytes
            win.fence(EnumSet.of(Assert.NOSUCCEED));
            assertArrayEquals(expected(prev), win.segment().toArray(ValueLayout.JAVA_LONG));
        }
    }

    @Test
    void getWithFenceReadsThePreviousRanksWindow() {
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(8L * N, 8, world)) {
            win.segment().copyFrom(longsOf(arena, rank));
            MemorySegment dst = arena.allocate(ValueLayout.JAVA_LONG, N);
            win.fence();
            win.get(dst, N - 2, Datatype.INT64_T, prev, 2); // elements 2..7 of prev
            win.fence();
            for (int i = 0; i < N - 2; i++) {
                assertEquals(value(prev, i + 2), dst.getAtIndex(ValueLayout.JAVA_LONG, i), "element " + i);
            }
        }
    }

    @Test
    void accumulateSumsEveryRanksContribution() {
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(8L * N, 8, world)) {
            MemorySegment src = longsOf(arena, rank + 1);
            win.fence();
            win.accumulate(src, N, Datatype.INT64_T, 0, 0, Op.SUM);
            win.fence();
            if (rank == 0) {
                for (int i = 0; i < N; i++) {
                    long sum = 0;
                    for (int r = 1; r <= size; r++) {
                        sum += value(r, i);
                    }
                    assertEquals(sum, win.segment().getAtIndex(ValueLayout.JAVA_LONG, i), "element " + i);
                }
            }
        }
    }

    @Test
    void accumulateOfDoublesWithMaxAndReplace() {
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(8L * N, 8, world)) {
            MemorySegment src = arena.allocate(ValueLayout.JAVA_DOUBLE, N);
            for (int i = 0; i < N; i++) {
                src.setAtIndex(ValueLayout.JAVA_DOUBLE, i, rank + i * 0.5);
            }
            win.fence();
            win.accumulate(src, N, Datatype.DOUBLE, 0, 0, Op.MAX);
            win.fence();
            if (rank == 0) {
                for (int i = 0; i < N; i++) {
                    assertEquals(size - 1 + i * 0.5, win.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, i));
                }
            }
            win.fence();
            win.accumulate(src, 1, Datatype.DOUBLE, next, 3, Op.REPLACE);
            win.fence();
            assertEquals(prev, win.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, 3));
        }
    }

    @Test
    void accumulateOfBytesWithBitwiseOr() {
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(4, 1, world)) {
            MemorySegment bits = arena.allocate(4);
            bits.fill((byte) (1 << (rank % 8)));
            win.fence();
            win.accumulate(bits, 0, 0, Op.BOR); // whole segment as BYTE
            win.fence();
            if (rank == 0) {
                int expected = 0;
                for (int r = 0; r < size; r++) {
                    expected |= 1 << (r % 8);
                }
                for (int i = 0; i < 4; i++) {
                    assertEquals((byte) expected, win.segment().get(ValueLayout.JAVA_BYTE, i));
                }
            }
        }
    }

    @Test
    void derivedTypesOnBothSides() {
        // origin: the even elements of 2N ints (a vector); target: N contiguous ints at displacement N
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(4L * 2 * N, 4, world);
                Datatype evens = Datatype.INT32_T.vector(N, 1, 2).commit()) {
            MemorySegment src = arena.allocate(ValueLayout.JAVA_INT, 2L * N);
            for (int i = 0; i < 2 * N; i++) {
                src.setAtIndex(ValueLayout.JAVA_INT, i, rank * 100 + i);
            }
            win.fence();
            win.put(src, 1, evens, next, N, N, Datatype.INT32_T);
            win.fence();
            for (int i = 0; i < N; i++) {
                assertEquals(0, win.segment().getAtIndex(ValueLayout.JAVA_INT, i));
                assertEquals(prev * 100 + 2 * i, win.segment().getAtIndex(ValueLayout.JAVA_INT, N + i), "element " + i);
            }
            // and back: read the target's contiguous ints into the odd elements here
            MemorySegment back = arena.allocate(ValueLayout.JAVA_INT, 2L * N);
            try (Datatype odds = Datatype.INT32_T.vector(N, 1, 2).commit()) {
                win.fence();
                win.get(back.asSlice(4), 1, odds, next, N, N, Datatype.INT32_T);
                win.fence();
            }
            for (int i = 0; i < N; i++) {
                assertEquals(0, back.getAtIndex(ValueLayout.JAVA_INT, 2 * i));
                assertEquals(rank * 100 + 2 * i, back.getAtIndex(ValueLayout.JAVA_INT, 2 * i + 1), "element " + i);
            }
        }
    }

    // ---- atomics under passive target -------------------------------------------------------------

    @Test
    void getAccumulateReturnsTheOldValues() {
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(8L * N, 8, world)) {
            win.segment().copyFrom(longsOf(arena, rank));
            world.barrier();
            MemorySegment add = longsOf(arena, 1);
            MemorySegment old = arena.allocate(ValueLayout.JAVA_LONG, N);
            MemorySegment now = arena.allocate(ValueLayout.JAVA_LONG, N);
            try (Epoch e = win.lock(LockType.EXCLUSIVE, next)) {
                win.getAccumulate(add, old, N, Datatype.INT64_T, next, 0, Op.SUM);
                win.flush(next);
                win.getAccumulate(null, now, N, Datatype.INT64_T, next, 0, Op.NO_OP);
            }
            for (int i = 0; i < N; i++) {
                assertEquals(value(next, i), old.getAtIndex(ValueLayout.JAVA_LONG, i), "old " + i);
                assertEquals(value(next, i) + value(1, i), now.getAtIndex(ValueLayout.JAVA_LONG, i), "new " + i);
            }
            world.barrier();
        }
    }

    @Test
    void fetchAndOpHandsOutDistinctTickets() {
        int rounds = 5;
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(rank == 0 ? 8 : 0, 8, world)) {
            MemorySegment one = arena.allocateFrom(ValueLayout.JAVA_LONG, 1);
            MemorySegment got = arena.allocate(ValueLayout.JAVA_LONG);
            long[] mine = new long[rounds];
            world.barrier();
            try (Epoch e = win.lockAll()) {
                assertTrue(e.isOpen());
                for (int k = 0; k < rounds; k++) {
                    win.fetchAndOp(one, got, Datatype.INT64_T, 0, 0, Op.SUM);
                    win.flush(0);
                    mine[k] = got.get(ValueLayout.JAVA_LONG, 0);
                }
                assertTrue(e.isOpen());
            }
            long[] all = new long[rounds * size];
            world.allgather(MemorySegment.ofArray(mine), rounds, Datatype.INT64_T, MemorySegment.ofArray(all), rounds,
                    Datatype.INT64_T);
            Set<Long> distinct = new HashSet<>();
            for (long t : all) {
                distinct.add(t);
            }
            assertEquals(rounds * size, distinct.size());
            for (long t = 0; t < rounds * size; t++) {
                assertTrue(distinct.contains(t), "ticket " + t);
            }
            world.barrier();
            if (rank == 0) {
                try (Epoch e = win.lock(LockType.SHARED, 0)) {
                    win.fetchAndOp(null, got, Datatype.INT64_T, 0, 0, Op.NO_OP);
                }
                assertEquals(rounds * size, got.get(ValueLayout.JAVA_LONG, 0));
            }
        }
    }

    @Test
    void compareAndSwapLetsExactlyOneRankWin() {
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(rank == 0 ? 4 : 0, 4, world)) {
            MemorySegment me = arena.allocateFrom(ValueLayout.JAVA_INT, rank + 1);
            MemorySegment zero = arena.allocateFrom(ValueLayout.JAVA_INT, 0);
            MemorySegment old = arena.allocate(ValueLayout.JAVA_INT);
            world.barrier();
            win.lock(LockType.SHARED, 0);
            win.compareAndSwap(me, zero, old, Datatype.INT32_T, 0, 0);
            win.unlock(0);
            int[] olds = new int[size];
            world.allgather(MemorySegment.ofArray(new int[] {old.get(ValueLayout.JAVA_INT, 0)}), 1, Datatype.INT32_T,
                    MemorySegment.ofArray(olds), 1, Datatype.INT32_T);
            int winners = 0;
            int winner = -1;
            for (int r = 0; r < size; r++) {
                if (olds[r] == 0) {
                    winners++;
                    winner = r;
                }
            }
            assertEquals(1, winners);
            for (int r = 0; r < size; r++) {
                if (r != winner) {
                    assertEquals(winner + 1, olds[r]);
                }
            }
            world.barrier();
            if (rank == 0) {
                assertEquals(winner + 1, win.segment().get(ValueLayout.JAVA_INT, 0));
            }
        }
    }

    // ---- request-based operations ----------------------------------------------------------------

    @Test
    void rputAndRgetCompleteThroughTheirRequests() {
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(8L * N, 8, world)) {
            MemorySegment src = longsOf(arena, rank);
            world.barrier();
            try (Epoch e = win.lock(LockType.EXCLUSIVE, next)) {
                Request r = win.rput(src, N, Datatype.INT64_T, next, 0, N, Datatype.INT64_T);
                r.waitFor();
                assertTrue(r.isComplete());
            }
            assertArrayEquals(expected(prev), ownLongs(win));
            MemorySegment back = arena.allocate(ValueLayout.JAVA_LONG, N);
            try (Epoch e = win.lock(LockType.SHARED, next)) {
                win.rget(back, next, 0).waitFor();
            }
            assertArrayEquals(expected(rank), back.toArray(ValueLayout.JAVA_LONG));
            MemorySegment rest = arena.allocate(ValueLayout.JAVA_LONG, N);
            try (Epoch e = win.lock(LockType.SHARED, next)) {
                Request a = win.rput(src.asSlice(0, 8), next, N - 1); // whole 8-byte segment at the end
                a.waitFor();
                win.flush(next);
                win.rget(rest, N, Datatype.INT64_T, next, 0, N, Datatype.INT64_T).waitFor();
            }
            assertEquals(value(rank, 0), rest.getAtIndex(ValueLayout.JAVA_LONG, N - 1));
            world.barrier();
        }
    }

    @Test
    void raccumulateAndRgetAccumulateCompleteThroughTheirRequests() {
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(8L * N, 8, world)) {
            MemorySegment src = longsOf(arena, 1);
            MemorySegment old = arena.allocate(ValueLayout.JAVA_LONG, N);
            world.barrier();
            try (Epoch e = win.lockAll()) {
                win.raccumulate(src, N, Datatype.INT64_T, 0, 0, Op.SUM).waitFor();
            }
            world.barrier();
            try (Epoch e = win.lockAll()) {
                win.rgetAccumulate(src, old, N, Datatype.INT64_T, 0, 0, Op.SUM).waitFor();
            }
            // each rank's second add saw size first adds and some of the others' second adds
            for (int i = 0; i < N; i++) {
                long seen = old.getAtIndex(ValueLayout.JAVA_LONG, i);
                assertEquals(0, seen % value(1, i) == 0 ? 0 : 1, "element " + i + " = " + seen);
                assertTrue(seen >= size * value(1, i) && seen <= (2L * size - 1) * value(1, i), "element " + i);
            }
            world.barrier();
            if (rank == 0) {
                for (int i = 0; i < N; i++) {
                    assertEquals(2L * size * value(1, i), win.segment().getAtIndex(ValueLayout.JAVA_LONG, i));
                }
            }
        }
    }

    // ---- synchronisation modes -----------------------------------------------------------------------

    @Test
    void postStartCompleteWaitPassesDataAroundTheRing() {
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(8L * N, 8, world);
                Group wg = world.group(); Group from = wg.incl(prev); Group to = wg.incl(next)) {
            MemorySegment src = longsOf(arena, rank);
            try (Epoch exposure = win.post(from)) {
                try (Epoch access = win.start(to)) {
                    assertTrue(access.isOpen());
                    win.put(src, N, Datatype.INT64_T, next, 0);
                }
                assertTrue(exposure.isOpen());
            }
            assertArrayEquals(expected(prev), win.segment().toArray(ValueLayout.JAVA_LONG));
            // again with the plain calls, the target polling with test
            win.post(from);
            win.start(to);
            win.put(longsOf(arena, rank + 10), N, Datatype.INT64_T, next, 0);
            win.complete();
            while (!win.test()) {
                Thread.onSpinWait();
            }
            assertArrayEquals(expected(prev + 10), win.segment().toArray(ValueLayout.JAVA_LONG));
        }
    }

    @Test
    void flushesCompleteOperationsInsideTheEpoch() {
        try (Arena arena = Arena.ofConfined(); Win win = Win.allocate(8L * N, 8, world)) {
            MemorySegment src = longsOf(arena, rank);
            MemorySegment back = arena.allocate(ValueLayout.JAVA_LONG, N);
            world.barrier();
            try (Epoch e = win.lock(LockType.EXCLUSIVE, next, Set.of())) {
                win.put(src, N, Datatype.INT64_T, next, 0);
                win.flushLocal(next);
                win.flush(next);
                win.get(back, N, Datatype.INT64_T, next, 0);
                win.flushLocalAll();
                win.flushAll();
                assertArrayEquals(expected(rank), back.toArray(ValueLayout.JAVA_LONG));
            }
            assertArrayEquals(expected(prev), ownLongs(win));
            world.barrier();
        }
    }

    @Test
    void epochsCloseOnceAndThePlainCallsEndThemToo() {
        try (Win win = Win.allocate(8, 8, world)) {
            Epoch e = win.lock(LockType.SHARED, rank);
            win.unlock(rank);
            assertSame(e, win.lock(LockType.SHARED, rank)); // one epoch object per target
            win.unlock(rank);
            assertFalse(e.isOpen());
            e.close(); // ended by unlock: nothing to do
            Epoch all = win.lockAll(Set.of());
            all.close();
            all.close();
            assertFalse(all.isOpen());
            assertTrue(all.toString().contains("LOCK_ALL"));
        }
    }

    // ---- dynamic and shared windows -------------------------------------------------------------------

    @Test
    void dynamicWindowReachesAttachedMemoryByAddress() {
        if (cannotCreateOverProgramMemory(() -> Win.createDynamic(world))) {
            return;
        }
        try (Arena arena = Arena.ofConfined(); Win win = Win.createDynamic(world)) {
            assertEquals(WinFlavor.DYNAMIC, win.createFlavor());
            MemorySegment mine = arena.allocate(ValueLayout.JAVA_LONG, N);
            win.attach(mine);
            long[] addresses = new long[size];
            world.allgather(MemorySegment.ofArray(new long[] {mine.address()}), 1, Datatype.INT64_T,
                    MemorySegment.ofArray(addresses), 1, Datatype.INT64_T);
            try (Epoch e = win.lock(LockType.EXCLUSIVE, next)) {
                win.put(longsOf(arena, rank), N, Datatype.INT64_T, next, addresses[next]);
            }
            world.barrier();
            try (Epoch e = win.lock(LockType.EXCLUSIVE, rank)) {
                win.sync();
                assertArrayEquals(expected(prev), mine.toArray(ValueLayout.JAVA_LONG));
            }
            world.barrier();
            win.detach(mine);
        }
    }

    @Test
    void sharedWindowIsLoadAndStoreMemoryOfEveryRank() {
        try (Intracomm node = world.splitType(SplitType.SHARED, 0);
                Win win = Win.allocateShared(8L * (node.rank() + 1), 8, node)) {
            int nr = node.rank();
            assertEquals(WinFlavor.SHARED, win.createFlavor());
            MemorySegment mine = win.sharedQuery(nr);
            assertEquals(8L * (nr + 1), mine.byteSize());
            try (Epoch e = win.lockAll()) {
                for (int i = 0; i <= nr; i++) {
                    mine.setAtIndex(ValueLayout.JAVA_LONG, i, value(nr, i));
                }
                win.sync();
                node.barrier();
                win.sync();
                for (int r = 0; r < node.size(); r++) {
                    MemorySegment theirs = win.sharedQuery(r);
                    assertEquals(8L * (r + 1), theirs.byteSize());
                    for (int i = 0; i <= r; i++) {
                        assertEquals(value(r, i), theirs.getAtIndex(ValueLayout.JAVA_LONG, i));
                    }
                }
                assertTrue(win.sharedQuery(MPI.PROC_NULL).byteSize() > 0);
                node.barrier();
            }
            MemorySegment first = win.sharedQuery(0);
            win.free();
            assertThrows(IllegalStateException.class, () -> first.get(ValueLayout.JAVA_LONG, 0));
        }
    }
}
