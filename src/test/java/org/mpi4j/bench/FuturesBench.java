package org.mpi4j.bench;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import org.mpi4j.Intracomm;
import org.mpi4j.futures.MpiCommExecutor;

/**
 * The executor benches of {@code ../shared/bench/futures_mpi4py.py}, with the same definitions:
 * rank 0 submits through an {@link MpiCommExecutor} over the world, the other ranks serve.
 *
 * <ul>
 * <li>{@code futures_latency}: after 200 warm-up tasks, 2000 tiny tasks ({@code x * x}) each
 * submitted and waited for, in us per task;
 * <li>{@code futures_throughput}: {@code map} of {@code x * x} over 20000 inputs, chunk size 1, in
 * tasks/s;
 * <li>{@code futures_map_chunked}: the same with chunk size 64.
 * </ul>
 *
 * Counts scale with {@code --scale} / {@code BENCH_SCALE}; as the other benches, a warm-up pass of
 * the whole set runs first (unless {@code --no-warmup}), its numbers dropped.
 */
final class FuturesBench {
    static final String IMPL = "mpi4j";

    private FuturesBench() {
    }

    static int square(int x) {
        return x * x;
    }

    static int run(Intracomm comm, Bench.Args a, PrintStream out) {
        if (comm.size() != 3) {
            if (comm.rank() == 0) {
                System.err.println("bench futures: needs exactly 3 ranks, 1 root and 2 workers (got " + comm.size()
                        + ")");
            }
            return 2;
        }
        double scale = a.scale();
        Results results = new Results(true, false);
        try (MpiCommExecutor ex = MpiCommExecutor.create(comm, 0)) {
            if (ex.isRoot()) {
                if (!a.flag("no-warmup")) {
                    pass(ex, new Results(false, false), scale);
                }
                pass(ex, results, scale);
            }
        }
        if (comm.rank() == 0) {
            if (a.flag("csv")) {
                results.printCsv(out);
            } else {
                out.printf(Locale.ROOT, "# mpi4j futures on %d ranks (1 root, %d workers), scale %s%n", comm.size(),
                        comm.size() - 1, scale);
                results.printTable(out);
            }
        }
        return 0;
    }

    private static int scaled(int n, double scale) {
        return Math.max(2, (int) (n * scale));
    }

    private static void pass(MpiCommExecutor ex, Results results, double scale) {
        try {
            for (int i = 0, n = scaled(200, scale); i < n; i++) {
                int x = 3;
                ex.submit(() -> square(x)).get();
            }
            int n = scaled(2000, scale);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int x = i;
                if (ex.submit(() -> square(x)).get() != i * i) {
                    throw new IllegalStateException("wrong result for " + i);
                }
            }
            results.add(IMPL, "futures_latency", 8, (System.nanoTime() - t0) / 1e3 / n, "us");
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        int n = scaled(20000, scale);
        for (int chunk : new int[] {1, 64}) {
            long t0 = System.nanoTime();
            long total = ex.map(FuturesBench::square, range(n), chunk).mapToLong(Integer::longValue).sum();
            double rate = n / ((System.nanoTime() - t0) / 1e9);
            results.add(IMPL, chunk == 1 ? "futures_throughput" : "futures_map_chunked", 8, rate, "tasks/s");
            long expected = 0;
            for (int i = 0; i < n; i++) {
                expected += (long) i * i;
            }
            if (total != expected) {
                throw new IllegalStateException("map summed to " + total + ", not " + expected);
            }
        }
    }

    /** Python's {@code range(n)}: the inputs made as they are read. */
    private static Iterable<Integer> range(int n) {
        return () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Integer next() {
                return i++;
            }
        };
    }
}
