package org.mpi4j.testing.programs;

import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.mpi4j.MPI;

/**
 * 1,000 virtual threads per rank exchange arrays and objects with blocking calls, with one
 * carrier thread ({@code -Djdk.virtualThreadScheduler.parallelism=1}): half of them receive before
 * they send, so a receive that held the carrier would deadlock the process.
 */
public final class VirtualThreadsExchange {
    private VirtualThreadsExchange() {
    }

    public static void main(String[] args) throws Exception {
        var world = MPI.COMM_WORLD;
        int rank = world.rank();
        int size = world.size();
        int next = (rank + 1) % size;
        int prev = (rank + size - 1) % size;
        int n = 1000;
        AtomicInteger good = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                int tag = i;
                pool.submit(() -> {
                    // thread k receives what thread k^1 of the previous rank sends it: the even ones
                    // receive first and wait for an odd one that has not run yet
                    int partner = tag ^ 1;
                    int[] got = new int[1];
                    String obj;
                    if (tag % 2 == 0) {
                        world.recv(got, prev, tag, null);
                        world.send(new int[] {rank * 10_000 + tag}, next, partner);
                        obj = world.recvObject(prev, n + tag);
                        world.sendObject("from " + rank + " #" + tag, next, n + partner);
                    } else {
                        world.send(new int[] {rank * 10_000 + tag}, next, partner);
                        world.recv(got, prev, tag, null);
                        world.sendObject("from " + rank + " #" + tag, next, n + partner);
                        obj = world.recvObject(prev, n + tag);
                    }
                    if (got[0] == prev * 10_000 + partner && obj.equals("from " + prev + " #" + partner)) {
                        good.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        System.out.println("rank " + rank + ": " + good.get() + " of " + n + " exchanges correct");
    }
}
