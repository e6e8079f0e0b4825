package org.mpi4j.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mpi4j.MPI;
import org.mpi4j.SerializationException;
import org.mpi4j.testing.MpiTest;

/**
 * The communicator executor at every rank count: with one rank its root serves itself from a
 * thread (1 worker), with 2, 3 and 4 ranks the other ranks serve (1, 2 and 3 workers). Every test
 * creates and closes its own executor on all ranks; only the root asserts.
 */
@MpiTest
class MpiCommExecutorTest {

    /** Runs {@code body} on the root of a fresh executor over COMM_WORLD; the other ranks serve. */
    private static void onRoot(Consumer<MpiCommExecutor> body) {
        try (MpiCommExecutor ex = MpiCommExecutor.create(MPI.COMM_WORLD, 0)) {
            if (ex.isRoot()) {
                body.accept(ex);
            } else {
                assertThrows(IllegalStateException.class, () -> ex.submit(() -> 1));
            }
        }
    }

    private static int size() {
        return MPI.COMM_WORLD.size();
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    static int slowRank(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return MPI.COMM_WORLD.rank();
    }

    @Test
    void submittedTaskRunsOnAWorkerAndReturnsItsValue() throws Exception {
        onRoot(ex -> {
            assertEquals(Math.max(1, size() - 1), ex.workerCount());
            int x = 6;
            assertEquals(42, ex.submit(() -> x * 7).join());
            int rank = ex.submit(() -> MPI.COMM_WORLD.rank()).join();
            if (size() > 1) {
                assertNotEquals(0, rank, "a task ran on the root");
            } else {
                assertEquals(0, rank);
            }
        });
    }

    @Test
    void runnableTaskCompletesWithNullOrTheGivenResult() {
        onRoot(ex -> {
            SerializableRunnable nothing = () -> { };
            assertNull(ex.submit(nothing).join());
            assertEquals("done", ex.submit((Runnable & java.io.Serializable) () -> { }, "done").join());
            CompletableFuture<?> f = ex.submit((SerializableRunnable) () -> {
                throw new IllegalArgumentException("from a runnable");
            });
            CompletionCheck.remoteFailure(f, IllegalArgumentException.class, "from a runnable");
        });
    }

    @Test
    void mapReturnsResultsInInputOrderForEveryChunkSize() {
        onRoot(ex -> {
            List<Integer> expected = range(100).stream().map(i -> i * i).toList();
            for (int chunk : new int[] {1, 3, 64, 200}) {
                assertEquals(expected, ex.map((Integer i) -> i * i, range(100), chunk).toList(), "chunk " + chunk);
            }
            assertEquals(List.of(), ex.map((Integer i) -> i, List.<Integer>of()).toList());
        });
    }

    @Test
    void unorderedMapReturnsEveryResultOnce() {
        onRoot(ex -> {
            List<Integer> got = new ArrayList<>(ex.mapUnordered((Integer i) -> i + 1, range(200)).toList());
            got.sort(null);
            assertEquals(IntStream.rangeClosed(1, 200).boxed().toList(), got);
            List<Integer> chunked = new ArrayList<>(
                    ex.<Integer, Integer>map(i -> -i, range(50), new MapOptions(7, 2, false)).toList());
            chunked.sort(null);
            assertEquals(IntStream.rangeClosed(-49, 0).boxed().toList(), chunked);
        });
    }

    @Test
    void bufferSizeBoundsHowFarAnEndlessInputIsRead() {
        onRoot(ex -> {
            AtomicInteger read = new AtomicInteger();
            Iterable<Integer> endless = () -> new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Integer next() {
                    return read.getAndIncrement();
                }
            };
            try (Stream<Integer> results = ex.map((Integer i) -> 2 * i, endless, new MapOptions(2, 5, true))) {
                assertEquals(range(30).stream().map(i -> 2 * i).toList(), results.limit(30).toList());
            }
            // consumed 15 chunks of 2, at most 5 chunks of 2 ahead (and one being cut)
            assertTrue(read.get() <= 30 + 5 * 2 + 2, "read " + read.get() + " inputs");
        });
    }

    @Test
    void everyWorkerTakesTasks() {
        onRoot(ex -> {
            int workers = ex.workerCount();
            Set<Integer> ranks = new HashSet<>(ex.map((Integer i) -> slowRank(50), range(4 * workers)).toList());
            assertEquals(workers, ranks.size(), "ranks used: " + ranks);
        });
    }

