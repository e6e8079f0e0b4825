package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;
import org.mpi4j.util.Counter;
import org.mpi4j.util.Mutex;
import org.mpi4j.util.Semaphore;
import org.mpi4j.util.Sequential;

/**
 * The distributed counter, mutex, semaphore and sequential section under contention: every rank
 * runs several threads at once (MPI is at THREAD_MULTIPLE).
 */
@MpiTest
class SyncUtilTest {
    private static final int THREADS = 3;
    private static final int ROUNDS = 40;

    private final Intracomm world = MPI.COMM_WORLD;
    private final int rank = world.rank();
    private final int size = world.size();

    @FunctionalInterface
    interface Body {
        void run(int thread) throws Exception;
    }

    /** Runs {@code body} on {@code THREADS} threads of this rank and rethrows the first failure. */
    private static void onThreads(Body body) throws Exception {
        List<Thread> threads = new ArrayList<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    body.run(id);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            Throwable f = failures.peek();
            if (f instanceof Exception e) {
                throw e;
            }
            throw new AssertionError(f);
        }
    }

    private long[] gather(long[] mine) {
        long[] all = new long[mine.length * size];
        world.allgather(MemorySegment.ofArray(mine), mine.length, Datatype.INT64_T, MemorySegment.ofArray(all),
                mine.length, Datatype.INT64_T);
        return all;
    }

    @Test
    void counterHandsOutEveryValueOnceAcrossRanksAndThreads() throws Exception {
        try (Counter counter = new Counter(world, 100, size - 1)) {
            long[] mine = new long[THREADS * ROUNDS];
            onThreads(t -> {
                for (int k = 0; k < ROUNDS; k++) {
                    mine[t * ROUNDS + k] = counter.next();
                }
            });
            Set<Long> seen = new HashSet<>();
            for (long v : gather(mine)) {
                assertTrue(seen.add(v), "value handed out twice: " + v);
            }
            long total = (long) size * THREADS * ROUNDS;
            for (long v = 100; v < 100 + total; v++) {
                assertTrue(seen.contains(v), "value never handed out: " + v);
            }
            world.barrier();
            assertEquals(100 + total, counter.get());
            world.barrier();
            if (rank == 0) {
                assertEquals(100 + total, counter.next(-total));
            }
            world.barrier();
            assertEquals(100, counter.get());
        }
    }

    @Test
    void mutexExcludesEveryOtherThreadOfEveryRank() throws Exception {
        try (Arena arena = Arena.ofShared(); Mutex mutex = new Mutex(world);
                Win shared = Win.allocate(rank == 0 ? 8 : 0, 8, world)) {
            AtomicInteger insideHere = new AtomicInteger();
            world.barrier();
            shared.lockAll();
            onThreads(t -> {
                MemorySegment v = arena.allocate(8);
                for (int k = 0; k < ROUNDS; k++) {
                    mutex.lock();
                    try {
                        assertEquals(1, insideHere.incrementAndGet());
                        // a read-modify-write that only mutual exclusion makes right
                        shared.get(v, 0, 0);
                        shared.flush(0);
                        v.set(ValueLayout.JAVA_LONG, 0, v.get(ValueLayout.JAVA_LONG, 0) + 1);
                        shared.put(v, 0, 0);
                        shared.flush(0);
                        insideHere.decrementAndGet();
                    } finally {
                        mutex.unlock();
                    }
                }
            });
            shared.unlockAll();
            world.barrier();
            if (rank == 0) {
                try (Epoch e = shared.lock(LockType.SHARED, 0)) {
                    assertEquals((long) size * THREADS * ROUNDS, shared.segment().get(ValueLayout.JAVA_LONG, 0));
                }
            }
            world.barrier();
        }
    }

    @Test
    void mutexIsReentrantAndTryLockFailsWhileAnotherRankHoldsIt() throws Exception {
        try (Mutex mutex = new Mutex(world, size - 1)) {
            assertThrows(UnsupportedOperationException.class, mutex::newCondition);
            assertThrows(IllegalMonitorStateException.class, mutex::unlock);
            mutex.lock();
            mutex.lock();
            assertTrue(mutex.isHeldByCurrentThread());
            mutex.unlock();
            mutex.unlock();
            assertFalse(mutex.isHeldByCurrentThread());
            world.barrier();
            if (rank == 0) {
                mutex.lock();
            }
            world.barrier();
            if (rank != 0) {
                assertFalse(mutex.tryLock());
                assertFalse(mutex.tryLock(20, TimeUnit.MILLISECONDS));
            } else {
                // another thread of the holding rank cannot take it either
                boolean[] other = new boolean[1];
                Thread.ofPlatform().start(() -> other[0] = mutex.tryLock()).join();
                assertFalse(other[0]);
            }
            world.barrier();
            if (rank == 0) {
                mutex.unlock();
            }
            world.barrier();
            assertTrue(mutex.tryLock(60, TimeUnit.SECONDS));
            mutex.unlock();
            world.barrier();
        }
    }

    @Test
    void semaphoreNeverAdmitsMoreHoldersThanPermits() throws Exception {
        int permits = 2;
        try (Semaphore slots = new Semaphore(world, permits); Counter holders = new Counter(world)) {
            AtomicInteger maxSeen = new AtomicInteger();
            onThreads(t -> {
                for (int k = 0; k < ROUNDS / 5; k++) {
                    slots.acquire();
                    try {
                        long now = holders.next() + 1;
                        maxSeen.accumulateAndGet((int) now, Math::max);
                        assertTrue(now <= permits, now + " holders at once");
                        holders.next(-1);
                    } finally {
                        slots.release();
                    }
                }
            });
            world.barrier();
            int free = slots.availablePermits();
            // every rank reads the count before rank 0 takes permits below (a rank that read it
            // afterwards would see fewer, fail alone and leave the others in a collective)
            world.barrier();
            assertEquals(permits, free);
            assertTrue(maxSeen.get() >= 1);
            if (rank == 0) {
                assertTrue(slots.tryAcquire());
                assertTrue(slots.tryAcquire(1, TimeUnit.SECONDS));
                assertFalse(slots.tryAcquire());
                assertFalse(slots.tryAcquire(10, TimeUnit.MILLISECONDS));
                slots.release(2);
            }
            world.barrier();
            assertEquals(permits, slots.availablePermits());
        }
    }

    @Test
    void sequentialRunsTheRanksInOrder() {
        try (Counter order = new Counter(world)) {
            long[] mine = new long[1];
            try (Sequential turn = new Sequential(world, 7)) {
                mine[0] = order.next();
            }
            long[] all = gather(mine);
            for (int r = 0; r < size; r++) {
                assertEquals(r, all[r], "turn of rank " + r);
            }
            long[] again = new long[1];
            Sequential.run(world, () -> again[0] = order.next());
            assertEquals(size + rank, again[0]);
        }
    }
}
