package org.mpi4j.bench;

/**
 * The sizes and iteration counts of {@code pingpong.c}, so that every peer does the same work:
 * a count is {@code (timed, warm-up)}, both multiplied by {@code BENCH_SCALE} (at least 2).
 */
record Plan(int iters, int warm) {
    /** Message sizes of the latency bench (bytes). */
    static final long[] LATENCY_SIZES = {0, 1, 8, 64, 512, 4096, 32768, 262144, 1048576, 4194304};
    /** Message sizes of the bandwidth bench (bytes). */
    static final long[] BANDWIDTH_SIZES = {4096, 32768, 262144, 1048576, 4194304};
    /** The largest message. */
    static final int MAX_SIZE = 4194304;
    /** Doubles in the large allreduce (8 MiB). */
    static final int BIG = 1048576;
    /** Messages in flight per bandwidth iteration. */
    static final int WINDOW = 64;
    /** Bytes in the bcast bench. */
    static final int BCAST_SIZE = 1048576;

    static final int TAG_PP = 1;
    static final int TAG_BW = 2;
    static final int TAG_ACK = 3;

    /** {@code n * scale}, at least 2, as {@code scaled()} in pingpong.c. */
    static int scaled(int n, double scale) {
        int v = (int) (n * scale);
        return Math.max(v, 2);
    }

    static Plan of(int iters, int warm, double scale) {
        return new Plan(scaled(iters, scale), scaled(warm, scale));
    }

    /** pingpong.c's {@code pp_iters}. */
    static Plan pingPong(long size, double scale) {
        if (size <= 8192) {
            return of(10000, 1000, scale);
        } else if (size <= 65536) {
            return of(2000, 200, scale);
        } else if (size <= 262144) {
            return of(500, 50, scale);
        } else if (size <= 1048576) {
            return of(200, 20, scale);
        }
        return of(50, 10, scale);
    }

    /** pingpong.c's {@code bw_iters}. */
    static Plan bandwidth(long size, double scale) {
        if (size <= 4096) {
            return of(500, 50, scale);
        } else if (size <= 32768) {
            return of(200, 20, scale);
        } else if (size <= 262144) {
            return of(50, 5, scale);
        } else if (size <= 1048576) {
            return of(20, 3, scale);
        }
        return of(10, 2, scale);
    }

    static Plan allreduceSmall(double scale) {
        return of(10000, 1000, scale);
    }

    static Plan allreduceBig(double scale) {
        return of(40, 5, scale);
    }

    static Plan bcast(double scale) {
        return of(200, 20, scale);
    }

    /** pingpong.c's {@code io_all} counts: 50 timed, 5 warm-up. */
    static Plan io(double scale) {
        return of(50, 5, scale);
    }

    /**
     * How the warm-up pass runs one bench: {@code calls} calls of the bench's method with
     * {@code plan} each. Many short calls, so that the JIT compiles the method itself (it needs some
     * hundreds of invocations), not only its loop. Each warm-up plan has a warm-up iteration of its
     * own: with none, the timed pass's first untimed iteration took a branch the JIT had compiled as
     * never taken, and the bench fell back to the interpreter while it was being timed.
     */
    record Warm(int calls, Plan plan) {
        /** Fewer calls for smoke tests ({@code scale < 1}), at least one. */
        int calls(double scale) {
            return Math.max(1, (int) (calls * Math.min(scale, 1.0)));
        }
    }

    static Warm warmPingPong(long size) {
        return size <= 65536 ? new Warm(2500, new Plan(20, 1)) : new Warm(10, new Plan(2, 1));
    }

    static Warm warmBandwidth(long size) {
        if (size <= 4096) {
            return new Warm(1500, new Plan(1, 1));
        }
        return size <= 32768 ? new Warm(300, new Plan(1, 1)) : new Warm(3, new Plan(1, 1));
    }

    static Warm warmAllreduce(long bytes) {
        // measured: on ranks bound to one core each, the first ~200k small allreduces of a JVM run at
        // 3.5 us, the next 200k at 0.6 us, then at C's 0.4 us; 400k warm-up calls take about 0.5 s
        return bytes <= 8 ? new Warm(40_000, new Plan(10, 1)) : new Warm(3, new Plan(1, 1));
    }

    static Warm warmIo() {
        // 3 calls left the heap path to the JIT during the 50 timed calls (measured with --verbose:
        // 15-18 ms of compilation in a 10 ms loop, the heap read at a third of its speed); 2,000 calls
        // of 4 MiB take about a second per bench
        return new Warm(1000, new Plan(1, 1));
    }

    static Warm warmBcast() {
        return new Warm(700, new Plan(1, 1));
    }
}