    @Test
    void freeWorkersTakeTheNextTaskWhileOneIsBusy() {
        onRoot(ex -> {
            if (ex.workerCount() < 2) {
                assertEquals(5, ex.map((Integer i) -> i, range(5)).count());
                return;
            }
            CompletableFuture<Integer> slow = ex.submit(() -> slowRank(1500));
            List<Integer> fast = ex.map((Integer i) -> slowRank(1), range(30)).toList();
            assertFalse(slow.isDone(), "the fast tasks waited for the slow one");
            assertFalse(fast.contains(slow.join()), "a task waited behind the slow one on its worker");
        });
    }

    @Test
    void exceptionInATaskCarriesTheRemoteTypeMessageTraceAndRank() {
        onRoot(ex -> {
            int zero = 0;
            CompletableFuture<Integer> f = ex.submit(() -> 1 / zero);
            RemoteTaskException e = CompletionCheck.remoteFailure(f, ArithmeticException.class, "/ by zero");
            assertEquals(size() > 1 ? e.workerRank() : 0, e.workerRank());
            assertTrue(size() == 1 || e.workerRank() > 0);
            assertTrue(Arrays.stream(e.getStackTrace()).anyMatch(s -> s.getClassName().equals(
                    MpiCommExecutorTest.class.getName())), Arrays.toString(e.getStackTrace()));
            CompletableFuture<Object> nested = ex.submit(() -> {
                throw new IllegalStateException("outer", new java.io.IOException("inner"));
            });
            RemoteTaskException outer = CompletionCheck.remoteFailure(nested, IllegalStateException.class, "outer");
            RemoteTaskException inner = assertInstanceOf(RemoteTaskException.class, outer.getCause());
            assertEquals("java.io.IOException", inner.remoteType());
            assertEquals("inner", inner.remoteMessage());
            // the executor goes on
            assertEquals(3, ex.submit(() -> 3).join());
            RemoteTaskException inMap = assertThrows(RemoteTaskException.class,
                    () -> ex.map((Integer i) -> 10 / (i - 5), range(10)).toList());
            assertEquals(ArithmeticException.class.getName(), inMap.remoteType());
        });
    }

    @Test
    void taskThatCannotBeSerializedFailsAtSubmit() {
        onRoot(ex -> {
            Callable<Integer> plain = () -> 1;
            SerializationException e = assertThrows(SerializationException.class, () -> ex.submit(plain));
            assertTrue(e.getMessage().contains("SerializableCallable"), e.getMessage());
            java.util.function.Function<Integer, Integer> inner = i -> i;
            SerializableCallable<Integer> capturing = () -> inner.apply(1);
            assertThrows(SerializationException.class, () -> ex.submit(capturing));
            Runnable run = () -> { };
            assertThrows(SerializationException.class, () -> ex.submit(run));
            assertEquals(2, ex.submit(() -> 2).join());
        });
    }

    @Test
    void resultThatCannotBeSerializedFailsTheFuture() {
        onRoot(ex -> {
            CompletableFuture<Object> f = ex.submit(() -> (Runnable) () -> { });
            CompletionCheck.remoteFailure(f, SerializationException.class, "cannot be sent back");
        });
    }

