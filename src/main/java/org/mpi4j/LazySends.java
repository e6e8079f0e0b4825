package org.mpi4j;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@link LazySend}s of this process not yet finished, the daemon thread that progresses them,
 * and the check every send of mpi4j makes first.
 *
 * <p>The pump thread is what lets the user's thread block in any MPI call (a receive, a barrier, a
 * wait on another request) after an {@code isendObject}: the receiver may be waiting for chunks
 * this process has not posted yet. It runs only while lazy sends are pending, parks between rounds
 * in which nothing moved, and is stopped before {@code MPI_Finalize}. Lazy sends exist only at
 * {@code MPI_THREAD_MULTIPLE}: at lower levels no second thread may call MPI.
 *
 * <p>Ordering: a later message of this process to the same destination with the same tag on the
 * same communicator would overtake the chunks not yet posted (and land in the receives the
 * receiver posted for them). So every send first calls {@link #beforeSend}, which reads
 * {@link #pending} and, if any lazy send is pending, posts all remaining chunks of one with that
 * key at once.
 */
final class LazySends {
    private LazySends() {
    }

    /** How many lazy sends are registered: the one field the hot path of every send reads. */
    static volatile int pending;

    private static final List<LazySend> SENDS = new ArrayList<>();
    private static Thread pump;
    private static volatile boolean stopped;

    /** Whether lazy sends may be used: a second thread may call MPI, and MPI is not finalizing. */
    static boolean available() {
        return Environment.threadMultiple() && !stopped;
    }

    static boolean stopped() {
        return stopped;
    }

    /** Registers {@code s} (already progressed once) and makes sure the pump runs. */
    static void add(LazySend s) {
        synchronized (SENDS) {
            if (s.isFinished()) {
                return;
            }
            SENDS.add(s);
            pending = SENDS.size();
            if (pump == null && !stopped) {
                pump = Thread.ofPlatform().daemon().name("mpi4j-send-pump").unstarted(LazySends::run);
                pump.start();
            }
        }
    }

    static void remove(LazySend s) {
        synchronized (SENDS) {
            SENDS.remove(s);
            pending = SENDS.size();
        }
    }

    private static LazySend[] snapshot() {
        synchronized (SENDS) {
            return SENDS.toArray(LazySend[]::new);
        }
    }

    /**
     * Before a send to {@code (comm, dest, tag)}: posts at once every chunk of a pending lazy send with
     * that key (the memory saving is lost for it, but the order is kept). With none pending, the
     * one volatile read of the hot path: small enough for the JIT to inline at every send.
     */
    static void beforeSend(MemorySegment comm, int dest, int tag) {
        if (pending != 0) {
            flushKey(comm, dest, tag);
        }
    }

    private static void flushKey(MemorySegment comm, int dest, int tag) {
        long c = comm.address();
        for (LazySend s : snapshot()) {
            if (s.sameKey(c, dest, tag)) {
                s.flush();
            }
        }
    }

    /**
     * Posts every chunk of every pending lazy send on {@code comm} ({@code null}: on any): before a
     * persistent send starts (its destination and tag are not at hand) and before the communicator is
     * freed or disconnected.
     */
    static void flush(MemorySegment comm) {
        if (pending == 0) {
            return;
        }
        for (LazySend s : snapshot()) {
            if (comm == null || s.sameComm(comm.address())) {
                s.flush();
            }
        }
    }

    private static void run() {
        for (int idle = 0; ; ) {
            LazySend[] sends;
            synchronized (SENDS) {
                if (stopped || SENDS.isEmpty()) {
                    pump = null;
                    return;
                }
                sends = SENDS.toArray(LazySend[]::new);
            }
            boolean moved = false;
            for (LazySend s : sends) {
                moved |= s.progress();
            }
            if (moved) {
                idle = 0;
            } else {
                // a 64 MiB chunk takes milliseconds: a short park costs no bandwidth and frees the core
                LockSupport.parkNanos(idle++ < 20 ? 50_000L : 200_000L);
            }
        }
    }

    /**
     * Stops the pump before {@code MPI_Finalize}, waiting for its round to end, so it never calls MPI
     * afterwards. Lazy sends still pending (an erroneous program: a request not completed before
     * finalisation) first post all their chunks, so that they stand where an eager send would
     * (posted, left to {@code MPI_Finalize}); tested afterwards, they fail with an
     * {@link IllegalStateException}.
     */
    static void stop() {
        flush(null);
        Thread t;
        synchronized (SENDS) {
            stopped = true;
            t = pump;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
