package org.mpi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mpi4j.testing.MpiTest;

/** Generalized requests: Java callbacks, completion from another thread, the request families, futures. */
@MpiTest
class GeneralizedRequestTest {
    private final Intracomm world = MPI.COMM_WORLD;

    @Test
    void aWaitReturnsWhenAnotherThreadCompletesAndReportsTheQueriedStatus() throws Exception {
        AtomicInteger freed = new AtomicInteger();
        GeneralizedRequest r = GeneralizedRequest.start(
                st -> st.setSource(world.rank()).setTag(77).setElements(Datatype.INT, 5), freed::incrementAndGet, null);
        Thread worker = Thread.ofPlatform().start(() -> {
            sleep(50);
            r.complete();
        });
        Status st = new Status();
        r.waitFor(st);
        worker.join();
        assertEquals(world.rank(), st.source());
        assertEquals(77, st.tag());
        assertEquals(5, st.getCount(Datatype.INT));
        assertEquals(20, st.byteCount());
        assertFalse(st.isCancelled());
        assertTrue(r.isComplete());
        assertEquals(1, freed.get());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void generalizedRequestsMixWithMessagesInWaitAllAndTestAny() {
        int next = (world.rank() + 1) % world.size();
        int prev = (world.rank() + world.size() - 1) % world.size();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocate(ValueLayout.JAVA_INT);
            MemorySegment out = arena.allocateFrom(ValueLayout.JAVA_INT, world.rank());
            GeneralizedRequest g = GeneralizedRequest.start(st -> st.setTag(5), null, null);
            Request[] rs = {world.irecv(in, prev, 1), g, world.isend(out, next, 1)};
            assertEquals(-1, Request.testAny(new Request[] {g}, null));
            g.complete();
            Status[] sts = {new Status(), new Status(), new Status()};
            Request.waitAll(rs, sts);
            assertEquals(prev, in.get(ValueLayout.JAVA_INT, 0));
            assertEquals(5, sts[1].tag());
            assertEquals(prev, sts[0].source());

            GeneralizedRequest a = GeneralizedRequest.start(null, null, null);
            GeneralizedRequest b = GeneralizedRequest.start(st -> st.setSource(3), null, null);
            b.complete();
            Status st = new Status();
            assertEquals(1, Request.testAny(new Request[] {a, b}, st));
            assertEquals(3, st.source());
            a.complete();
            int[] idx = new int[1];
            assertEquals(1, Request.waitSome(new Request[] {a}, idx, null));
        }
    }

    @Test
    void aGeneralizedRequestBecomesAFuture() throws Exception {
        GeneralizedRequest r = GeneralizedRequest.start(st -> st.setTag(9), null, null);
        CompletableFuture<Status> f = r.toCompletableFuture();
        assertFalse(f.isDone());
        r.complete();
        assertEquals(9, f.get(30, TimeUnit.SECONDS).tag());
    }

    @Test
    void completingTwiceIsRefused() {
        GeneralizedRequest r = GeneralizedRequest.start(null, null, null);
        r.complete();
        IllegalStateException e = assertThrows(IllegalStateException.class, r::complete);
        assertTrue(e.getMessage().contains("completed already"));
        r.waitFor();
        assertThrows(IllegalStateException.class, r::complete);
        assertThrows(IllegalStateException.class, r::start); // not persistent
    }

    @Test
    void cancelTellsTheCallbackAndTheQueryReportsIt() {
        List<Boolean> cancels = new CopyOnWriteArrayList<>();
        GeneralizedRequest r = GeneralizedRequest.start(st -> st.setCancelled(true), null, cancels::add);
        r.cancel();
        r.complete();
        Status st = new Status();
        r.waitFor(st);
        assertEquals(List.of(false), cancels);
        assertTrue(st.testCancelled());
    }

    @Test
    void whatAQueryThrowsIsTheCauseOfTheWaitsException() {
        GeneralizedRequest r = GeneralizedRequest.start(st -> {
            throw new IllegalArgumentException("query failed");
        }, null, null);
        r.complete();
        MpiException e = assertThrows(MpiException.class, r::waitFor);
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }
}