    @Test
    void cancelledTaskIsNeverSentAndTheOthersRun() throws Exception {
        onRoot(ex -> {
            int workers = ex.workerCount();
            List<CompletableFuture<Integer>> busy = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                busy.add(ex.submit(() -> slowRank(600)));
            }
            CompletableFuture<Integer> waiting = ex.submit(() -> 7);
            assertTrue(waiting.cancel(true));
            assertThrows(CancellationException.class, waiting::join);
            assertEquals(8, ex.submit(() -> 8).join());
            busy.forEach(CompletableFuture::join);
        });
    }

    @Test
    void shutdownNowCancelsTheTasksNotYetSentAndReturnsThem() {
        onRoot(ex -> {
            int workers = ex.workerCount();
            List<CompletableFuture<Integer>> busy = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                busy.add(ex.submit(() -> slowRank(1000)));
            }
            List<CompletableFuture<Integer>> queued = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                queued.add(ex.submit(() -> 0));
            }
            List<Runnable> never = ex.shutdownNow();
            assertTrue(queued.stream().allMatch(CompletableFuture::isCancelled));
            // a busy task may still have been on its way to a worker (another thread sends it)
            long notSent = busy.stream().filter(CompletableFuture::isCancelled).count();
            assertEquals(10 + notSent, never.size());
            assertTrue(ex.isShutdown());
            assertThrows(RejectedExecutionException.class, () -> ex.submit(() -> 1));
            for (CompletableFuture<Integer> b : busy) {
                if (!b.isCancelled()) {
                    assertTrue(b.join() >= 0); // the running ones still finish
                }
            }
            try {
                assertTrue(ex.awaitTermination(60, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertTrue(ex.isTerminated());
        });
    }

    @Test
    void closeWithTasksPendingRunsThemAllAndReleasesTheWorkers() {
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        try (MpiCommExecutor ex = MpiCommExecutor.create(MPI.COMM_WORLD, 0)) {
            if (ex.isRoot()) {
                for (int i = 0; i < 40; i++) {
                    int x = i;
                    futures.add(ex.submit(() -> x + 1000));
                }
            }
        }
        for (int i = 0; i < futures.size(); i++) {
            assertTrue(futures.get(i).isDone());
            assertEquals(i + 1000, futures.get(i).join());
        }
        // the communicator is usable again at once: every rank has left the executor
        int[] one = {1};
        int[] sum = new int[1];
        MPI.COMM_WORLD.allreduce(one, sum, org.mpi4j.Op.SUM);
        assertEquals(size(), sum[0]);
    }

    @Test
    void invokeAllAndInvokeAny() throws Exception {
        onRoot(ex -> {
            List<SerializableCallable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int x = i;
                tasks.add(() -> x * 10);
            }
            try {
                List<Future<Integer>> all = ex.invokeAll(tasks);
                for (int i = 0; i < 12; i++) {
                    assertTrue(all.get(i).isDone());
                    assertEquals(i * 10, all.get(i).get());
                }
                int any = ex.invokeAny(tasks);
                assertTrue(any % 10 == 0 && any < 120);
                List<SerializableCallable<Integer>> failing = List.of(() -> {
                    throw new IllegalStateException("no");
                });
                ExecutionException e = assertThrows(ExecutionException.class, () -> ex.invokeAny(failing));
                assertInstanceOf(RemoteTaskException.class, e.getCause());
            } catch (InterruptedException | ExecutionException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void getWithTimeoutTimesOutAndTheTaskStillCompletes() {
        onRoot(ex -> {
            CompletableFuture<Integer> f = ex.submit(() -> slowRank(500));
            assertThrows(TimeoutException.class, () -> f.get(10, TimeUnit.MILLISECONDS));
            assertTrue(f.join() >= 0);
        });
    }

    /** What the initializer sets on each worker. */
    static volatile String initialized = "no";

    @Test
    void initializerRunsOnEveryWorkerBeforeItsTasks() {
        try (MpiCommExecutor ex = MpiCommExecutor.create(MPI.COMM_WORLD, 0, () -> initialized = "yes")) {
            if (ex.isRoot()) {
                List<String> seen = ex.map((Integer i) -> initialized + slowRank(20), range(4 * ex.workerCount()))
                        .toList();
                assertTrue(seen.stream().allMatch(s -> s.startsWith("yes")), seen.toString());
            }
        }
        initialized = "no";
    }

    @Test
    void failingInitializerBreaksTheExecutorWithoutHanging() {
        try (MpiCommExecutor ex = MpiCommExecutor.create(MPI.COMM_WORLD, 0, () -> {
            throw new IllegalStateException("cannot initialize");
        })) {
            if (ex.isRoot()) {
                Throwable cause;
                try {
                    CompletableFuture<Integer> f = ex.submit(() -> 1);
                    cause = assertThrows(java.util.concurrent.CompletionException.class, f::join).getCause();
                } catch (RejectedExecutionException e) {
                    cause = e; // the failure had already arrived
                }
                assertTrue(cause instanceof RejectedExecutionException || cause instanceof RemoteTaskException,
                        cause.toString());
                RejectedExecutionException later = assertThrows(RejectedExecutionException.class,
                        () -> ex.submit(() -> 2));
                RemoteTaskException remote = assertInstanceOf(RemoteTaskException.class, later.getCause().getCause());
                assertEquals("cannot initialize", remote.remoteMessage());
            }
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> MpiCommExecutor.create(MPI.COMM_WORLD, size()));
        assertThrows(IllegalArgumentException.class, () -> MpiCommExecutor.create(MPI.COMM_WORLD, -1));
        assertThrows(NullPointerException.class, () -> MpiCommExecutor.create(null, 0));
        assertThrows(IllegalArgumentException.class, () -> new MapOptions(0, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new MapOptions(1, -1, true));
        assertThrows(IllegalStateException.class, Run::executor);
    }
}
