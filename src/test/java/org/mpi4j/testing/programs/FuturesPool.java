package org.mpi4j.testing.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.mpi4j.MPI;
import org.mpi4j.futures.MpiPoolExecutor;
import org.mpi4j.futures.RemoteTaskException;
import org.mpi4j.futures.SerializableRunnable;

/**
 * Spawning pools, run on one rank: the default pool, then a pool of as many workers as the first
 * argument says with an initializer, through submit, map, a Runnable, a remote exception and
 * shutdownNow. Prints one line per check.
 */
public final class FuturesPool {
    private FuturesPool() {
    }

    static volatile String initialized = "no";

    static int rankAfter(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return MPI.COMM_WORLD.rank();
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        try (MpiPoolExecutor pool = MpiPoolExecutor.create()) {
            System.out.println("default pool: " + pool.workerCount() + " workers (expected "
                    + MpiPoolExecutor.defaultWorkerCount() + "), task says " + pool.submit(() -> 6 * 7).get());
        }
        SerializableRunnable init = () -> initialized = "yes";
        try (MpiPoolExecutor pool = MpiPoolExecutor.create(n, init)) {
            System.out.println("pool of " + pool.workerCount() + " workers");
            List<Integer> squares = pool.map((Integer i) -> i * i, IntStream.range(0, 50).boxed().toList(), 4)
                    .toList();
            System.out.println("ordered map: " + squares.equals(IntStream.range(0, 50).map(i -> i * i).boxed()
                    .toList()));
            TreeSet<Integer> ranks = new TreeSet<>(pool.mapUnordered((Integer i) -> rankAfter(30),
                    IntStream.range(0, 4 * n).boxed().toList()).toList());
            System.out.println("worker ranks: " + ranks);
            System.out.println("initialized: " + pool.submit(() -> initialized).get());
            System.out.println("runnable: " + pool.submit((SerializableRunnable) () -> { }).get());
            try {
                pool.submit(() -> Integer.parseInt("x")).get();
            } catch (ExecutionException e) {
                RemoteTaskException r = (RemoteTaskException) e.getCause();
                System.out.println("remote: " + r.remoteType() + " on worker " + r.workerRank());
            }
            List<CompletableFuture<Integer>> busy = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                busy.add(pool.submit(() -> rankAfter(500)));
            }
            for (int i = 0; i < 20; i++) {
                pool.submit(() -> rankAfter(500));
            }
            int never = pool.shutdownNow().size();
            System.out.println("shutdownNow returned at least 20: " + (never >= 20));
        }
        System.out.println("pool closed");
    }
}
